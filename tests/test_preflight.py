"""印前检查: for every rule a notice (made with python-docx) or an issue that breaks it once,
and the clean notice that breaks none; the rule id, the page and the text are asserted.

The fonts are the open Noto faces every installation has (a FontBook of those alone), so
the results do not depend on the fonts of the machine.  The page rules are also tested on
pages the layout would never make (an item moved over another, out of the type area …):
they measure the pages, whatever the layout did."""
from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from PIL import Image as PILImage

from editor import model
from editor.docx_import import import_docx
from editor.fonts import FontBook, default_fontbook
from editor.layout.items import TextItem
from editor.layout.paginate import resolve_template
from editor.preflight import fix_command, preflight_issue, run_preflight
from preflight_docs import CLEAN, notice

RARE = "\U0003034F"          # CJK Extension G: in no face of an ordinary machine


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> FontBook:
    faces = [r for r in default_fontbook().faces
             if r.matches("Noto Serif SC") or r.matches("Noto Sans SC")]
    return FontBook(faces=faces, user_file=tmp_path_factory.mktemp("f") / "none.json")


def meta(**kw) -> model.IssueMeta:
    values = dict(title="东西湖区人民政府公报", period="2025年1月~2025年6月", total_number=3,
                  issue_label="总第3期", published="2025年9月")
    return model.IssueMeta(**{**values, **kw})


def issue_of(*docs, **meta_kw) -> model.Issue:
    """The documents as an issue on the strict 22-line page, where the test notice runs over
    three pages (the pages each finding is expected on)."""
    return model.Issue(meta=meta(**meta_kw), sections=[model.Section("s1", "区级文件", list(docs))],
                       template="gbt9704")


def doc_of(tmp_path: Path, name: str = "notice", **changes) -> model.Document:
    doc = import_docx(notice(tmp_path / f"{name}.docx", **changes)).document
    doc.id = name
    return doc


def check(book, issue):
    report, laid_out = preflight_issue(issue, fontbook=book)
    return report, laid_out


def only(report, rule: str) -> list:
    return [f for f in report.findings if f.rule == rule]


def rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_the_clean_notice_breaks_no_rule(tmp_path, book):
    report, _ = check(book, issue_of(doc_of(tmp_path)))
    # Noto stands in for every office font: the one thing to tell
    assert rules(report) == {"FONT_SUBSTITUTED"}
    assert {f.text for f in report.findings} >= {"仿宋→Noto Serif SC"}
    assert all(f.page is None for f in report.findings)


# rule, changes to the clean notice, the text reported, the folio of its page
DOCUMENT_CASES = [
    ("TITLE_MISSING", {"title": ""}, "无标题文件", 1),
    ("DOCNO_FORMAT", {"doc_number": "东政办[2025]7号"}, "[2025]", 1),
    ("DOCNO_FORMAT", {"doc_number": "东政办〔2025〕第7号"}, "第", 1),
    ("DOCNO_FORMAT", {"doc_number": "东政办〔2025〕07号"}, "07", 1),
    ("DATE_FORMAT", {"date": "2025年05月20日"}, "2025年05月20日", 2),
    ("DATE_FORMAT", {"date": "二〇二五年五月二十日"}, "二〇二五年五月二十日", 2),
    ("DATE_FORMAT", {"date": "2025年2月30日"}, "2025年2月30日", 2),
    ("DATE_FORMAT", {"date": "2025年10月8日"}, "2025年10月8日", 2),
    ("ATTACHMENT_MISMATCH", {"attachment_note": ["附件：1.防汛物资储备清单", "2.值班安排表"]},
     "附件：1.防汛物资储备清单\n2.值班安排表", 2),
    ("ATTACHMENT_MISMATCH", {"attachment_note": ["附件：防汛物资清单"]}, "防汛物资储备清单", 3),
    ("HEADING_SEQUENCE", {"body": [t.replace("三、", "四、") for t in CLEAN["body"]]}, "四、", 1),
    ("HEADING_SEQUENCE", {"body": [t.replace("（二）", "（一）") for t in CLEAN["body"]]},
     "（一）", 1),
    ("RECIPIENTS_COLON", {"recipients": "各街道办事处，区直各单位:"}, "处，区直各单位:", 1),
    ("PUNCT_HALFWIDTH", {"body": CLEAN["body"][:-1] + ["区财政局要保障经费,做到专款专用。"]},
     "财政局要保障经费【,】做到专款专用。", 1),
    ("PUNCT_PAIRS", {"body": CLEAN["body"][:-1] + ["区财政局要按《防汛条例保障经费。"]},
     "区财政局要按【《】防汛条例保障经费", 1),
]


