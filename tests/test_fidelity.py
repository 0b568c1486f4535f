"""The sample issue against the printed 总第32期 (shared/reference): the printed 目录 reads
1, 4, 23, 38, 39.  The strict GB/T 9704 page (22 lines) runs longer — the printed issue sets
about 30 lines a page; the dense A4 template (gazette_dense.toml) is set like print, its
目录 within two pages of the printed one, and still obeys every line-breaking rule."""
from __future__ import annotations

import re

import pytest

from conftest import SHARED

PRINTED = [1, 4, 23, 38, 39]


def _printed_toc() -> list[int]:
    """The page numbers of the printed 目录, read from the reference text when present."""
    ref = next((SHARED / "reference").glob("*.txt"), None)
    if ref is None:
        return PRINTED
    toc = ref.read_text(encoding="utf-8").split("目 录", 1)[1].split("主 办", 1)[0]
    return [int(n) for n in re.findall(r"[·…]+\s*[（(](\d+)[)）]", toc)]


@pytest.mark.slow
def test_dense_template_sets_the_sample_as_long_as_the_printed_issue():
    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.resources import sample_issue_path
    printed = _printed_toc()
    assert printed == PRINTED
    laid = layout_issue(load_issue(sample_issue_path()), "gazette_dense",
                        measurer=default_fontbook())
    starts = [laid.pages[i].folio for i in laid.doc_first_page.values()]
    assert len(starts) == len(printed)
    assert all(abs(a - b) <= 2 for a, b in zip(starts, printed)), starts
    assert all(p.kind != "body" or p.folio is not None for p in laid.pages)
