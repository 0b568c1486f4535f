"""Pagination of a whole issue: model.Issue + template → LaidOutIssue (layer: layout).

Stages:
1. each document → flowables (``editor.layout.documents``) → pages (``flow_pages``),
   laid out once per (content, template, overrides) and kept in a ``LayoutCache``: the
   pages are set on the odd-page frame and shifted for even pages when margins mirror;
2. front matter (cover, inner cover, 简介, colophon — ``frontmatter``) and the 目录
   (``toc``), unnumbered;
3. assembly: documents start on a new page (or an odd one), blank pages are inserted and
   left unnumbered, folios run continuously from the first document, running heads and
   folios are added (``folios``), bookmarks follow the 目录;
4. the 目录 is laid out again until its page numbers are those of the assembled issue
   (a fixed point, capped by the template's ``toc.max_passes`` with a warning).

``flow_pages`` is the page-filling loop: keep-with-next (a heading never ends a page),
page breaks, columns (from a ``ColumnsBegin`` marker to the document's end), landscape pages for flowables whose ``landscape`` is True (then back to
portrait), and guaranteed progress (an empty page always takes something).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from editor import model
from editor.layout.cache import LayoutCache, default_cache
from editor.layout.checks import halfwidth_warnings
from editor.layout.documents import document_flow
from editor.layout.folios import Furniture
from editor.layout.items import LaidOutIssue, LayoutWarning, OutlineEntry, Page, TextItem
from editor.layout.flow import Frame, Placement
from editor.layout.notes import FootArea, body_end, cut_bottom, with_bottom
from editor.layout.shapes import ColumnsBegin, PageBreak
from editor.layout.template import Template, load_template

Progress = Callable[[str], None]
EPS = 0.01


@dataclass
class DocPage:
    items: list
    landscape: bool = False


@dataclass
class DocLayout:
    """A document laid out on its own pages (odd-page frame, no heads or folios)."""
    pages: list[DocPage]
    warnings: list[LayoutWarning] = field(default_factory=list)   # page: of this document
    _shifted: dict = field(default_factory=dict, repr=False)

    def pages_for(self, template: Template, first_parity: int) -> list[list]:
        """Item lists of the pages when the first page has folio parity ``first_parity``
        (1 odd, 0 even): even pages are shifted when the template mirrors margins."""
        hit = self._shifted.get(first_parity)
        if hit is not None:
            return hit
        dx = template.frame(0).x - template.frame(1).x
        out = []
        for k, page in enumerate(self.pages):
            even = (first_parity + k) % 2 == 0
            if even and abs(dx) > EPS and not page.landscape:
                out.append([shifted(it, dx) for it in page.items])
            else:
                out.append(page.items)
        self._shifted[first_parity] = out
        return out


def shifted(item, dx: float):
    """A copy of ``item`` moved right by ``dx`` (a plain attribute copy: thousands of
    items per issue, ``dataclasses.replace`` would re-run every ``__init__``)."""
    new = object.__new__(type(item))
    values = dict(item.__dict__)
    if isinstance(item, TextItem):
        values["x"] = item.x + dx
        values["xs"] = [x + dx for x in item.xs]
    elif hasattr(item, "x1"):
        values["x1"] = item.x1 + dx
        values["x2"] = item.x2 + dx
    else:
        values["x"] = item.x + dx
    new.__dict__.update(values)
    return new


# -- filling pages -----------------------------------------------------------------------

def flow_pages(flowables: list, template: Template, notes: FootArea | None = None
               ) -> tuple[list[DocPage], list[LayoutWarning]]:
    """Place ``flowables`` on as many pages as they need; the warnings name the page
    (an index into the returned pages).  ``notes``: the document's footnotes, set at the
    foot of the page of their reference (``editor.layout.notes``)."""
    pages: list[DocPage] = []
    warnings: list[LayoutWarning] = []
    queue = deque(flowables)
    state = _PageState(template, notes)
    guard = 0
    broke = False           # the previous flowable was a PageBreak (an attachment opens)
    while queue:
        guard += 1
        if guard > 100000:
            warnings.append(LayoutWarning("分页未能结束，已停止", page=len(pages)))
            break
        f = queue.popleft()
        want = _wants_landscape(f, queue, broke and state.empty and not state.landscape)
        broke = isinstance(f, PageBreak)
        if want != state.landscape:
            state.new_page(pages, want)
        if isinstance(f, ColumnsBegin):
            state.begin_columns(f.columns, f.gap)
            continue
        if isinstance(f, PageBreak) or (f.page_break_before and not state.empty):
            if not state.empty:
                state.new_page(pages, state.landscape)
            if isinstance(f, PageBreak):
                continue
        trial = state.trial
        if trial is not None and trial[0] is f and trial[1] == state.y and trial[2] is state.frame:
            placement = trial[3]           # placed already to test keep-with-next
        else:
            placement = f.place(state.frame, state.y, state.empty)
        state.trial = None
        if state.foot is not None and placement.items:
            placement = state.fit_notes(f, placement)
        if not placement.items and placement.rest is not None:
            if state.empty:
                warnings.append(LayoutWarning("有内容无法排入版心，已跳过", page=len(pages)))
                continue
            state.advance(pages)
            queue.appendleft(f)
            continue
        if getattr(f, "keep_with_next", False) and placement.rest is None and queue \
                and not _next_fits(queue, state, placement.y_end, kept=f):
            tail = getattr(f, "keep_tail", 0)
            short = f.place_leaving(state.frame, state.y, state.empty, tail) if tail else None
            if short is not None:       # its last lines go over with what it is kept with
                if state.foot is not None:
                    short = state.fit_notes(f, short)
                warnings += [_warning(w, len(pages)) for w in short.warnings]
                state.add(short.items, short.y_end)
                state.advance(pages)
                queue.appendleft(short.rest)
                continue
            if not state.empty and not _hopeless(f, queue, state):
                state.advance(pages)
                queue.appendleft(f)
                continue
            warnings.append(_stranded(f, len(pages)))    # a whole page could not help
        warnings += [_warning(w, len(pages)) for w in placement.warnings]
        state.add(placement.items, placement.y_end)
        if placement.rest is not None:
            state.advance(pages)
            queue.appendleft(placement.rest)
    state.finish(pages)
    return pages, warnings


def _wants_landscape(f, queue, fresh: bool) -> bool:
    """Is ``f`` set on a turned page?  Its own wish, or — for a keep-with-next run that
    opens a page after a page break, such as 附件2 + a table's title — that of the
    flowable the run is kept with, so the title goes onto the landscape page of its
    wide table instead of standing alone on a portrait page before it."""
    if getattr(f, "landscape", False):
        return True
    if not fresh or not getattr(f, "keep_with_next", False) \
            or isinstance(f, (PageBreak, ColumnsBegin)):
        return False
    for k, nxt in enumerate(queue):
        if k >= KEEP_CHAIN or isinstance(nxt, (PageBreak, ColumnsBegin)) \
                or getattr(nxt, "page_break_before", False):
            return False
        if not getattr(nxt, "keep_with_next", False):
            return bool(getattr(nxt, "landscape", False))
    return False


def _warning(w, page: int) -> LayoutWarning:
    """A placement's warning (text, or a LayoutWarning with its code) on ``page``."""
    if isinstance(w, LayoutWarning):
        return replace(w, page=page)
    return LayoutWarning(w, page=page)


