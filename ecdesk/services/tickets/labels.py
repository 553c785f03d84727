"""The words for ticket types, priorities, statuses, thread entries, line outcomes and return
reasons, in the shop's language (services, CLI and reports; the page has its own tr())."""

from __future__ import annotations

from ecdesk.i18n import N_, _

LABELS = {
    # types
    "pre_sale": N_("Pre-sale question"), "order": N_("Order and shipping"),
    "return": N_("Return"), "exchange": N_("Exchange"), "refund_only": N_("Refund only"),
    "repair": N_("Repair"), "complaint": N_("Complaint"), "other": N_("Other"),
    # priorities
    "low": N_("Low"), "normal": N_("Normal"), "high": N_("High"), "urgent": N_("Urgent"),
    # statuses
    "new": N_("New"), "open": N_("Open"), "waiting_customer": N_("Waiting on customer"),
    "waiting_supplier": N_("Waiting on supplier"), "resolved": N_("Resolved"),
    "closed": N_("Closed"),
    # thread entries
    "message": N_("message received"), "reply": N_("reply sent"), "note": N_("internal note"),
    "status": N_("status change"),
    # line outcomes and the goods' condition
    "refund": N_("Refund"), "replace": N_("Replace"), "reject": N_("Reject"),
    "sellable": N_("sellable"), "damaged": N_("damaged"),
    # return reasons
    "no_reason": N_("No reason (7-day return)"), "wrong_size": N_("Wrong size"),
    "quality": N_("Quality problem"), "not_described": N_("Not as described"),
    "wrong_item": N_("Wrong item sent"), "transit_damage": N_("Damaged in transit"),
}


def label(value: str) -> str:
    """The translated word for a stored value (the value itself when it has none)."""
    text = LABELS.get(str(value))
    return _(text) if text is not None else str(value)
