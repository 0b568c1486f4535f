"""Menus, toolbar and shortcuts of the main window (layer: ui).

文件 / 编辑 / 视图 / 版式 / 校对 / 帮助 with the standard Windows shortcuts (Ctrl+N, Ctrl+O,
Ctrl+Shift+S, Ctrl+E, Ctrl+P, Ctrl+Z, Ctrl+Y, Ctrl++ …).  ``build_menus(window)`` creates
the actions, connects them to the window's methods and returns them by name, so the
window can enable them and tests can trigger them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from editor.ui import printing, proof_actions

Std = QKeySequence.StandardKey


def _action(window, text: str, slot=None, shortcut=None, icon=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if tip:
        action.setStatusTip(tip)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window) -> dict[str, QAction]:
    sp = QStyle.StandardPixmap
    a: dict[str, QAction] = {}
    a["new"] = _action(window, "新建一期(&N)…", window.new_project, Std.New, sp.SP_FileIcon,
                       "新建一个期刊项目文件")
    a["open"] = _action(window, "打开(&O)…", window.open_dialog, Std.Open, sp.SP_DialogOpenButton,
                        "打开期刊项目文件")
    a["sample"] = _action(window, "打开示例期刊", window.open_sample,
                          tip="用内置样例建立并打开一个示例项目")
    a["save"] = _action(window, "保存(&S)", window.save, Std.Save, None,
                        "每一处修改都已自动保存；保存把它们全部合入项目文件")
    a["save_as"] = _action(window, "另存为(&A)…", window.save_as, QKeySequence("Ctrl+Shift+S"),
                           tip="把项目复制为另一个文件并打开它")
    a["import"] = _action(window, "导入文件(&I)…", window.import_dialog, QKeySequence("Ctrl+I"),
                          sp.SP_FileDialogNewFolder, "把 .docx 文件导入选中的栏目")
    a["export"] = _action(window, "导出印刷PDF(&E)…", window.export_pdf, QKeySequence("Ctrl+E"),
                          sp.SP_DialogSaveButton, "排版整期并导出印刷用 PDF")
    a["print"] = _action(window, "打印(&P)…", window.print_issue, Std.Print, None,
                         "用打印机打印整期或部分页")
    a["print_preview"] = _action(window, "打印预览(&V)…", lambda: printing.preview_dialog(window),
                                 tip="按打印机纸张预览整期")
    a["print_booklet"] = _action(window, "打印小册子(&B)…", lambda: printing.booklet_dialog(window),
                                 tip="按骑马钉顺序双面打印（短边翻转），对折后装订")
    a["export_booklet"] = _action(window, "导出小册子PDF…",
                                  lambda: printing.export_booklet_dialog(window),
                                  tip="输出 A3（或 A4 缩印）骑马钉拼版 PDF")
    for name in ("print_preview", "print_booklet", "export_booklet"):   # follow 打印's state
        a["print"].enabledChanged.connect(a[name].setEnabled)
    a["close"] = _action(window, "关闭(&C)", window.close_project, Std.Close)
    a["quit"] = _action(window, "退出(&X)", window.close, QKeySequence("Ctrl+Q"))
    a["undo"] = window.undo.undo_action(window)
    a["undo"].setShortcuts(Std.Undo)
    a["undo"].setIcon(window.style().standardIcon(sp.SP_ArrowBack))
    a["redo"] = window.undo.redo_action(window)
    a["redo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    a["redo"].setIcon(window.style().standardIcon(sp.SP_ArrowForward))
    _move_actions(window, a)
    a["history"] = window.history_dock.toggleViewAction()
    a["history"].setText("编辑历史(&H)")
    a["add_section"] = _action(window, "新建栏目…", window.add_section)
    a["find"] = _action(window, "查找(&F)…", window.find_bar.open, Std.Find,
                        tip="在整期的文件中查找文字")
    a["find_next"] = _action(window, "查找下一处", lambda: window.find_bar.step(1),
                             Std.FindNext)
    a["find_previous"] = _action(window, "查找上一处", lambda: window.find_bar.step(-1),
                                 Std.FindPrevious)
    a["zoom_in"] = _action(window, "放大(&+)", lambda: window.preview.zoom_step(1),
                           [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    a["zoom_out"] = _action(window, "缩小(&-)", lambda: window.preview.zoom_step(-1),
                            QKeySequence("Ctrl+-"))
    a["zoom_100"] = _action(window, "实际大小", lambda: window.preview.set_zoom(100),
                            QKeySequence("Ctrl+0"))
    a["fit_width"] = _action(window, "适合宽度(&W)", lambda: window.preview.set_zoom("fit_width"),
                             QKeySequence("Ctrl+2"))
    a["fit_page"] = _action(window, "适合页面(&F)", lambda: window.preview.set_zoom("fit_page"),
                            QKeySequence("Ctrl+1"))
    a["rebuild"] = _action(window, "重新排版(&R)", window.request_layout, QKeySequence("F5"),
                           sp.SP_BrowserReload, "重新排版整期")
    a["about"] = _action(window, "关于公报编辑器(&A)", window.about)

    bar = window.menuBar()
    m = bar.addMenu("文件(&F)")
    for name in ("new", "open", "sample"):
        m.addAction(a[name])
    window.recent_menu = m.addMenu("最近打开(&R)")
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    m.addSeparator()
    m.addAction(a["save"])
    m.addAction(a["save_as"])
    m.addAction(a["import"])
    m.addSeparator()
    m.addAction(a["export"])
    m.addAction(a["export_booklet"])
    m.addSeparator()
    m.addAction(a["print_preview"])
    m.addAction(a["print"])
    m.addAction(a["print_booklet"])
    m.addSeparator()
    m.addAction(a["close"])
    m.addAction(a["quit"])

    m = bar.addMenu("编辑(&E)")
    m.addAction(a["undo"])
    m.addAction(a["redo"])
    m.addSeparator()
    m.addAction(a["find"])
    m.addAction(a["find_next"])
    m.addAction(a["find_previous"])
    m.addSeparator()
    m.addAction(a["add_section"])
    for name in ("menu_move_up", "menu_move_down"):
        m.addAction(a[name])
    m.addAction(a["history"])

    m = bar.addMenu("视图(&V)")
    for name in ("zoom_in", "zoom_out", "zoom_100", "fit_width", "fit_page"):
        m.addAction(a[name])
    m.addSeparator()
    for dock in (window.tree_dock, window.thumbs_dock, window.side_dock, window.preflight.dock):
        m.addAction(dock.toggleViewAction())

    m = bar.addMenu("版式(&L)")
    m.addAction(a["rebuild"])
    window.template_menu = m.addMenu("版式模板(&T)")
    window.template_menu.aboutToShow.connect(lambda: _fill_templates(window))
    table = _action(window, "表格版式…", lambda: _show_table_tab(window))
    m.addAction(table)

    m = bar.addMenu("校对(&R)")
    m.aboutToShow.connect(window.update_compare_action)
    a["proof_export"] = _action(window, "导出校样PDF…", lambda: proof_actions.export_proof_dialog(
        window), tip="导出带“校样”水印和批注的 PDF 供校对")
    a["proof_import"] = _action(window, "导入校对意见…", lambda: proof_actions.import_comments_dialog(
        window), tip="读取校对人员在 PDF 阅读器中所加的批注")
    a["proof_mode"] = _action(window, "校对模式(&M)", shortcut=QKeySequence("Ctrl+Shift+R"),
                              tip="在页面上选中文字添加批注，查看、采纳或不采纳批注")
    a["proof_mode"].setCheckable(True)
    a["proof_mode"].setIcon(window.style().standardIcon(sp.SP_FileDialogContentsView))
    a["proof_mode"].toggled.connect(window.proof.set_active)
    m.addAction(a["proof_mode"])
    m.addAction(window.proof.dock.toggleViewAction())
    a["punct_check"] = _action(window, "印前检查(&P)…", window.preflight.open,
                               tip="缺字、重叠、超出版心、文号、日期、标点……付印前的全部问题")
    m.addAction(a["punct_check"])
    m.addSeparator()
    m.addAction(a["proof_export"])
    m.addAction(a["proof_import"])
    m.addSeparator()
    a["proof_compare"] = _action(window, "与旧校样比较…", window.compare.open_dialog,
                                 tip="列出并在页面上标出与上一次导出的校样相比改动的文字")
    a["proof_compare_close"] = _action(window, "关闭比较", window.compare.stop)
    m.addAction(a["proof_compare"])
    m.addAction(a["proof_compare_close"])

    window.archive.build_menu(bar)
    a.update(window.archive.actions)

    m = bar.addMenu("帮助(&H)")
    m.addAction(a["about"])

    tools = QToolBar("工具栏", window)
    tools.setObjectName("main_toolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    a["undo_tool"], a["redo_tool"] = _steady_undo_buttons(window)
    for name in ("open", "import", "undo_tool", "redo_tool", "rebuild", "export", "print",
                 "proof_mode"):
        tools.addAction(a[name])
    window.addToolBar(tools)
    return a


def _move_actions(window, a: dict[str, QAction]) -> None:
    """上移/下移 the selected document (or section): Alt+↑/↓ and Ctrl+↑/↓ where the
    issue tree or the pages have the focus (in a field those keys stay the field's), and
    the same in the 编辑 menu."""
    for name, text, step, keys in (("move_up", "上移", -1, ("Alt+Up", "Ctrl+Up")),
                                   ("move_down", "下移", 1, ("Alt+Down", "Ctrl+Down"))):
        action = _action(window, text, lambda s=step: window.move_selected(s),
                         [QKeySequence(k) for k in keys],
                         tip="把选中的文件（或栏目）" + text + "一位，可撤销")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.tree.addAction(action)
        window.preview.addAction(action)
        a[name] = action
        arrow = "↑" if step < 0 else "↓"
        a["menu_" + name] = _action(window, f"{text}文件\tAlt+{arrow}",
                                    lambda s=step: window.move_selected(s),
                                    tip=action.statusTip())
        action.enabledChanged.connect(a["menu_" + name].setEnabled)


def _steady_undo_buttons(window) -> tuple[QAction, QAction]:
    """撤销/重做 for the toolbar with a fixed label, so the buttons after them do not shift
    as the edit's name changes; the name is in the tooltip (and in the 编辑 menu)."""
    stack = window.undo.stack
    out = []
    for text, icon, slot, can, named in (
            ("撤销", QStyle.StandardPixmap.SP_ArrowBack, stack.undo, stack.canUndoChanged,
             stack.undoTextChanged),
            ("重做", QStyle.StandardPixmap.SP_ArrowForward, stack.redo, stack.canRedoChanged,
             stack.redoTextChanged)):
        action = QAction(window.style().standardIcon(icon), text, window)
        action.triggered.connect(lambda _c=False, f=slot: f())
        action.setEnabled(False)
        can.connect(action.setEnabled)
        named.connect(lambda name, a=action, t=text: a.setToolTip(f"{t} {name}" if name else t))
        out.append(action)
    return out[0], out[1]


def _show_table_tab(window) -> None:
    window.side_dock.show()
    window.side_tabs.setCurrentIndex(1)


def _fill_templates(window) -> None:
    """One checkable entry per template of layouts/, the issue's own checked."""
    from editor.layout.template import template_labels
    menu = window.template_menu
    menu.clear()
    current = window.session.issue.template if window.session is not None else None
    for name, label in template_labels().items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setEnabled(window.session is not None)
        action.triggered.connect(lambda _c=False, n=name: window.set_template(n))


def _fill_recent(window) -> None:
    from pathlib import Path
    menu = window.recent_menu
    menu.clear()
    recent = window.settings.recent_files()
    for path in recent:
        action = menu.addAction(str(path))
        action.triggered.connect(lambda _c=False, p=path: window.open_project(Path(p)))
    if not recent:
        empty = menu.addAction("（无）")
        empty.setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("清除列表").triggered.connect(window.settings.clear_recent)
