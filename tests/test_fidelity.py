"""The sample issue against the printed 总第32期 (shared/reference): the printed 目录 reads
1, 4, 23, 38, 39.  The default template (layouts/gazette.toml) is set as the printed issue is
— about 30 lines a page, tables in 五号 — so the sample's 目录, read from the built PDF, is
true (each number is the folio printed on the page its bookmark opens) and within two pages
of the printed one; the strict GB/T 9704 page (22 lines) runs longer."""
from __future__ import annotations

import re

import pymupdf
import pytest

from conftest import SHARED

PRINTED = [1, 4, 23, 38, 39]
FOLIO = re.compile(r"—\s*(\d+)\s*—")


def _printed_toc() -> list[int]:
    """The page numbers of the printed 目录, read from the reference text when present."""
    ref = next((SHARED / "reference").glob("*.txt"), None)
    if ref is None:
        return PRINTED
    toc = ref.read_text(encoding="utf-8").split("目 录", 1)[1].split("主 办", 1)[0]
    return [int(n) for n in re.findall(r"[·…]+\s*[（(](\d+)[)）]", toc)]


def _toc_numbers(pdf) -> list[int]:
    """The numbers after the dot leaders of the 目录 pages, in reading order."""
    numbers: list[int] = []
    for page in pdf:
        text = page.get_text()
        if "目　录" in text or numbers and re.search(r"·{3,}\s*\d+\s*$", text, re.M):
            numbers += [int(n) for n in re.findall(r"·{3,}\s*(\d+)\s*$", text, re.M)]
        elif numbers:
            break
    return numbers


def _bookmarked_folios(pdf) -> list[int]:
    """The folio printed on the page each document's bookmark opens (a 栏目 bookmark with
    documents under it is not a 目录 line of its own)."""
    toc = pdf.get_toc()
    folios = []
    for i, (level, _title, page) in enumerate(toc):
        has_children = i + 1 < len(toc) and toc[i + 1][0] > level
        if has_children:
            continue
        found = FOLIO.findall(pdf[page - 1].get_text())
        assert found, (level, _title, page)
        folios.append(int(found[-1]))
    return folios


def _built(tmp_path, template=None):
    from editor.app.production import build_file
    out = tmp_path / f"{template or 'default'}.pdf"
    build_file(None, out, template=template)
    return pymupdf.open(out)


@pytest.mark.slow
def test_default_template_sets_the_sample_as_long_as_the_printed_issue(tmp_path):
    from editor.issue_json import load_issue
    from editor.resources import sample_issue_path
    printed = _printed_toc()
    assert printed == PRINTED
    assert "template" not in sample_issue_path().read_text(encoding="utf-8")
    assert load_issue(sample_issue_path()).template == "gazette"
    pdf = _built(tmp_path)
    numbers = _toc_numbers(pdf)
    assert numbers == _bookmarked_folios(pdf)                  # the 目录 is true
    assert len(numbers) == len(printed)
    assert all(abs(a - b) <= 2 for a, b in zip(numbers, printed)), numbers
    strict = _built(tmp_path, "gbt9704")                       # 22 lines: longer
    assert _toc_numbers(strict) == _bookmarked_folios(strict)
    assert _toc_numbers(strict)[-1] > numbers[-1] + 5
