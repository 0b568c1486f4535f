"""校对 mode of the editor window on the sample issue, offscreen (editor.ui.proof_mode):
sweep text in the preview with the mouse, add a 改 through the dialog (the name asked
once), see it listed and highlighted, accept it → the next layout shows the new text,
undo restores; reject with a reply; filters; jump from the list; unplaced annotations
listed 未能定位; the README screenshot docs/images/proof.png (written there with GONGBAO_UPDATE_SCREENSHOTS=1)."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402
from ui_window import close_window, make_window, open_sample, wait_pages  # noqa: E402



@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("校对目录")
    mp = pytest.MonkeyPatch()
    mp.setenv("GONGBAO_HOME", str(folder))
    yield folder
    mp.undo()


@pytest.fixture(scope="module")
def window(home, qapp):
    win = make_window(home)
    open_sample(win, qapp)
    yield win
    close_window(win, qapp)


_wait_pages = wait_pages


def _body_line(window, skip: int = 0):
    """(page index, item) of a long body paragraph line on a body page."""
    found = 0
    for page in window.laid_out.pages:
        if page.kind != "body" or page.index < 8:
            continue
        for item in page.texts():
            src = item.source
            if src and src.block_id.startswith("p") and "/" not in src.block_id \
                    and len(item.text) >= 20 and len(item.xs) == len(item.text) \
                    and src.end - src.start == len(item.text) and item.text.strip() == item.text:
                if found == skip:
                    return page.index, item
                found += 1
    raise AssertionError("no body line")


def _char_point(window, index: int, item, k: int) -> QPoint:
    from editor.proof.geometry import char_right
    preview = window.preview
    rect = preview.page_rect(index)
    x = (item.xs[k] + char_right(item, k)) / 2
    y = item.y - item.size * 0.4
    return QPoint(int(rect.x() + x * preview.scale), int(rect.y() + y * preview.scale))


def _sweep(qtbot, window, index: int, item, k0: int, k1: int) -> None:
    """Drag in the preview from the middle of character k0 to that of k1."""
    preview = window.preview
    preview.scroll_to(index, item.y)
    qtbot.wait(20)
    viewport = preview.viewport()
    a, b = _char_point(window, index, item, k0), _char_point(window, index, item, k1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, pos=QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(viewport, pos=b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def _block_text(window, doc_id: str, block_id: str) -> str:
    from editor.proof.anchor import text_of
    return text_of(window.session.issue.find_document(doc_id), block_id)


def _laid_text(window, doc_id: str, block_id: str) -> str:
    parts = [(t.source.start, t.text) for p in window.laid_out.pages for t in p.texts()
             if t.source and t.source.doc_id == doc_id and t.source.block_id == block_id]
    return "".join(text for _, text in sorted(parts))


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _ensure_author(window) -> None:
    """The proofreader's name as the first test sets it, for a test run on its own."""
    from editor.ui.proof_mode import AUTHOR_KEY, ROUND_KEY
    if not window.settings.q.value(AUTHOR_KEY):
        window.settings.q.setValue(AUTHOR_KEY, "李校对")
        window.settings.q.setValue(ROUND_KEY, "一校")


def _add_by_mouse(qtbot, window, skip: int, k0: int, k1: int, kind: str, new_text: str = "",
                  note: str = "", round_label: str = "一校") -> str:
    proof = window.proof
    index, item = _body_line(window, skip)
    _sweep(qtbot, window, index, item, k0, k1)
    asked = lambda: proof.input is not None and proof.input.isVisible()   # noqa: E731
    qtbot.waitUntil(lambda: proof.dialog is not None or asked(), timeout=5000)
    if proof.dialog is None:              # the first mark of the session: the name is asked
        proof.input.setTextValue("李校对")
        proof.input.accept()
        qtbot.waitUntil(lambda: proof.dialog is not None, timeout=5000)
    dialog = proof.dialog
    assert item.text[k0:k1 + 1] in dialog.quote_label.text()
    dialog.set_kind(kind)
    if new_text:
        dialog.new_text.setText(new_text)
    dialog.note.setPlainText(note)
    # the round offered is the one used last (一校 before any)
    assert dialog.round_box.currentText() == \
        (proof.window.settings.q.value("校对/校次") or "一校")
    dialog.round_box.setCurrentText(round_label)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: proof.dialog is None, timeout=5000)
    return proof.panel.current_id()


