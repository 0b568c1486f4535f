"""Start page: what the window shows when no issue is open (layer: ui).

Four ways in — 新建一期, 打开, 打开示例期刊, and the recent files — each emitted as a
signal for the window to act on; Word files dragged onto it ask for a new issue to import
them into.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCommandLinkButton, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from editor import __version__
from editor.ui.issue_tree import FileDrops

OPEN_AGAIN_SECONDS = 2.0       # a click, double click or Enter within this opens once


class StartPage(FileDrops, QWidget):      # Word files dropped: files_dropped
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)
    files_dropped = Signal(list)     # [Path] of Word files dragged onto the page

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("start_page")
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel("公报编辑器")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        outer.addWidget(QLabel(f"区人民政府公报的汇编、排版与校对　版本 {__version__}"))
        outer.addSpacing(24)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        actions = QVBoxLayout()
        row.addLayout(actions, 1)
        for text, note, signal in (
                ("新建一期…", "新建一个空的期刊项目文件（.gazette）", self.new_requested),
                ("打开…", "打开已有的期刊项目文件", self.open_requested),
                ("打开示例期刊", "用内置的《东西湖区人民政府公报》总第32期建立一个示例项目",
                 self.sample_requested)):
            button = QCommandLinkButton(text, note)
            button.clicked.connect(signal.emit)
            actions.addWidget(button)
        drop_hint = QLabel("也可以把来文（Word 文件）从资源管理器拖到这里：\n先新建一期，再把它们导入。")
        drop_hint.setStyleSheet("color: palette(mid);")
        actions.addSpacing(12)
        actions.addWidget(drop_hint)
        actions.addStretch(1)
        recent_box = QVBoxLayout()
        row.addSpacing(24)
        row.addLayout(recent_box, 1)
        recent_box.addWidget(QLabel("最近打开的文件"))
        self.recent = QListWidget()
        self.recent.setAccessibleName("最近打开的文件")
        self.recent.setToolTip("单击打开")
        # one click opens, as on Word's start screen (a click did nothing: only a double
        # click or Enter opened); the second click of a double click is not a second open
        self.recent.itemClicked.connect(self._recent_chosen)
        self.recent.itemActivated.connect(self._recent_chosen)
        self._last_open: tuple[str, float] = ("", 0.0)
        recent_box.addWidget(self.recent, 1)
        self.empty_note = QLabel("（还没有打开过文件）")
        recent_box.addWidget(self.empty_note)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        now = time.monotonic()
        if self._last_open[0] == path and now - self._last_open[1] < OPEN_AGAIN_SECONDS:
            return
        self._last_open = (path, now)
        self.recent_requested.emit(path)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.empty_note.setVisible(not paths)