@pytest.mark.parametrize("rule,changes,text,folio", DOCUMENT_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(DOCUMENT_CASES)])
def test_a_document_breaking_a_rule_once(tmp_path, book, rule, changes, text, folio):
    report, _ = check(book, issue_of(doc_of(tmp_path, **changes)))
    found = only(report, rule)
    assert len(found) == 1, [(f.rule, f.text, f.message) for f in report.findings]
    f = found[0]
    assert (f.text, f.folio) == (text, folio), (f.text, f.folio, f.message)
    assert f.message and f.document
    # nothing else but the font note: the notice breaks one rule
    assert rules(report) - {"FONT_SUBSTITUTED", rule} <= {"TITLE_MISSING", "KIND_UNCERTAIN"}


def test_fixes_are_one_undoable_step(tmp_path, book):
    from editor.app.command import Command
    doc = doc_of(tmp_path, doc_number="东政办[2025]第07号", date="2025年05月20日",
                 recipients="各街道办事处，区直各单位:",
                 body=CLEAN["body"][:-1] + ["区财政局要保障经费,做到专款专用。"])
    issue = issue_of(doc)
    report = run_preflight(issue)
    command = fix_command([f for f in report.findings if f.fix])
    stored = Command.from_dict(command.to_dict())
    stored.apply(issue)
    assert (doc.doc_number, doc.date, doc.recipients) == (
        "东政办〔2025〕7号", "2025年5月20日", "各街道办事处，区直各单位：")
    assert not [f for f in run_preflight(issue).findings if f.fix]
    stored.revert(issue)
    assert doc.doc_number == "东政办[2025]第07号"


def test_kind_uncertain_and_empty_document(tmp_path, book):
    article = doc_of(tmp_path, "article", issuer="", doc_number="", recipients="",
                     signature="", date="", attachment_note=[], attachments=[],
                     body=["近日，区防汛办组织开展了汛前检查。", "检查覆盖全区堤防和泵站。"],
                     title="")                   # no title line: nothing to tell the kind by
    empty = model.Document(id="empty", title="关于做好防汛工作的通知", source_name="空.docx")
    report, laid_out = check(book, issue_of(article, empty))
    kind, = only(report, "KIND_UNCERTAIN")
    assert (kind.doc_id, kind.text, kind.folio) == ("article", "近日，区防汛办组织开展了汛前检查。", 1)
    guessed, = only(report, "TITLE_MISSING")        # the first line taken as the title
    assert (guessed.doc_id, guessed.severity, guessed.folio) == ("article", "warning", 1)
    gone, = only(report, "EMPTY_DOCUMENT")
    assert (gone.doc_id, gone.folio) == ("empty", 2)


def test_duplicate_document_and_issue_rules(tmp_path, book):
    first, second = doc_of(tmp_path, "a"), doc_of(tmp_path, "b")
    issue = issue_of(first, second, issue_label="总第4期", published="2025年5月")
    issue.sections.append(model.Section("s2", "大事记", []))
    report, _ = check(book, issue)
    dup, = only(report, "DUPLICATE_DOCUMENT")
    assert (dup.doc_id, dup.text, dup.folio) == ("b", "东政办〔2025〕7号", 4)
    meta_findings = sorted(f.text for f in only(report, "ISSUE_METADATA"))
    assert meta_findings == ["2025年5月", "总第4期"]
    empty, = only(report, "SECTION_EMPTY")
    assert (empty.text, empty.page) == ("大事记", None)
    clean = run_preflight(issue_of(first), previous_total=2)
    assert not only(clean, "ISSUE_METADATA")
    assert only(run_preflight(issue_of(first), previous_total=3), "ISSUE_METADATA")[0].text == "总第3期"


