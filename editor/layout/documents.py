"""Documents → flowables, per document kind, in gazette style (layer: layout).

``document_flowables(doc, template, measurer)`` turns a ``model.Document`` into the
flowables the paginator places: for a notice (通知) the 版头 (issuer mark, doc number,
red rule — as the template and ``DocumentLayout.show_masthead`` say), the title, the
recipients, the body with its heading levels (一、黑体 /（一）楷体 / 1. /（1）仿宋), the
attachment note, signature and date (the no-seal variant of GB/T 9704: signature
right-indented 2 字, the date's first character 2 字 right of the signature's), and each
attachment on a new page (附件N, its title centred, its blocks).  Speeches add subtitle
and speaker; a 上级政府文件目录 (doc_list) is a numbered list; a 大事记 (chronicle) sets
its dates in 黑体.  Every span carries its ``Source`` (document, block, offset).
"""
from __future__ import annotations

import itertools
import re

from editor.fonts.measure import Measurer
from editor.layout.compose import compose
from editor.layout.flow import OBJECT, Span, picture_span
from editor.layout.items import Source
from editor.layout.notes import FootArea, NoteMarks, note_pieces
from editor.layout.paragraph import ParagraphFlowable
from editor.layout.table import TableFlowable
from editor.layout.shapes import (ColumnsBegin, ImageFlowable, MastheadFlowable, PageBreak,
                                  PictureRow, Rule)
from editor.layout.template import Template, TextStyle
from editor.layout.titles import balanced_title_spans
from editor import model

_KEEP_ROLES = {"hei", "kai", "biaosong"}
SIGN_KEEP_CHARS = 150   # a last paragraph this short moves with the 署名 whole; a longer one
SIGN_TAIL_LINES = 2     # sends this many of its last lines over with it
_QUESTION = re.compile(r"^\s*问\s*[0-9０-９一二三四五六七八九十]*\s*[：:]")   # 问：… then 答：…
_CHRONICLE_DATE = re.compile(r"^\s*(\d{1,2}月\d{1,2}日|\d{1,2}月|同日|同月|是日|当日|本月)")
_ROLE_STYLES = {
    "attachment_label": "attachment_label", "attachment_title": "attachment_title",
    "caption": "caption", "subtitle": "subtitle", "speaker": "speaker",
    "news_title": "heading1", "colophon": "colophon_note", "list_entry": "list_entry",
    "chronicle_entry": "chronicle_entry", "title": "title",
}


