"""``python main.py fonts [ISSUE] [--prepare] [--json]`` (layer: cli).

Shows which font file serves each gazette role (小标宋, 宋体, 仿宋, 楷体, 黑体, 西文),
faces left out because their licence forbids embedding, and the font cache folder.  With
ISSUE (issue.json or *.gazette; ``--sample`` for the bundled issue) the issue is laid out
and every character drawn is checked against the face chosen for it: coverage per face,
per-character substitutions and characters no installed font has.  Office fonts that
are not installed are named with the face standing in (字体替代).  ``--prepare`` makes
the embeddable TrueType files now (first run: conversion with progress), so later builds
are fast; only an issue's characters are ever reported missing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from editor.errors import GazetteError
from editor.fonts.measure import MISSING_FACE

NAME = "fonts"
HELP = "查看字体角色对应的字体文件、整期用字覆盖情况与替代字"

ROLE_LABELS = {"biaosong": "小标宋", "song": "宋体", "fangsong": "仿宋", "kai": "楷体",
               "hei": "黑体", "latin": "西文"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?", help="整期描述 issue.json 或项目文件 *.gazette（检查用字覆盖）")
    parser.add_argument("--sample", action="store_true", help="检查内置样例整期的用字")
    parser.add_argument("--prepare", action="store_true", help="立即生成可嵌入的字体文件（首次较慢）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_issue(path: Path):
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    try:
        from editor.cli.cmd_build import load_any_issue
    except ImportError:
        from editor.issue_json import load_issue as load_any_issue
    return load_any_issue(path, _err)


def issue_chars_by_face(issue, book) -> dict[str, set[str]]:
    """Lay the issue out with ``book`` and collect the characters drawn per face."""
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import chars_by_face
    return chars_by_face(layout_issue(issue, None, measurer=book))


def coverage(book, chars_by_face: dict[str, set[str]]) -> dict[str, dict]:
    """Per face: characters drawn and those the face has no glyph for (the characters no
    face has are drawn as placeholders: they are listed apart, see ``missing``)."""
    out = {}
    for face, chars in sorted(chars_by_face.items()):
        if face == MISSING_FACE:
            continue
        metrics = book.metrics(face)
        lacking = sorted(c for c in chars if not metrics.has(c) and c.isprintable())
        out[face] = {"chars": len(chars), "missing": "".join(lacking)}
    return out


def _print_roles(report: dict, cache: Path) -> None:
    print("字体角色 → 字体文件（按优先顺序）：")
    for role, faces in report["roles"].items():
        first = faces[0]
        more = "，".join(f["face"] for f in faces[1:])
        sub = f"#{first['index']}" if first["index"] else ""
        print(f"  {ROLE_LABELS.get(role, role)}（{role}）：{first['face']}  {first['path']}{sub}"
              + (f"  后备：{more}" if more else ""))
    for face, reason in report["refused"].items():
        print(f"  不使用 {face}：{reason}")
    if report["substituted"]:
        print("字体替代（文件要求的字体未安装）：")
        for role, (wanted, face) in report["substituted"].items():
            print(f"  {ROLE_LABELS.get(role, role)}：{wanted} → {face}")
    print(f"字体缓存：{cache}")


def _base_sets(book) -> dict[str, set[str]]:
    """The base character set of each role's first face that has one, less what the face
    lacks (a Latin face has no 汉字: that is no missing character)."""
    from editor.fonts.charsets import base_chars
    out: dict[str, set[str]] = {}
    for role in ROLE_LABELS:
        face = book.faces_for_role(role)[0]
        if not book.uses_base(book.record(face)):     # converted per issue, quickly
            continue
        metrics = book.metrics(face)
        out.setdefault(face, set()).update(c for c in base_chars() if metrics.has(c))
    return out


def run(args: argparse.Namespace) -> int:
    from editor.fonts import default_fontbook
    book = default_fontbook()
    result: dict = {"cache": str(book.cache)}
    cbf: dict[str, set[str]] = {}
    if args.issue or args.sample:
        from editor.resources import sample_issue_path
        path = Path(args.issue) if args.issue else sample_issue_path()
        cbf = issue_chars_by_face(_load_issue(path), book)
        result["coverage"] = coverage(book, cbf)
    if args.prepare:
        started = time.perf_counter()
        files = book.prepare_for_pdf(cbf or _base_sets(book), _err)
        result["files"] = {face: str(pdf.path) for face, pdf in files.items()}
        _err(f"字体文件已就绪（用时 {time.perf_counter() - started:.2f} 秒）")
    report = book.report()
    drawn = set().union(*cbf.values()) if cbf else set()
    # what this issue needs: substitutions and missing characters among its characters
    result.update(report, substitutions={ch: face for ch, face in report["substitutions"].items()
                                         if ch in drawn},
                  missing="".join(sorted(cbf.get(MISSING_FACE, ()))),
                  substituted={role: found for role in ROLE_LABELS
                               if (found := book.substitute(role))})
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    _print_roles(result, book.cache)
    if "coverage" in result:
        print("整期用字：")
        for face, info in result["coverage"].items():
            state = f"缺 {len(info['missing'])} 字：{info['missing']}" if info["missing"] else "全部有字形"
            print(f"  {face}：{info['chars']} 字，{state}")
    subs = result["substitutions"]
    if subs:
        print(f"替代字（角色字体缺字，由其他字体补）：{len(subs)} 个")
        for ch, face in subs.items():
            print(f"  {ch}（U+{ord(ch):04X}）→ {face}")
    if result["missing"]:
        codes = "、".join(f"{ch}（U+{ord(ch):04X}）" for ch in result["missing"])
        print(f"缺字（所有已安装的字体都没有，页面上以方框内的编码标出）：{codes}")
        return 1
    return 0