def _a_mark(qtbot, window, kind: str = "改"):
    """An open annotation of ``kind`` drawn on the pages: one an earlier test made, or a
    new one (so each test also runs on its own)."""
    proof = window.proof
    for row in proof.panel.model.rows:
        ann = row.annotation
        if ann.kind == kind and ann.status == "open" and proof.overlay.boxes_of(ann.id):
            return ann
    ann_id = _add_by_mouse(qtbot, window, 4, 3, 6, kind, new_text="新" if kind == "改" else "")
    return proof.find(ann_id)


@pytest.fixture(scope="module")
def proofing(window, qapp):
    window.actions["proof_mode"].trigger()
    return window


def test_proof_mode_toggle_shows_the_annotation_dock(proofing):
    window = proofing
    assert window.actions["proof_mode"].isChecked() and window.proof.active
    assert window.proof.dock.isVisible() and window.preview.select_mode
    header = window.proof.panel.model
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == \
        ["类型", "原文", "意见", "校次", "校对人", "状态", "文档"]
    window.actions["proof_mode"].trigger()
    assert not window.proof.active and not window.proof.dock.isVisible()
    assert not window.preview.select_mode
    window.actions["proof_mode"].trigger()
    assert window.proof.active and window.proof.dock.isVisible()


def test_select_add_change_accept_and_undo(proofing, qtbot):
    window, proof = proofing, proofing.proof
    index, item = _body_line(window)
    src = item.source
    before = _block_text(window, src.doc_id, src.block_id)
    _sweep(qtbot, window, index, item, 3, 6)
    # the proofreader's name is asked once, then the annotation dialog opens
    qtbot.waitUntil(lambda: proof.input is not None and proof.input.isVisible(), timeout=5000)
    proof.input.setTextValue("李校对")
    proof.input.accept()
    qtbot.waitUntil(lambda: proof.dialog is not None, timeout=5000)
    dialog = proof.dialog
    assert not _ok(dialog).isEnabled()            # 改 needs the new text
    dialog.new_text.setText("甲乙丙")
    dialog.note.setPlainText("用词不当")
    dialog.round_box.setCurrentText("二校")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: proof.dialog is None, timeout=5000)

    model = proof.panel.model
    assert model.rowCount() == 1
    ann = model.rows[0].annotation
    assert (ann.kind, ann.doc_id, ann.block_id) == ("改", src.doc_id, src.block_id)
    assert (ann.start, ann.end) == (src.start + 3, src.start + 7)
    assert ann.quote == item.text[3:7] == before[ann.start:ann.end]
    assert (ann.author, ann.round, ann.note, ann.new_text) == ("李校对", "二校", "用词不当", "甲乙丙")
    texts = [model.index(0, c).data() for c in range(7)]
    assert texts[:2] == ["改", item.text[3:7]] and "改为“甲乙丙”" in texts[2]
    assert texts[3:6] == ["二校", "李校对", "待处理"]
    assert proof.author() == "李校对"
    assert ann.id in proof.overlay.shown_on(index)

    generation = window.layout_worker.generation
    proof.panel.select(ann.id)
    assert proof.panel.accept_button.isEnabled()
    qtbot.mouseClick(proof.panel.accept_button, Qt.MouseButton.LeftButton)
    expected = before[:ann.start] + "甲乙丙" + before[ann.end:]
    assert _block_text(window, src.doc_id, src.block_id) == expected
    _wait_pages(qtbot, window, generation)
    assert _laid_text(window, src.doc_id, src.block_id) == expected
    assert model.index(model.row_of(ann.id), 5).data() == "已采纳"

    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    assert _block_text(window, src.doc_id, src.block_id) == before
    _wait_pages(qtbot, window, generation)
    assert _laid_text(window, src.doc_id, src.block_id) == before
    assert model.index(model.row_of(ann.id), 5).data() == "待处理"
    assert not window.errors


