"""QA over documents shaped as senders send them (tests/qa_docs.py), judged from the PDF.

The documents were never designed for: a 任免 notice with rare-character names in a table,
a speech with a two-line subtitle, a 请示 with three attachments, a landscape 10-column
table of URLs, 15 news items with pictures, a body that is one long table, Word-numbered
and typed headings mixed, footnotes/tracked changes/comments, keepNext headings, pictures
and a chart with its caption, a three-line title, a 联合发文 of three issuers and a 函
with 版记.  What holds for them is asserted here: every character drawn with a real glyph,
no text under a picture, no heading or single line stranded, the 目录 and bookmarks
showing the documents' real titles with the numbers the pages carry, and 印前检查 raising
no error that is not true (and reporting the low-resolution pictures the PDF has)."""
from __future__ import annotations

import re

import pymupdf
import pytest

import qa_docs
from editor.docx_import.importer import import_docx_bytes
from editor.docx_import.summary import news_items

FOLIO = re.compile(r"^—\s*(\d+)\s*—$")


def _doc(name: str):
    return import_docx_bytes(qa_docs.DOCS[name][0](), name).document


# -- recognition (fast: import only) ----------------------------------------------------

@pytest.mark.slow
def test_unseen_shapes_are_recognised():
    speech = _doc("speech_long_subtitle.docx")
    assert speech.kind == "speech" and speech.mark == "区十一届人大五次会议文件（3）"
    assert speech.subtitle.startswith("——2025年3月18日") and speech.date == "2025年3月18日"
    assert speech.speaker.replace("\u3000", "") == "区长李喆"
    request = _doc("request_attachments.docx")
    assert request.kind == "request" and len(request.attachment_note) == 3
    assert len(request.attachments) == 3
    joint = _doc("joint_three.docx")
    assert joint.signature == qa_docs.JOINT and joint.doc_number == "硚宣发〔2025〕3号"
    # one issuer a line (they were run together into one line, set at a third the size)
    assert joint.issuer_mark.split("\n") == qa_docs.JOINT + ["文件"]
    assert _doc("appoint_table.docx").issuer_mark == "武汉市硚口区人民政府文件"
    news = _doc("news_collection.docx")
    assert news.kind == "news" and len(news_items(news)) == 15
    notes = _doc("notes_changes.docx")
    assert len(notes.footnotes) == 2 and len(notes.annotations) == 1
    for name, (_make, title) in qa_docs.DOCS.items():
        assert _doc(name).title == title, name


# -- the built issue (slow: lays out and writes 56 pages) -------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.paginate import resolve_template
    from editor.preflight import run_preflight
    from editor.render import build_pdf
    folder = tmp_path_factory.mktemp("qa")
    issue = load_issue(qa_docs.write_all(folder))
    out = folder / "qa.pdf"
    laid = build_pdf(issue, out)
    report = run_preflight(issue, laid, resolve_template(issue, None), default_fontbook())
    titles = {d.id: d.title for s in issue.sections for d in s.documents}
    return out, report, titles, issue, laid


def rules_through_glyphs(pdf) -> set[tuple[int, str]]:
    """(1-based page, line text) of text lines a horizontal drawn line crosses between
    the glyphs' ink top (0.8 em over the baseline) and foot (0.08 em under it)."""
    hits = set()
    with pymupdf.open(str(pdf)) as doc:
        for number, page in enumerate(doc, start=1):
            rules = [d["rect"] for d in page.get_drawings()
                     if d["rect"].height < 0.1 and d["rect"].width > 4]
            if not rules:
                continue
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    if line["dir"] != (1.0, 0.0):
                        continue
                    text = "".join(c["c"] for s in line["spans"] for c in s["chars"]).strip()
                    for span in line["spans"]:
                        base, size = span["origin"][1], span["size"]
                        x0, x1 = span["bbox"][0], span["bbox"][2]
                        if any(base - 0.8 * size + 0.5 < r.y0 < base + 0.08 * size - 0.5
                               and min(x1, r.x1) - max(x0, r.x0) > 2 for r in rules):
                            hits.add((number, text))
                            break
    return hits


def _toc_pages(doc) -> list:
    """The 目录 pages: dot leaders and no folio."""
    return [p for p in doc if "···" in p.get_text() and _folio(p) is None]