class DocumentBuilder:
    """Builds the flowables of one document; one instance per document layout."""

    def __init__(self, doc: model.Document, template: Template, measurer: Measurer):
        self.doc = doc
        self.t = template
        self.m = measurer
        self.out: list = []
        self._list_no = 0
        self.notes = NoteMarks(doc, template, head=doc.head_note_ids(self._head_note_parts()))

    # -- spans --------------------------------------------------------------------------
    def spans_for(self, block: model.Paragraph, st: TextStyle, label_style: TextStyle | None = None,
                  keep_run_fonts: bool = True) -> list[Span]:
        spans = []
        offset = 0
        if block.label:
            ls = label_style or st
            spans.append(ls.span(block.label, Source(self.doc.id, block.id, 0, len(block.label))))
            offset = len(block.label)
        for run in block.runs:
            if run.note:            # a footnote/endnote reference: its raised mark
                mark = self.notes.span(run.note, st)
                if mark is not None:
                    spans.append(mark)
                continue
            if run.picture is not None:     # a small picture in the line
                if run.picture.data:        # its source: its place in the paragraph
                    spans.append(picture_span(run.picture, st.span(
                        OBJECT, Source(self.doc.id, block.id, offset, offset))))
                continue
            if not run.text:
                continue
            role = run.role if keep_run_fonts and run.role in _KEEP_ROLES else st.role
            spans.append(st.span(run.text, Source(self.doc.id, block.id, offset,
                                                  offset + len(run.text)),
                                 role=role, bold=run.bold or st.bold,
                                 underline=run.underline, strike=run.strike,
                                 emphasis=run.emphasis,
                                 color=_colour(run.color, st.color), **_vert(run, st)))
            offset += len(run.text)
        return spans

    def para(self, spans: list[Span], st: TextStyle, **fmt_changes) -> None:
        if spans and any(s.text.strip() for s in spans):
            self.out.append(ParagraphFlowable(spans, st.fmt(**fmt_changes), self.m))

    def text(self, text: str, style: str, block_id: str, **fmt_changes) -> None:
        st = self.t.style(style)
        self.para([st.span(text, Source(self.doc.id, block_id, 0, len(text)))], st,
                  **fmt_changes)

    # -- head -------------------------------------------------------------------------
    def masthead_shown(self) -> bool:
        override = self.doc.layout.show_masthead
        if override is not None:
            return bool(override) and bool(self.doc.issuer_mark)
        return bool(self.t.get("document", "show_masthead")) and bool(self.doc.issuer_mark)

    def masthead(self) -> None:
        t, d = self.t, self.t.section("document")
        lines = [ln for ln in self.doc.issuer_mark.split("\n") if ln.strip()]
        self.out.append(MastheadFlowable(
            doc_id=self.doc.id, mark_lines=lines, mark_style=t.style("issuer_mark"),
            doc_number=self.doc.doc_number, number_style=t.style("doc_number"),
            measurer=self.m, color=str(d["masthead_color"]),
            top=t.length(d["masthead_top"]), gap=t.length(d["doc_number_gap"]),
            rule_gap=t.length(d["rule_gap"]),
            rule_width=t.length(d["rule_width"]),
            space_after=t.length(d["title_gap"]), **self._minutes_line()))

    def _minutes_line(self) -> dict:
        """A 纪要's office and date, printed in its 版头 (the date read there)."""
        doc = self.doc
        if doc.kind != "minutes" or not doc.date_in_head:
            return {}
        return {"office": doc.signature[0] if doc.signature else "", "date": doc.date}

    def _head_office(self) -> str:
        """The office a 纪要 or 简报 names beside its date in its head line."""
        doc = self.doc
        if doc.kind in ("minutes", "news") and doc.date_in_head and doc.signature:
            return doc.signature[0]
        return ""

    def _title_is_mark(self) -> bool:
        """A 纪要 without a title line of its own: its title is the mark (and 期号)."""
        plain = self.doc.issuer_mark.replace("\n", "").replace(" ", "")
        return self.doc.kind == "minutes" and bool(plain) and \
            self.doc.title.replace(" ", "").startswith(plain)

    def title(self, text: str | None = None, style: str = "title",
              block_id: str = "title") -> None:
        """A centred title broken into balanced lines at word ends (GB/T 9704)."""
        text = self.doc.title if text is None else text
        if not text.strip():
            return
        st = self.t.style(style)
        marks = self._head_marks(block_id, st)
        # the note marks (①) after the last character: the lines are measured with them
        width = self.t.frame(1).width - st.left_indent - st.right_indent - sum(
            self.m.advance(ch, sp.role, sp.size) for sp in marks for ch in sp.text)
        spans = balanced_title_spans(text, st.span, self.doc.id, block_id, st.role, st.size,
                                     width, self.m)
        self.para(spans + marks, st)

    def _head_marks(self, part: str, st: TextStyle) -> list[Span]:
        """The raised marks of the notes called from the end of head part ``part``."""
        marks = (self.notes.span(nid, st) for nid in self.doc.head_notes.get(part, [])
                 if nid in self.notes.head)
        return [m for m in marks if m is not None]

    def _title_shown(self) -> bool:
        return not (self.masthead_shown() and self._title_is_mark())

    def _date_line_shown(self) -> bool:
        """A date printed on a line of its own under the title (a speech's （2025年2月10日）)."""
        doc = self.doc
        in_masthead = self.masthead_shown() and bool(self._minutes_line())
        return doc.date_in_head and bool(doc.date) and \
            doc.date not in doc.subtitle.replace(" ", "") and not in_masthead

    def _head_note_parts(self) -> tuple[str, ...]:
        """The head parts that print here and so may carry a note's mark (a note called
        from a part that does not print goes after the text)."""
        shown = {"title": self._title_shown(), "date": self._date_line_shown()}
        return tuple(p for p in model.HEAD_NOTE_PARTS if shown.get(p, True))

    def head(self) -> None:
        doc = self.doc
        if doc.mark:            # a conference-file mark above the title, flush left
            self.text(doc.mark, "attachment_label", "mark", first_indent=0.0)
        if self.masthead_shown():
            self.masthead()
            if self._title_shown():
                self.title()
        else:
            self.title()
            if doc.doc_number and self.t.get("document", "doc_number_under_title") \
                    and doc.doc_number not in doc.title:
                st = self.t.style("doc_number")
                self.para([st.span("（", None), st.span(doc.doc_number, Source(
                    doc.id, "doc_number", 0, len(doc.doc_number))), st.span("）", None)], st,
                    space_after=self.t.line_pitch, first_indent=0.0)
        if doc.subtitle:        # balanced lines: no word left alone on the last one
            self.title(doc.subtitle, "subtitle", "subtitle")
        if self._date_line_shown():
            st = self.t.style("subtitle")       # a speech's date line: （2025年2月10日）
            date = st.span(doc.date, Source(doc.id, "date", 0, len(doc.date)))
            office = self._head_office()
            if office:                          # a 简报's or 纪要's: office　date
                self.para([st.span(office, Source(doc.id, "signature", 0, len(office))),
                           st.span("\u3000"), date] + self._head_marks("date", st), st)
            else:
                self.para([st.span("（", None), date, st.span("）", None)]
                          + self._head_marks("date", st), st)
        if doc.speaker:
            st = self.t.style("speaker")
            self.para([st.span(doc.speaker, Source(doc.id, "speaker", 0, len(doc.speaker)))]
                      + self._head_marks("speaker", st), st)
        if doc.recipients:
            self.text(doc.recipients, "recipients", "recipients", first_indent=0.0)

    # -- blocks -----------------------------------------------------------------------
    def blocks(self, blocks: list) -> None:
        self._list_no = 0
        for k, block in enumerate(blocks):
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if isinstance(block, model.Image):
                if block.beside and k and isinstance(blocks[k - 1], model.Image):
                    continue                # set in the row of the picture before it
                row = [block] + list(itertools.takewhile(
                    lambda b: isinstance(b, model.Image) and b.beside, blocks[k + 1:]))
                after = blocks[k + len(row)] if k + len(row) < len(blocks) else None
                self.image(row, captioned=is_caption(after))
                continue
            if is_caption(block) and isinstance(nxt, model.Image):
                self.paragraph(block, keep_with_next=True)    # a caption above
                continue
            if _is_note(block):
                if k == 0 or not _is_note(blocks[k - 1]):
                    run = list(itertools.takewhile(_is_note, blocks[k:]))
                    st = self.t.style("attachment_note")
                    self.note_paragraphs([(b.display_text, self.spans_for(b, st))
                                          for b in run])
                continue
            if isinstance(block, model.Heading):
                self._list_no = 0
                self.heading(block)
            elif isinstance(block, model.ListItem):
                self.list_item(block)
            elif isinstance(block, model.Paragraph):
                self.paragraph(block)
            elif isinstance(block, model.Table):
                self.table(block)
            elif isinstance(block, model.PageBreak):
                self.out.append(PageBreak())

    def heading(self, block: model.Heading) -> None:
        st = self.t.style(f"heading{min(max(block.level, 1), 4)}")
        spans = self.spans_for(block, st)
        before = len(self.out)
        self.para(spans, st, **_align_override(block), **self.keeps(block, st))
        if len(self.out) > before:
            # the paginator keeps a heading with its children, not with its siblings
            self.out[-1].heading_level = block.level

    def list_item(self, block: model.ListItem) -> None:
        name = "list_entry" if self.doc.kind == "doc_list" else "body"
        st = self.t.style(name)
        self.para(self.spans_for(block, st), st, **self.keeps(block, st))

    def keeps(self, block: model.Paragraph, st: TextStyle) -> dict:
        """Word's keepNext, keepLines, pageBreakBefore and widowControl of ``block`` on
        top of the template's style: each only adds a keep.  Word's widowControl off is
        honoured only when the template says so ([document] word_widow_control_off):
        Chinese Word templates switch it off by default, not by anyone's choice."""
        ps = block.style
        out: dict = {}
        if ps is None:
            return out
        if ps.keep_with_next and not st.keep_with_next:
            out["keep_with_next"] = True
        if ps.keep_together and not st.keep_together:
            out["keep_together"] = True
        if ps.page_break_before:
            out["page_break_before"] = True
        if not ps.widow_control and self.t.get("document", "word_widow_control_off"):
            out["widow_control"] = False
        return out

    def paragraph(self, block: model.Paragraph, **extra) -> None:
        if not block.display_text.strip():
            return
        role = block.role
        if role == "chronicle_entry" or (self.doc.kind == "chronicle" and role == "body"):
            self.chronicle_entry(block)
            return
        if role == "attendance":
            self.attendance(block)
            return
        if role == "list_entry" and self.doc.kind != "doc_list":
            role = "body"
        if self.doc.kind == "doc_list" and role in ("body", "list_entry"):
            self.numbered_entry(block)
            return
        name = _ROLE_STYLES.get(role, "body")
        st = self.t.style(name)
        changes = _align_override(block) if name == "body" else {}
        if name == "body" and changes.get("align") in ("center", "right"):
            changes["first_indent"] = 0.0
        changes.update(self.keeps(block, st))
        if name == "body" and (looks_like_heading(block.display_text) or _bold_line(block)
                               or _QUESTION.match(block.display_text)):
            changes["keep_with_next"] = True    # a typed 一、/（一）/1. heading, a bold line,
            #                                     a 问： kept with its 答：
        changes.update(extra)
        if name == "attachment_title":
            changes["page_break_before"] = False
        if role == "salutation":        # 同志们： 各位代表： flush left
            changes["first_indent"] = 0.0
        if role == "news_title":        # each news item a unit: space above, kept with its text
            changes.update(space_before=self.t.line_pitch, keep_with_next=True)
        self.para(self.spans_for(block, st), st, **changes)

    def attendance(self, block: model.Paragraph) -> None:
        """出席：/请假：/列席： (GB/T 9704 §10.3): the label and colon in 黑体, 2 字 in, the
        names in the body face, a line running over aligned under the first name; one
        blank line above the first such line."""
        st = self.t.style("body")
        text = block.display_text
        lead = len(text) - len(text.lstrip())
        colon = min(i for i in (text.find("："), text.find(":")) if i >= 0) + 1
        spans = _restyle_prefix(self.spans_for(block, st, keep_run_fonts=False), colon,
                                self.t.style("heading1").role)
        label_w = self._set_width(text[lead:colon], st)
        em = self.t.em("body")
        first = not any(b.role == "attendance" for b in self._previous(block))
        self.para(_strip_lead(spans, lead), st, left_indent=2 * em + label_w,
                  first_indent=-label_w, align="justify",
                  space_before=self.t.line_pitch if first else 0.0)

    def _previous(self, block: model.Paragraph) -> list:
        """The block right before ``block`` in its list (empty at the start)."""
        for _where, blocks in self.doc.block_lists():
            for k, b in enumerate(blocks):
                if b is block:
                    return blocks[k - 1:k] if k else []
        return []

    def numbered_entry(self, block: model.Paragraph) -> None:
        """An entry of 上级政府文件目录: numbered within its group (1. 2. …) unless the
        document numbers it already."""
        st = self.t.style("list_entry")
        self._list_no += 1
        spans = self.spans_for(block, st)
        if not block.label and not re.match(r"^\s*[0-9０-９]+[.．、]", block.text):
            spans.insert(0, st.span(f"{self._list_no}．"))
        self.para(spans, st)

    def chronicle_entry(self, block: model.Paragraph) -> None:
        st = self.t.style("chronicle_entry")
        spans = self.spans_for(block, st, keep_run_fonts=False)
        m = _CHRONICLE_DATE.match(block.display_text)
        if m and spans:
            spans = _restyle_prefix(spans, m.end(), self.t.style("chronicle_date").role)
        if m and not block.display_text[m.end():].strip(" \u3000，,：:"):
            # a date headline on a line of its own (1月3日): kept with its entry below
            self.para(spans, st, keep_with_next=True)
            return
        self.para(spans, st)

    def table(self, block: model.Table) -> None:
        from editor.layout.tables_glue import table_flowable
        flows = table_flowable(self.notes.cell_table(block), self.t, self.m, self.doc.id)
        prev = self.out[-1] if self.out else None
        if isinstance(prev, ParagraphFlowable) and (prev.fmt.space_after or 0.0) < 1.0:
            # a paragraph ends at its last baseline (on the grid its descent hangs below):
            # a table's top border drawn there struck the feet of that line's glyphs
            size = max((s.size for s in prev.spans), default=0.0)
            for f in flows:
                if isinstance(f, TableFlowable):
                    f.lead = 0.4 * size
        self.out.extend(flows)

    def image(self, row: list[model.Image], captioned: bool = False) -> None:
        """A picture in its own box; kept with a caption right after it (and room for
        that caption kept on its page when the picture is scaled to the 版心).  Pictures
        the sender put side by side in one paragraph (``row``) are set side by side,
        scaled together, when they fit the 版心 width at half their size or more; else
        one under another."""
        cfg = self.t.section("images")
        cap = self.t.style("caption")
        reserve = 2 * (cap.line_pitch or 1.3 * cap.size) if captioned else 0.0
        flows = [ImageFlowable(
            block.data, block.content_type, block.width, block.height,
            Source(self.doc.id, block.id), max_height_share=float(cfg["max_height_share"]),
            space_before=self.t.length(cfg["space_before"]),
            space_after=self.t.length(cfg["space_after"]),
            name=block.name or block.alt) for block in row if block.data]
        if len(flows) > 1:
            side = PictureRow(flows, gap=self.t.style("body").size, reserve=reserve,
                              keep_with_next=captioned)
            if side.fits(self.t.frame(1)):
                flows = [side]
        for f in flows:
            f.keep_with_next = captioned    # a stacked row stays with its caption
        if flows:
            flows[-1].reserve = reserve
        self.out.extend(flows)

    # -- tail -------------------------------------------------------------------------
    def attachment_note(self) -> None:
        """附件说明 (GB/T 9704 7.3.4): one blank line under the body, 2 字 in; with several
        attachments 附件：1.××× and 2.××× under 1.; a name running over a line goes on
        under its own first character."""
        notes = [n for n in self.doc.attachment_note if n.strip()]
        st = self.t.style("attachment_note")
        offset, items = 0, []
        for text in notes:
            items.append((text, [st.span(text, Source(self.doc.id, "attachment_note", offset,
                                                       offset + len(text)))]))
            offset += len(text) + 1
        self.note_paragraphs(items)

    def note_paragraphs(self, items: list[tuple[str, list[Span]]]) -> None:
        """A run of 附件说明 lines ``(text, spans)``: hanging indents measured as set (the
        label 附件： in 字, the number 1. in its own width)."""
        if not items:
            return
        st = self.t.style("attachment_note")
        label = _NOTE_LABEL.match(items[0][0])
        label_w = self._set_width(label.group(1), st) if label and label.group(1) else 0.0
        for i, (text, spans) in enumerate(items):
            m = _NOTE_LABEL.match(text)
            num = m.group(2) if m and m.group(2) else ""
            num_w = self._set_width(num.strip(), st) if num else 0.0
            own_label = label_w if m and m.group(1) else 0.0
            # set flush left: stretching the first line would move the name's first
            # character off the column its second line is aligned to
            # the lines of one 附件说明 go over a page together (附件：1.… alone at a page
            # foot, 2. and 3. on the next, before)
            fmt = dict(left_indent=st.first_indent + label_w + num_w,
                       first_indent=-(own_label + num_w), keep_with_next=i < len(items) - 1,
                       align="left")
            if i > 0:
                fmt["space_before"] = 0.0
            else:
                fmt["space_before_optional"] = True
            self.para(spans, st, **fmt)

    def signature_and_date(self) -> None:
        doc = self.doc
        sig = [s for s in doc.signature if s.strip()]
        date = "" if doc.date_in_head else doc.date       # printed under the title then
        if self._head_office():
            sig = []            # a 纪要's or 简报's office goes with its date in the head
        if not sig and not date:
            return
        prev = self.out[-1] if self.out else None
        if isinstance(prev, ParagraphFlowable):
            # never a page holding only the 署名 and date: a short last paragraph goes over
            # with them whole, a longer one sends its last lines
            prev.keep_with_next = True
            if sum(len(sp.text) for sp in prev.spans) > SIGN_KEEP_CHARS:
                prev.keep_tail = SIGN_TAIL_LINES
        s_st, d_st = self.t.style("signature"), self.t.style("date")
        em = self.t.em("signature")
        base = s_st.right_indent
        sig_w = max((self._set_width(s, s_st) for s in sig), default=0.0)
        date_w = self._set_width(date, d_st) if date else 0.0
        # date's first character 2 字 right of the signature's first character
        date_right = base + sig_w - 2 * em - date_w
        sig_right = base
        if date_w > sig_w:      # a date longer than the signature: it keeps the 2 字
            date_right = base
            sig_right = base + date_w + 2 * em - sig_w
        if not sig:
            date_right = base
        offset = 0
        for i, s in enumerate(sig):
            src = Source(doc.id, "signature", offset, offset + len(s))
            offset += len(s) + 1
            extra = {} if i == 0 else {"space_before": 0.0}
            self.para([s_st.span(s, src)], s_st, right_indent=sig_right,
                      first_indent=0.0, **extra)
        if date:
            src = Source(doc.id, "date", 0, len(date))
            self.para([d_st.span(date, src)], d_st, right_indent=max(date_right, 0.0),
                      first_indent=0.0)

    def _set_width(self, text: str, st: TextStyle) -> float:
        """Width of a one-line text as the composer sets it (grid, Han–Latin gaps)."""
        fmt = st.fmt(align="left", first_indent=0.0, left_indent=0.0, right_indent=0.0)
        lines = compose([st.span(text)], fmt, 100000.0, self.m)
        return lines[0].width if lines else 0.0

    def colophon_note(self) -> None:
        notes = [n for n in self.doc.colophon_note if n.strip()]
        if not notes or not self.t.get("document", "show_colophon_note"):
            return
        self.out.append(Rule(width=1.0, gap_before=self.t.line_pitch))
        st = self.t.style("colophon_note")
        offset = 0          # the block text is the non-blank lines joined with "\n"
        for text in notes:
            src = Source(self.doc.id, "colophon_note", offset, offset + len(text))
            offset += len(text) + 1
            self.para([st.span(text, src)], st)
        self.out.append(Rule(width=1.0, gap_before=4.0))

    def attachments(self) -> None:
        """Each attachment on a new page: its label (附件N), centred title, blocks.  An
        attachment printed as the notice's own content (印发 …方案) has no label and gets
        title only; an unlabelled one that the 附件 note announces is labelled 附件 (one
        announced) or 附件N (N-th announced)."""
        fallback = fallback_labels(self.doc)
        for i, att in enumerate(self.doc.attachments):
            if self.t.get("document", "attachment_new_page"):
                self.out.append(PageBreak())
            begin = len(self.out)
            label = att.label.strip()
            if label:
                st = self.t.style("attachment_label")
                start = att.label.index(label)
                self.para([st.span(label, Source(self.doc.id, att.id + "/label", start,
                                                 start + len(label)))], st, first_indent=0.0)
            elif i in fallback:         # announced by the 附件 note but unlabelled
                st = self.t.style("attachment_label")
                self.para([st.span(fallback[i], None)], st, first_indent=0.0)
            if att.title.strip():
                self.title(att.title, "attachment_title", att.id + "/title")
            self.blocks(att.blocks)
            if att.landscape:       # a landscape section in Word: landscape pages
                self.out[begin:] = [f if getattr(f, "landscape", False) or
                                    isinstance(f, (PageBreak, ColumnsBegin)) else Landscape(f)
                                    for f in self.out[begin:]]

    # -- per kind ---------------------------------------------------------------------
    def endnotes(self) -> None:
        """尾注 after the document's text under the heading 注释 ([endnotes] heading), each
        led by its mark as the text has it; then any note whose reference did not stay in
        the text (a footnote in a title, a note stored before notes had reference points),
        numbered by its place among the document's notes."""
        notes = {n.id: n for n in self.doc.footnotes}
        items = [(mark, notes[nid]) for nid, mark in self.notes.end.items()]
        items += [(str(self.doc.footnotes.index(n) + 1), n) for n in self.notes.loose]
        if not items:
            return
        heading = str(self.t.get("endnotes", "heading"))
        self.text(heading, "endnote_heading", "endnotes", keep_with_next=True)
        st = self.t.style("endnote")
        for mark, note in items:
            if not note.blocks:         # stored as plain text
                self.para([st.span(mark + " ", None), st.span(note.text.strip(), Source(
                    self.doc.id, note.id, 0, len(note.text.strip())))], st)
                continue
            for k, block in enumerate(note.blocks):
                spans = self.spans_for(block, st)
                if k == 0:
                    spans.insert(0, st.span(mark + " ", None))
                self.para(spans, st)

    def foot_area(self) -> FootArea | None:
        """The footnotes this document sets at its page feet (None without any)."""
        pieces = note_pieces(self.doc, self.notes, self.t, self.m, self.spans_for)
        return FootArea(pieces, self.notes, self.t, self.m) if pieces else None

    def _notes_after_date(self) -> list:
        """附注 (GB/T 9704 7.3.7: （联系人：…，电话：…）, （此件公开发布）): the import reads
        them after the 成文日期 and keeps them as body paragraphs of role ``note``; they
        print on the line under the date, not between the body and the 附件说明."""
        if not (self.doc.date or self.doc.signature):
            return []
        return [b for b in self.doc.body if isinstance(b, model.Paragraph) and b.role == "note"]

    def columns(self) -> None:
        """A 大事记 in columns when the template's [chronicle] columns > 1."""
        if self.doc.kind != "chronicle":
            return
        cfg = self.t.section("chronicle")
        n = int(cfg["columns"])
        if n > 1:
            gap = self.t.length(cfg["column_gap"], self.t.em("chronicle_entry"))
            self.out.append(ColumnsBegin(n, gap))

    def build(self) -> list:
        self.head()
        self.columns()
        after_date = self._notes_after_date()
        self.blocks([b for b in self.doc.body if b not in after_date])
        self.attachment_note()
        self.signature_and_date()
        for block in after_date:
            self.paragraph(block)
        self.colophon_note()
        self.attachments()
        self.endnotes()
        from editor.layout.tables_glue import bind_tables
        return bind_tables(self.out)


