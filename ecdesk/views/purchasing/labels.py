"""How purchase-order values read on screen (views do not import the models' enums)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("purchasing", "Draft"),
    "sent": QT_TRANSLATE_NOOP("purchasing", "Sent"),
    "partly_received": QT_TRANSLATE_NOOP("purchasing", "Partly received"),
    "received": QT_TRANSLATE_NOOP("purchasing", "Received"),
    "closed": QT_TRANSLATE_NOOP("purchasing", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("purchasing", "Cancelled"),
}
STATUS_COLOURS = {"draft": QColor("#8a5a00"), "sent": QColor("#1a5fb4"),
                  "partly_received": QColor("#1a5fb4"), "cancelled": QColor("#8a8a8a"),
                  "closed": QColor("#8a8a8a")}
LATE = QColor("#b3261e")
# (a literal in tr("…") would be filed under no context by lupdate: Qt would not find it)
LATE_WORD = QT_TRANSLATE_NOOP("purchasing", "late")


def tr(text: str) -> str:
    return QCoreApplication.translate("purchasing", text)


def status_label(status: str) -> str:
    return tr(STATUS_LABELS.get(status, status))
