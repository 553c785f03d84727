"""The one rule for what a purchase-order line still expects, and the order's status from its
lines. ecdesk.services.purchasing writes lines only through these."""

from __future__ import annotations

from collections.abc import Iterable

from ecdesk.models import PurchaseOrderLine, PurchaseOrderStatus
from ecdesk.models.purchasing import EXPECTING_STATUSES


def still_expected(line: PurchaseOrderLine, status: PurchaseOrderStatus) -> int:
    """Units the line still expects: ordered less cancelled less received (units rejected at
    inspection are still expected: the supplier replaces them), while its order is sent or partly
    received; never below zero (an over-delivery expects nothing more)."""
    if status not in EXPECTING_STATUSES:
        return 0
    return max(line.quantity - line.cancelled - line.received, 0)


def refresh_open_quantities(lines: Iterable[PurchaseOrderLine],
                            status: PurchaseOrderStatus) -> None:
    for line in lines:
        line.open_quantity = still_expected(line, status)


def status_after_receipt(lines: Iterable[PurchaseOrderLine]) -> PurchaseOrderStatus:
    """Received when no line expects anything more, else partly received."""
    expecting = any(line.quantity - line.cancelled - line.received > 0 for line in lines)
    return PurchaseOrderStatus.PARTLY_RECEIVED if expecting else PurchaseOrderStatus.RECEIVED
