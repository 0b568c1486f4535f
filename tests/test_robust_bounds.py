"""Bounded work on hostile inputs: huge spans and grids, deep nesting, numbering starts,
huge pictures — each imported (clamped, with a note) or refused plainly, in bounded time
and memory (issue #24, items 3–5)."""
from __future__ import annotations

import time

from tablecheck import STSongMeasurer
from editor import model
from editor.layout.table_prep import TableStyle, prepare


def test_table_preparation_is_linear_in_the_grid():
    # gridSpan/gridBefore of 10^5..10^6 made prepare() quadratic (sum of every prefix).
    n = 100_000
    cell = model.Cell(id="c1", col=0, col_span=n,
                      blocks=[model.Paragraph(id="p1", runs=[model.Run(text="宽")])])
    table = model.Table(id="t1", grid=[1.0] * n, rows=[model.Row(cells=[cell])])
    start = time.perf_counter()
    prepared = prepare(table, TableStyle(), 442.2, STSongMeasurer(), "d1")
    assert time.perf_counter() - start < 5.0
    assert len(prepared.widths) == n
    assert abs(sum(prepared.widths) - 442.2) < 1e-3
    assert prepared.rows[0].cells[0].x == 0.0


# -- import bounds ---------------------------------------------------------------------------
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from docx_builder import package, para  # noqa: E402
from fuzzgen import huge_png, run_case  # noqa: E402
from editor.docx_import import DocxImportError, import_docx, import_docx_bytes  # noqa: E402
from editor.docx_import.tables import MAX_COLS, MAX_DEPTH  # noqa: E402
from editor.model.serialize import dumps  # noqa: E402

REGRESS = Path(__file__).parent / "regress"
NUMBERING = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
             'main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{}"/>'
             '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def _messages(result) -> str:
    return "\n".join(e.message_zh for e in result.report.entries)


def _tables(doc):
    return [b for b in doc.all_blocks() if b.__class__.__name__ == "Table"]


@pytest.mark.parametrize("path", sorted(REGRESS.iterdir()), ids=lambda p: p.name)
def test_fuzz_regressions_import_or_are_refused_plainly(path):
    """Cases the fuzz test found (zlib errors, OverflowError, RecursionError, chr() out of
    range, a text-box nesting that never ended, malformed proof annotations and maps)."""
    outcome, seconds, detail = run_case("pdf" if path.suffix == ".pdf" else "docx",
                                        path.read_bytes(), path.name, limit=20.0)
    assert outcome in ("import", "refused"), detail
    assert seconds < 10


@pytest.mark.parametrize("value", ["100000000", "1" + "0" * 20, "9" * 400])
def test_huge_grid_spans_and_offsets_are_clamped_with_a_note(value):
    body = (para("关于测试的通知") + '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
            f'<w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr><w:tc>{para("前")}</w:tc></w:tr>'
            f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>{para("宽")}</w:tc>'
            f'<w:tc>{para("后")}</w:tc></w:tr></w:tbl>')
    start = time.perf_counter()
    result = import_docx_bytes(package(body), "span.docx")
    assert time.perf_counter() - start < 5
    table = _tables(result.document)[0]
    assert all(c.col + c.col_span <= MAX_COLS for r in table.rows for c in r.cells)
    assert "宽" in dumps(table) and "后" in dumps(table) and "前" in dumps(table)
    assert f"{MAX_COLS} 列" in _messages(result)


def test_numbering_start_of_ten_to_the_twelve_is_clamped():
    body = para("第一条", NUMBERED) + para("第二条", NUMBERED)
    start = time.perf_counter()
    result = import_docx_bytes(package(body, numbering=NUMBERING.format("1000000000000")),
                               "num.docx")
    assert time.perf_counter() - start < 5
    labels = [b.label for b in result.document.all_blocks() if getattr(b, "label", "")]
    assert labels[0] == "M" * 32 + "DCCLXVII."           # 32767, Word's largest start
    assert "起始值超出范围" in _messages(result)


@pytest.mark.parametrize("code", ["D800", "DFFF", "-5", "FFFFFFFF", "110000", "FFFE"])
def test_symbol_codes_outside_unicode_are_sanitised_and_storable(code):
    body = para("符号").replace("</w:p>", f'<w:r><w:sym w:font="Symbol" w:char="{code}"/>'
                                           "</w:r></w:p>")
    result = import_docx_bytes(package(body), "sym.docx")
    text = dumps(result.document)
    text.encode("utf-8")                       # the project file stores it as UTF-8 JSON
    json.loads(text)
    assert "符号" in text
    assert "无效" in _messages(result)


