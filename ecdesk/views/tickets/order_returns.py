"""A return or exchange started from a shipped order on the Orders page (which asks the Tickets
page to show a ReturnOfOrder): the ticket's own dialogs, not a second copy of them. The new
ticket opens with the order's channel, customer and lines; then its goods are received (cancel
that when they are not back yet: the ticket waits for them on the Tickets page)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ecdesk.services.returns.queries import get_returnable_order
from ecdesk.services.tickets.queries import get_ticket
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.ticket_dialogs import NewTicketDialog, ReceiveReturnDialog


def return_or_exchange(context: ShopContext, order_id: int, parent: QWidget) -> int | None:
    """Open a return ticket for the order and receive its goods; the ticket's id, or None when
    the user cancelled it."""
    order = get_returnable_order(context.uow(), order_id)
    if order is None:
        return None
    dialog = NewTicketDialog(context, parent)
    dialog.start_from_order(order)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_id is None:
        return None
    detail = get_ticket(context.uow(), dialog.saved_id)
    if detail.lines:
        ReceiveReturnDialog(context, detail, context.clock.now(), parent).exec()
    return dialog.saved_id