def _stranded(f, page: int) -> LayoutWarning:
    spans = getattr(f, "spans", None) or []
    text = "".join(s.text for s in spans)[:20]
    src = next((s.source for s in spans if s.source is not None), None)
    return LayoutWarning(f"标题“{text}”与下文连排超过一页，未能与下文排在同一页",
                         page=page, code="HEADING_STRANDED",
                         block_id=src.block_id if src else None)


KEEP_CHAIN = 6          # a longer run of keep-with-next flowables is not kept together
KEEP_LINES = 2          # lines of the text after a heading that must share its page


def _next_fits(queue, state: "_PageState", y: float, frame: Frame | None = None,
               kept=None) -> bool:
    """Can what follows a keep-with-next flowable (``kept``) start on this page at
    ``y``?  A run of keep-with-next flowables (一、 then （一） then text) must fit down to
    the first line of the text after it, which must bring ``KEEP_LINES`` lines (or all it
    has) along; a run longer than ``KEEP_CHAIN`` is not kept (Word gives up the same
    way), nor is a heading kept with the next heading of its own or a higher level: a
    heading with no text (1.…a 2.…b 3.…c) has nothing to keep, and a run of twenty such
    left six lines empty at a page foot.
    ``frame``: probe another frame than the page's (nothing is remembered then)."""
    probe = frame is None
    frame = frame or state.frame
    prev = kept
    for k, nxt in enumerate(queue):
        if k >= KEEP_CHAIN or _breaks_here(nxt, state) or _sibling(prev, nxt):
            return True
        prev = nxt
        if not getattr(nxt, "keep_with_next", False):
            return _can_start(nxt, state, y, k == 0 and probe, frame)
        trial = nxt.place(frame, y, False)
        if k == 0 and probe:
            state.trial = (nxt, y, frame, trial)   # reused if nxt is placed there
        if not trial.items or trial.rest is not None:
            return bool(trial.items)          # a long kept paragraph: its lines go on
        y = trial.y_end
    return True


