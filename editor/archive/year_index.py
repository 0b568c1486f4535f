"""年度总目次: the year's index of the archive set as pages (layer: archive, no Qt).

GB/T 3179 asks a periodical for a yearly 总目次.  Ours is grouped by 栏目 (in the order the
栏目 first appear in the year), then by issue; each entry is a document's title with its
文号, a dot leader and ``期-页`` (the issue's number in the year and the printed folio the
document starts on).  It is set by the issue's own 目录 code (``editor.layout.toc``): the
same template, fonts, dot leaders and hanging indents, with its own page sequence
numbered from 1 by the template's folio.
"""
from __future__ import annotations

import copy

from editor.archive.store import Archive
from editor.layout.folios import Furniture
from editor.layout.items import LaidOutIssue, OutlineEntry, Page
from editor.layout.template import Template, load_template
from editor.layout.toc import TocEntry, TocSetter


def year_entries(archive: Archive, year: int) -> tuple[list[TocEntry], dict[str, str]]:
    """(entries, numbers): the 目录 entries of the year and each entry's ``期-页``."""
    docs = archive.documents(year=year)
    number = {key: archive.number_in_year(key) for key in {d["issue_key"] for d in docs}}
    sections: dict[str, list[dict]] = {}
    for doc in docs:
        sections.setdefault(doc["section"] or "其他", []).append(doc)
    entries: list[TocEntry] = []
    numbers: dict[str, str] = {}
    for section, members in sections.items():
        entries.append(TocEntry(0, section, None, "", section))
        for doc in members:
            key = f"{doc['issue_key']}#{doc['doc_id']}"
            entries.append(TocEntry(1, doc["title"], key, doc["doc_number"], section))
            numbers[key] = f"{number[doc['issue_key']]}-{doc['first_folio']}"
    return entries, numbers


def index_template(base: Template, year: int) -> Template:
    """The issue template with the 目录 titled 总目次 and room for ``期-页`` numbers."""
    data = copy.deepcopy(base.data)
    toc = data.setdefault("toc", {})
    toc.update(title=f"{year}年总目次", show_doc_number=True, number_width="3.5字")
    return Template(data, f"{base.name}-year-index", base.path)


def layout_year_index(archive: Archive, year: int, measurer, template: str | None = None
                      ) -> LaidOutIssue:
    issues = archive.issues(year)
    if not issues:
        from editor.errors import GazetteError
        raise GazetteError(f"档案中没有 {year} 年的期刊。")
    t = index_template(load_template(template), year)
    entries, numbers = year_entries(archive, year)
    gazette = issues[0]["gazette"]
    labels = "、".join(i["label"] for i in issues if i["label"])
    period = f"{gazette}（{year}年共 {len(issues)} 期{'：' + labels if labels else ''}）"
    toc_pages = TocSetter(t, measurer).layout(entries, numbers, period)
    furniture = Furniture(t, measurer)
    w, h = t.page_size()
    pages = [Page(k, w, h, "toc", k + 1, items=p.items + furniture.folio(k + 1, False))
             for k, p in enumerate(toc_pages)]
    return LaidOutIssue(pages=pages, outline=_section_outline(entries, toc_pages),
                        title=f"{gazette} {year}年总目次",
                        subject=f"{year}年总目次")


def _section_outline(entries: list[TocEntry], toc_pages) -> list[OutlineEntry]:
    """A bookmark per 栏目, on the page of its first document's entry."""
    page_of_key = {key: k for k, p in enumerate(toc_pages) for *_, key in p.links}
    out = []
    for i, entry in enumerate(entries):
        if entry.level == 0:
            first = next((e.doc_id for e in entries[i + 1:] if e.doc_id), None)
            if first in page_of_key:
                out.append(OutlineEntry(entry.title, 0, page_of_key[first]))
    return out