def test_two_hundred_nested_tables_import_with_their_text():
    inner = para("最深处")
    for _ in range(200):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>{para('')}"
    result = import_docx_bytes(package(para("嵌套") + inner), "deep.docx")
    text = dumps(result.document)
    assert "最深处" in text
    depth, table = 0, _tables(result.document)[0]
    while table is not None:
        depth += 1
        inner_tables = [b for c in table.rows[0].cells for b in c.blocks
                        if b.__class__.__name__ == "Table"]
        table = inner_tables[0] if inner_tables else None
    assert depth == MAX_DEPTH
    assert "嵌套超过" in _messages(result)


@pytest.mark.parametrize("cx", ["NaN", "inf", "abc", "-5", "9" * 400])
def test_picture_extents_that_are_no_numbers_import(cx):
    png = huge_png(40, 30)
    drawing = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="{0}" cy="{0}"/><a:graphic>'
               '<a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill>'
               "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")
    data = package(para("图") + drawing.format(cx), extra={"word/media/a.png": png})
    image = next(b for b in import_docx_bytes(data, "pic.docx").document.all_blocks()
                 if b.__class__.__name__ == "Image")
    assert image.width >= 0 and image.width == image.width and image.width < 1e6


def test_a_picture_of_too_many_pixels_is_downsampled_with_a_note():
    drawing = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5400000" cy="5400000"/>'
               '<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/>'
               "</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
               "</w:r></w:p>")
    data = package(para("地图") + drawing, extra={"word/media/map.png": huge_png(9000, 9000)})
    result = import_docx_bytes(data, "map.docx")
    image = next(b for b in result.document.all_blocks() if b.__class__.__name__ == "Image")
    from PIL import Image
    with Image.open(io.BytesIO(image.data)) as im:
        assert max(im.size) <= 6000 and im.size[0] == im.size[1]
    assert "已缩小" in _messages(result) and "无法在排版中显示" not in _messages(result)


# -- files ---------------------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_or_a_device_named_docx_is_refused_by_type_without_blocking(tmp_path):
    fifo = tmp_path / "x.docx"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.docx"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        with pytest.raises(DocxImportError) as info:
            import_docx(path)
        assert "不是普通文件" in info.value.message
    from editor.cli import main
    from editor.guard import not_regular
    gazette = tmp_path / "x.gazette"
    os.mkfifo(gazette)
    assert main(["build", str(gazette), "-o", str(tmp_path / "o.pdf")]) == 2
    assert "命名管道" in not_regular(gazette)          # what the window's 打开 checks
    assert not_regular(tmp_path) is None and not_regular(tmp_path / "none.gazette") is None
    # the store's own check (project new --like, opening from anywhere) never blocks on it
    from editor.errors import GazetteError
    from editor.store.schema import check_file
    with pytest.raises(GazetteError) as info:
        check_file(gazette)
    assert "命名管道" in info.value.message


@pytest.mark.skipif(os.name != "posix", reason="undecodable names exist on POSIX")
def test_a_gbk_file_name_is_shown_with_replacement_characters(tmp_path, monkeypatch):
    from conftest import sample
    name = os.fsdecode("公报".encode("gbk") + b".docx")
    path = tmp_path / name
    path.write_bytes(sample("01").read_bytes())
    result = import_docx(path)
    assert result.document.source_name.endswith(".docx")
    assert "\ufffd" in result.document.source_name
    dumps(result.document).encode("utf-8")
    from editor.crashlog import write_crash_log
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path))
    log = write_crash_log(ValueError(name), f"导入 {name}")
    assert log is not None and log.is_file()


def test_a_damaged_document_in_a_batch_is_reported_and_the_rest_imported(tmp_path):
    from conftest import sample
    from editor.app.session import Session
    bad = tmp_path / "坏.docx"
    bad.write_bytes((REGRESS / "member.docx").read_bytes())
    good = tmp_path / "好.docx"
    good.write_bytes(sample("01").read_bytes())
    sym = tmp_path / "符号.docx"
    sym.write_bytes(package(para("甲").replace(
        "</w:p>", '<w:r><w:sym w:font="Symbol" w:char="D800"/></w:r></w:p>')))
    with Session.create(tmp_path / "p.gazette") as session:
        outcome = session.import_documents([bad, sym, good], "文件")
    assert len(outcome.imported) == 2
    assert any("坏.docx" in p for p in outcome.problems)


