"""The words and colours for tickets' stored values on screen (views do not import the models'
enums): types, priorities, statuses, and how long until a ticket falls due."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

TYPES = {
    "pre_sale": QT_TRANSLATE_NOOP("tickets", "Pre-sale"),
    "order": QT_TRANSLATE_NOOP("tickets", "Order / shipping"),
    "return": QT_TRANSLATE_NOOP("tickets", "Return"),
    "exchange": QT_TRANSLATE_NOOP("tickets", "Exchange"),
    "refund_only": QT_TRANSLATE_NOOP("tickets", "Refund only"),
    "repair": QT_TRANSLATE_NOOP("tickets", "Repair"),
    "complaint": QT_TRANSLATE_NOOP("tickets", "Complaint"),
    "other": QT_TRANSLATE_NOOP("tickets", "Other"),
}
PRIORITIES = {
    "urgent": QT_TRANSLATE_NOOP("tickets", "Urgent"),
    "high": QT_TRANSLATE_NOOP("tickets", "High"),
    "normal": QT_TRANSLATE_NOOP("tickets", "Normal"),
    "low": QT_TRANSLATE_NOOP("tickets", "Low"),
}
STATUSES = {
    "new": QT_TRANSLATE_NOOP("tickets", "New"),
    "open": QT_TRANSLATE_NOOP("tickets", "Open"),
    "waiting_customer": QT_TRANSLATE_NOOP("tickets", "Waiting on customer"),
    "waiting_supplier": QT_TRANSLATE_NOOP("tickets", "Waiting on supplier"),
    "resolved": QT_TRANSLATE_NOOP("tickets", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("tickets", "Closed"),
}
ENTRY_KINDS = {
    "message": QT_TRANSLATE_NOOP("tickets", "Customer"),
    "reply": QT_TRANSLATE_NOOP("tickets", "Reply"),
    "note": QT_TRANSLATE_NOOP("tickets", "Note"),
    "status": QT_TRANSLATE_NOOP("tickets", "Status"),
}
REASONS = {
    "no_reason": QT_TRANSLATE_NOOP("tickets", "No reason (7-day return)"),
    "wrong_size": QT_TRANSLATE_NOOP("tickets", "Wrong size"),
    "quality": QT_TRANSLATE_NOOP("tickets", "Quality problem"),
    "not_described": QT_TRANSLATE_NOOP("tickets", "Not as described"),
    "wrong_item": QT_TRANSLATE_NOOP("tickets", "Wrong item sent"),
    "transit_damage": QT_TRANSLATE_NOOP("tickets", "Damaged in transit"),
    "other": QT_TRANSLATE_NOOP("tickets", "Other"),
}
OUTCOMES = {
    "refund": QT_TRANSLATE_NOOP("tickets", "Refund"),
    "replace": QT_TRANSLATE_NOOP("tickets", "Replace"),
    "repair": QT_TRANSLATE_NOOP("tickets", "Repair"),
    "reject": QT_TRANSLATE_NOOP("tickets", "Reject"),
}
OVERDUE, SOON, QUIET = QColor("#b3261e"), QColor("#8a5a00"), QColor("#6b6b6b")
SOON_SECONDS = 3600  # due within the hour: amber


def word(table: dict[str, str], value: str) -> str:
    text = table.get(value)
    return QCoreApplication.translate("tickets", text) if text else value


def duration_text(seconds: float) -> str:
    """1 d 3 h, 2 h 05 min, 12 min: the larger two units of a span."""
    minutes = int(abs(seconds) // 60)
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return QCoreApplication.translate("tickets", "%1 d %2 h").replace("%1", str(days)) \
            .replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("tickets", "%1 h %2 min").replace("%1", str(hours)) \
            .replace("%2", f"{minutes:02d}")
    return QCoreApplication.translate("tickets", "%1 min").replace("%1", str(minutes))


def due_text(due: datetime | None, now: datetime, status: str) -> str:
    """'overdue 2 h 05 min', 'in 3 h 10 min', 'paused' or '—'."""
    if due is None:
        if status.startswith("waiting"):
            return QCoreApplication.translate("tickets", "paused")
        return "—"
    left = (due - now).total_seconds()
    if left < 0:
        return QCoreApplication.translate("tickets", "overdue %1").replace(
            "%1", duration_text(left))
    return QCoreApplication.translate("tickets", "in %1").replace("%1", duration_text(left))


def due_colour(due: datetime | None, now: datetime) -> QColor | None:
    if due is None:
        return QUIET
    left = (due - now).total_seconds()
    return OVERDUE if left < 0 else SOON if left < SOON_SECONDS else None
