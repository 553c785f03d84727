"""Small widgets the stock dialogs share: a problem line under a field, fields stacked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#b3261e"


class ProblemLabel(QLabel):
    """Red text under a field saying what is wrong with it; hidden while nothing is, so that
    an empty line does not push the fields apart."""

    def __init__(self) -> None:
        super().__init__(wordWrap=True)
        self.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def problem_label() -> ProblemLabel:
    return ProblemLabel()


def stacked(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box
