"""Word and phrase boundaries of Chinese titles (layer: layout).

A title or a 目录 entry running over two lines must break between words (GB/T 9704:
文物保护单位 never as 文物保护|单位, 毕业生 never as 毕业|生), and preferably between
phrases.  ``word_bounds(text)`` gives the positions between the words of ``text``:
segmented by jieba (its dictionary of 350 000 words and HMM for unknown ones — a
fixed list of official-title words cannot know every place name or new term).

Speed.  jieba loads its dictionary in 1–2 s, so it is imported only when a text not
seen before must be segmented, and every result is kept in a small JSON file in the
program's cache folder: a warm build (or the window's start) never loads jieba.  When
jieba is not installed, a built-in list of title words stands in.

``break_cost(text, i)`` rates a break before ``text[i]`` at a word boundary: 0 for a
phrase boundary (after punctuation, 关于, 印发, 的, 和 …), more inside a phrase (before
a head noun such as 单位/方案, after an adverb such as 持续/进一步).
"""
from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

_LOCK = threading.Lock()
_MEMO: dict[str, tuple[int, ...]] = {}
_DIRTY = False
_CACHE_FILE = "words-v1.json"
_MAX_CACHED = 20000

# after these a new phrase starts (official-title grammar)
PHRASE_AFTER = ("关于", "印发", "公布", "转发", "批转", "开展", "做好", "实施", "推进", "进一步",
                "加强", "的", "和", "及", "与", "暨", "、", "，", "；", "：", "）", "》", "”",
                "年）", "通知", "意见", "方案", "办法", "规定", "决定", "报告")
# a break before these words splits a compound: 文物保护|单位, 营商环境|行动方案
HEADS = ("单位", "方案", "办法", "规定", "意见", "细则", "通知", "决定", "报告", "规划", "计划",
         "地带", "范围", "工作", "人员", "环境", "行动", "机制", "体系", "清单", "名单", "任务",
         "生", "者", "员", "区", "局", "办", "室", "会", "部", "中心", "项目", "活动")
# after these the verb or noun they modify follows: 持续|改进 tears a phrase
MODIFIERS = ("持续", "进一步", "全面", "深入", "加快", "大力", "积极", "切实", "不断", "着力",
             "区级", "市级", "省级", "第一至", "第")
_NEVER_BEFORE = set("的）》”、，。；：？！")
_NEVER_AFTER = set("（《“")

# stand-in word ends when jieba is missing (the titles' own vocabulary)
_FALLBACK_WORDS = PHRASE_AFTER + HEADS + MODIFIERS + (
    "地带", "创业", "就业", "政府", "办公室", "毕业生", "高校", "区级", "市级", "省级", "建设",
    "管理", "服务", "发展", "改革", "保护", "外出", "务工", "返乡", "营商")


def word_bounds(text: str) -> tuple[int, ...]:
    """Positions ``i`` (0 < i < len) where a word of ``text`` ends and the next starts."""
    got = _MEMO.get(text)
    if got is None:
        _load_file()
        got = _MEMO.get(text)
    if got is None:
        got = _segment(text)
        with _LOCK:
            global _DIRTY
            _MEMO[text] = got
            _DIRTY = True
        _save_file()
    return got


def break_cost(text: str, i: int) -> float:
    """Cost of breaking before ``text[i]``, in characters of imbalance it is worth:
    ``None``-like large values are never returned for a word boundary; inside a word
    the caller must not break at all."""
    if text[i] in _NEVER_BEFORE or text[i - 1] in _NEVER_AFTER:
        return 100.0
    head = text[:i]
    if any(head.endswith(w) for w in PHRASE_AFTER):
        return 0.0
    tail = text[i:]
    cost = 1.0
    if any(tail.startswith(w) for w in HEADS):
        cost += 4.0
    if any(head.endswith(w) for w in MODIFIERS):
        cost += 4.0
    return cost


