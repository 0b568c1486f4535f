"""标点检查: half-width punctuation in Chinese text (layer: proof, no Qt).

Notices typed in a hurry mix Western marks into Chinese text (``实施,确保`` ``(一)``
``完成.``) and write the year of a 发文字号 in the wrong brackets (GB/T 9704: 〔2025〕).  ``check_punctuation(issue)`` finds these in
every document's text, in reading order, each with the replacement a proofreader would
write; ``FixPunctuation`` (editor.proof.corrections) applies a chosen set as one
undoable step.  The rules are deliberately narrow — only marks touching Chinese text,
never inside numbers (3,000 · 10:30 · 10.5), Latin words or URLs — so a finding is
almost always a real slip.  Spaces between Chinese characters are not reported: slogans
and titles set parallel phrases apart with them (“普惠托育 科学育儿”), and a word split
by a stray space cannot be told from that without a dictionary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from editor.layout import linebreak as lb
from editor.model import Document, Issue, Paragraph
from editor.proof.anchor import block_texts, find_block
from editor.proof.corrections import editable

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
CONTEXT = 8                 # characters shown on each side of a finding
_YEAR_BRACKETS = re.compile(r"[\[(（【〖［]\s*(\d{4})\s*[\])）】〗］]")


@dataclass(frozen=True)
class Finding:
    doc_id: str
    block_id: str
    start: int
    end: int
    found: str
    fix: str
    reason: str
    before: str = ""         # the text just before and after, for the list
    after: str = ""

    @property
    def context(self) -> str:
        """The place as a list shows it: 落实【,】确保."""
        return f"{self.before}【{self.found}】{self.after}".replace("\n", " ")


def check_punctuation(issue: Issue) -> list[Finding]:
    """Every finding of every document, in issue and reading order."""
    out: list[Finding] = []
    for doc in issue.documents():
        out += check_document(doc)
    return out


def check_document(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for block_id, text in block_texts(doc).items():
        # what editable_text says, without looking every block's text up again
        block = find_block(doc, block_id)
        cut = len(block.label) if isinstance(block, Paragraph) else 0
        if not editable(doc, block_id, cut):
            continue
        if block_id == "doc_number":
            found = _doc_number(text)
        else:
            found = _marks(text, cut)
        for start, end, fix, reason in sorted(found):
            out.append(Finding(doc.id, block_id, start, end, text[start:end], fix, reason,
                               text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]))
    return out


def _is_cjk(ch: str) -> bool:
    return lb.char_class(ch) in (lb.HAN, lb.OPEN, lb.CLOSE, lb.PERIOD, lb.MIDDLE) \
        and not ch.isascii()


def _marks(text: str, skip: int) -> list[tuple[int, int, str, str]]:
    """Half-width , ; : ? ! ( ) touching Chinese text, and a half-width full stop ending a
    Chinese sentence (from ``skip``: an automatic number is not the text's own).  A
    bracket goes with its partner: in （1）实施 both become full-width, not only the one
    touching Chinese."""
    out = _single_marks(text, skip)
    pairs = _bracket_pairs(text, skip)
    latin = {i for a, b in pairs if _latin_aside(text, a, b) for i in (a, b)}
    out = [f for f in out if f[0] not in latin]
    flagged = {start for start, *_ in out}
    for a, b in pairs:
        if (a in flagged) != (b in flagged):
            missing = b if a in flagged else a
            out.append((missing, missing + 1, FULL[text[missing]], "中文里用了半角标点"))
    return out


def _latin_aside(text: str, a: int, b: int) -> bool:
    """The ( ) at ``a``, ``b`` belong to a Latin phrase: Latin text before the opening
    one and only Latin inside (``Coca-Cola Bottlers Manufacturing (Wuhan)等``: the
    name's own brackets, which stay half-width although 等 follows)."""
    before = text[a - 1] if a > 0 else ""
    inside = text[a + 1:b]
    return (before == " " or before.isascii() and before.isalnum()) and bool(inside) \
        and all(ch.isascii() for ch in inside) and any(ch.isalpha() for ch in inside)


def _bracket_pairs(text: str, skip: int) -> list[tuple[int, int]]:
    """Positions of matching half-width ( ) pairs."""
    pairs, stack = [], []
    for i in range(skip, len(text)):
        if text[i] == "(":
            stack.append(i)
        elif text[i] == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _single_marks(text: str, skip: int) -> list[tuple[int, int, str, str]]:
    out = []
    for i in range(skip, len(text)):
        ch = text[i]
        before = text[i - 1] if i > skip else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in FULL:
            if (_is_cjk(before) or _is_cjk(after)) and not (before.isdigit() and after.isdigit()):
                out.append((i, i + 1, FULL[ch], "中文里用了半角标点"))
        elif ch == "." and _is_cjk(before) and (not after or after in " \n" or _is_cjk(after)):
            out.append((i, i + 1, "。", "中文句末用了半角句点"))
    return out


def _doc_number(text: str) -> list[tuple[int, int, str, str]]:
    """The year of a 发文字号 in 六角括号 〔〕 (GB/T 9704-2012 7.2.4)."""
    return [(m.start(), m.end(), f"〔{m.group(1)}〕", "发文字号的年份应使用六角括号〔〕")
            for m in _YEAR_BRACKETS.finditer(text)]


def fix_places(findings: list[Finding]) -> list[list]:
    """The places of ``FixPunctuation`` for these findings."""
    return [[f.doc_id, f.block_id, f.start, f.end, f.found, f.fix] for f in findings]


__all__ = ["Finding", "check_punctuation", "check_document", "fix_places"]