def _folio(page) -> int | None:
    for line in page.get_text().splitlines():
        m = FOLIO.match(line.strip())
        if m:
            return int(m.group(1))
    return None


@pytest.mark.slow
def test_every_character_has_a_glyph(built):
    out = built[0]
    drawn, notdef = set(), []
    with pymupdf.open(str(out)) as doc:
        for number, page in enumerate(doc):
            for span in page.get_texttrace():
                for unicode, glyph, *_rest in span["chars"]:
                    drawn.add(chr(unicode))
                    if glyph == 0:
                        notdef.append((chr(unicode), number))
    assert notdef == []
    assert set(qa_docs.RARE) <= drawn


@pytest.mark.slow
def test_no_overlap_stranded_heading_or_lone_line(built):
    from pdfcheck import count_violations, layout_report
    out = built[0]
    details = []
    counts = layout_report(out, details=details)
    for kind in ("overlaps", "stranded_headings", "orphans", "widows", "grid_off"):
        assert counts[kind] == 0, [d for d in details if d[0] == kind]
    lines = count_violations(out, "auto")
    # short: a justified line ending short (a list of names broken after an ideographic
    # space was set a 字 short of the measure)
    assert lines["not_start"] == lines["not_end"] == lines["split_pairs"] == lines["short"] == 0


@pytest.mark.slow
def test_toc_and_bookmarks_show_real_titles_with_true_page_numbers(built):
    out, titles = built[0], built[2]
    with pymupdf.open(str(out)) as doc:
        toc = doc.get_toc()
        marks = {qa_docs.plain(t): page for level, t, page in toc}
        contents = qa_docs.plain("".join(p.get_text() for p in _toc_pages(doc)))
        for title in titles.values():
            key = qa_docs.plain(title)
            assert key in marks, title                         # a bookmark, not a file name
            folio = _folio(doc[marks[key] - 1])
            # the 目录 line: the whole title, its dot leader, then the folio it starts on
            assert re.search(re.escape(key) + r"·+" + str(folio) + r"(?!\d)", contents), title
        assert not any(t.endswith(".docx") for _level, t, _page in toc)


@pytest.mark.slow
def test_multiline_titles_and_toc_entries_have_no_stub_line(built):
    """A three-line title's 目录 entry and a speech's two-line subtitle break into full
    lines: no line of one short word between two long ones (规范化, 推进 before)."""
    out = built[0]
    with pymupdf.open(str(out)) as doc:
        toc_lines = [ln for p in _toc_pages(doc) for ln in p.get_text().splitlines()]
        speech = next(p for p in doc if "区十一届人大五次会议文件" in p.get_text())
        sub = [ln for ln in speech.get_text().splitlines()]
    start = next(k for k, ln in enumerate(toc_lines) if ln.startswith("武汉市硚口区人民政府关于印发"))
    entry = toc_lines[start:start + 4]
    assert qa_docs.plain("".join(entry)).startswith(qa_docs.plain(qa_docs.LONG_TITLE))
    assert min(len(qa_docs.plain(ln)) for ln in entry[:-1]) >= 12, entry
    k = next(k for k, ln in enumerate(sub) if ln.startswith("——"))
    subtitle = sub[k:next(j for j in range(k, len(sub)) if "区长" in sub[j])]
    assert len(subtitle) == 3 and min(len(qa_docs.plain(ln)) for ln in subtitle) >= 12, subtitle


