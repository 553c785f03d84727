"""A Dashboard tile: a figure's name, its value, and its change against the previous period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ecdesk.services.dashboard.model import Tile
from ecdesk.views.widgets.locale_format import decimal, percent

GOOD, BAD, QUIET = "#1e7b34", "#b3261e", "#6b6b6b"
translate = QCoreApplication.translate


def change_text(tile: Tile) -> tuple[str, str]:
    """The change as "▲ 12.0 %" and its colour: green when it moved the good way."""
    if tile.change is None:
        return "", QUIET
    if tile.change == 0:
        return translate("DashboardTiles", "= %s on the previous period") % percent(
            tile.change), QUIET
    arrow = "▲" if tile.change > 0 else "▼"
    good = (tile.change > 0) == tile.better_when_higher
    size = (translate("DashboardTiles", "%s pts") % decimal(abs(tile.change) * 100, 1)
            if tile.in_points else percent(abs(tile.change)))
    return translate("DashboardTiles", "%s %s on the previous period") % (arrow, size), (
        GOOD if good else BAD)


class TileWidget(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.label = QLabel()
        self.value = QLabel()
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        for widget in (self.label, self.value, self.change):
            layout.addWidget(widget)

    def show_tile(self, tile: Tile) -> None:
        self.label.setText(tile.label)
        self.value.setText(tile.value)
        self.value.setStyleSheet(f"color: {BAD};" if tile.alarm else "")
        text, colour = change_text(tile)
        self.change.setText(text)
        self.change.setStyleSheet(f"color: {colour};")
        self.setToolTip(tile.note)