def test_a_character_no_face_has(tmp_path, book):
    body = CLEAN["body"][:-1] + [f"区财政局要保障{RARE}经费。"]
    report, _ = check(book, issue_of(doc_of(tmp_path, body=body)))
    f, = only(report, "GLYPH_MISSING")
    assert (f.text, f.folio, f.rule, f.severity) == (RARE, 1, "GLYPH_MISSING", "error")


def test_a_coarse_picture(tmp_path, book):
    import docx
    from docx.shared import Cm
    path = notice(tmp_path / "pic.docx")
    d = docx.Document(str(path))
    png = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(png, "PNG")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png.getvalue()), width=Cm(14))
    d.save(str(path))
    doc = import_docx(path).document
    report, _ = check(book, issue_of(doc))
    f, = only(report, "IMAGE_LOW_RES")
    assert f.folio == 3 and "分辨率偏低" in f.message    # in the attachment


# ---------------------------------------------------------------------------- the page rules

@pytest.fixture(scope="module")
def long_issue(tmp_path_factory, book):
    """A notice of several pages with headings, a table and a 目录, laid out once."""
    import docx
    tmp = tmp_path_factory.mktemp("long")
    body = []
    for n, h in enumerate("一二三四五六", 1):
        body.append(f"{h}、第{h}项工作")
        body += [f"第{h}项工作的第{k}段。" + "各单位要认真落实各项措施，确保工作取得实效。" * 3
                 for k in range(1, 4)]
    path = notice(tmp / "long.docx", body=body)
    d = docx.Document(str(path))
    table = d.add_table(rows=4, cols=2)
    for r, row in enumerate(table.rows):
        row.cells[0].text = f"{r + 1}"
        # long enough for three lines also when the text column takes the room the
        # number column does not need (widths from content)
        row.cells[1].text = "排查堤防险情，落实巡查责任，做好物资储备和人员转移准备。" * (3 if r else 1)
    d.save(str(path))
    doc = import_docx(path).document
    doc.id = "long"
    issue = issue_of(doc)
    report, laid_out = check(book, issue)
    return issue, laid_out, report


def _again(book, issue, laid_out):
    return run_preflight(issue, laid_out, resolve_template(issue, None), book)


def _lines(page, block_id=None):
    by_y = {}
    for t in page.texts():
        if t.source is not None and (block_id is None or t.source.block_id == block_id):
            by_y.setdefault(round(t.y, 1), []).append(t)
    return [by_y[y] for y in sorted(by_y)]


def _body_pages(laid_out):
    return [p for p in laid_out.pages if p.kind == "body"]


def test_the_long_notice_is_clean(long_issue):
    _issue, laid_out, report = long_issue
    assert len(_body_pages(laid_out)) >= 3
    assert rules(report) == {"FONT_SUBSTITUTED"}, [(f.rule, f.message) for f in report.findings]


