"""The 关于 dialog: version, Python/Qt versions, the font file serving each gazette role
and whether it is embedded as a subset, the data and cache folders and licence notes
(layer: ui; the facts come from the Qt-free editor.appinfo).
"""
from __future__ import annotations

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget, QHeaderView, QAbstractItemView)

from editor.appinfo import AppInfo, collect
from editor.resources import icon_path

FONT_COLUMNS = ["用途", "字体", "嵌入方式", "文件"]


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AboutDialog(QDialog):
    """关于公报编辑器; ``fontbook`` is the window's FontBook (None: fonts not listed)."""

    def __init__(self, parent=None, fontbook=None, info: AppInfo | None = None):
        super().__init__(parent)
        self.info = info or collect(fontbook)
        self.setWindowTitle("关于公报编辑器")
        self.setWindowIcon(QIcon(str(icon_path())))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(), "程序")
        self.font_table = self._fonts()
        self.tabs.addTab(self.font_table, "字体")
        self.tabs.addTab(_table(["组件", "许可"], [list(x) for x in self.info.licences]), "许可")
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("复制信息")
        self.copy_button.clicked.connect(self.copy_text)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(QPixmap(str(icon_path())).scaled(
            64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        row.addWidget(logo)
        kind = self.info.kind or ("安装版" if self.info.frozen else "源码运行")
        self.title = _selectable(f"<b style='font-size:16pt'>公报编辑器</b>　版本 {self.info.version}"
                                 f"（{kind}）<br>区人民政府公报的汇编、排版与校对；"
                                 "版式依据 GB/T 9704《党政机关公文格式》。<br>本程序运行时不访问网络。")
        row.addWidget(self.title, 1)
        return row

    def _general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        info = self.info
        self.qt_version = qVersion()
        rows = [("版本", info.version), ("Python", info.python),
                ("Qt / PySide6", f"{self.qt_version} / {PYSIDE_VERSION}"), ("系统", info.platform),
                ("程序目录", info.program_dir), ("数据与设置", info.data_dir), ("缓存（含字体）", info.cache_dir),
                ("组件", "，".join(f"{k} {v}" for k, v in info.packages.items()))]
        for label, value in rows:
            form.addRow(label + "：", _selectable(value))
        return page

    def _fonts(self) -> QTableWidget:
        rows = []
        for use in self.info.fonts:
            sub = f"（第 {use.index + 1} 个字体）" if use.index else ""
            rows.append([use.role, f"{use.family}（{use.face}）", use.embedding, use.path + sub])
        for face, reason in self.info.refused.items():
            rows.append(["—", face, f"不使用：{reason}", ""])
        return _table(FONT_COLUMNS, rows)

    def copy_text(self) -> str:
        """Put the facts on the clipboard as plain text (for a support request)."""
        text = self.info.as_text(self.qt_version)
        QGuiApplication.clipboard().setText(text)
        return text


def show_about(parent=None, fontbook=None) -> AboutDialog:
    dialog = AboutDialog(parent, fontbook)
    dialog.exec()
    return dialog