class Landscape:
    """A flowable set on landscape pages (what it cannot place goes on, still landscape)."""
    landscape = True

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def place(self, frame, y, empty):
        placement = self.inner.place(frame, y, empty)
        if placement.rest is not None and not getattr(placement.rest, "landscape", False):
            placement.rest = Landscape(placement.rest)
        return placement


def document_flowables(doc: model.Document, template: Template, measurer: Measurer) -> list:
    """The flowables of ``doc`` in reading order (PageBreak marks forced new pages)."""
    return DocumentBuilder(doc, template, measurer).build()


def document_flow(doc: model.Document, template: Template, measurer: Measurer
                  ) -> tuple[list, FootArea | None]:
    """The flowables of ``doc`` and the footnotes its pages set at their feet."""
    builder = DocumentBuilder(doc, template, measurer)
    flowables = builder.build()
    return flowables, builder.foot_area()


_CAPTION = re.compile(r"^\s*(附?图|表)\s*[0-9０-９一二三四五六七八九十]+(?![0-9０-９]*\s*[年月日])")


_TYPED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)"
                            r"|[0-9０-９]{1,2}[.．、](?![0-9])|（[0-9０-９]{1,2}）|第[一二三四五六七八九十]+[章节部分]"
                            r"|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}[\s\u3000]*(?=[^\s0-9.]))")