def _sibling(prev, nxt) -> bool:
    """``nxt`` a heading of the level of the heading ``prev``, or higher."""
    a = getattr(prev, "heading_level", None)
    b = getattr(nxt, "heading_level", None)
    return a is not None and b is not None and b <= a


def _hopeless(f, queue, state: "_PageState") -> bool:
    """True when ``f`` and what it keeps with would not fit together on a fresh page
    either: moving ``f`` on would only leave this page short, so it stays."""
    fresh = state.fresh_frame()
    placed = f.place(fresh, fresh.y, True)
    if placed.rest is not None:
        return False
    return not _next_fits(queue, state, placed.y_end, fresh, kept=f)


def _breaks_here(nxt, state: "_PageState") -> bool:
    return (isinstance(nxt, (PageBreak, ColumnsBegin))
            or getattr(nxt, "landscape", False) != state.landscape
            or bool(getattr(nxt, "page_break_before", False)))


def _can_start(nxt, state: "_PageState", y: float, reuse: bool, frame: Frame) -> bool:
    can_start = getattr(nxt, "can_start", None)
    if can_start is not None:
        if reuse and state.foot is not None:
            frame = state.frame_for_notes(nxt, frame, y)
        return bool(can_start(frame, y, KEEP_LINES))
    trial = nxt.place(frame, y, False)
    if reuse:
        state.trial = (nxt, y, frame, trial)
    return bool(trial.items)


