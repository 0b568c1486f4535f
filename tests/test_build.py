"""End to end: ``python main.py build`` of the bundled sample issue (总第32期), read back
from the PDF with pypdf/pdfplumber: page size, text fidelity, 目录 numbers against the
printed folios, folio continuity, bookmarks, determinism, the second template, line
breaking rules and CLI errors."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
import sys

import pypdf
import pytest

from editor import model
from editor.cli import main as cli_main
from editor.issue_json import load_issue
from editor.layout.template import MM
from editor.resources import sample_issue_path

from conftest import ROOT

pytestmark = pytest.mark.slow      # builds the whole sample issue

FOLIO = re.compile(r"—\s*(\d+)\s*—")
WS = re.compile(r"\s+")


@pytest.fixture(scope="module", autouse=True)
def reproducible():
    """Byte-identical builds are asked for with SOURCE_DATE_EPOCH (else the PDF is dated now)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1751328000")
        yield


@pytest.fixture(scope="module")
def issue() -> model.Issue:
    return load_issue(sample_issue_path())


@pytest.fixture(scope="module")
def built(tmp_path_factory, issue):
    """(pdf path, reader, laid-out issue) of the sample built through the CLI code path."""
    from editor.render import build_pdf
    out = tmp_path_factory.mktemp("build") / "公报.pdf"
    laid = build_pdf(issue, out)
    return out, pypdf.PdfReader(str(out)), laid


@pytest.fixture(scope="module")
def texts(built):
    return [p.extract_text() or "" for p in built[1].pages]


def _squash(text: str) -> str:
    return WS.sub("", text)


def _folio(text: str) -> int | None:
    found = FOLIO.findall(text)
    return int(found[-1]) if found else None


def test_cli_builds_default_sample_to_given_path(tmp_path, capsys):
    out = tmp_path / "样例.pdf"
    assert cli_main(["build", "-o", str(out)]) == 0
    assert out.stat().st_size > 50_000
    captured = capsys.readouterr()
    assert "已写出" in captured.out and "排版" in captured.err


def test_every_page_is_exactly_a4(built):
    reader = built[1]
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert sorted((round(w, 2), round(h, 2))) == [595.28, 841.89]
        assert [round(float(v), 2) for v in page.trimbox] == [round(float(v), 2) for v in page.mediabox]


def test_fonts_are_embedded_subsets(built):
    reader = built[1]
    seen = 0
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"]))
            seen += 1
    assert seen


def _doc_text(doc: model.Document) -> tuple[list[str], list[str]]:
    """The document's text as the model has it: (running text in reading order — 版头
    (issuer mark, doc number), head parts, paragraphs, attachments —, table cell texts)."""
    head = doc.issuer_mark.split("\n") + [doc.doc_number] if doc.issuer_mark else []
    running = head + [doc.title, doc.subtitle, doc.speaker, doc.recipients]
    cells: list[str] = []

    def blocks(items):
        for b in items:
            if isinstance(b, model.Table):
                cells.extend(c.text for row in b.rows for c in row.cells)
            else:
                running.append(model.block_text(b))
    blocks(doc.body)
    running += doc.attachment_note + doc.signature + [doc.date]
    for att in doc.attachments:
        running += [att.label, att.title]
        blocks(att.blocks)
    squash = lambda items: [_squash(p) for p in items if _squash(p)]
    return squash(running), squash(cells)


def test_text_of_every_document_is_complete_and_in_order(issue, built, texts):
    laid = built[2]
    starts = sorted(laid.doc_first_page.values()) + [len(texts)]
    sections = {s.title for s in issue.sections}
    for doc in issue.documents():
        first = laid.doc_first_page[doc.id]
        last = starts[starts.index(first) + 1]
        page_texts = []
        for k, text in enumerate(texts[first:last]):
            lines = [ln for ln in text.splitlines() if not FOLIO.fullmatch(ln.strip())
                     and not (k and ln.strip() in sections)          # odd running heads
                     and not ln.strip().startswith(issue.meta.title)]   # even heads
            page_texts.append("".join(lines))
        pdf = _squash("".join(page_texts))
        running, cells = _doc_text(doc)
        pos, missing = 0, []
        for part in running:                       # paragraphs: whole and in order
            at = pdf.find(part, pos)
            if at < 0:
                missing.append(part[:40])
            else:
                pos = at + len(part)
        assert not missing, (doc.title, missing[:5])
        # table cells: whole, or split by a page break (then every character is there)
        split = [c for c in cells if c not in pdf]
        have = Counter(pdf)
        need = Counter("".join(running) + "".join(cells))
        assert not need - have, (doc.title, split[:3], (need - have).most_common(5))


def test_toc_numbers_equal_folios_on_title_pages(issue, built, texts):
    laid = built[2]
    toc_pages = [p.index for p in laid.pages if p.kind == "toc"]
    toc_text = "\n".join(texts[i] for i in toc_pages)
    printed = [int(n) for n in re.findall(r"(\d+)\s*$", toc_text, re.M)]
    expected = []
    for doc in issue.documents():
        title = _squash(doc.title)
        page = next(i for i, t in enumerate(texts) if title in _squash(t)
                    and laid.pages[i].kind == "body")
        expected.append(_folio(texts[page]))
    assert printed == expected and None not in expected


