"""Golden page-text dump of the sample issue: every page, every line, as the layout sets
it with the fixed-width measurer (so the dump does not depend on the host's fonts).
An unintended layout change shows here as a readable diff.

After an *intended* change, regenerate and review the diff before committing:

    GONGBAO_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_pages.py
    git diff tests/golden/
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from pdfcheck import page_text_dump

GOLDEN = Path(__file__).parent / "golden" / "sample_issue_pages.txt"
pytestmark = pytest.mark.slow


def _dump() -> str:
    from editor.fonts.measure import FixedMeasurer
    from editor.issue_json import load_issue
    from editor.layout.cache import LayoutCache
    from editor.layout.paginate import layout_issue
    from editor.resources import sample_issue_path
    laid = layout_issue(load_issue(sample_issue_path()), None, FixedMeasurer(), LayoutCache())
    return page_text_dump(laid.pages)


def test_sample_issue_pages_match_the_golden_dump():
    got = _dump()
    if os.environ.get("GONGBAO_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(got, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now",
                                    lineterm="", n=2)
        shown = "\n".join(list(diff)[:80])
        pytest.fail("The sample issue's pages changed (GONGBAO_UPDATE_GOLDEN=1 to accept an "
                    "intended change, then review git diff tests/golden/):\n" + shown)