def looks_like_heading(text: str) -> bool:
    """A body paragraph that reads as a typed heading (一、… （一）… 1.…, short, no
    closing full stop): the import did not make it a Heading, but it must not end a
    page alone either."""
    text = text.strip()
    return (len(text) <= 40 and bool(_TYPED_HEADING.match(text))
            and text[-1] not in "。；：，、！？…")


def _bold_line(block: model.Paragraph) -> bool:
    """A short paragraph set all in bold (or 黑体), no closing stop (a question may end
    it): a run-in heading."""
    runs = [r for r in block.runs if r.text.strip()]
    text = block.display_text.strip()
    return (bool(runs) and len(text) <= 30 and text[-1] not in "。；：，、！…"
            and all(r.bold or r.role == "hei" for r in runs))


def _vert(run, st: TextStyle) -> dict:
    """A superscript (a footnote mark, m²) or subscript run: smaller, its baseline
    shifted (a footnote mark set as body text read 增长6.2%1)."""
    if run.vert == "superscript":
        return {"size": round(st.size * 0.6, 2), "rise": round(st.size * 0.33, 2)}
    if run.vert == "subscript":
        return {"size": round(st.size * 0.6, 2), "rise": -round(st.size * 0.1, 2)}
    return {}


def _is_note(block) -> bool:
    return isinstance(block, model.Paragraph) and block.role == "attachment_note" \
        and bool(block.display_text.strip())