def test_overlap(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    page = _body_pages(laid_out)[1]
    lines = _lines(page)
    for t in lines[3]:
        t.y = lines[2][0].y + 6                    # a line pushed onto the one above
    f, = only(_again(book, issue, laid_out), "OVERLAP")
    assert f.folio == page.folio and f.text == lines[2][0].text.strip()[:20]


def test_outside_type_area(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    page = _body_pages(laid_out)[1]
    line = _lines(page)[4]
    for t in line:
        t.x += 60
        t.xs = [x + 60 for x in t.xs]
    f, = only(_again(book, issue, laid_out), "OUTSIDE_TYPE_AREA")
    assert (f.folio, f.text) == (page.folio, line[0].text.strip()[:20])


def _move_to_foot(lines: list[list[TextItem]], src, dest) -> None:
    """Move these lines from page ``src`` to the foot of page ``dest``."""
    y = max(t.y for t in dest.texts() if t.source is not None)
    for line in lines:
        y += 29
        for t in line:
            src.items.remove(t)
            t.y = y
            dest.items.append(t)


def _first_block(page, kind, issue):
    doc = next(issue.documents())
    ids = {b.id for b in doc.all_blocks() if type(b) is kind}
    return next(t.source.block_id for t in page.texts()
                if t.source is not None and t.source.block_id in ids)


def test_heading_stranded(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    pages = _body_pages(laid_out)
    src = next(p for p in pages[1:] if any(
        t.source and t.source.block_id == _first_block(p, model.Heading, issue)
        for t in p.texts()) and p is not pages[-1])
    dest = laid_out.pages[src.index - 1]
    heading = _first_block(src, model.Heading, issue)
    lines = _lines(src, heading)
    _move_to_foot(lines, src, dest)
    f, = only(_again(book, issue, laid_out), "HEADING_STRANDED")
    assert (f.folio, f.block_id) == (dest.folio, heading)
    assert f.text == "".join(t.text for t in lines[-1]).strip()


def test_orphan_line(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    src = _body_pages(laid_out)[1]
    block = _first_block(src, model.Paragraph, issue)
    lines = _lines(src, block)
    assert len(lines) >= 3
    for above in _lines(src):                 # the paragraph's first line heads the page
        if above[0].y < lines[0][0].y:
            for t in above:
                src.items.remove(t)
    dest = laid_out.pages[src.index - 1]
    _move_to_foot(lines[:1], src, dest)
    found = [f for f in only(_again(book, issue, laid_out), "ORPHAN_WIDOW")]
    assert [(f.folio, f.block_id, f.text) for f in found] == [
        (dest.folio, block, "".join(t.text for t in lines[0]).strip())]


def test_row_fragment(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    page = next(p for p in laid_out.pages if any(
        t.source and t.source.block_id.count("/") == 2 for t in p.texts()))
    cells = [t for t in page.texts() if t.source and t.source.block_id.count("/") == 2]
    row_cell = cells[-1].source.block_id                    # the last row's long cell
    lines = _lines(page, row_cell)
    assert len(lines) >= 3
    nxt = laid_out.pages[page.index + 1] if page.index + 1 < len(laid_out.pages) else None
    if nxt is None or nxt.doc_id != page.doc_id:
        nxt = copy.deepcopy(page)
        nxt.items, nxt.index, nxt.folio = [], page.index + 1, page.folio + 1
        laid_out.pages.insert(page.index + 1, nxt)
    for t in lines[-1]:                                     # its last line on the next page
        page.items.remove(t)
        nxt.items.append(t)
    found = only(_again(book, issue, laid_out), "ROW_FRAGMENT")
    assert [(f.folio, f.text) for f in found] == [
        (nxt.folio, " ".join(t.text.strip() for t in lines[-1]))]


def test_toc_number_wrong(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    toc = next(p for p in laid_out.pages if p.kind == "toc")
    number = next(t for t in toc.texts() if t.text.strip() == "1")
    number.text = "7"
    f, = only(_again(book, issue, laid_out), "TOC_UNSETTLED")
    assert (f.page, f.folio, f.text) == (toc.index, None, CLEAN["title"])
    assert "标为第 7 页，实际在第 1 页" in f.message


def test_blank_page(long_issue, book):
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    page = _body_pages(laid_out)[1]
    page.items = [it for it in page.items if not (isinstance(it, TextItem) and it.source)]
    f, = only(_again(book, issue, laid_out), "BLANK_PAGE_UNEXPECTED")
    assert f.folio == page.folio


def test_layout_warnings_are_filed_by_code(long_issue, book):
    from editor.layout.items import LayoutWarning
    issue, laid_out, _ = long_issue
    laid_out = copy.deepcopy(laid_out)
    laid_out.warnings.append(LayoutWarning("表格行被拆开", doc_id="long", page=7,
                                           code="ROW_FRAGMENT", block_id="t1"))
    laid_out.warnings.append(LayoutWarning("目录页码经 5 轮排版仍未稳定，请检查目录"))
    report = _again(book, issue, laid_out)
    row, = only(report, "ROW_FRAGMENT")
    toc, = only(report, "TOC_UNSETTLED")
    assert (row.page, row.block_id, row.message) == (7, "t1", "表格行被拆开")
    assert toc.page is None and toc.severity == "error"


# ---------------------------------------------------------------------------- the command line

@pytest.mark.slow
def test_preflight_json_on_an_issue_breaking_every_document_rule(tmp_path, capsys):
    """Each document rule broken once in its own notice, and a character no face has."""
    from editor.cli import main
    cases = {"TITLE_MISSING": {"title": ""}, "DOCNO_FORMAT": {"doc_number": "东政办〔2025〕第8号"},
             "DATE_FORMAT": {"date": "2025年05月20日"},
             "ATTACHMENT_MISMATCH": {"attachment_note": ["附件：1.防汛物资储备清单", "2.值班表"]},
             "HEADING_SEQUENCE": {"body": [t.replace("三、", "四、") for t in CLEAN["body"]]},
             "RECIPIENTS_COLON": {"recipients": "各街道办事处，区直各单位:"},
             "PUNCT_HALFWIDTH": {"body": CLEAN["body"][:-1] + ["保障经费,专款专用。"]},
             "PUNCT_PAIRS": {"body": CLEAN["body"][:-1] + ["按《防汛条例保障经费。"]},
             "GLYPH_MISSING": {"body": CLEAN["body"][:-1] + [f"保障{RARE}经费。"]},
             "EMPTY_DOCUMENT": {"body": [], "attachment_note": [], "attachments": [],
                                "recipients": "", "signature": "", "date": ""},
             "DUPLICATE_DOCUMENT": {"doc_number": "东政办〔2025〕12号"},     # the 3rd one's
             "KIND_UNCERTAIN": {"issuer": "", "doc_number": "", "recipients": "", "title": "",
                                "signature": "", "date": "", "attachment_note": [],
                                "attachments": [], "body": ["近日，区防汛办开展了汛前检查。"]}}
    docs = []
    for n, (rule, changes) in enumerate(cases.items()):
        number = changes.get("doc_number", f"东政办〔2025〕{n + 10}号")
        title = changes.get("title", f"{CLEAN['title'][:-3]}（{n + 1}）的通知")
        if rule == "KIND_UNCERTAIN":
            number = ""
        notice(tmp_path / f"{n:02d}_{rule}.docx", **{**changes, "doc_number": number, "title": title})
        docs.append({"file": f"{n:02d}_{rule}.docx"})
    issue_json = tmp_path / "issue.json"
    issue_json.write_text(json.dumps({"title": "公报", "period": "2025年1月~2025年6月",
                                      "total_number": 3, "issue_label": "总第3期",
                                      "published": "2025年9月",
                                      "sections": [{"title": "区级文件", "documents": docs}]},
                                     ensure_ascii=False), encoding="utf-8")
    assert main(["preflight", str(issue_json), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by_doc: dict[str, list] = {}
    for f in out["findings"]:
        by_doc.setdefault(f["rule"], []).append(f)
    first_pages = {}
    expected_text = {"TITLE_MISSING": "无标题文件", "DOCNO_FORMAT": "第",
                     "DATE_FORMAT": "2025年05月20日", "HEADING_SEQUENCE": "四、",
                     "RECIPIENTS_COLON": "处，区直各单位:", "GLYPH_MISSING": RARE,
                     "PUNCT_HALFWIDTH": "保障经费【,】专款专用。", "PUNCT_PAIRS": "按【《】防汛条例保障经费",
                     "EMPTY_DOCUMENT": f"{CLEAN['title'][:-3]}（10）的通知",
                     "DUPLICATE_DOCUMENT": "东政办〔2025〕12号",
                     "KIND_UNCERTAIN": "无标题文件"}
    for rule, text in expected_text.items():
        found = by_doc.get(rule, [])
        if rule == "TITLE_MISSING":     # the last one: the one-line article's
            assert [f["text"] for f in found] == [text, text], found
            assert found[1]["page"] == by_doc["KIND_UNCERTAIN"][0]["page"]
            found = found[:1]
        assert [f["text"] for f in found] == [text], (rule, found)
        first_pages[rule] = found[0]["page"]
    assert by_doc["ATTACHMENT_MISMATCH"][0]["page"] is not None
    # the notices follow each other, each on pages of its own (the exact pages are
    # asserted above with fixed fonts; here the machine's fonts set the page count)
    pages = [first_pages[rule] for rule in cases if rule in first_pages]
    assert pages[0] == 1 and pages == sorted(set(pages)), pages
    assert set(out["counts"]) == {"error", "warning", "info"}
    assert out["counts"]["error"] >= 2          # the missing title and the missing glyph
    assert main(["preflight", str(issue_json), "--strict"]) == 1
    capsys.readouterr()
    assert main(["preflight", str(tmp_path / "x.txt")]) == 2


# ---------------------------------------------------------------------------- 忽略, kept

def test_an_ignored_finding_is_kept_in_the_project_file(tmp_path, capsys):
    from editor.cli import main
    from editor.store import ProjectStore
    doc = doc_of(tmp_path, recipients="各街道办事处，区直各单位:")
    path = tmp_path / "p.gazette"
    store = ProjectStore.create(path, issue_of(doc))
    with store.transaction():
        store.write_issue(issue_of(doc))
    f, = only(run_preflight(store.read_issue()), "RECIPIENTS_COLON")
    store.ignore_finding(f.key, f.rule, f.doc_id, f.text, "来文原样照登")
    store.close()
    store = ProjectStore.open(path, readonly=True)
    ignored = store.ignored_findings()
    report = run_preflight(store.read_issue(), ignored=ignored)
    store.close()
    assert ignored == {f.key: "来文原样照登"}
    assert not only(report, "RECIPIENTS_COLON")
    assert [(g.rule, reason) for g, reason in report.ignored] == [("RECIPIENTS_COLON", "来文原样照登")]
    assert main(["preflight", str(path)]) == 0
    out = capsys.readouterr().out
    assert "RECIPIENTS_COLON" not in out and "已忽略 1 条" in out


def test_a_version_2_project_gets_the_table(tmp_path):
    from editor.store import SCHEMA_VERSION, ProjectStore
    path = tmp_path / "v2.gazette"
    ProjectStore.create(path, schema_version=2).close()
    store = ProjectStore.open(path)
    assert SCHEMA_VERSION >= 3 and store.ignored_findings() == {}
    store.ignore_finding("k", "SECTION_EMPTY", None, "大事记", "下期补")
    assert store.ignored_findings() == {"k": "下期补"}
    store.close()


def test_every_layout_warning_code_is_a_rule_with_a_chinese_name():
    """A LayoutWarning code the layout files must be a 印前检查 rule with its severity and
    name, or the dock shows it nameless under 警告 (read from the layout's source)."""
    import re
    from editor.preflight.findings import RULES
    root = Path(__file__).resolve().parent.parent / "editor"
    codes = {m for path in root.rglob("*.py")
             for m in re.findall(r'\bcode="([A-Z_]+)"', path.read_text(encoding="utf-8"))}
    assert {"GLYPH_MISSING", "HEADING_STRANDED"} <= codes
    assert sorted(c for c in codes if c not in RULES) == []
    assert all(name for _, name in RULES.values())


def test_duplicates_say_which_other_document_and_cut_titles_with_an_ellipsis():
    """The two DUPLICATE_DOCUMENT messages name the other document: its place and file for
    a repeated title, its title (cut with …) for a repeated 文号."""
    from editor.preflight.documents import duplicates
    long_title = "区人民政府办公室关于印发东西湖区持续改进提升营商环境行动方案的通知"
    a = model.Document(id="a", title=long_title, doc_number="东政办〔2025〕2号",
                       source_name="营商环境.docx")
    b = model.Document(id="b", title="另一个标题", doc_number="东政办〔2025〕2号")
    c = model.Document(id="c", title=long_title, doc_number="", source_name="营商环境（重发）.docx")
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [a, b, c])])
    by_doc = {f.doc_id: f.message for f in duplicates(issue)}
    assert by_doc["b"].startswith("发文字号“东政办〔2025〕2号”与《区人民政府办公室关于印发东西湖区持续改…》相同")
    assert "（“区级文件选登”栏第 1 篇，营商环境.docx）" in by_doc["c"]


def test_a_new_empty_issue_is_told_to_fill_in_its_cover(book):
    """A new issue with nothing filled in: its empty cover is told as such (填写刊名…), not
    as a stray blank page."""
    report, laid_out = check(book, model.Issue(template="gbt9704"))
    said = [f.message for f in only(report, "BLANK_PAGE_UNEXPECTED")]
    assert said and all("此页没有内容" not in m for m in said), said
    assert any(m.startswith("封面没有内容") for m in said), said