def better_break(text: str, i: int, lo: int, reach: int = 4) -> int:
    """A break at or up to ``reach`` characters before ``i`` (never before ``lo``) that
    ends a phrase rather than tearing one: the boundary with the lowest
    ``break_cost`` + ½ per character given up; ``i`` itself when nothing is better."""
    best, best_cost = i, break_cost(text, i) if 0 < i < len(text) else 0.0
    if best_cost == 0.0:
        return i
    kept = kept_whole(text)
    for j in word_bounds(text):
        if max(lo, i - reach) <= j < i and j not in kept:
            cost = break_cost(text, j) + 0.5 * (i - j)
            if cost < best_cost:
                best, best_cost = j, cost
    return best


# a number range: 2025—2027, 2025-2027年, 1～3, 3至5 (the dash or tilde joins two numbers)
_RANGE_RE = re.compile(r"[0-9０-９][0-9０-９.]*\s*[—–\-～~〜至]{1,2}\s*[0-9０-９]")
_BRACKETS = {"（": "）", "(": ")", "〔": "〕", "【": "】", "［": "］", "[": "]"}
MAX_KEPT_BRACKET = 12    # a bracketed unit up to this many characters inside stays whole


def kept_whole(text: str) -> set[int]:
    """Positions ``i`` where a 目录 entry or title line must not break before ``text[i]``
    on top of the body's rules (TYPOGRAPHY.md NEVER_SPLIT): inside a number range
    (（2025—|2027年） tore the year range over two lines) and inside a short bracketed
    unit such as （2025—2027年） or 〔2025〕 or （试行）."""
    out: set[int] = set()
    for m in _RANGE_RE.finditer(text):
        out.update(range(m.start() + 1, m.end()))
    for a, ch in enumerate(text):
        close = _BRACKETS.get(ch)
        if close is None:
            continue
        b = text.find(close, a + 1)
        if b != -1 and b - a - 1 <= MAX_KEPT_BRACKET and "\n" not in text[a:b]:
            out.update(range(a + 1, b + 1))
    return out


def _segment(text: str) -> tuple[int, ...]:
    cut = _jieba_cut()
    if cut is None:
        return _fallback(text)
    out, pos = [], 0
    for word in cut(text):
        pos += len(word)
        if 0 < pos < len(text):
            out.append(pos)
    return tuple(out)


def _fallback(text: str) -> tuple[int, ...]:
    return tuple(i for i in range(1, len(text))
                 if any(text.endswith(w, 0, i) for w in _FALLBACK_WORDS)
                 or not ("\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"))


_JIEBA = []


def _jieba_cut():
    """jieba's ``cut`` (HMM on), loaded on first use; None when jieba is missing."""
    if _JIEBA:
        return _JIEBA[0]
    with _LOCK:
        if not _JIEBA:
            try:
                import jieba
            except ImportError:
                _JIEBA.append(None)
            else:
                jieba.setLogLevel(60)
                tok = jieba.Tokenizer()
                folder = _cache_dir()
                if folder is not None:
                    tok.tmp_dir = str(folder)
                _JIEBA.append(tok.cut)
    return _JIEBA[0]


# -- the persistent memo --------------------------------------------------------------

_LOADED = []


def _cache_dir() -> Path | None:
    if os.environ.get("GONGBAO_NO_WORD_CACHE"):
        return None
    try:
        from editor.appdirs import cache_dir
        folder = cache_dir() / "words"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        return None


def _load_file() -> None:
    if _LOADED:
        return
    _LOADED.append(True)
    folder = _cache_dir()
    if folder is None:
        return
    try:
        data = json.loads((folder / _CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict):
        with _LOCK:
            for text, bounds in data.items():
                if isinstance(bounds, list):
                    _MEMO.setdefault(text, tuple(int(b) for b in bounds))


def _save_file() -> None:
    global _DIRTY
    folder = _cache_dir()
    if folder is None or not _DIRTY:
        return
    with _LOCK:
        items = list(_MEMO.items())[-_MAX_CACHED:]
        _DIRTY = False
    tmp = folder / f"{_CACHE_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps({t: list(b) for t, b in items}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, folder / _CACHE_FILE)
    except OSError:
        tmp.unlink(missing_ok=True)
