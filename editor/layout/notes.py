"""Footnotes at the foot of their page, endnotes after the text (layer: layout).

A note is attached to its reference point by a text-less ``Run(note=…)`` (the import's
``Footnote``).  This module turns a document's notes into what the paginator needs:

- ``NoteMarks``: for every note, whether and how it prints — footnotes (脚注) with a mark
  ①②③ (or 1 2 3, [1] [2]: the template's ``[footnotes] mark``) restarting on every page or
  running through the document (``restart``); endnotes (尾注) numbered through the
  document under the heading 注释 (``[endnotes]``).  Notes called from the head
  (``Document.head_notes``: ① after a title) come first.  The mark in the text is a raised,
  smaller span that carries the note's id (``Span.note`` → ``TextItem.note``), glued to
  the character before it (``editor.layout.prepare``).
- ``FootArea``: the notes of the page being filled.  ``flow_pages`` asks it, for every
  placement, which new notes the placed lines call and how far up the body must then end
  (``room_for``); the body frame shrinks by the notes' height (a separator rule of
  ``separator_width`` × 版心 width, then the notes in the ``footnote`` style, lines
  justified).  The notes of one page take at most ``max_share`` of the 版心 height: the
  last note may run over to the foot of the next page (at least ``min_lines`` of it
  stay); a line holding a reference never goes on a page without the start of its note
  (the body is cut before that line instead).  With ``restart = "page"`` the marks of a
  finished page are numbered ①② in reading order (``finish_page``).

Both painters draw the items made here: rules are ``LineItem``s, marks and notes
``TextItem``s with their ``Source`` (the note paragraph's id, fn1p1).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

from editor import model
from editor.layout.flow import Frame, Span
from editor.layout.items import LayoutWarning, LineItem, Source, TextItem
from editor.layout.paragraph import ParagraphFlowable

EPS = 0.01
RISE = 0.55             # a mark's baseline is raised by this share of the mark's own size

_CIRCLED = ([chr(0x2460 + k) for k in range(20)] + [chr(0x3251 + k) for k in range(15)]
            + [chr(0x32B1 + k) for k in range(15)])


def mark_text(n: int, style: str) -> str:
    """The mark of note ``n`` (1-based): circled ①…㊿ (then (51)), arabic 1 or
    bracketed [1]."""
    if style == "circled":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"
    if style == "bracketed":
        return f"[{n}]"
    return str(n)


def mark_span(run: model.Run, role: str, size: float) -> Span:
    """The span of a note mark in a table cell set at ``size``: ``run`` is the cell's
    mark run as ``NoteMarks.cell_table`` rewrote it (its ``size`` holds the mark's share
    of the text size)."""
    mark = round(size * (run.size or 0.6), 2)
    return Span(run.text, role, mark, rise=round(mark * RISE, 2), note=run.note or "")


@dataclass
class NoteMarks:
    """How the notes of one document print (see the module docstring)."""
    doc: model.Document
    template: object
    foot: dict = field(default_factory=dict)       # note id -> mark while composing
    end: dict = field(default_factory=dict)        # endnote id -> its mark
    loose: list = field(default_factory=list)      # notes with no reference in the text
    head: list = field(default_factory=list)       # ids called from the printed head parts

    def __post_init__(self) -> None:
        cfg = self.template.section("footnotes")
        self.style = str(cfg["mark"])
        self.per_page = str(cfg["restart"]) == "page"
        self.share = float(cfg["mark_size"])
        end_style = str(self.template.get("endnotes", "mark"))
        notes = {n.id: n for n in self.doc.footnotes}
        order = []
        for nid in self.head + model.note_ids_referenced(self.doc.all_blocks()):
            if nid in notes and nid not in order and notes[nid].plain_text:
                order.append(nid)
        feet = [nid for nid in order if notes[nid].kind != "endnote"]
        for k, nid in enumerate(feet, 1):
            self.foot[nid] = mark_text(1 if self.per_page else k, self.style)
        ends = [nid for nid in order if notes[nid].kind == "endnote"]
        for k, nid in enumerate(ends, 1):
            self.end[nid] = mark_text(k, end_style)
        self.loose = [n for n in self.doc.footnotes if n.id not in order and n.plain_text]

    def mark_for(self, note_id: str) -> tuple[str, str]:
        """(mark text, id the paginator keeps the note by — "" for an endnote), or
        ("", "") for a reference that prints nothing (a missing or empty note)."""
        if note_id in self.foot:
            return self.foot[note_id], note_id
        return self.end.get(note_id, ""), ""

    def span(self, note_id: str, st, source_role: str | None = None) -> Span | None:
        """The raised mark span after the referenced character, in the text's style."""
        text, keep = self.mark_for(note_id)
        if not text:
            return None
        size = round(st.size * self.share, 2)
        return st.span(text, None, role=source_role or st.role, size=size,
                       rise=round(size * RISE, 2), bold=False, note=keep)

    def cell_table(self, table: model.Table) -> model.Table:
        """``table`` with each note reference in its cells as a mark run (text = the mark,
        ``size`` = the mark's share of the text size) for the table layout, which sets
        it with ``mark_span``; the table itself when it has none."""
        if not model.note_ids_referenced([table]):
            return table
        table = copy.deepcopy(table)

        def rewrite(blocks) -> None:
            for b in blocks:
                if isinstance(b, model.Paragraph):
                    runs = []
                    for r in b.runs:
                        if r.note:
                            text, keep = self.mark_for(r.note)
                            if text:
                                runs.append(model.Run(text=text, note=keep, size=self.share))
                        else:
                            runs.append(r)
                    b.runs = runs
                elif isinstance(b, model.Table):
                    for row in b.rows:
                        for cell in row.cells:
                            rewrite(cell.blocks)
        for row in table.rows:
            for cell in row.cells:
                rewrite(cell.blocks)
        return table


