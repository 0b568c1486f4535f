"""印前检查 of the sample issue (总第32期) against a readable golden file, so a finding that
appears or goes away is seen.  The layout uses the open Noto faces alone, as on a fresh
machine.  When main's layout or import changes the findings on purpose, check each new or
lost line against the PDF, then regenerate:
``GONGBAO_UPDATE_GOLDEN=1 python -m pytest tests/test_preflight_sample.py``."""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from editor.fonts import FontBook, default_fontbook
from editor.preflight import preflight_issue

GOLDEN = Path(__file__).parent / "reference" / "preflight_sample.txt"


def _lines(report) -> list[str]:
    out = []
    for f in report.findings:
        where = f"第{f.folio}页" if f.folio is not None else (
            f"第{f.page + 1}面" if f.page is not None else "整期")
        text = f.text.replace("\n", "⏎")
        out.append(f"{where}\t{f.severity_zh}\t{f.rule}\t{f.document[:16]}\t{text}")
    return out


@pytest.mark.slow
def test_sample_issue_findings_match_the_golden_file(tmp_path):
    from editor.cli.cmd_build import load_any_issue
    from editor.resources import sample_issue_path
    faces = [r for r in default_fontbook().faces
             if r.matches("Noto Serif SC") or r.matches("Noto Sans SC")]
    book = FontBook(faces=faces, user_file=tmp_path / "none.json")
    report, _ = preflight_issue(load_any_issue(sample_issue_path()), fontbook=book)
    got = _lines(report)
    if os.environ.get("GONGBAO_UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8").splitlines()
    diff = "\n".join(difflib.unified_diff(want, got, "golden", "now", lineterm=""))
    assert got == want, "印前检查 findings changed (check them, then regenerate):\\n" + diff
