"""Drawing of 校对 mode over the preview pages: highlights and margin marks (layer: ui).

``ProofOverlay.paint(painter, page_index)`` is one of the preview's overlays: it draws in
page points on top of the cached page image, so nothing here reaches the printed page.
Each placed annotation gets a translucent box over its text in its kind's colour (删 also
struck through, 增 a caret at the insertion point) and, once per page, its kind character
in a small circle in the outer margin (right on recto pages, left on verso), stacked
outward when several share a line.  Accepted and rejected annotations are only drawn
while selected in the list.  The text being swept with the mouse is tinted blue.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from editor.model import Annotation
from editor.proof.geometry import Box, boxes_for
from editor.proof.view import selection
from editor.ui.annotation_list import KIND_COLOURS

MARK_RADIUS = 7.0        # points
MARK_GAP = 2.0
SWEEP_TINT = QColor(40, 120, 255, 70)


def _outer_right(page) -> bool:
    """Recto pages (odd folio; unnumbered ones by position) have the outer margin right."""
    if page.folio is not None:
        return page.folio % 2 == 1
    return page.index % 2 == 0


class ProofOverlay:
    def __init__(self, mode):
        self.mode = mode
        self._boxes: dict[str, list[tuple[int, Box]]] = {}
        self._pages: dict[int, list[tuple[Annotation, Box]]] = {}

    def clear(self) -> None:
        self._boxes, self._pages = {}, {}

    def set_boxes(self, boxes: dict[str, list[tuple[int, Box]]],
                  annotations: dict[str, Annotation]) -> None:
        self._boxes = boxes
        self._pages = {}
        for ann_id, places in boxes.items():
            for page, box in places:
                self._pages.setdefault(page, []).append((annotations[ann_id], box))

    def boxes_of(self, ann_id: str) -> list[tuple[int, Box]]:
        return list(self._boxes.get(ann_id, []))

    def shown_on(self, page: int) -> list[str]:
        """Ids of the annotations drawn on ``page`` (in drawing order, without repeats)."""
        current = self.mode.current_id()
        return list(dict.fromkeys(a.id for a, _ in self._pages.get(page, [])
                                  if _visible(a, current)))

    # -- painting ---------------------------------------------------------------------------------
    def paint(self, p, index: int) -> None:
        preview = self.mode.window.preview
        if index >= len(preview.pages):
            return
        page = preview.pages[index]
        current = self.mode.current_id()
        marked: list[tuple[Annotation, Box]] = []
        seen = set()
        for ann, box in self._pages.get(index, []):
            if not _visible(ann, current):
                continue
            self._highlight(p, ann, box, ann.id == current)
            if ann.id not in seen:
                seen.add(ann.id)
                marked.append((ann, box))
        self._margin_marks(p, page, index, marked)
        self._sweep(p, index)

    def _highlight(self, p, ann: Annotation, box: Box, current: bool) -> None:
        colour = QColor(KIND_COLOURS.get(ann.kind, "#888888"))
        flash = self.mode.flashing == ann.id and self.mode.flash_on()
        colour.setAlpha(150 if flash else 90 if current else 65)
        rect = QRectF(box.x0, box.top, max(box.x1 - box.x0, 1.2), box.bottom - box.top)
        p.fillRect(rect, colour)
        pen = QPen(QColor(KIND_COLOURS.get(ann.kind, "#888888")))
        pen.setWidthF(1.2 if flash or current else 0.6)
        p.setPen(pen)
        if ann.kind == "删":
            mid = (box.top + box.bottom) / 2
            p.drawLine(QPointF(box.x0, mid), QPointF(box.x1, mid))
        elif ann.kind == "增":
            x = (box.x0 + box.x1) / 2
            p.drawLine(QPointF(x - 2.5, box.bottom + 2.5), QPointF(x, box.bottom - 1.0))
            p.drawLine(QPointF(x, box.bottom - 1.0), QPointF(x + 2.5, box.bottom + 2.5))
        else:
            p.drawLine(QPointF(box.x0, box.bottom), QPointF(box.x1, box.bottom))
        if flash or current:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-0.8, -0.8, 0.8, 0.8))

    def _text_edges(self, index: int, page) -> tuple[float, float]:
        pmap = self.mode.pmap
        items = pmap.pages[index].items if pmap is not None and index < len(pmap.pages) else []
        if not items:
            return page.width * 0.18, page.width * 0.82
        return (min(it.x for it in items), max(it.x + it.width for it in items))

    def _margin_marks(self, p, page, index: int, marked: list[tuple[Annotation, Box]]) -> None:
        if not marked:
            return
        left, right = self._text_edges(index, page)
        outer_right = _outer_right(page)
        step = 2 * MARK_RADIUS + MARK_GAP
        base = right + min(22.0, (page.width - right) / 2) if outer_right \
            else left - min(22.0, left / 2)
        direction = 1 if outer_right else -1
        font = QFont(p.font())
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        placed: list[tuple[float, float]] = []
        for ann, box in sorted(marked, key=lambda m: m[1].top):
            y = (box.top + box.bottom) / 2
            x = base
            while any(abs(px - x) < step - 0.1 and abs(py - y) < step for px, py in placed):
                x += direction * step
            placed.append((x, y))
            colour = QColor(KIND_COLOURS.get(ann.kind, "#888888"))
            pen = QPen(colour)
            pen.setWidthF(0.9)
            p.setPen(pen)
            fill = QColor(255, 255, 255, 235)
            if ann.status in ("accepted", "rejected"):
                fill = QColor(235, 235, 235, 235)
            p.setBrush(fill)
            circle = QRectF(x - MARK_RADIUS, y - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS)
            p.drawEllipse(circle)
            p.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), ann.kind)

    def _sweep(self, p, index: int) -> None:
        preview = self.mode.window.preview
        pmap = self.mode.pmap
        if preview.sweep is None or preview.sweep[0] != index or pmap is None:
            return
        _page, start, end = preview.sweep
        for rng in selection(pmap, index, start, end):
            for page, box in boxes_for(pmap, rng.doc_id, rng.block_id, rng.start, rng.end):
                if page == index:
                    p.fillRect(QRectF(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top),
                               SWEEP_TINT)


def _visible(ann: Annotation, current: str | None) -> bool:
    return ann.status in ("open", "answered") or ann.id == current
