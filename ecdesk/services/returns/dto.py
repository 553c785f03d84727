"""What a return is made of: lines, quantities, the goods' condition and the buyer's reason."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from ecdesk.i18n import N_
from ecdesk.models import ReturnCondition, ReturnReason

# The Orders page's action that starts a return of the selected shipped order (its text lives
# here, with the returns, because the Tickets page carries the flow out).
RETURN_OF_ORDER_ACTION = N_("Return or exchange…")


@dataclass(frozen=True)
class ReturnLineDraft:
    order_line_id: int
    quantity: int
    condition: ReturnCondition | str = ReturnCondition.SELLABLE
    reason: ReturnReason | str = ReturnReason.NO_REASON


@dataclass(frozen=True)
class ReturnableLine:
    """An order line as a return sees it: what was shipped and what is still out."""

    order_line_id: int
    sku: str
    quantity: int
    returned: int
    shipped: int  # the line's quantity once the order shipped, else 0

    @property
    def returnable(self) -> int:
        return self.shipped - self.returned


class WindowBasis(enum.StrEnum):
    """What a return window counts from (services/returns/window.py)."""

    DELIVERED = "delivered"  # the order's delivery time
    SHIPPED_PLUS_TRANSIT = "shipped_plus_transit"  # no delivery time: shipping + transit days


@dataclass(frozen=True)
class ReturnWindow:
    days: int
    starts: datetime | None  # delivery (known or estimated); None while not shipped
    ends: datetime | None
    basis: WindowBasis = WindowBasis.DELIVERED

    def allows(self, at: datetime) -> bool:
        return self.ends is not None and at <= self.ends


@dataclass(frozen=True)
class ReturnOfOrder:
    """What the Orders page asks the Tickets page to show: a return or exchange of this order
    (a new return ticket with its lines, then its goods received)."""
    order_id: int
