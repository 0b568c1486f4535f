"""``main.py proof`` and ``main.py proof-import`` on a project made from the sample issue:
marks go into the project file as one undoable step (also after reopening), importing the
same PDF twice adds nothing, an accepted correction survives a restart and undoes."""
from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter

from editor.app.session import Session
from editor.cli import main
from editor.proof.anchor import text_of
from editor.proof.corrections import AcceptAnnotation
from editor.proof.import_ import read_proof_map
from editor.resources import sample_issue_path
from test_proof_pdf import char_quad, lines_of, reader_mark

pytestmark = pytest.mark.slow      # proof round trips of the whole sample issue


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    path = folder / "总第32期.gazette"
    Session.create(path, from_issue_json=sample_issue_path()).close()
    proof = folder / "校样.pdf"
    assert main(["proof", str(path), "-o", str(proof), "--round", "一校"]) == 0
    return path, proof


def _marked(proof, out):
    """Strike out two characters on each of three lines of a body page."""
    reader = PdfReader(str(proof))
    body = [i for i, p in enumerate(read_proof_map(reader).pages) if len(p.items) > 20]
    with pdfplumber.open(str(proof)) as pdf:
        index = body[1]
        page = pdf.pages[index]
        lines = [ln for ln in lines_of(page) if len(ln) > 20][2:5]
        height = page.height
    writer = PdfWriter(clone_from=reader)
    for line in lines:
        reader_mark(writer, index, "StrikeOut", "", quads=[char_quad(line[6:8], height)])
    writer.write(str(out))
    return ["".join(c["text"] for c in line[6:8]) for line in lines]


def _annotations(path):
    with Session.open(path) as session:
        return [a for d in session.issue.documents() for a in d.annotations]


def test_proof_import_into_project_then_accept_and_undo_after_restart(project, tmp_path, capsys):
    path, proof = project
    assert PdfReader(str(proof)).metadata["/GongbaoRound"] == "一校"
    marked = tmp_path / "marked.pdf"
    struck = _marked(proof, marked)
    assert main(["proof-import", str(path), str(marked), "--dry-run"]) == 0
    assert _annotations(path) == []
    assert main(["proof-import", str(path), str(marked)]) == 0
    assert "新增 3 条批注" in capsys.readouterr().out
    anns = _annotations(path)
    assert [a.quote for a in anns] == struck and {a.kind for a in anns} == {"删"}
    assert main(["proof-import", str(path), str(marked)]) == 0     # same PDF again
    assert "没有新的校对意见" in capsys.readouterr().out

    first = anns[0]
    with Session.open(path) as session:
        doc = session.issue.find_document(first.doc_id)
        before = text_of(doc, first.block_id)
        session.execute(AcceptAnnotation(doc_id=first.doc_id, annotation_id=first.id))
        after = text_of(doc, first.block_id)
    assert after == before[:first.start] + before[first.end:]
    with Session.open(path) as session:                             # restart
        doc = session.issue.find_document(first.doc_id)
        assert text_of(doc, first.block_id) == after
        session.undo()
        assert text_of(doc, first.block_id) == before
        session.undo()                                              # the import itself
        assert not any(d.annotations for d in session.issue.documents())


@pytest.mark.parametrize("kind", ["not_pdf", "truncated", "password"])
def test_a_bad_pdf_is_refused_in_chinese_and_changes_nothing(project, tmp_path, capsys, kind):
    path, proof = project
    before = [(a.id, a.status) for a in _annotations(path)]
    bad = tmp_path / f"{kind}.pdf"
    data = proof.read_bytes()
    if kind == "not_pdf":
        bad.write_bytes(b"PK\x03\x04 this is a .docx renamed to .pdf")
    elif kind == "truncated":
        bad.write_bytes(data[:len(data) // 3])
    else:
        writer = PdfWriter(clone_from=PdfReader(str(proof)))
        writer.encrypt("校对密码")
        writer.write(str(bad))
    capsys.readouterr()
    assert main(["proof-import", str(path), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    assert ("设有打开密码" if kind == "password" else "文件不是 PDF 或已损坏") in err
    assert [(a.id, a.status) for a in _annotations(path)] == before
    assert main(["proof", str(path), "-o", str(tmp_path / "新.pdf"), "--compare", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["missing", "plain"])
def test_compare_refuses_a_missing_file_or_a_pdf_not_exported_here(project, tmp_path, capsys,
                                                                   kind):
    from reportlab.pdfgen.canvas import Canvas

    from editor.errors import GazetteError
    from editor.proof.import_ import read_old_proof
    path, proof = project
    old = tmp_path / f"{kind}.pdf"
    if kind == "plain":
        canvas = Canvas(str(old))
        canvas.drawString(72, 72, "plain")
        canvas.save()
    message = "找不到文件" if kind == "missing" else "不是本程序导出的校样"
    with pytest.raises(GazetteError, match=message):
        read_old_proof(old)
    capsys.readouterr()
    out = tmp_path / "新.pdf"
    assert main(["proof", str(path), "-o", str(out), "--compare", str(old)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err and "Traceback" not in err
    assert not out.exists()                 # refused before anything is built
    assert read_old_proof(proof).pages      # the proof exported by ``project`` is one
