"""What an order's status is called in a sentence ("order 1001 is 已发货…"), in the user's language.

The status values (paid, shipped…) are the stored words; a message shows the label instead.
"""

from __future__ import annotations

from ecdesk.i18n import N_, _
from ecdesk.models.orders import OrderStatus

STATUS_LABELS = {
    OrderStatus.PENDING: N_("pending"), OrderStatus.PAID: N_("paid"),
    OrderStatus.SHIPPED: N_("shipped"), OrderStatus.COMPLETED: N_("completed"),
    OrderStatus.CANCELLED: N_("cancelled"), OrderStatus.REFUNDED: N_("refunded"),
}


def status_label(status: OrderStatus | str) -> str:
    """The status as a sentence names it, translated (a stored word it does not know, as is)."""
    try:
        return _(STATUS_LABELS[OrderStatus(status)])
    except ValueError:
        return str(status)