def is_caption(block) -> bool:
    """A picture's caption: the import's role, a 题注/Caption style, or a short
    paragraph that starts 图1 / 图一 / 表2."""
    if not isinstance(block, model.Paragraph) or isinstance(block, (model.Heading,
                                                                     model.ListItem)):
        return False
    if block.role == "caption":
        return True
    name = (block.style_name or "").lower()
    if "caption" in name or "题注" in name:
        return True
    text = block.display_text
    return len(text) <= 60 and bool(_CAPTION.match(text))


def _colour(value: str | None, default: str) -> str:
    if not value or value.upper() in ("000000", "AUTO"):
        return default
    return value.upper()


def _align_override(block: model.Paragraph) -> dict:
    align = block.style.align if block.style else None
    if align in ("center", "right"):
        return {"align": align}
    return {}


def fallback_labels(doc: model.Document) -> dict[int, str]:
    """Labels for unlabelled attachments the 附件 note announces: attachment index →
    "附件" or "附件N".  The announced attachments are the last ones (those the note
    counts: its numbered items, or one); earlier unlabelled ones are the printed content
    of a 印发 notice and stay unlabelled."""
    notes = [n for n in doc.attachment_note if n.strip()]
    if not notes or not doc.attachments:
        return {}
    numbered = sum(1 for n in notes if re.match(r"^(附件[：:])?\s*\d+[.．、]", n))
    count = min(max(numbered, 1), len(doc.attachments))
    first = len(doc.attachments) - count
    out = {}
    for k in range(first, len(doc.attachments)):
        if not doc.attachments[k].label.strip():
            out[k] = "附件" if count == 1 else f"附件{k - first + 1}"
    return out