class _PageState:
    """The page being filled; in column mode the frame is the current column.  ``foot``:
    the footnotes, whose height the body frame gives up on each page."""

    def __init__(self, template: Template, foot: FootArea | None = None):
        self.t = template
        self.foot = foot
        self.landscape = False
        self.frame = template.frame(1, False)
        self.items: list = []
        self.y = self.frame.y
        self.empty = True
        self.columns, self.gap, self.col, self.col_top = 1, 0.0, 0, self.frame.y
        self.trial = None   # (flowable, y, frame, placement) of a keep-with-next probe

    def _column_frame(self) -> Frame:
        base = self.t.frame(1, self.landscape)
        if self.foot is not None:
            base = with_bottom(base, self.foot.body_bottom())
        if self.columns <= 1:
            return base
        w = (base.width - self.gap * (self.columns - 1)) / self.columns
        return Frame(base.x + self.col * (w + self.gap), base.y, w, base.height,
                     base.grid_pitch)

    def fresh_frame(self) -> Frame:
        """The frame a flowable would get at the top of the next page (or column)."""
        f = self._column_frame()
        if self.columns > 1:
            return Frame(f.x, self.t.frame(1, self.landscape).y, f.width,
                         self.t.frame(1, self.landscape).height, f.grid_pitch)
        return f

    def begin_columns(self, columns: int, gap: float) -> None:
        """Continue in ``columns`` columns from the current y (to the document's end)."""
        self.columns, self.gap, self.col, self.col_top = max(1, columns), gap, 0, self.y
        self.frame = self._column_frame()

    def advance(self, pages: list[DocPage]) -> None:
        """Go on in the next column, or on a new page after the last one."""
        if self.col < self.columns - 1:
            self.col += 1
            self.frame = self._column_frame()
            self.y = self.col_top
            self.empty = True
        else:
            self.new_page(pages, self.landscape)

    def add(self, items: list, y_end: float) -> None:
        if items:
            self.items.extend(items)
            self.empty = False
        self.y = y_end

    def fit_notes(self, f, placement: Placement) -> Placement:
        """``placement`` (made in the page's frame) with the notes its lines call set at
        this page's foot: placed again in a shorter frame until the body ends above the
        notes it calls, cut before a line whose note cannot start on this page."""
        foot, frame, pl = self.foot, self.frame, placement
        for _ in range(8):
            new = foot.new_refs(pl.items)
            if not new:
                break
            ids = [nid for nid, _ in new]
            bottom, cut, over = foot.room_for(ids)
            if self.columns > 1 and bottom < body_end(self.items) - EPS:
                cut, over = 0, False        # the notes would run into an earlier column
            if cut is not None:
                bottom = min(bottom, cut_bottom(pl.items, new[cut][1]))
                ids = ids[:cut]
            if bottom >= frame.bottom - EPS:
                foot.take(ids, over)
                break
            frame = with_bottom(self.frame, bottom)
            # (under a note running over, no line is forced onto the page: the note can
            # take the page instead)
            first = self.empty and not foot.pending()
            pl = f.place(frame, self.y, first) if frame.height > EPS else \
                Placement(items=[], y_end=self.y, rest=f)
            if not pl.items:
                if not self.empty:
                    return pl           # goes on the next page, with its notes
                if foot.pending():
                    # a note still running over fills this page: the text goes on after it
                    foot.fill_page()
                    self.empty = False
                    return pl
                pl = None
                break
        else:
            pl = None
        if pl is None:                  # no frame settles: keep the lines and their notes
            pl = placement
            foot.take([nid for nid, _ in foot.new_refs(pl.items)], True)
            pl.warnings.append(LayoutWarning(
                "脚注过长，引用它的文字与脚注开头无法排在同一页内，已强制排入，可能重叠",
                code="FOOTNOTE_OVERFLOW"))
        self.frame = self._column_frame()
        return pl

    def frame_for_notes(self, f, frame: Frame, y: float) -> Frame:
        """``frame`` ending above the footnotes that the first ``KEEP_LINES`` lines of
        ``f`` placed at ``y`` would call (the notes of this page so far are out of it
        already): the test of whether a heading's text can start under it here.  The
        notes are only weighed, not taken."""
        foot = self.foot
        pl = f.place(frame, y, False)
        lines = sorted({round(it.y, 1) for it in pl.items if isinstance(it, TextItem)
                        and not it.note})[:KEEP_LINES]
        if not lines:
            return frame
        new = [(nid, it) for nid, it in foot.new_refs(pl.items) if it.y <= lines[-1] + 1.0]
        if not new:
            return frame
        bottom, cut, _ = foot.room_for([nid for nid, _ in new])
        if cut is not None:
            bottom = min(bottom, cut_bottom(pl.items, new[cut][1]))
        return with_bottom(frame, bottom) if bottom < frame.bottom - EPS else frame

    def _close_page(self, pages: list[DocPage]) -> None:
        """Add the page being filled (with its footnotes) to ``pages``."""
        if self.foot is not None:
            self.items = self.foot.drop_repeated_marks(self.items)
            extra, _ = self.foot.finish_page(self.items, len(pages))
            self.items = self.items + extra
        pages.append(DocPage(self.items, self.landscape))

    def new_page(self, pages: list[DocPage], landscape: bool) -> None:
        if not self.empty or self.items:
            self._close_page(pages)
        self.landscape = landscape
        if self.foot is not None:
            self.foot.start_page(self.t.frame(1, landscape))
        self.col = 0
        self.frame = self._column_frame()
        self.items = []
        self.y = self.col_top = self.frame.y
        self.empty = True

    def finish(self, pages: list[DocPage]) -> None:
        if self.items or not pages:
            self._close_page(pages)
        guard = 0
        while self.foot is not None and self.foot.pending() and guard < 1000:
            guard += 1          # a note running on past the text: pages of notes only
            self.items = []
            self.foot.start_page(self.t.frame(1, self.landscape), notes_only=True)
            self._close_page(pages)