def test_highlight_is_drawn_on_screen_only(proofing, qtbot):
    window, proof = proofing, proofing.proof
    ann = _a_mark(qtbot, window, "改")
    (page, box), *_ = proof.overlay.boxes_of(ann.id)
    window.preview.scroll_to(page, box.top)
    proof.panel.table.clearSelection()
    proof.panel.table.setCurrentIndex(proof.panel.model.index(-1, -1))
    qtbot.wait(20)
    shot = window.preview.viewport().grab().toImage()
    rect = window.preview.page_rect(page)
    scale = window.preview.scale
    ys = [int(rect.y() + (box.top + 1) * scale)]
    xs = range(int(rect.x() + box.x0 * scale) + 1, int(rect.x() + box.x1 * scale) - 1)
    tinted = [shot.pixelColor(x, y) for x in xs for y in ys]
    assert tinted and all(c.red() > c.blue() + 25 for c in tinted)    # the 改 red tint
    # the page image itself (what prints) has no tint
    image = window.preview._image(page).toImage()
    ratio = image.devicePixelRatio()
    plain = image.pixelColor(int((box.x0 + 1) * scale * ratio), int((box.top + 1) * scale * ratio))
    assert plain.red() == plain.blue()


def test_click_on_a_highlight_selects_it_in_the_list(proofing, qtbot):
    window, proof = proofing, proofing.proof
    ann = _a_mark(qtbot, window)
    (page, box), *_ = proof.overlay.boxes_of(ann.id)
    proof.panel.table.setCurrentIndex(proof.panel.model.index(-1, -1))
    assert proof.panel.current_id() is None
    window.preview.scroll_to(page, box.top)
    rect = window.preview.page_rect(page)
    scale = window.preview.scale
    pos = QPoint(int(rect.x() + (box.x0 + box.x1) / 2 * scale),
                 int(rect.y() + (box.top + box.bottom) / 2 * scale))
    qtbot.mouseClick(window.preview.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert proof.panel.current_id() == ann.id
    assert proof.dialog is None                   # a click is no selection


def test_exported_proof_carries_the_new_annotation(proofing, tmp_path):
    from pypdf import PdfReader

    from editor.proof.export import export_proof
    from editor.proof.view import SourceRange
    window, proof = proofing, proofing.proof
    _index, item = _body_line(window, 7)
    src = item.source
    ann_id, = proof.add([SourceRange(src.doc_id, src.block_id, src.start + 2, src.start + 5)],
                        "注", note="导出检查")
    snapshot = window.snapshots.take(window.session.issue)
    assert ann_id in [a.id for a in snapshot.find_document(src.doc_id).annotations]
    out = tmp_path / "校样.pdf"
    export_proof(snapshot, out, "二校")
    notes = [str(a.get_object().get("/Contents", "")) for page in PdfReader(str(out)).pages
             for a in page.get("/Annots") or []]
    assert any("导出检查" in text for text in notes)
    window.actions["undo"].trigger()
    assert proof.find(ann_id) is None


def test_reject_asks_for_a_reply_and_undo_reopens(proofing, qtbot):
    window, proof = proofing, proofing.proof
    ann_id = _add_by_mouse(qtbot, window, 3, 2, 4, "疑", note="数字是否准确？")
    assert proof.input is None or not proof.input.isVisible()     # the name is not asked again
    proof.panel.select(ann_id)
    qtbot.mouseClick(proof.panel.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: proof.input is not None and proof.input.isVisible(), timeout=5000)
    proof.input.setTextValue("已核对原件，无误")
    proof.input.accept()
    ann = proof.find(ann_id)
    assert ann.status == "rejected" and ann.replies[-1].text == "已核对原件，无误"
    assert ann.replies[-1].author == "李校对"
    assert ann_id not in proof.overlay.shown_on(proof.overlay.boxes_of(ann_id)[0][0]) or \
        proof.panel.current_id() == ann_id
    window.actions["undo"].trigger()
    assert proof.find(ann_id).status == "open" and not proof.find(ann_id).replies


def test_filters_by_status_round_author_and_document(proofing, qtbot):
    window, proof = proofing, proofing.proof
    panel = proof.panel
    del_id = _add_by_mouse(qtbot, window, 6, 1, 2, "删")
    query_id = _add_by_mouse(qtbot, window, 8, 2, 4, "疑", note="是否准确？", round_label="二校")
    mine = {del_id, query_id}
    issue = window.session.issue
    ids = {a.id for d in issue.documents() for a in d.annotations}
    assert mine <= ids and set(panel.shown_ids()) == ids
    panel.set_filter("round", "二校")
    shown = panel.shown_ids()
    assert query_id in shown and del_id not in shown
    assert {proof.find(i).round for i in shown} == {"二校"}
    panel.set_filter("round", "全部")
    proof.accept(del_id)
    panel.set_filter("status", "已采纳")
    assert del_id in panel.shown_ids()
    assert {proof.find(i).status for i in panel.shown_ids()} == {"accepted"}
    panel.set_filter("status", "待处理")
    assert del_id not in panel.shown_ids() and query_id in panel.shown_ids()
    panel.set_filter("status", "全部")
    panel.set_filter("author", "李校对")
    assert mine <= set(panel.shown_ids())
    panel.set_filter("author", "全部")
    doc = proof.find(del_id).doc_id
    title = issue.find_document(doc).toc_title
    panel.set_filter("document", title)
    assert panel.shown_ids() and all(proof.find(i).doc_id == doc for i in panel.shown_ids())
    panel.set_filter("document", "全部")
    assert f"共 {len(ids)} 条，显示 {len(ids)} 条" in panel.count_label.text()
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()              # the accepted 删
    _wait_pages(qtbot, window, generation)


@pytest.mark.slow
def test_click_in_the_list_jumps_to_the_page_and_flashes(proofing, qtbot):
    window, proof = proofing, proofing.proof
    panel = proof.panel
    ann = _a_mark(qtbot, window)
    page = proof.overlay.boxes_of(ann.id)[0][0]
    window.preview.go_to_page(0)
    assert window.preview.current_page() == 0
    row = panel.model.row_of(ann.id)
    rect = panel.table.visualRect(panel.model.index(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert proof.flashing == ann.id
    assert window.preview.current_page() == page
    assert window.selected_doc == ann.doc_id
    qtbot.waitUntil(lambda: proof.flashing is None, timeout=5000)


def test_unplaced_annotation_is_listed_never_dropped(proofing, qtbot):
    from editor.app.commands import AddAnnotation
    from editor.model import Annotation
    window, proof = proofing, proofing.proof
    doc = window.session.issue.sections[0].documents[0]
    lost = Annotation(id="a-lost", doc_id=doc.id, block_id="b1", start=0, end=4,
                      quote="不存在的原文", kind="改", new_text="新", author="外来校对",
                      round="一校", orphaned=True)
    window.execute(AddAnnotation(lost))
    panel = proof.panel
    assert "a-lost" in panel.shown_ids() and "a-lost" in proof.unplaced_ids()
    assert panel.model.index(panel.model.row_of("a-lost"), 5).data() == "待处理 · 未能定位"
    panel.set_filter("status", "未能定位")
    assert panel.shown_ids() == ["a-lost"]
    panel.set_filter("status", "全部")
    panel.set_filter("author", "外来校对")
    assert panel.shown_ids() == ["a-lost"]
    panel.set_filter("author", "全部")
    panel.set_filter("status", "全部")
    assert not proof.jump("a-lost")
    assert "未能定位" in panel.count_label.text()
    window.actions["undo"].trigger()
    assert "a-lost" not in panel.shown_ids()


def test_delete_by_button_and_key_and_undo_brings_it_back(proofing, qtbot):
    window, proof = proofing, proofing.proof
    _ensure_author(window)
    panel = proof.panel
    before = panel.shown_ids()
    first = _add_by_mouse(qtbot, window, 6, 2, 5, "疑", note="数字待核")
    second = _add_by_mouse(qtbot, window, 7, 4, 6, "注", note="重复的批注")
    assert panel.shown_ids() == before + [first, second]
    panel.select(second)
    assert panel.delete_button.isEnabled()
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert second not in panel.shown_ids() and proof.find(second) is None
    assert window.actions["undo"].text().endswith("删除批注（注）")
    panel.select(first)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.shown_ids() == before
    assert not proof.overlay.boxes_of(first) and not proof.overlay.boxes_of(second)
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert panel.shown_ids() == before + [first, second]
    assert proof.find(second).note == "重复的批注"
    for _ in range(2):                            # the two adds
        window.actions["undo"].trigger()
    assert panel.shown_ids() == before
    assert not window.errors


def test_highlights_wait_for_the_new_pages_after_a_text_edit(proofing, qtbot):
    window, proof = proofing, proofing.proof
    _ensure_author(window)
    note = _add_by_mouse(qtbot, window, 9, 12, 15, "注", note="核对")
    change = _add_by_mouse(qtbot, window, 9, 2, 3, "改", new_text="甲乙丙丁戊己")
    old_boxes = proof.overlay.boxes_of(note)
    assert old_boxes and proof.overlay.boxes_of(change)
    quote = proof.find(note).quote
    generation = window.layout_worker.generation
    assert proof.accept(change)
    # the text moved: no highlight on the old pages, but the mark is not lost either
    assert proof.overlay.boxes_of(note) == []
    model = proof.panel.model
    assert "未能定位" not in model.index(model.row_of(note), 5).data()
    _wait_pages(qtbot, window, generation)
    new_boxes = proof.overlay.boxes_of(note)
    assert new_boxes and new_boxes != old_boxes
    ann = proof.find(note)
    assert ann.quote == quote and \
        _block_text(window, ann.doc_id, ann.block_id)[ann.start:ann.end] == quote
    for _ in range(3):
        window.actions["undo"].trigger()
    assert proof.find(note) is None and proof.find(change) is None
    assert not window.errors


@pytest.mark.slow
def test_round_comparison_lists_and_marks_what_changed_since_an_old_proof(proofing, qtbot,
                                                                          tmp_path):
    from editor.errors import GazetteError
    from editor.proof.export import export_proof
    from editor.proof.import_ import read_old_proof
    window, proof, compare = proofing, proofing.proof, proofing.compare
    _ensure_author(window)
    old = tmp_path / "一校校样.pdf"
    export_proof(window.session.issue, old, "一校", laid_out=window.laid_out)
    change = _add_by_mouse(qtbot, window, 3, 5, 7, "改", new_text="新改的字")
    ann = proof.find(change)
    generation = window.layout_worker.generation
    assert proof.accept(change)
    _wait_pages(qtbot, window, generation)

    window.actions["proof_compare"].setEnabled(True)
    compare.start(read_old_proof(old), old.name)
    assert compare.dock.isVisible() and compare.paint in window.preview.overlays
    listed = compare.changes()
    assert [(doc, c.kind, c.old, c.new) for doc, c in listed] == \
        [(ann.doc_id, "改", ann.quote, "新改的字")]
    places = compare.boxes_of(ann.doc_id, 0)
    assert places and all(kind == "改" for _p, _b, kind in places)
    page = places[0][0]
    assert any(t.source and t.source.block_id == ann.block_id and "新改的字" in t.text
               for t in window.laid_out.pages[page].texts())
    top = compare.tree.topLevelItem(0)
    assert compare.tree.topLevelItemCount() == 1 and top.childCount() == 1
    assert "新改的字" in top.child(0).text(1)
    window.preview.go_to_page(0)
    rect = compare.tree.visualItemRect(top.child(0))
    qtbot.mouseClick(compare.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert compare.flashing == (ann.doc_id, 0)
    assert window.preview.current_page() == page

    generation = window.layout_worker.generation
    window.actions["undo"].trigger()                # the old text again: nothing changed
    _wait_pages(qtbot, window, generation)
    assert compare.changes() == [] and "没有改动" in compare.summary.text()
    window.actions["undo"].trigger()
    window.actions["proof_compare_close"].trigger()
    assert not compare.active and not compare.dock.isVisible()
    assert compare.paint not in window.preview.overlays
    with pytest.raises(GazetteError, match="不是本程序导出的校样"):
        plain = tmp_path / "普通.pdf"
        from reportlab.pdfgen.canvas import Canvas
        canvas = Canvas(str(plain))
        canvas.drawString(72, 72, "plain")
        canvas.save()
        read_old_proof(plain)
    assert not window.errors


def test_round_comparison_document_row_shows_its_first_page_even_when_already_selected(
        proofing, qtbot):
    """Clicking a document's row in 校次比较 goes to its first page though the document is
    the tree's current one already; a document no longer on the pages gives False and a
    message, the preview staying where it is."""
    from dataclasses import replace

    from editor.proof.geometry import ProofMap
    from editor.ui.round_compare import ROLE_KEY
    window, compare = proofing, proofing.compare
    laid_out = window.laid_out
    docs = sorted(laid_out.doc_first_page.items(), key=lambda kv: kv[1])
    doc_id, first = docs[len(docs) // 2]
    assert 0 < first < len(laid_out.pages) - 3
    # The old proof: the current pages with that document under another id, so the
    # comparison lists it as 新增文件 and the other id as 已删除的文件.
    old = ProofMap.from_json(ProofMap.from_layout(laid_out).to_json())
    for page in old.pages:
        for item in page.items:
            if item.source.doc_id == doc_id:
                item.source = replace(item.source, doc_id="gone")
    compare.start(old, "旧.pdf")
    try:
        rows = {compare.tree.topLevelItem(i).data(0, ROLE_KEY)[0]: compare.tree.topLevelItem(i)
                for i in range(compare.tree.topLevelItemCount())}
        assert rows[doc_id].text(1) == "新增文件" and rows["gone"].text(1) == "已删除的文件"
        window.select_document(doc_id)
        assert window.selected_doc == doc_id
        window.preview.go_to_page(0)
        assert window.preview.current_page() == 0
        rect = compare.tree.visualItemRect(rows[doc_id])
        qtbot.mouseClick(compare.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.preview.current_page() == first
        assert window.selected_doc == doc_id

        window.preview.go_to_page(0)
        assert not compare.jump("gone", -1)
        assert window.preview.current_page() == 0 and window.selected_doc == doc_id
        assert "不在当前页面" in window.statusBar().currentMessage()
    finally:
        compare.stop()
    assert not window.errors


def test_one_proof_map_per_layout_serves_proof_mode_and_comparison(proofing, qtbot,
                                                                   monkeypatch):
    """With 校对 mode on and a comparison open, each layout makes one ProofMap for both,
    and the comparison reads the text of the new pages only (the old proof's was read
    when it started)."""
    from editor.proof import compare as compare_module
    from editor.proof.geometry import ProofMap
    window, proof, compare = proofing, proofing.proof, proofing.compare
    assert proof.active
    compare.start(ProofMap.from_layout(window.laid_out), "旧.pdf")
    try:
        assert proof.pmap is window.proof_map()
        made, read = [], []
        from_layout, texts = ProofMap.from_layout.__func__, compare_module.draft_texts
        monkeypatch.setattr(ProofMap, "from_layout", classmethod(
            lambda cls, laid_out: made.append(laid_out) or from_layout(cls, laid_out)))
        monkeypatch.setattr(compare_module, "draft_texts",
                            lambda draft: read.append(draft) or texts(draft))
        generation = window.layout_worker.generation
        window.request_layout()
        _wait_pages(qtbot, window, generation)
        assert made == [window.laid_out]
        assert proof.pmap is window.proof_map() and read == [proof.pmap]
        assert compare.changes() == [] and "没有改动" in compare.summary.text()
    finally:
        compare.stop()
    assert not window.errors


@pytest.mark.slow
def test_screenshot_in_proof_mode(proofing, qtbot, screenshot_dir):
    window, proof = proofing, proofing.proof
    _ensure_author(window)
    _add_by_mouse(qtbot, window, 1, 8, 13, "改", new_text="依法", note="与上位法一致")
    _add_by_mouse(qtbot, window, 2, 4, 5, "增", new_text="的")
    note = _add_by_mouse(qtbot, window, 4, 10, 16, "注", note="此处引文请核对出处")
    last = _add_by_mouse(qtbot, window, 5, 6, 7, "删")
    window.preview.set_zoom("fit_width")
    proof.jump(last)
    qtbot.waitUntil(lambda: proof.flashing is None, timeout=5000)
    proof.panel.select(note)
    qtbot.wait(50)
    target = screenshot_dir / "proof.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 20_000


def test_reimport_flags_lost_anchors_unplaced_and_keeps_the_others(proofing, qtbot, tmp_path,
                                                                    monkeypatch):
    import re
    import zipfile

    from conftest import sample
    from docx_builder import edited_copy
    from editor.model import Paragraph
    from editor.proof.view import SourceRange
    from editor.ui import window_requests
    window, proof = proofing, proofing.proof
    doc = window.session.issue.sections[0].documents[0]
    source = sample("01")
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    runs = [t for t in re.findall(r"<w:t(?: [^>]*)?>([^<]{12,})</w:t>", xml) if xml.count(t) == 1]
    paras = [b for b in doc.all_blocks() if isinstance(b, Paragraph)]
    found = [(t, p) for t in runs for p in paras if p.text.count(t) == 1]
    (gone, p1), (kept, p2) = found[0], next(f for f in found[1:] if f[1] is not found[0][1])
    ids = []
    for text, para in ((gone, p1), (kept, p2)):
        at = para.text.index(text) + 3
        ids += proof.add([SourceRange(doc.id, para.id, at, at + 5)], "疑", note="重新导入前的批注")
    assert not set(ids) & set(proof.unplaced_ids())
    edited = tmp_path / "重新导入.docx"
    edited_copy(source, edited, [(">" + gone + "<", ">（本句已由起草单位全部改写）<")])
    monkeypatch.setattr(window_requests.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(edited), "")))
    generation = window.layout_worker.generation
    window.reimport(doc.id)
    _wait_pages(qtbot, window, generation)
    assert not window.errors
    lost, placed = proof.find(ids[0]), proof.find(ids[1])
    assert lost is not None and lost.orphaned            # never dropped
    assert proof.unplaced_ids() == [ids[0]]
    panel = proof.panel
    assert panel.model.index(panel.model.row_of(ids[0]), 5).data() == "待处理 · 未能定位"
    assert proof.overlay.boxes_of(ids[1]) and not proof.overlay.boxes_of(ids[0])
    page, _box = proof.overlay.boxes_of(ids[1])[0]
    assert ids[1] in proof.overlay.shown_on(page) and placed.quote == kept[3:8]
