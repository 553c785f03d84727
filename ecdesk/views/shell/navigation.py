"""The navigation list: one row per page, with the group's heading drawn above its first page.

Headings are painted by the delegate, not rows of their own: row n stays page n of the stacked
pages (the window, its badges and the self-test walk them by row), the arrow keys move from
page to page, and a click on a heading selects nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

HEADING_ROLE = Qt.ItemDataRole.UserRole + 1  # the heading above this page ("" for none)
GROUPED_ROLE = Qt.ItemDataRole.UserRole + 2  # True for a page under a heading: indented
INDENT = 10  # pages of a group sit a little in from their heading
HEADING_GAP = 6  # space above a heading, to set its group apart from the one before

Index = QModelIndex | QPersistentModelIndex


class NavigationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_GroupedDelegate(self))
        self.setMaximumWidth(220)

    def add_page(self, label: str, heading: str = "", grouped: bool = False) -> QListWidgetItem:
        """A row for a page; `heading` is drawn above it, `grouped` indents it."""
        item = QListWidgetItem(label)
        item.setData(HEADING_ROLE, heading)
        item.setData(GROUPED_ROLE, grouped)
        self.addItem(item)
        return item

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            heading_end = self.visualRect(index).top() + _heading_height(self, index)
            if event.position().y() < heading_end:
                event.accept()  # on a heading: not a page
                return
        super().mousePressEvent(event)


class _GroupedDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + _heading_height(self.parent(), index))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        height = _heading_height(self.parent(), index)
        page = QStyleOptionViewItem(option)
        indent = INDENT if index.data(GROUPED_ROLE) else 0
        page.rect = option.rect.adjusted(indent, height, 0, 0)  # type: ignore[attr-defined]
        if height:
            self._paint_heading(painter, option, str(index.data(HEADING_ROLE)), height)
        super().paint(painter, page, index)

    @staticmethod
    def _paint_heading(painter: QPainter, option: QStyleOptionViewItem, text: str,
                       height: int) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        area = QRect(rect.left() + 4, rect.top() + HEADING_GAP, rect.width() - 4,
                     height - HEADING_GAP)
        painter.save()
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setBold(True)
        painter.setFont(font)
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


def _heading_height(view: object, index: Index) -> int:
    if not index.data(HEADING_ROLE):
        return 0
    metrics = view.fontMetrics()  # type: ignore[attr-defined]
    return metrics.height() + HEADING_GAP + 4