# -- one document -------------------------------------------------------------------------

def section_banner(section: model.Section, doc_index: int, template: Template) -> str:
    """The 栏目 banner in the head margin of a section's first page, or "" (see the
    template's [document] section_banner)."""
    if doc_index != 0 or not template.get("document", "section_banner"):
        return ""
    if not section.title:
        return ""
    if len(section.documents) == 1 and section.documents[0].title.startswith(section.title):
        return ""
    return section.title


def layout_document(doc: model.Document, template: Template, measurer,
                    cache: LayoutCache | None = None) -> DocLayout:
    """Lay out one document (from the cache when its content was laid out before)."""
    key = LayoutCache.key(doc, template) if cache is not None else None
    if cache is not None:
        hit = cache.get(key, measurer)
        if hit is not None:
            return hit
    flowables, notes = document_flow(doc, template, measurer)
    pages, warnings = flow_pages(flowables, template, notes)
    warnings += halfwidth_warnings(doc, pages)
    label = doc.toc_title or doc.doc_number or doc.id
    result = DocLayout(pages, [replace(w, text=f"《{label[:24]}》：{w.text}", doc_id=doc.id)
                               for w in warnings])
    if cache is not None:
        cache.put(key, measurer, result)
    return result


# -- the issue ------------------------------------------------------------------------------

def resolve_template(issue: model.Issue, template: Template | str | None) -> Template:
    if isinstance(template, Template):
        return template
    return load_template(template or issue.template or None)


def default_measurer():
    from editor.fonts import default_fontbook
    return default_fontbook()


def layout_issue(issue: model.Issue, template: Template | str | None = None, measurer=None,
                 cache: LayoutCache | None = None, progress: Progress | None = None
                 ) -> LaidOutIssue:
    """Paginate ``issue``: front matter, 目录, documents with folios and running heads."""
    from editor.layout.assemble import assemble_issue
    from editor.layout.glyphs import font_warnings
    tpl = resolve_template(issue, template)
    m = measurer if measurer is not None else default_measurer()
    cache = cache if cache is not None else default_cache()
    docs: dict[str, DocLayout] = {}
    for doc in issue.documents():
        if progress:
            progress(f"排版 {doc.toc_title[:30] or doc.id}")
        docs[doc.id] = layout_document(doc, tpl, m, cache)
    if progress:
        progress("编排目录、页码与书眉")
    laid_out = assemble_issue(issue, tpl, m, docs, Furniture(tpl, m))
    laid_out.warnings += font_warnings(issue, laid_out, m)
    return laid_out


__all__ = ["layout_issue", "layout_document", "flow_pages", "DocLayout", "DocPage",
           "section_banner", "LaidOutIssue", "OutlineEntry", "Page"]
