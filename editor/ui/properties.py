"""Properties panel: issue metadata form and document properties (layer: ui).

Shows the issue's template (版式) and ``model.IssueMeta`` (刊名, 期次, 总期数, 出版日期,
创刊, 版权页, 简介, 口号) and, for the selected document, its head parts as imported
(类型, 标题, 文号, 主送机关, 成文日期, 副标题, 讲话人, 会议文件标识 — to be corrected where
the import read them wrong; a part the import only guessed is washed orange and listed
under 待核对) and its ``DocumentLayout`` (目录标题, 起始页, 显示版头).  The panel never
changes the model: a finished edit emits ``meta_edited(field, value)``,
``template_chosen(name)``, ``head_edited(doc_id, field, text)``,
``kind_chosen(doc_id, kind)`` or
``document_edited(doc_id, field, value)`` with the new value in the model's type, and
the window turns it into an undoable command.  ``load_meta``/``load_template``/
``load_document`` refresh the fields (after undo, too) without emitting anything.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from editor.app.commands import HEAD_FIELDS
from editor.app.recognition_commands import KIND_NAMES

START_RULES = [("按模板", None), ("另起一页", "new_page"), ("另起奇数页", "odd_page")]
MASTHEAD = [("按模板", None), ("显示", True), ("不显示", False)]
HEAD_HINTS = {"title": "（未识别出标题）"}       # placeholder text; others "（无）"
UNCERTAIN_STYLE = "background: #ffe0b2;"          # a part the import guessed: check it
UNCERTAIN_TIP = "导入时未能确定，请核对（修改后即不再标出）"


# issue fields: (example shown in the empty field, where it prints)
META_HINTS = {
    "title": ("如：东西湖区人民政府公报", "刊名：印在封面、扉页、版权页和书眉"),
    "period": ("如：2025年1月~2025年6月", "本期所收文件的时段（不是期号）：印在目录和版权页"),
    "issue_label": ("如：总第32期", "印在封面、目录和版权页，外加括号"),
    "published": ("如：2025年9月", "出版日期：印在封面和目录"),
    "founded": ("如：2012", "创刊年份"),
    "intro_title": ("留空则为《刊名》简介", "简介页的标题（简介有内容才印）"),
}


def colophon_text(colophon: dict[str, str]) -> str:
    return "\n".join(f"{k}：{v}" for k, v in colophon.items())


def parse_colophon(text: str) -> dict[str, str]:
    """Lines "键：值" (full- or half-width colon) → ordered dict; blank lines ignored."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for sep in ("：", ":"):
            if sep in line:
                key, value = line.split(sep, 1)
                out[key.strip()] = value.strip()
                break
        else:
            out[line] = ""
    return out


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class _PlainEdit(QPlainTextEdit):
    """A multi-line field that reports an edit when it loses focus."""
    edited = Signal()

    def __init__(self, lines: int = 3, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self._before = ""

    def set_text(self, text: str) -> None:
        self._before = text
        self.setPlainText(text)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        """Report the edit now (leaving the field does the same; so does Ctrl+Z)."""
        if self.toPlainText() != self._before:
            self._before = self.toPlainText()
            self.edited.emit()


class PropertiesPanel(QWidget):
    meta_edited = Signal(str, object)              # IssueMeta field, value
    document_edited = Signal(str, str, object)     # doc id, DocumentLayout field, value
    head_edited = Signal(str, str, str)            # doc id, Document head field, text
    template_chosen = Signal(str)                  # template name (layouts/NAME.toml)
    kind_chosen = Signal(str, str)                 # doc id, Document kind

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.doc_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._meta_box())
        layout.addWidget(self._document_box())
        layout.addStretch(1)

    # -- issue metadata -------------------------------------------------------------------------
    def _meta_box(self) -> QGroupBox:
        box = QGroupBox("本期信息")
        form = QFormLayout(box)
        self.template = QComboBox()
        self.template.setObjectName("meta_template")
        self.template.setToolTip("整期所用的版式模板（layouts/ 中的 .toml 文件）；更换后整期重新排版")
        self.template.activated.connect(self._template_activated)
        form.addRow("版式", self.template)
        self.title = self._line(form, "刊名", "title")
        self.period = self._line(form, "期次", "period")
        self.total = QSpinBox()
        self.total.setRange(0, 9999)
        self.total.setSpecialValueText("（未设）")
        self.total.editingFinished.connect(self._total_edited)
        form.addRow("总期数", self.total)
        self.label = self._line(form, "期号标注", "issue_label")
        self.published = self._line(form, "出版日期", "published")
        self.founded = self._line(form, "创刊年份", "founded")
        self.colophon = self._lines_edit(form, "版权页", "colophon", 4, parse_colophon,
                                         "每行一项，例如：主办：东西湖区人民政府")
        self.intro_title = self._line(form, "简介标题", "intro_title")
        self.intro = self._lines_edit(form, "简介", "intro_paragraphs", 4, _lines, "每行一段")
        self.slogans = self._lines_edit(form, "口号", "slogans", 2, _lines)
        return box

    def _line(self, form: QFormLayout, label: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"meta_{field}")
        if field in META_HINTS:                 # what to type: 期次 is a period of time
            edit.setPlaceholderText(META_HINTS[field][0])
            edit.setToolTip(META_HINTS[field][1])
        edit.editingFinished.connect(lambda: self._line_edited(edit, field))
        form.addRow(label, edit)
        return edit

    def _lines_edit(self, form: QFormLayout, label: str, field: str, rows: int, parse,
                    tip: str = "") -> "_PlainEdit":
        """A several-line field of the metadata: ``parse`` turns its text into the value."""
        edit = _PlainEdit(rows)
        if tip:
            edit.setToolTip(tip)
        edit.edited.connect(lambda: self._emit_meta(field, parse(edit.toPlainText())))
        form.addRow(label, edit)
        return edit

    def _line_edited(self, edit: QLineEdit, field: str) -> None:
        if edit.isModified():
            edit.setModified(False)
            self._emit_meta(field, edit.text().strip())

    def _total_edited(self) -> None:
        value = self.total.value() or None
        self._emit_meta("total_number", value)

    def _template_activated(self, index: int) -> None:
        name = self.template.itemData(index)
        if not self._loading and name:
            self.template_chosen.emit(name)

    def load_template(self, name: str) -> None:
        """Show the templates of layouts/ by their labels, ``name`` chosen (a template
        from elsewhere is listed by its name)."""
        from editor.layout.template import template_labels
        self._loading = True
        try:
            self.template.clear()
            labels = template_labels()
            if name and name not in labels:
                labels[name] = name
            for key, label in labels.items():
                self.template.addItem(label, key)
            self.template.setCurrentIndex(max(0, self.template.findData(name)))
        finally:
            self._loading = False

    def _emit_meta(self, field: str, value) -> None:
        if not self._loading:
            self.meta_edited.emit(field, value)

    def load_meta(self, meta) -> None:
        self._loading = True
        try:
            for edit, value in ((self.title, meta.title), (self.period, meta.period),
                                (self.label, meta.issue_label),
                                (self.published, meta.published),
                                (self.founded, meta.founded),
                                (self.intro_title, meta.intro_title)):
                edit.setText(value)
                edit.setModified(False)
            self.total.setValue(meta.total_number or 0)
            self.colophon.set_text(colophon_text(meta.colophon))
            self.intro.set_text("\n".join(meta.intro_paragraphs))
            self.slogans.set_text("\n".join(meta.slogans))
        finally:
            self._loading = False

    # -- document -------------------------------------------------------------------------------

    def _layout_choice(self, form, label: str, key: str, choices) -> QComboBox:
        """A combo box of (text, value) ``choices`` setting the document layout's ``key``."""
        combo = QComboBox()
        for text, _ in choices:
            combo.addItem(text)
        combo.activated.connect(lambda i: self._emit_doc(key, choices[i][1]))
        form.addRow(label, combo)
        return combo

    def _document_box(self) -> QGroupBox:
        self.doc_box = QGroupBox("文件属性")
        form = QFormLayout(self.doc_box)
        self.doubts = QLabel()
        self.doubts.setObjectName("doc_uncertain")
        self.doubts.setStyleSheet("color: #b35900;")
        self.doubts.setWordWrap(True)
        self.doubts.hide()
        form.addRow(self.doubts)
        self.kind = QComboBox()
        self.kind.setObjectName("doc_kind")
        self.kind.setToolTip("更改类型后按该类型重新识别标题、副标题、讲话人等（可撤销）")
        for key, text in KIND_NAMES.items():
            self.kind.addItem(text, key)
        self.kind.activated.connect(self._kind_activated)
        form.addRow("类型", self.kind)
        self.head: dict[str, QLineEdit] = {}
        for field, label in HEAD_FIELDS.items():
            edit = QLineEdit()          # hints shown once a document is chosen
            edit.setObjectName(f"head_{field}")
            edit.editingFinished.connect(lambda f=field: self._head_edited(f))
            self.head[field] = edit
            form.addRow(label, edit)
        self.toc_title = QLineEdit()
        self.toc_title.editingFinished.connect(self._toc_edited)
        form.addRow("目录标题", self.toc_title)
        self.start = self._layout_choice(form, "起始页", "start", START_RULES)
        self.masthead = self._layout_choice(form, "版头", "show_masthead", MASTHEAD)
        self.doc_box.setEnabled(False)
        self.start.setCurrentIndex(-1)          # nothing shown until a document is chosen
        self.masthead.setCurrentIndex(-1)
        self.kind.setCurrentIndex(-1)
        return self.doc_box

    def _head_edited(self, field: str) -> None:
        edit = self.head[field]
        if edit.isModified() and not self._loading and self.doc_id:
            edit.setModified(False)
            self.head_edited.emit(self.doc_id, field, edit.text().strip())

    def _kind_activated(self, index: int) -> None:
        kind = self.kind.itemData(index)
        if not self._loading and self.doc_id and kind:
            self.kind_chosen.emit(self.doc_id, kind)

    def _show_doubts(self, doc) -> None:
        """Wash the parts the import guessed and list them above the form."""
        doubts = [f for f in doc.uncertain if f in self.head] if doc is not None else []
        for field, edit in self.head.items():
            edit.setStyleSheet(UNCERTAIN_STYLE if field in doubts else "")
            if field in doubts:
                edit.setToolTip(UNCERTAIN_TIP + (f"：{edit.text()}" if edit.text() else ""))
        unsure_kind = doc is not None and "kind" in doc.uncertain
        self.kind.setStyleSheet(UNCERTAIN_STYLE if unsure_kind else "")
        names = "、".join(["类型"] * unsure_kind + [HEAD_FIELDS[f] for f in doubts])
        self.doubts.setText(f"待核对：{names}（导入时未能确定）" if names else "")
        self.doubts.setVisible(bool(names))

    def _toc_edited(self) -> None:
        if self.toc_title.isModified():
            self.toc_title.setModified(False)
            self._emit_doc("toc_title", self.toc_title.text().strip() or None)

    def _emit_doc(self, field: str, value) -> None:
        if not self._loading and self.doc_id:
            self.document_edited.emit(self.doc_id, field, value)

    def load_document(self, doc) -> None:
        self._loading = True
        try:
            self.doc_id = doc.id if doc is not None else None
            self.doc_box.setEnabled(doc is not None)
            if doc is None:             # greyed out: no stale values of the last document
                for edit in self.head.values():
                    edit.clear()
                    edit.setToolTip("")
                    edit.setPlaceholderText("")
                self.toc_title.clear()
                self.toc_title.setPlaceholderText("")
                self.start.setCurrentIndex(-1)
                self.masthead.setCurrentIndex(-1)
                self.kind.setCurrentIndex(-1)
                self._show_doubts(None)
                return
            self.kind.setCurrentIndex(max(0, self.kind.findData(doc.kind)))
            for field, edit in self.head.items():
                edit.setPlaceholderText(HEAD_HINTS.get(field, "（无）"))
                edit.setText(getattr(doc, field))
                edit.setCursorPosition(0)            # a long title shows its beginning
                edit.setToolTip(getattr(doc, field))
                edit.setModified(False)
            self._show_doubts(doc)
            self.toc_title.setPlaceholderText(f"（与标题相同：{doc.toc_title[:12]}）"
                                              if not doc.title else "（与标题相同）")
            self.toc_title.setText(doc.layout.toc_title or "")
            self.toc_title.setModified(False)
            self.start.setCurrentIndex(
                [v for _, v in START_RULES].index(doc.layout.start)
                if doc.layout.start in [v for _, v in START_RULES] else 0)
            self.masthead.setCurrentIndex(
                [v for _, v in MASTHEAD].index(doc.layout.show_masthead)
                if doc.layout.show_masthead in (None, True, False) else 0)
        finally:
            self._loading = False
