"""The gazette archive, judged from the PDFs it archives: search hits name the issue and
the printed page that really shows the phrase, the 年度总目次's numbers are the issues'
folios, and the electronic edition's links all resolve with every document's text."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pymupdf
import pytest

from editor.app import archive as use
from editor.archive import Archive
from editor.docx_import import import_docx
from editor.issue_json import load_issue

from conftest import ROOT, SAMPLES

NEWS = ["硚口区汉正街道召开老旧小区改造推进会",
        "会议要求，硚口区各街道要把澴河沿线整治作为民生实事抓紧抓实，确保年底前完成改造任务。",
        "硚口区税务局推出“跨区通办”窗口，企业在汉正街即可办理全市涉税事项。"]


def _news_docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    document = docx.Document()
    title = document.add_paragraph(NEWS[0])
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in NEWS[1:] * 6:
        document.add_paragraph(text)
    document.save(path)
    return path


def _second_issue(tmp: Path):
    """总第33期: the sample's second half-year with a news item about 硚口区 added."""
    issue = load_issue(SAMPLES / "issue.json")
    issue.meta.total_number, issue.meta.issue_label = 33, "总第33期"
    issue.meta.period, issue.meta.published = "2025年7月~2025年12月", "2026年1月"
    news = import_docx(_news_docx(tmp / "news.docx")).document
    section = copy.deepcopy(issue.sections[0])
    section.id, section.title, section.documents = "s-news", "政务简讯", [news]
    issue.sections.insert(1, section)
    return issue


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archive")
    path = tmp / "公报.gazette-archive"
    use.add_issue(path, SAMPLES / "issue.json")
    use.archive_issue(path, _second_issue(tmp), "33")
    with Archive(path) as archive:
        pdfs = {i["label"]: pymupdf.open(stream=archive.pdf(i["key"]), filetype="pdf")
                for i in archive.issues()}
    return path, pdfs, tmp


def _flat(page) -> str:
    """A PDF page's text, lines joined and without the spaces extraction puts into the
    Han–digit gaps (2025 年)."""
    return re.sub(r"\s+", "", page.get_text())


def _printed_on(pdf, folio_page: int, phrase: str, hit) -> bool:
    """The PDF page the hit names shows ``phrase`` (lines joined) and has that folio."""
    return phrase in _flat(pdf[hit.pdf_page]) and f"—{folio_page}—" in _flat(pdf[hit.pdf_page])


def test_archive_and_electronic_edition_serve_pdfa_files(archived):
    """The archive keeps each issue as PDF/A-2u and a document cut for the electronic
    edition stays PDF/A (its output intent and XMP), its links only to pages it holds."""
    path, pdfs, tmp = archived
    from editor.archive.web import _cut
    with Archive(path) as archive:
        issue = archive.issues()[0]
        whole = archive.pdf(issue["key"])
        doc = archive.documents(issue["key"])[0]
    assert b"<pdfaid:part" in whole and b"/GTS_PDFA1" in whole
    cut = _cut(whole, 0, 5)         # cover … 目录 … the first document's pages
    assert b"/GTS_PDFA1" in cut and b"pdfaid:conformance" in cut
    with pymupdf.open(stream=cut, filetype="pdf") as out:
        assert len(out) == 6 and doc["first_page"] >= 0
        for page in out:
            assert all(link.get("page", 0) < 6 for link in page.get_links())


@pytest.mark.slow
@pytest.mark.parametrize("phrase,label", [("圣家墩遗址", "总第32期"), ("跨区通办", "总第33期")])
def test_a_phrase_of_each_issue_is_found_on_its_printed_page(archived, phrase, label):
    path, pdfs, _ = archived
    hits = [h for h in use.search(path, phrase) if h.issue == label]
    assert hits, f"{phrase} not found in {label}"
    for hit in hits:
        assert _printed_on(pdfs[label], hit.page, phrase, hit)
        assert phrase in hit.snippet.replace("【", "").replace("】", "")


@pytest.mark.slow
def test_two_character_query_and_a_miss(archived):
    path, pdfs, _ = archived
    hits = use.search(path, "硚口")
    assert hits and {h.issue for h in hits} == {"总第33期"}
    assert all(h.section == "政务简讯" and h.title == NEWS[0] for h in hits)
    assert use.search(path, "不存在的词语组合") == []
    assert use.search(path, "硚口", year=2024) == []
    assert use.search(path, "硚口", kind="notice") == []


@pytest.mark.slow
def test_doc_number_with_year_brackets_finds_its_document(archived):
    path, pdfs, _ = archived
    hits = use.search(path, "东政办〔2025〕2号", year=2025)
    first = {h.issue: h for h in hits if h.doc_number == "东政办〔2025〕2号"}
    assert set(first) == {"总第32期", "总第33期"}
    for label, hit in first.items():
        assert "东政办〔2025〕2号" in _flat(pdfs[label][hit.pdf_page])


