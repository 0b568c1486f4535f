"""What the archive keeps of a published issue, read from its model and its laid-out pages
(layer: archive, no Qt, no I/O).

``issue_record(issue, laid_out)`` gives the issue's metadata, one ``DocRecord`` per
document (kind, title, 文号, issuer, 成文日期, 栏目, first and last printed folio, its text)
and one ``PageRecord`` per printed page of a document, holding the text that page shows
(its lines joined, so a phrase broken over two lines is found whole).  The texts come from
the same page items the PDF draws, so a search hit's page is the page that prints it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor import model
from editor.layout.items import LaidOutIssue, TextItem

YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


@dataclass
class PageRecord:
    doc_id: str
    page_index: int            # 0-based page of the issue PDF
    folio: int | None          # the printed number
    text: str


@dataclass
class DocRecord:
    doc_id: str
    position: int              # reading order in the issue
    section: str
    kind: str
    title: str
    doc_number: str
    issuer: str
    date: str
    first_folio: int | None
    last_folio: int | None
    first_page: int            # 0-based PDF page index
    last_page: int
    text: str
    model: dict = field(default_factory=dict)     # the document, serialised (web edition)


@dataclass
class IssueRecord:
    key: str                   # 刊名 + 总第N期: adding the issue again replaces it
    gazette: str
    year: int | None
    total_number: int | None
    label: str                 # 总第32期
    period: str
    published: str
    documents: list[DocRecord] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)


def issue_year(meta: model.IssueMeta) -> int | None:
    """The year the issue belongs to: its period's first year, else its publication's."""
    for text in (meta.period, meta.published, meta.issue_label):
        found = YEAR.search(text or "")
        if found:
            return int(found.group(1))
    return None


def issuer_of(doc: model.Document) -> str:
    """The issuing authority: the 落款's first line, else the 发文机关标志 without 文件."""
    for line in doc.signature:
        if line.strip() and not re.search(r"\d+年\d+月\d+日", line):
            return line.strip()
    mark = doc.issuer_mark.split("\n")[0].strip()
    return re.sub(r"文件$", "", mark)


def page_text(page) -> dict[str, str]:
    """The text each document shows on ``page``: its text items in order, lines joined
    without a break (running heads and folios carry no source and are left out)."""
    out: dict[str, list[str]] = {}
    for item in page.items:
        if isinstance(item, TextItem) and item.source is not None and item.source.doc_id:
            out.setdefault(item.source.doc_id, []).append(item.text)
    return {doc_id: "".join(parts) for doc_id, parts in out.items()}


def issue_record(issue: model.Issue, laid_out: LaidOutIssue) -> IssueRecord:
    from editor.model.serialize import to_dict
    meta = issue.meta
    key = f"{meta.title}|{meta.total_number or meta.issue_label or meta.period}"
    record = IssueRecord(key, meta.title, issue_year(meta), meta.total_number or None,
                         meta.issue_label, meta.period, meta.published)
    pages_of: dict[str, list[PageRecord]] = {}
    for page in laid_out.pages:
        if page.kind != "body":
            continue
        for doc_id, text in page_text(page).items():
            rec = PageRecord(doc_id, page.index, page.folio, text)
            pages_of.setdefault(doc_id, []).append(rec)
            record.pages.append(rec)
    position = 0
    for section in issue.sections:
        for doc in section.documents:
            pages = pages_of.get(doc.id, [])
            if not pages:
                continue
            position += 1
            record.documents.append(DocRecord(
                doc.id, position, section.title, doc.kind, doc.toc_title, doc.doc_number,
                issuer_of(doc), doc.date, pages[0].folio, pages[-1].folio,
                pages[0].page_index, pages[-1].page_index,
                "".join(p.text for p in pages), to_dict(doc)))
    return record