@pytest.mark.slow
def test_preflight_errors_are_true_and_low_resolution_pictures_reported(built):
    out, report, titles = built[:3]
    landscape = qa_docs.DOCS["landscape_table.docx"][1]
    crossed = rules_through_glyphs(out)
    for f in report.errors:
        # errors that are true: the rotated 附件 label of the landscape table page stands
        # 6 pt outside the type area; a table's top border drawn at the baseline of the
        # paragraph above it strikes that line's glyphs (both seen on the pages)
        if f.rule == "OVERLAP" and f.message.startswith("线条穿过文字"):
            assert (f.pdf_page, f.text[:6]) in {(p, t[:6]) for p, t in crossed}, f
            continue
        assert f.rule == "OUTSIDE_TYPE_AREA" and titles.get(f.doc_id) == landscape, \
            (f.rule, f.message)
    # and every line the PDF shows struck through is reported
    told = {(f.pdf_page, f.text[:6]) for f in report.errors if f.rule == "OVERLAP"}
    assert {(p, t[:6]) for p, t in crossed} <= told
    assert not [f for f in report.findings if f.rule in (
        "GLYPH_MISSING", "TITLE_MISSING", "EMPTY_DOCUMENT", "TOC_UNSETTLED",
        "DOCNO_FORMAT", "DATE_FORMAT", "ATTACHMENT_MISMATCH", "RECIPIENTS_COLON",
        "DUPLICATE_DOCUMENT", "HEADING_STRANDED", "ORPHAN_WIDOW")]
    # every picture the PDF prints below 200 ppi is reported, and no other
    low = 0
    with pymupdf.open(str(out)) as doc:
        for page in doc:
            for info in page.get_image_info():
                x0, y0, x1, y1 = info["bbox"]
                if info["width"] / ((x1 - x0) / 72) < 200:
                    low += 1
    reported = [f for f in report.findings if f.rule == "IMAGE_LOW_RES"]
    assert low == len(reported) == 7
    # the finding names its document once (it was 《政务简讯》《政务简讯》：图片…)
    assert all(f.document and not f.message.startswith("《") for f in reported)


def test_names_in_a_spaced_list_are_not_torn():
    from editor.layout.linebreak import break_before
    line = "出席：李喆　王昇　周淼　欧阳犇犇　冯𠮷祥"
    ok = break_before(line)
    inside = [line[i - 1:i + 1] for i in range(1, len(line)) if ok[i]
              and line[i - 1] != "\u3000" and line[i - 1] != "："]
    assert inside == ["出席"], inside
    prose = "　　同志们，新的一年任务艰巨　责任重大"      # a long run: breaks stay free
    ok = break_before(prose)
    assert all(ok[i] for i in range(prose.index("新") + 1, prose.index("艰")))


@pytest.mark.slow
def test_attendance_list_keeps_every_name_on_one_line(built):
    out = built[0]
    with pymupdf.open(str(out)) as doc:
        page = next(p for p in doc if "出席：" in p.get_text())
        lines = page.get_text().splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("出席："))
    names = "".join(lines[k:k + 3]).split("列席")[0]
    for ln in lines[k:k + 2]:
        for name in qa_docs.NAMES[:10]:
            if name in names:
                # a name either on this line whole or not at all
                assert not (ln.endswith(name[0]) and not ln.endswith(name)), (ln, name)
    assert all(n in qa_docs.plain(names) for n in ("李喆", "周淼", "冯𠮷祥"))


def test_an_issue_without_a_name_is_told(tmp_path):
    """`project new` without --from, documents imported, built: the cover printed no
    name and 印前检查 said only 此页没有内容; now it names the missing 刊名."""
    from editor import model
    from editor.preflight import run_preflight
    doc = _doc("long_title.docx")
    bare = model.Issue(meta=model.IssueMeta(), sections=[model.Section("s1", "区政府文件", [doc])])
    named = model.Issue(meta=model.IssueMeta(title="硚口区人民政府公报"),
                        sections=[model.Section("s1", "区政府文件", [doc])])
    assert [f.text for f in run_preflight(bare).findings if f.rule == "ISSUE_METADATA"] == ["刊名"]
    assert not [f for f in run_preflight(named).findings if f.rule == "ISSUE_METADATA"]


@pytest.mark.slow
def test_attachment_note_stays_together_and_the_contact_note_follows_the_date(built):
    """GB/T 9704: the 附件说明 of three names goes over a page whole (附件：1.… was alone
    at a page foot), and the 附注 （联系人：…） prints under the 成文日期 (it printed
    between the body and the 附件说明)."""
    out = built[0]
    with pymupdf.open(str(out)) as doc:
        pages = [[ln.strip() for ln in p.get_text().splitlines() if ln.strip()] for p in doc]
    where = [k for k, lines in enumerate(pages) for ln in lines
             if ln.startswith(("附件：1.2025", "2.项目资金测算明细表", "3.学校安全隐患"))]
    assert len(where) == 3 and len(set(where)) == 1, where
    lines = next(lines for lines in pages if any(ln.startswith("（联系人：王昇") for ln in lines))
    k = next(i for i, ln in enumerate(lines) if ln.startswith("（联系人：王昇"))
    assert qa_docs.plain(lines[k - 1]) == "2025年4月2日", lines[k - 3:k + 1]
    assert not any(ln.startswith("附件：") for ln in lines[k:])


