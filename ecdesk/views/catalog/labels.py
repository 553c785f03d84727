"""How stored status values read on screen (the database keeps the plain values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_LABELS = {
    "draft": "Draft", "active": "Active", "archived": "Archived",
    "listed": "Listed", "paused": "Paused", "unlisted": "Unlisted", "—": "Not on channel",
}


def status_label(value: str) -> str:
    return QCoreApplication.translate("status", _LABELS.get(value, value))