_NOTE_LABEL = re.compile(r"^(附件[：:])?(\s*[0-9０-９]+[.．、])?")


def _restyle_prefix(spans: list[Span], n: int, role: str) -> list[Span]:
    """Spans with their first ``n`` characters set in ``role`` (the chronicle's date)."""
    out: list[Span] = []
    left = n
    for sp in spans:
        if left <= 0:
            out.append(sp)
            continue
        head, tail = sp.text[:left], sp.text[left:]
        left -= len(head)
        src = sp.source
        out.append(_replace_span(sp, head, role, src, 0))
        if tail:
            out.append(_replace_span(sp, tail, sp.role, src, len(head)))
    return out


def _strip_lead(spans: list[Span], n: int) -> list[Span]:
    """``spans`` without their first ``n`` characters (a typed indent)."""
    out = []
    for sp in spans:
        if n <= 0:
            out.append(sp)
            continue
        cut = min(n, len(sp.text))
        n -= cut
        if sp.text[cut:]:
            out.append(_replace_span(sp, sp.text[cut:], sp.role, sp.source, cut))
    return out


def _replace_span(sp: Span, text: str, role: str, src: Source | None, shift: int) -> Span:
    new_src = None
    if src is not None:
        new_src = Source(src.doc_id, src.block_id, src.start + shift, src.start + shift + len(text))
    return Span(text=text, role=role, size=sp.size, color=sp.color, bold=sp.bold,
                underline=sp.underline, strike=sp.strike, scale_x=sp.scale_x, source=new_src,
                rise=sp.rise, note=sp.note, emphasis=sp.emphasis)