# -- the notes at the page foot ------------------------------------------------------------

class NotePiece:
    """One paragraph of a footnote (or what is left of it) as set at the page foot; the
    first paragraph of a note has the note's mark standing before its first line."""

    def __init__(self, note_id: str, para: ParagraphFlowable, mark_style, hang: float,
                 first: bool):
        self.note_id = note_id
        self.para = para
        self.mark_style = mark_style
        self.hang = hang
        self.first = first

    def height(self, frame: Frame) -> float:
        return self.para.height(frame)

    def least(self, frame: Frame, lines: int) -> float:
        """Height of its first ``lines`` lines (all when it has fewer)."""
        ls = self.para.lines(frame.width)
        return sum(ln.pitch for ln in ls[:max(1, lines)])

    def place(self, frame: Frame, y: float, mark: str, measurer, first: bool = False
              ) -> tuple[list, "NotePiece | None", float]:
        pl = self.para.place(frame, y, first)
        items = list(pl.items)
        if items and self.first and mark:
            base = next((it.y for it in items if isinstance(it, TextItem)), y)
            items.insert(0, _mark_item(mark, frame.x + self.para.fmt.left_indent - self.hang,
                                       base, self.mark_style, measurer, self.para))
        rest = None
        if pl.rest is not None and pl.items:
            rest = NotePiece(self.note_id, pl.rest, self.mark_style, self.hang, False)
        elif pl.rest is not None:
            rest = self
        return items, rest, pl.y_end


def _mark_item(mark: str, x: float, baseline: float, st, measurer,
               para: ParagraphFlowable) -> TextItem:
    xs, at = [], x
    for ch in mark:
        xs.append(at)
        at += measurer.advance(ch, st.role, st.size)
    src = next((s.source for s in para.spans if s.source is not None), None)
    return TextItem(x=x, y=baseline, text=mark, face=measurer.face_for(mark[0], st.role),
                    size=st.size, xs=xs, width=at - x, color=st.color, role=st.role,
                    source=Source(src.doc_id, src.block_id, 0, 0) if src else None)