@pytest.mark.slow
def test_no_drawn_line_through_text(built):
    """A table right under a paragraph (the 任免 notice's 经区人民政府研究决定… line, the
    公示's 扫描表中二维码… line) had its top border at that line's baseline, through the
    feet of its glyphs; the wild corpus's docling__word_tables.docx showed it under every
    table caption."""
    assert rules_through_glyphs(built[0]) == set()


@pytest.mark.slow
def test_preflight_sees_a_line_through_text(built):
    import copy

    from editor.fonts import default_fontbook
    from editor.layout.items import LineItem, TextItem
    from editor.layout.paginate import resolve_template
    from editor.preflight import run_preflight
    _out, _report, _titles, issue, laid = built
    laid = copy.deepcopy(laid)
    page = next(p for p in laid.pages if p.kind == "body" and any(
        isinstance(t, TextItem) and t.source is not None and len(t.text) > 8 for t in p.items))
    line = next(t for t in page.items if isinstance(t, TextItem) and t.source is not None
                and len(t.text) > 8)
    page.items.append(LineItem(line.x, line.y, line.x + 100, line.y, 0.5))
    report = run_preflight(issue, laid, resolve_template(issue, None), default_fontbook())
    hits = [f for f in report.findings if f.rule == "OVERLAP" and "线条穿过" in f.message]
    assert [(f.page, f.text) for f in hits] == [(page.index, line.text.strip()[:20])]


@pytest.mark.slow
def test_joint_masthead_and_quoted_title(built):
    """The 联合发文 head prints each issuer on its own line at the 发文机关标志 size the
    single-issuer heads get (within what the longest name allows), and its title is not
    broken inside the quoted name “我们的节日”."""
    out = built[0]
    sizes = {}
    with pymupdf.open(str(out)) as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(s["text"] for s in line["spans"]).strip()
                    if text in qa_docs.JOINT or text == "武汉市硚口区人民政府文件":
                        sizes[text] = max(sizes.get(text, 0.0), line["spans"][0]["size"])
            if "硚宣发" in page.get_text():
                lines = [ln.strip() for ln in page.get_text().splitlines()]
    assert set(qa_docs.JOINT) <= set(sizes)
    assert min(sizes[n] for n in qa_docs.JOINT) >= 0.75 * sizes["武汉市硚口区人民政府文件"], sizes
    k = next(i for i, ln in enumerate(lines) if ln.startswith("关于开展"))
    assert "“我们的节日”" in qa_docs.plain(lines[k]), lines[k:k + 2]


@pytest.mark.slow
def test_footnotes_print_and_their_marks_are_raised(built):
    """A footnote mark was set as a body digit (同比增长6.2%1 — a different number) and
    the footnotes themselves were not printed."""
    out = built[0]
    with pymupdf.open(str(out)) as doc:
        page = next(p for p in doc if "经济运行情况分析" in p.get_text() and "6.2%" in p.get_text())
        text = qa_docs.plain(page.get_text())
        spans = [(s["size"], s["chars"][0][2][1], "".join(chr(c[0]) for c in s["chars"]))
                 for s in page.get_texttrace() if s["chars"]]
    assert "数据来源：硚口区统计局" in text and "指《武汉市城市更新条例》第十二条。" in text
    body = next(s for s in spans if "6.2%" in s[2])
    mark = spans[spans.index(body) + 1]
    # the template's circled marks, numbered per page (①: the first note on its page)
    assert mark[2] == "①" and mark[0] < 0.7 * body[0] and mark[1] < body[1] - 0.2 * body[0]


def test_preflight_list_shortens_a_long_title_visibly(capsys):
    from editor.cli.cmd_preflight import print_report
    from editor.preflight import Report
    from editor.preflight.findings import Finding
    report = Report()
    report.findings.append(Finding("IMAGE_LOW_RES", "图片分辨率偏低", document=qa_docs.LONG_TITLE))
    report.findings.append(Finding("IMAGE_LOW_RES", "图片分辨率偏低", document="政务简讯"))
    print_report(report)
    out = capsys.readouterr().out
    assert f"《{qa_docs.LONG_TITLE[:19]}…》图片" in out and "《政务简讯》图片" in out