@pytest.mark.slow
def test_a_phrase_broken_over_two_lines_is_found(archived):
    path, pdfs, _ = archived
    pdf = pdfs["总第32期"]
    phrase, page_no = None, None
    for k in range(8, len(pdf)):                 # a body page: two full lines of Chinese
        lines = [ln for ln in pdf[k].get_text().split("\n") if len(ln) >= 20
                 and re.fullmatch(r"[\u4e00-\u9fff]{3}", ln[-3:] or "")]
        nexts = pdf[k].get_text().split("\n")
        for ln in lines:
            following = nexts[nexts.index(ln) + 1]
            if re.fullmatch(r"[\u4e00-\u9fff]{3}", following[:3]):
                phrase, page_no = ln[-3:] + following[:3], k
                break
        if phrase:
            break
    assert phrase, "no line break inside Chinese text found"
    hits = use.search(path, phrase)
    assert any(h.pdf_page == page_no and h.issue == "总第32期" for h in hits), phrase


@pytest.mark.slow
def test_adding_an_issue_again_updates_it(archived):
    path, _, _ = archived
    label, replaced, n = use.add_issue(path, SAMPLES / "issue.json")
    assert replaced and label == "总第32期" and n == 5
    with Archive(path) as archive:
        assert [i["label"] for i in archive.issues()] == ["总第32期", "总第33期"]
        assert len(archive.documents()) == 11


@pytest.mark.slow
def test_year_index_numbers_are_the_issues_folios(archived):
    path, pdfs, tmp = archived
    out = tmp / "总目次.pdf"
    assert use.write_year_index(path, 2025, out) >= 1
    index_text = "".join(_flat(p) for p in pymupdf.open(out))
    with Archive(path) as archive:
        number = {i["key"]: archive.number_in_year(i["key"]) for i in archive.issues(2025)}
        for doc in archive.documents(year=2025):
            # the folio printed on the document's first page of that issue's PDF
            page_text = _flat(pdfs[doc["label"]][doc["first_page"]])
            assert f"—{doc['first_folio']}—" in page_text
            assert f"{number[doc['issue_key']]}-{doc['first_folio']}" in index_text
    assert "2025年总目次" in index_text and "政务简讯" in index_text


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.slow
def test_web_edition_links_resolve_and_hold_every_text(archived):
    path, pdfs, tmp = archived
    site = tmp / "site"
    pages = use.write_web(path, site)
    assert (site / "index.html") in pages
    seen = 0
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = (page.parent / link).resolve()
            assert target.is_file(), f"{page.relative_to(site)} → {link}"
            seen += 1
    assert seen > 30
    served = list(site.rglob("*.pdf"))     # whole issues, cut documents, 总目次: all PDF/A
    assert len(served) > 5 and all(b"/GTS_PDFA1" in p.read_bytes() for p in served)
    from editor.model.serialize import from_dict
    with Archive(path) as archive:
        for doc in archive.documents():
            issue = next(i for i in archive.issues() if i["key"] == doc["issue_key"])
            html_page = site / str(issue["year"]) / str(issue["total_number"]) / f"{doc['doc_id']}.html"
            parser = _Links()
            parser.feed(html_page.read_text(encoding="utf-8"))
            shown = "".join(parser.text)
            model = from_dict(json.loads(doc["model"]))
            for block in model.all_blocks():
                text = getattr(block, "text", "")
                assert not text or text in shown, text[:30]
            cut = pymupdf.open(html_page.with_suffix(".pdf"))
            assert len(cut) == doc["last_page"] - doc["first_page"] + 1


@pytest.mark.slow
def test_cli_search_json(archived):
    path, _, _ = archived
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "archive", "search",
                          str(path), "硚口区", "--json"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)["results"]
    assert results and set(results[0]) >= {"issue", "total_number", "section", "title",
                                           "doc_number", "page", "snippet"}
    assert {r["total_number"] for r in results} == {33}


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    from editor.errors import GazetteError
    bad = tmp_path / "x.gazette-archive"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteError) as info:
        Archive(bad)
    assert "不是公报档案文件" in info.value.message
    with pytest.raises(GazetteError):
        Archive(tmp_path / "missing.gazette-archive", create=False)


def test_snippet_marks_the_word_and_cuts_with_ellipses():
    from editor.archive.store import snippet
    text = "甲" * 40 + "硚口区" + "乙" * 40
    s = snippet(text, ["硚口区"], width=5)
    assert s == "…甲甲甲甲甲【硚口区】乙乙乙乙乙…"


@pytest.mark.slow
def test_web_edition_never_overwrites_a_folder_of_other_files_unasked(archived, tmp_path):
    from editor.errors import GazetteError
    path, _, _ = archived
    folder = tmp_path / "我的文档"
    folder.mkdir()
    (folder / "index.html").write_text("单位主页", encoding="utf-8")
    with pytest.raises(GazetteError) as info:
        use.write_web(path, folder)
    assert "已有别的文件" in info.value.message
    assert (folder / "index.html").read_text(encoding="utf-8") == "单位主页"
    site = tmp_path / "电子版"
    use.write_web(path, site)
    use.write_web(path, site)                   # its own edition: written again, no question
    use.write_web(path, folder, force=True)     # the user said so
    assert "单位主页" not in (folder / "index.html").read_text(encoding="utf-8")


def test_an_issue_without_title_or_number_is_not_archived(tmp_path):
    """Two such issues would share one key and replace each other in the archive."""
    from editor.errors import GazetteError
    from editor.model import Issue
    with pytest.raises(GazetteError) as info:
        use.archive_issue(tmp_path / "a.gazette-archive", Issue())
    assert "刊名或期号" in info.value.message
    assert not (tmp_path / "a.gazette-archive").exists()