def test_a_proof_whose_embedded_map_is_a_gzip_bomb_is_refused_plainly():
    import gzip

    from fuzzgen import proof_pdf
    from editor.errors import GazetteError
    from editor.proof.import_ import import_proof
    bomb = gzip.compress(b"\0" * (4 << 20)) * 75      # 75 gzip members: 300 MB from 300 KB
    pdf = proof_pdf(annotations=[], map_blob=bomb)
    start = time.perf_counter()
    with pytest.raises(GazetteError) as info:
        import_proof(io.BytesIO(pdf))
    assert time.perf_counter() - start < 5
    assert "压缩炸弹" in info.value.message


def test_malformed_proof_annotations_are_skipped_with_a_reason():
    from fuzzgen import proof_pdf
    from editor.proof.import_ import import_proof
    good = {"/Subtype": "/Highlight", "/Rect": [90, 716, 300, 737], "/Contents": "请核",
            "/QuadPoints": [90, 737, 300, 737, 90, 716, 300, 716], "/T": "校对员"}
    pdf = proof_pdf(annotations=[
        dict(good, **{"/M": "D:20251301120000"}),                 # month 13
        dict(good, **{"/M": "D:20250230120000"}),                 # 30 February
        dict(good, **{"/Rect": ["/a", "/b", "/c", "/d"]}),
        dict(good, **{"/QuadPoints": [1, 2, "/n"]}),
        {"/Subtype": "/Caret", "/Rect": [100, 700, 110, 725], "/Contents": "增", "/RD": [1]},
        {"/Subtype": "/Text", "/Rect": [90, 700, 95, 705], "/Contents": "回复", "/IRT": [1, 2],
         "/RT": "/R"}])
    result = import_proof(io.BytesIO(pdf))
    assert any(u.reason == "批注数据已损坏，已跳过" for u in result.unplaced)
    assert len(result.annotations) >= 3
    assert all(a.time == "" for a in result.annotations[:2])


@pytest.mark.slow
def test_an_issue_holding_a_20000_pixel_square_scan_builds(tmp_path):
    """A valid 20000×20000 PNG (a scanned map, a few hundred KB) made build, proof and
    booklet of the whole issue fail with DecompressionBombError; it is downsampled at
    import and printed."""
    import subprocess
    import sys
    png = huge_png(20000, 20000)
    assert len(png) < 2_000_000
    drawing = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5400000" cy="5400000"/>'
               '<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/>'
               "</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
               "</w:r></w:p>")
    source = tmp_path / "地图.docx"
    source.write_bytes(package(para("关于公布区级地图的通知", '<w:jc w:val="center"/>')
                               + para("正文。") + drawing, extra={"word/media/map.png": png}))
    out = tmp_path / "map.pdf"
    # import and build in a process of their own, so its peak memory is theirs alone
    # VmHWM of the child's own memory map: ru_maxrss would carry over the pytest
    # process's peak, which Linux folds into a child at exec
    script = ("import sys\n"
              "from editor import model\n"
              "from editor.docx_import import import_docx\n"
              "from editor.render import build_pdf\n"
              "doc = import_docx(sys.argv[1]).document\n"
              "build_pdf(model.Issue(sections=[model.Section('s1', '区级文件选登', [doc])]), sys.argv[2])\n"
              "import os\n"
              "status = '/proc/self/status'\n"      # Linux; elsewhere no figure (0)
              "print(next((l.split()[1] for l in open(status) if l.startswith('VmHWM')), 0)"
              " if os.path.exists(status) else 0)\n")
    run = subprocess.run([sys.executable, "-c", script, str(source), str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) / 1024 < 1024          # peak RSS under 1 GB
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(out) as pdf:
        sizes = [(info[2], info[3]) for page in pdf for info in page.get_images(full=True)]
        assert "关于公布区级地图的通知" in "".join(page.get_text() for page in pdf)
    assert sizes and max(sizes[0]) == 6000 and sizes[0][0] == sizes[0][1]
