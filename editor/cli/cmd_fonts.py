"""``python main.py fonts [ISSUE] [--prepare] [--json]`` (layer: cli).

Shows which font file serves each gazette role (小标宋, 宋体, 仿宋, 楷体, 黑体, 西文),
faces left out because their licence forbids embedding, and the font cache folder.  With
ISSUE (issue.json or *.gazette; ``--sample`` for the bundled issue) the issue is laid out
and every character drawn is checked against the face chosen for it: coverage per face,
per-character substitutions and characters no installed font has.  Office fonts that
are not installed are named with the face standing in (字体替代).  ``--prepare`` makes
the embeddable TrueType files now (first run: conversion with progress), so later builds
are fast; only an issue's characters are ever reported missing.  The report is made by
``editor.app.checks.font_report``; this module parses and prints.
"""
from __future__ import annotations

import argparse
import json
import sys

from editor.app.checks import ROLE_LABELS

NAME = "fonts"
HELP = "查看字体角色对应的字体文件、整期用字覆盖情况与替代字"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?", help="整期描述 issue.json 或项目文件 *.gazette（检查用字覆盖）")
    parser.add_argument("--sample", action="store_true", help="检查内置样例整期的用字")
    parser.add_argument("--prepare", action="store_true", help="立即生成可嵌入的字体文件（首次较慢）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print_roles(report: dict, cache: str) -> None:
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


def run(args: argparse.Namespace) -> int:
    from editor.app.checks import font_report
    result = font_report(args.issue, sample=args.sample, prepare=args.prepare, progress=_err)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    _print_roles(result, result["cache"])
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
