"""Proof rounds as use cases shared by the window and the command line (layer: app, no Qt).

``summary_lines`` tells, in Chinese, what reading a marked-up proof PDF found: the marks
by kind, each mark with its quote, and the marks that could not be placed.
"""
from __future__ import annotations

from collections import Counter


def summary_lines(result) -> list[str]:
    """Chinese lines summarising an ImportResult."""
    kinds = Counter(a.kind for a in result.annotations)
    summary = "、".join(f"{k} {kinds[k]}" for k in "改删增疑注" if kinds[k])
    lines = [f"读到 {len(result.annotations)} 条批注（{summary or '无'}），"
             f"对已有批注的答复 {len(result.replies)} 条。"]
    for ann in result.annotations:
        where = f"「{ann.quote[:16]}」" if ann.quote else f"「{ann.prefix[-6:]}‸{ann.suffix[:6]}」"
        extra = f" → {ann.new_text}" if ann.kind in ("改", "增") else ""
        flag = "（原文已改动，待重新定位）" if ann.orphaned else ""
        lines.append(f"  {ann.kind} {where}{extra} {ann.note[:30]}{flag}".rstrip())
    if result.unplaced:
        lines.append(f"未能定位 {len(result.unplaced)} 条：")
        lines += [f"  {u.describe()}" for u in result.unplaced]
    return lines
