"""Go to page… (Ctrl+G): every page with its group, filtered as you type, Enter to go.

Ctrl+1 … Ctrl+9 reach the first nine pages; the palette reaches all of them, by name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole
MOVING_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class PagePalette(QDialog):
    def __init__(self, pages: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        """`pages`: (key, label, group) of each page, in navigation order."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to page"))
        self.chosen: str | None = None
        self.filter = QLineEdit(placeholderText=self.tr("Page name…"))
        self.list = QListWidget()
        for key, label, group in pages:
            item = QListWidgetItem(label if group == label else f"{label}  ·  {group}")
            item.setData(KEY_ROLE, key)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._choose)
        self.filter.installEventFilter(self)  # the arrow keys move in the list
        self.list.itemActivated.connect(lambda _item: self._choose())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.resize(360, 320)
        self._apply_filter("")

    def _apply_filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(wanted not in item.text().casefold())
        visible = [self.list.item(r) for r in range(self.list.count())
                   if not self.list.item(r).isHidden()]
        self.list.setCurrentItem(visible[0] if visible else None)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.chosen = str(item.data(KEY_ROLE))
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in MOVING_KEYS):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)