def note_pieces(doc: model.Document, marks: NoteMarks, template, measurer,
                spans_for) -> dict[str, list[NotePiece]]:
    """The footnotes that print at the page foot: note id → its paragraphs as pieces.
    ``spans_for(paragraph, style)`` makes a paragraph's spans (the document builder's)."""
    st = template.style("footnote")
    hang = template.length(template.get("footnotes", "hang"), st.size)
    out: dict[str, list[NotePiece]] = {}
    for note in doc.footnotes:
        if note.id not in marks.foot:
            continue
        pieces = []
        for k, block in enumerate(note.blocks):
            fmt = st.fmt(left_indent=st.left_indent + hang, first_indent=0.0,
                         space_before=0.0, space_after=0.0, keep_with_next=False)
            para = ParagraphFlowable(spans_for(block, st), fmt, measurer)
            pieces.append(NotePiece(note.id, para, st, hang, k == 0))
        if pieces:
            out[note.id] = pieces
    return out


class FootArea:
    """The footnotes of the page being filled (see the module docstring)."""

    def __init__(self, pieces: dict[str, list[NotePiece]], marks: NoteMarks, template,
                 measurer):
        self.pieces = pieces
        self.marks = marks
        self.t = template
        self.m = measurer
        cfg = template.section("footnotes")
        self.share = float(cfg["separator_width"])
        self.weight = float(cfg["separator_weight"])
        self.above = template.length(cfg["separator_above"])
        self.below = template.length(cfg["separator_below"])
        self.max_share = float(cfg["max_share"])
        self.min_lines = int(cfg["min_lines"])
        self.carry: list[NotePiece] = []
        self.done: set[str] = set()
        self.start_page(template.frame(1, False))

    # -- the page --------------------------------------------------------------------------
    def start_page(self, base: Frame, notes_only: bool = False) -> None:
        """A new page with frame ``base``: what ran over from the last page comes first
        (on a page of ``notes_only`` it may fill the whole 版心)."""
        self.base = base
        self.ids: list[str] = []
        self.closed = False
        self.cap = (1.0 if notes_only else self.max_share) * base.height
        carry = self._heights(self.carry)
        if carry and self.separator() + carry > self.cap:
            self.closed = True          # still running over: no new note fits here

    def separator(self) -> float:
        return self.above + self.below

    def _heights(self, pieces: list[NotePiece]) -> float:
        return sum(p.height(self.base) for p in pieces)

    def _note_height(self, nid: str) -> float:
        return self._heights(self.pieces[nid])

    def height(self) -> float:
        """Height the notes of this page take at its foot (0 without notes)."""
        if not self.carry and not self.ids:
            return 0.0
        total = self.separator() + self._heights(self.carry) + sum(
            self._note_height(n) for n in self.ids)
        return min(total, self.cap) if self.closed else total

    def body_bottom(self) -> float:
        return self.base.bottom - self.height()

    # -- what a placement calls for ---------------------------------------------------------
    def new_refs(self, items: list) -> list[tuple[str, TextItem]]:
        out, seen = [], set(self.ids) | self.done
        for it in items:
            nid = getattr(it, "note", "")
            if nid and nid in self.pieces and nid not in seen:
                seen.add(nid)
                out.append((nid, it))
        return out

    def room_for(self, new: list[str]) -> tuple[float, int | None, bool]:
        """(bottom the body must end above, index of the first new note that cannot start
        on this page or None, whether the last note taken runs over to the next page)."""
        if self.closed:
            return self.body_bottom(), 0, False
        used = self.separator() + self._heights(self.carry) + sum(
            self._note_height(n) for n in self.ids)
        for j, nid in enumerate(new):
            full = self._note_height(nid)
            if used + full <= self.cap + EPS:
                used += full
                continue
            least = self.pieces[nid][0].least(self.base, self.min_lines)
            if used + least <= self.cap + EPS:      # this note runs over to the next page
                return self.base.bottom - self.cap, (j + 1 if j + 1 < len(new) else None), True
            return self.base.bottom - used, j, False
        return self.base.bottom - used, None, False

    def take(self, new: list[str], runs_over: bool) -> None:
        self.ids.extend(new)
        self.closed = self.closed or runs_over

    # -- setting the notes ------------------------------------------------------------------
    def finish_page(self, items: list, page: int) -> tuple[list, list[LayoutWarning]]:
        """Number the page's marks (per page) and set its notes at the foot; what does not
        fit runs over (``carry``).  Returns the items to add and any warnings."""
        numbers = self._numbers(items)
        if not self.carry and not self.ids:
            return [], []
        top = self.base.bottom - self.height()
        if self.closed and self.carry_on():     # running over: it takes the page's free space
            top = max(min(top, body_end(items) + EPS), self.base.y)
        y = top + self.above
        out: list = [LineItem(self.base.x, y, self.base.x + self.share * self.base.width, y,
                              width=self.weight)]
        y += self.below
        frame = Frame(self.base.x, self.base.y, self.base.width, self.base.height)
        queue = list(self.carry) + [p for nid in self.ids for p in self.pieces[nid]]
        self.done.update(self.ids)
        carry: list[NotePiece] = []
        for k, piece in enumerate(queue):
            if carry:
                carry.append(piece)
                continue
            mark = numbers.get(piece.note_id, "")
            placed, rest, y = piece.place(frame, y, mark, self.m, k == 0)
            out.extend(placed)
            if rest is not None:
                carry.append(rest)
        self.carry = carry
        return out, []

    def _numbers(self, items: list) -> dict[str, str]:
        """The marks of this page's notes; with per-page numbering the marks in the text
        are renumbered ①② in reading order."""
        if not self.marks.per_page:
            return {nid: self.marks.foot[nid] for nid in self.ids}
        numbers: dict[str, str] = {}
        for it in items:
            nid = getattr(it, "note", "")
            if not nid or nid not in self.pieces:
                continue
            if nid not in numbers:
                numbers[nid] = mark_text(len(numbers) + 1, self.marks.style)
            _relabel(it, numbers[nid])
        return numbers

    def drop_repeated_marks(self, items: list) -> list:
        """``items`` without the marks of notes set on an earlier page: a table's header
        row repeated on a continuation page (or a merged label carried down) repeats its
        mark, which, numbered ①② per page, would call a note this page does not have
        and push its own notes to ②③."""
        if not self.marks.per_page:
            return items
        gone = self.done - set(self.ids)
        return [it for it in items if getattr(it, "note", "") not in gone]

    def pending(self) -> bool:
        return bool(self.carry)

    def fill_page(self) -> None:
        """The note running over from the last page takes this whole page."""
        self.cap = self.base.height

    def carry_on(self) -> bool:
        """Does a note run over from this page (the area is full)?"""
        return self._heights(self.carry) + sum(self._note_height(n) for n in self.ids) \
            + self.separator() > self.cap + EPS


