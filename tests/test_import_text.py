"""``inspect --json`` text equals each sample's visible text (whitespace ignored), checked
against an independent lxml walk of the document body plus the numbering labels Word
shows for sample 04."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from conftest import ROOT, sample
from editor.docx_import import import_docx
from editor.docx_import.summary import as_json

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _source_text(path, labels: dict[int, str] | None = None) -> str:
    """All w:t text under w:body in document order, deleted text excluded; ``labels``
    maps body paragraph index (in document order) to the list label Word displays."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    out = []
    for n, p in enumerate(body.iter(W + "p")):
        if labels and n in labels:
            out.append(labels[n])
        for t in p.iter(W + "t"):
            if not any(a.tag == W + "del" for a in t.iterancestors()):
                out.append(t.text or "")
    return re.sub(r"\s+", "", "".join(out))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("prefix", ["01", "02", "03", "05"])
def test_visible_text_matches_source(prefix):
    text = as_json(import_docx(sample(prefix)))["text"]
    assert _compact(text) == _source_text(sample(prefix))


def test_visible_text_of_04_includes_numbering_labels():
    # Paragraphs 2-4 are list 1 (1.–3.), 6-15 list 2 (1.–10.); see word/numbering.xml.
    labels = {i: f"{i - 1}." for i in range(2, 5)}
    labels.update({i: f"{i - 5}." for i in range(6, 16)})
    text = as_json(import_docx(sample("04")))["text"]
    assert _compact(text) == _source_text(sample("04"), labels)


def test_inspect_json_cli_fields():
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "inspect", "--json",
                           str(sample("02"))], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in ("kind", "issuer_mark", "doc_number", "title", "recipients", "signature", "date",
                "headings", "tables", "text", "warnings"):
        assert key in data
    assert data["doc_number"] == "东政办〔2025〕2号"
    assert data["tables"][0]["rows"] == 93 and data["tables"][0]["cols"] == 4
    assert data["tables"][0]["header_rows"] == 1
    assert {"level": 1, "text": "一、总体要求"} in data["headings"]
    # Footer page numbers ("— 1 —") are not part of the text.
    assert "—1—" not in _compact(data["text"])


def test_inspect_refused_file_exit_2(tmp_path):
    bad = tmp_path / "报告.docx"
    bad.write_bytes(b"%PDF-1.7\n" + b"0" * 100)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "inspect", str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2
    assert "报告.docx" in proc.stderr and "PDF" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
