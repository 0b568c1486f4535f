"""档案 in the window: the open issue is added to the archive from the menu, a search lists
its hits with issue, page and snippet, and a double-click shows the hit's page."""
from __future__ import annotations

import sys

import pytest

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from ui_window import TIMEOUT, close_window, make_window, open_sample  # noqa: E402


@pytest.fixture
def window(tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "home"))
    win = make_window(tmp_path)
    open_sample(win, qapp)
    yield win
    close_window(win, qapp)


@pytest.mark.slow
def test_add_the_open_issue_search_and_show_the_hit_page(window, qtbot, tmp_path):
    panel = window.archive
    window.settings.set_archive_path(tmp_path / "档案.gazette-archive")
    messages = []
    window.message = lambda text, *rest: messages.append(text)
    window.actions["archive_add"].trigger()
    qtbot.waitUntil(lambda: any("档案" in m for m in messages), timeout=TIMEOUT)
    assert messages[-1].startswith("已加入档案：总第32期") and window.errors == []
    assert panel.year.count() == 2 and panel.year.itemText(1) == "2025年"

    window.actions["archive_search"].trigger()
    assert panel.dock.isVisible()
    panel.query.setText("圣家墩遗址")
    panel.go.click()
    assert panel.results.topLevelItemCount() == len(panel.hits) > 0
    first = panel.results.topLevelItem(0)
    hit = panel.hits[0]
    assert first.text(0) == "总第32期" and first.text(1) == str(hit.page)
    assert "【圣家墩遗址】" in first.text(5)
    page = window.laid_out.pages[hit.pdf_page]
    assert page.folio == hit.page
    assert any("圣家墩" in t.text for t in page.texts())

    window.preview.go_to_page(0)
    panel.open_hit(first)
    qtbot.waitUntil(lambda: window.preview.current_page() == hit.pdf_page, timeout=TIMEOUT)

    panel.query.setText("没有这个词的档案检索")
    panel.go.click()
    assert panel.results.topLevelItemCount() == 0 and "没有找到" in panel.status.text()


@pytest.mark.slow
def test_issue_number_is_checked_against_the_archive(window, qtbot, tmp_path):
    """With an archive chosen, the 印前检查 dock checks the open issue's 总期数 against the
    latest archived issue of the same gazette before it, as ``preflight --previous`` does."""
    from editor.app.commands import SetMeta
    window.settings.set_archive_path(tmp_path / "档案.gazette-archive")
    messages = []
    window.message = lambda text, *rest: messages.append(text)
    window.actions["archive_add"].trigger()                     # 总第32期 archived
    qtbot.waitUntil(lambda: any("档案" in m for m in messages), timeout=TIMEOUT)

    def metadata_findings():
        window.preflight.run()
        return [f.message for f in window.preflight.report.findings
                if f.rule == "ISSUE_METADATA"]
    assert metadata_findings() == []                            # 32 is not after 32
    for n in (34, 33):
        window.execute(SetMeta(field="total_number", value=n))
        window.execute(SetMeta(field="issue_label", value=f"总第{n}期"))
        found = metadata_findings()
        assert found == (["上一期为总第32期，本期应为总第33期"] if n == 34 else []), found
