"""Assembly: laid-out documents + front matter + 目录 → the issue's pages (layer: layout).

Puts the front matter first (unnumbered, in the template's [front] order), starts the
body on a recto when the template asks (a blank page if needed), then each document on a
new page or an odd one (blank, unnumbered pages in between; they still count), numbers
the pages continuously from the first document, adds running heads and folios, links the
目录 entries to their documents and builds the bookmarks from the same entries.

The 目录 is set with the page numbers of the previous pass until two passes agree (a
fixed point; at most ``toc.max_passes`` passes, else a warning).
"""
from __future__ import annotations

from dataclasses import replace

from editor import model
from editor.layout.folios import Furniture
from editor.layout.frontmatter import FRONT_PAGES, front_page_wanted
from editor.layout.items import LaidOutIssue, LayoutWarning, LinkItem, OutlineEntry, Page
from editor.layout.template import Template
from editor.layout.paginate import section_banner, shifted
from editor.layout.toc import TocEntry, layout_toc, toc_entries


def _doc_start(doc: model.Document, template: Template) -> str:
    return doc.layout.start or str(template.get("document", "start"))


def _front(issue: model.Issue, t: Template, m, toc_pages) -> list[tuple[str, list, list]]:
    """(kind, items, toc links) of every front-matter page, in order."""
    out = []
    for name in t.get("front", "order"):
        if name == "toc":
            out.extend(("toc", p.items, p.links) for p in toc_pages)
        elif name in FRONT_PAGES and front_page_wanted(name, issue.meta):
            out.append((name, FRONT_PAGES[name](issue, t, m), []))
    return out


def _blank(t: Template, furniture: Furniture, index: int, folio: int, section_id: str) -> Page:
    """A blank page in the body: it counts, and shows its folio only when the template's
    ``folio.on_blank`` says so (GB/T 9704 leaves blank pages unnumbered)."""
    w, h = t.page_size()
    if t.get("folio", "on_blank"):
        return Page(index, w, h, "blank", folio, items=furniture.folio(folio, False),
                    section_id=section_id)
    return Page(index, w, h, "blank", None, section_id=section_id)


def _body(issue: model.Issue, t: Template, docs: dict, furniture: Furniture,
          first_index: int) -> tuple[list[Page], dict[str, int], dict[str, int]]:
    """Body pages from page index ``first_index``; (pages, doc → page index, doc → folio)."""
    pages: list[Page] = []
    first_page: dict[str, int] = {}
    folio_of: dict[str, int] = {}
    folio = 1
    index = first_index
    meta = issue.meta
    w, h = t.page_size()
    sp = t.section("section_page")
    for section in issue.sections:
        if sp["enabled"] and section.documents:
            if sp["odd_page"] and folio % 2 == 0:
                pages.append(_blank(t, furniture, index, folio, section.id))
                index, folio = index + 1, folio + 1
            pages.append(Page(index, w, h, "section", None,
                              items=furniture.section_page(section.title),
                              section_id=section.id))
            index, folio = index + 1, folio + 1
        for d_index, doc in enumerate(section.documents):
            if _doc_start(doc, t) == "odd_page" and folio % 2 == 0:
                pages.append(_blank(t, furniture, index, folio, section.id))
                index, folio = index + 1, folio + 1
            first_page[doc.id], folio_of[doc.id] = index, folio
            values = {"gazette": meta.title, "period": meta.period,
                      "issue_label": meta.issue_label, "section": section.title,
                      "title": doc.toc_title}
            laid = docs[doc.id]
            for k, items in enumerate(laid.pages_for(t, folio % 2)):
                landscape = laid.pages[k].landscape
                pw, ph = t.page_size(landscape)
                extra = []
                if k > 0 or t.get("running_head", "on_first_page"):
                    extra += furniture.running_head(folio, landscape, values)
                if k == 0:
                    extra += furniture.banner(section_banner(section, d_index, t), folio)
                if k > 0 or t.get("folio", "on_first_page"):
                    extra += furniture.folio(folio, landscape)
                pages.append(Page(index, pw, ph, "body", folio, landscape, items + extra,
                                  doc.id, section.id))
                index, folio = index + 1, folio + 1
    return pages, first_page, folio_of


def _outline(entries: list[TocEntry], first_page: dict[str, int],
             sections: list[model.Section]) -> list[OutlineEntry]:
    out = []
    for i, e in enumerate(entries):
        doc_id = e.doc_id
        if doc_id is None:   # a section heading: its first document's page
            doc_id = next((x.doc_id for x in entries[i + 1:] if x.doc_id), None)
        if doc_id in first_page:
            out.append(OutlineEntry(e.title, e.level, first_page[doc_id]))
    return out


def assemble_issue(issue: model.Issue, t: Template, m, docs: dict, furniture: Furniture
                   ) -> LaidOutIssue:
    entries = toc_entries(issue)
    numbers: dict[str, int] = {}
    max_passes = int(t.get("toc", "max_passes"))
    settled = False
    for _ in range(max(1, max_passes)):
        toc_pages = layout_toc(entries, numbers, t, m, _period_line(issue))
        front = _front(issue, t, m, toc_pages)
        start = len(front)
        if t.get("document", "body_starts_recto") and start % 2 == 1:
            start += 1
        body, first_page, folio_of = _body(issue, t, docs, furniture, start)
        if folio_of == numbers:
            settled = True
            break
        numbers = folio_of
    # each document's warnings at the issue's page indexes
    warnings = [replace(w, page=None if w.page is None else first_page[doc_id] + w.page)
                for doc_id, laid in docs.items() if doc_id in first_page for w in laid.warnings]
    if not settled:
        warnings.append(LayoutWarning(f"目录页码经 {max_passes} 轮排版仍未稳定，请检查目录"))
    w, h = t.page_size()
    pages: list[Page] = []
    dx = t.frame(0).x - t.frame(1).x
    for kind, items, links in front:
        # front matter is set on the right-hand frame; a left-hand (even) page takes the
        # left-hand margins (the binding margin on its right) when the template mirrors
        verso = len(pages) % 2 == 1 and abs(dx) > 0.01
        if verso:
            items = [shifted(it, dx) for it in items]
        link_items = [LinkItem(x + (dx if verso else 0.0), y, lw, lh, first_page[d])
                      for x, y, lw, lh, d in links if d in first_page]
        pages.append(Page(len(pages), w, h, kind, None, items=items + link_items))
    if len(pages) < start:
        pages.append(Page(len(pages), w, h, "blank", None))
    pages.extend(body)
    meta = issue.meta
    return LaidOutIssue(pages=pages, outline=_outline(entries, first_page, issue.sections),
                        doc_first_page=first_page, warnings=warnings,
                        title=f"{meta.title} {meta.issue_label}".strip(),
                        subject=meta.period)


def _period_line(issue: model.Issue) -> str:
    meta = issue.meta
    parts = [p for p in (meta.issue_label, f"{meta.published}出版" if meta.published else "")
             if p]
    # an ideographic space between 总第N期 and the date: an ASCII one vanishes into the
    # ¼ em Han–digit gaps beside it
    extra = f"（{'　'.join(parts)}）" if parts else ""
    return f"{meta.period}{extra}"