def test_folios_continuous_absent_on_front_matter_and_blank_pages(built, texts):
    laid = built[2]
    first_body = min(laid.doc_first_page.values())
    for i, text in enumerate(texts):
        folio = _folio(text)
        if i < first_body or laid.pages[i].kind == "blank":
            assert folio is None, i
            if laid.pages[i].kind == "blank":
                assert not text.strip()
        else:
            assert folio == i - first_body + 1, i


def test_bookmarks_match_the_toc(issue, built):
    reader, laid = built[1], built[2]
    marks = []

    def walk(items, level):
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
            else:
                marks.append((level, it.title, reader.get_destination_page_number(it)))
    walk(reader.outline, 0)
    from editor.layout.toc import toc_entries
    entries = toc_entries(issue)
    assert [(m[0], m[1]) for m in marks] == [(e.level, e.title) for e in entries]
    for (_, _, page), e in zip(marks, entries):
        doc_id = e.doc_id or next(x.doc_id for x in entries[entries.index(e) + 1:] if x.doc_id)
        assert page == laid.doc_first_page[doc_id]


def test_toc_entries_link_to_their_pages(built):
    reader, laid = built[1], built[2]
    toc = [p.index for p in laid.pages if p.kind == "toc"]
    targets = set()
    for i in toc:
        for annot in reader.pages[i].get("/Annots", []):
            dest = annot.get_object()["/Dest"]
            targets.add(reader.get_destination_page_number(reader.named_destinations[dest])
                        if isinstance(dest, str) else reader.pages.index(dest[0].get_object()))
    assert targets == set(laid.doc_first_page.values())


def test_two_builds_give_identical_bytes(issue, built, tmp_path):
    from editor.render import build_pdf
    again = tmp_path / "again.pdf"
    build_pdf(issue, again)
    assert again.read_bytes() == built[0].read_bytes()


def test_second_template_builds_sixteen_kai(issue, tmp_path):
    from editor.render import build_pdf
    out = tmp_path / "16k.pdf"
    laid = build_pdf(issue, out, template="gazette16k")
    reader = pypdf.PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (185, 260)
    for doc_id, index in laid.doc_first_page.items():
        assert laid.pages[index].folio % 2 == 1          # documents on odd pages
    assert len(reader.pages) == len(laid.pages)


@pytest.mark.slow
def test_no_line_breaking_violations_in_the_whole_issue(built):
    from pdfcheck import count_violations
    counts = count_violations(built[0], "auto")
    assert counts["lines"] > 500
    assert counts["not_start"] == 0 and counts["not_end"] == 0, counts
    assert counts["split_pairs"] == 0 and counts["short"] == 0, counts


def test_cli_error_is_chinese_with_exit_code_2(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "build",
                           str(tmp_path / "没有.json")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "找不到" in proc.stderr and "Traceback" not in proc.stderr


def test_extracted_glyph_positions_match_layout_across_font_subsets(built):
    """Where the CJK face is embedded as several 256-glyph subsets and lines switch
    between them, a text extractor still finds every character at the layout's x."""
    import pdfplumber
    path, _reader, laid = built
    pages = sorted(set(laid.doc_first_page.values()))
    pages += [p.index for p in laid.pages if p.kind == "body"][10::12]
    mixed_lines = 0
    with pdfplumber.open(path) as pdf:
        for index in pages:
            page = laid.pages[index]
            expected = [(round(it.y, 1), ch, x) for it in page.texts()
                        for ch, x in zip(it.text, it.xs) if not ch.isspace()]
            chars = [c for c in pdf.pages[index].chars if not c["text"].isspace()]
            found: dict[tuple, list[float]] = {}
            for c in chars:
                key = (round(page.height - c["matrix"][5], 1), c["text"])
                found.setdefault(key, []).append(c["x0"])
            assert len(chars) == len(expected), index
            for y, ch, x in expected:      # each glyph drawn once, at the layout's x
                xs = found.get((y, ch), [])
                near = [px for px in xs if abs(px - x) <= 0.02]
                assert near, (index, ch, x, xs[:5])
                xs.remove(near[0])
            by_line: dict[float, set[str]] = {}
            for c in chars:
                by_line.setdefault(round(c["top"]), set()).add(c["fontname"])
            mixed_lines += sum(1 for names in by_line.values() if len(names) > 1)
    assert mixed_lines > 50


def test_build_path_imports_no_heavy_optional_modules(built, tmp_path):
    """A headless build stays light: no Qt, no test/print-only PDF libraries, no project
    store, no font subsetter when the font caches are warm (``built`` warmed them)."""
    code = ("import sys, io, contextlib\n"
            "from editor.cli import main\n"
            "with contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main(['build', '-o', {str(tmp_path / 'o.pdf')!r}])\n"
            "print(' '.join(sorted(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    loaded = set(proc.stdout.split())
    assert "editor.render.pdf" in loaded
    heavy = {"PySide6", "pdfplumber", "pikepdf", "hypothesis", "sqlite_utils", "sqlite3",
             "fontTools.subset", "concurrent.futures.process", "editor.ui", "editor.store"}
    assert not heavy & loaded
