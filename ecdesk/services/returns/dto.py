"""What a return is made of: lines, quantities, the goods' condition and the buyer's reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecdesk.models import ReturnCondition, ReturnReason


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


@dataclass(frozen=True)
class ReturnWindow:
    days: int
    starts: datetime | None  # shipping time; None while the order has not shipped
    ends: datetime | None

    def allows(self, at: datetime) -> bool:
        return self.ends is not None and at <= self.ends