def body_end(items: list) -> float:
    """The lowest point of the page's body: text descends a quarter of its size."""
    end = 0.0
    for it in items:
        if isinstance(it, TextItem):
            end = max(end, it.y + 0.25 * it.size)
        elif isinstance(it, LineItem):
            end = max(end, it.y1, it.y2)
        elif hasattr(it, "h"):
            end = max(end, it.y + it.h)
    return end


def _relabel(item: TextItem, text: str) -> None:
    if item.text == text:
        return
    step = item.width / max(len(item.text), 1)
    item.text = text
    item.xs = [item.x + k * step for k in range(len(text))]
    item.width = step * len(text)


def cut_bottom(items: list, mark: TextItem) -> float:
    """A frame bottom that leaves out the line holding ``mark`` (and everything after it)
    but keeps the lines above: just above that line's baseline, less its glyphs' height."""
    line = [it for it in items if isinstance(it, TextItem) and not it.note
            and abs(it.y - mark.y) < 1.5 * it.size and it.y >= mark.y]
    if line:
        base = max(it.y for it in line)
        size = max(it.size for it in line)
        return base - 0.9 * size
    return mark.y - mark.size


def with_bottom(frame: Frame, bottom: float) -> Frame:
    return replace(frame, height=max(bottom - frame.y, 0.0))


__all__ = ["NoteMarks", "FootArea", "note_pieces", "mark_text", "mark_span", "cut_bottom",
           "with_bottom", "NotePiece", "body_end"]
