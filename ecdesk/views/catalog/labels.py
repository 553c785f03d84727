"""How stored status values read on screen (the database keeps the plain values)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS = {
    "draft": QT_TRANSLATE_NOOP("status", "Draft"),
    "active": QT_TRANSLATE_NOOP("status", "Active"),
    "archived": QT_TRANSLATE_NOOP("status", "Archived"),
    "listed": QT_TRANSLATE_NOOP("status", "Listed"),
    "paused": QT_TRANSLATE_NOOP("status", "Paused"),
    "unlisted": QT_TRANSLATE_NOOP("status", "Unlisted"),
    "—": QT_TRANSLATE_NOOP("status", "Not on channel"),
}


def status_label(value: str) -> str:
    return QCoreApplication.translate("status", _LABELS.get(value, value))
