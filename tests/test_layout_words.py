"""Titles and 目录 entries break between words and phrases (editor.layout.words)."""
from __future__ import annotations

import pytest

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout import words
from editor.layout.titles import balanced_breaks
from editor.layout.toc import TocEntry, layout_toc
from editor.layout.template import load_template

M = FixedMeasurer()
TITLES = [
    "东西湖区人民政府关于公布第一至第三批区级文物保护单位保护范围和建设控制地带的通知",
    "区人民政府办公室关于印发东西湖区持续改进提升营商环境行动方案的通知",
    "区人民政府办公室关于印发东西湖区推进高校毕业生创新创业和外出务工人员返乡创业工作"
    "行动方案（2025—2027年）的通知",
]
# never torn across two lines
WHOLE = ["文物保护单位", "毕业生", "持续改进", "务工人员", "营商环境", "2025—2027年"]


def _torn(text: str, cuts) -> list[str]:
    out = []
    for w in WHOLE:
        k = text.find(w)
        if k >= 0 and any(k < c < k + len(w) for c in cuts):
            out.append(w)
    return out


def test_word_bounds_keep_words_and_names_whole():
    b = words.word_bounds("推进高校毕业生创新创业")
    assert 4 in b and 7 in b                # 推进|高校|毕业生|…
    assert 5 not in b and 6 not in b        # never 毕|业|生


@pytest.mark.parametrize("title", TITLES)
def test_titles_break_between_phrases(title):
    for size, width in ((22, 442.2), (22, 330.0), (16, 300.0)):
        cuts = balanced_breaks(title, "biaosong", size, width, M)
        assert cuts, (size, width)
        assert _torn(title, cuts) == [], (size, width, cuts)


def test_title_prefers_a_phrase_boundary_to_a_torn_phrase():
    t = "区人民政府办公室关于印发东西湖区持续改进提升营商环境行动方案的通知"
    cuts = balanced_breaks(t, "biaosong", 22, 442.2, M)
    assert [t[a:b] for a, b in zip([0] + cuts, cuts + [len(t)])] == [
        "区人民政府办公室关于印发东西湖区", "持续改进提升营商环境行动方案的通知"]


def test_toc_entries_break_between_words():
    t = load_template("gbt9704")
    entries = [TocEntry(level=0, title="区级文件选登", doc_id=None)] + [
        TocEntry(level=1, title=title, doc_id=f"d{k}") for k, title in enumerate(TITLES)]
    pages = layout_toc(entries, {f"d{k}": 5 * k + 1 for k in range(3)}, t, M)
    rows: dict = {}
    for page in pages:
        for it in page.items:
            if getattr(it, "text", None):
                rows.setdefault(round(it.y), []).append(it)
    lines = ["".join(i.text for i in sorted(v, key=lambda i: i.x)).rstrip("·0123456789")
             for _, v in sorted(rows.items())]
    for title in TITLES:
        k = next(i for i, ln in enumerate(lines) if title.startswith(ln) and ln)
        text, cuts = "", []
        while len(text) < len(title):
            text += lines[k]
            cuts.append(len(text))
            k += 1
        assert text == title, (title, lines)
        assert len(cuts) > 1 and _torn(title, cuts[:-1]) == [], (title, cuts)
