"""What an order's status means for stock: shipping issues it, cancelling returns it.

Only the units that have not come back yet move: a line's `returned_quantity` (received through
services/returns) is already on the shelf, so a refund, cancel or re-import after a return
restocks the rest and nothing twice.

Shared by the order form, status changes and the order importers, so that every way an order
reaches a status moves stock the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from ecdesk.models import MovementKind, OrderStatus
from ecdesk.services.stock.ledger import Movement

# The statuses whose goods have left the shelf.
ISSUED_STATUSES = frozenset({OrderStatus.SHIPPED, OrderStatus.COMPLETED})
# The statuses that bring goods back (when they had left).
RETURNING_STATUSES = frozenset({OrderStatus.CANCELLED, OrderStatus.REFUNDED})

ALLOWED = {
    OrderStatus.PENDING: {OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED,
                          OrderStatus.CANCELLED},
    OrderStatus.PAID: {OrderStatus.SHIPPED, OrderStatus.COMPLETED, OrderStatus.CANCELLED,
                       OrderStatus.REFUNDED},
    OrderStatus.SHIPPED: {OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED},
    OrderStatus.COMPLETED: {OrderStatus.REFUNDED},
    OrderStatus.CANCELLED: set(),
    OrderStatus.REFUNDED: set(),
}


class _Line(Protocol):
    variant_id: int
    quantity: int
    returned_quantity: int


def outstanding_lines(lines: Iterable[_Line]) -> list[tuple[int, int]]:
    """(variant id, units not come back) per line: what shipping or restocking moves."""
    return [(line.variant_id, line.quantity - (line.returned_quantity or 0)) for line in lines]


def can_change(old: OrderStatus, new: OrderStatus) -> bool:
    return new == old or new in ALLOWED[old]


def stock_after(status: OrderStatus, issued: bool, restock: bool = True) -> bool:
    """Whether the order's stock is out of the shelf after moving to `status`."""
    if status in ISSUED_STATUSES:
        return True
    if status in RETURNING_STATUSES:
        return issued and not restock
    return issued


def movements_for(order_id: int, number: str, lines: Iterable[tuple[int, int]],
                  was_issued: bool, now_issued: bool, at: datetime | None,
                  status: OrderStatus) -> list[Movement]:
    """The movements that take an order's stock from `was_issued` to `now_issued`."""
    if was_issued == now_issued:
        return []
    if now_issued:
        return [Movement(vid, MovementKind.SOLD, -qty, "Order shipped", number, order_id, at)
                for vid, qty in lines]
    reason = f"Order {status.value}"
    return [Movement(vid, MovementKind.RETURNED, qty, reason, number, order_id, at)
            for vid, qty in lines]
