"""The stored RFM of each live customer (services/customers/rfm_store.py fills it) and the
one row that says whether it still holds.

The triggers here (the same SQL as revision 0016_customer_rfm) bump customer_rfm_state.changes
on every write to orders and to who is a live customer, whoever writes (the ORM, a raw bulk
import, a merge): a reader compares it with the counter the last refresh saw. An order's other
columns (notes, tracking) do not change its customer's RFM and bump nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime

_BUMP = "UPDATE customer_rfm_state SET changes = changes + 1 WHERE id = 1"
_ORDER_COLUMNS = "customer_id, status, ordered_at, currency, goods_total, shipping, refunded"
_TRIGGERS = {
    "trg_customer_rfm_order_insert": "AFTER INSERT ON orders",
    "trg_customer_rfm_order_delete": "AFTER DELETE ON orders",
    "trg_customer_rfm_order_update": f"AFTER UPDATE OF {_ORDER_COLUMNS} ON orders",
    "trg_customer_rfm_customer_insert": "AFTER INSERT ON customers",
    "trg_customer_rfm_customer_delete": "AFTER DELETE ON customers",
    "trg_customer_rfm_customer_merge": "AFTER UPDATE OF merged_into_id ON customers",
}


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {event} BEGIN {_BUMP}; END"
            for name, event in _TRIGGERS.items()]


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


class CustomerRfm(Base):
    """Each live customer's RFM figures, scores and segment as of `CustomerRfmState.as_of`:
    rfm.py's rule stored by one INSERT...SELECT (services/customers/rfm_store.py), so the list,
    its counts and the Dashboard tile read rows instead of ranking every order per page. A
    customer who never bought has 0 orders, no scores and the segment ''."""

    __tablename__ = "customer_rfm"
    __table_args__ = (
        # The page's sorts, each with the id as the tie-break, alone and within a segment.
        Index("ix_customer_rfm_spent", "spent", "customer_id"),
        Index("ix_customer_rfm_orders", "orders", "customer_id"),
        Index("ix_customer_rfm_last_order_at", "last_order_at", "customer_id"),
        Index("ix_customer_rfm_segment_spent", "segment", "spent", "customer_id"),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    last_order_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    orders: Mapped[int] = mapped_column(default=0)
    spent: Mapped[int] = mapped_column(default=0)  # minor units of the shop's currency
    recency_days: Mapped[int | None] = mapped_column()
    r: Mapped[int | None] = mapped_column()
    f: Mapped[int | None] = mapped_column()
    m: Mapped[int | None] = mapped_column()
    segment: Mapped[str] = mapped_column(String(16), default="")


class CustomerRfmState(Base):
    """One row: when customer_rfm was computed, in which currency, and the change counter it
    saw (bumped by the triggers above), so 'stale' is one comparison."""

    __tablename__ = "customer_rfm_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    changes: Mapped[int] = mapped_column(default=0)
    computed_changes: Mapped[int | None] = mapped_column()
    as_of: Mapped[datetime | None] = mapped_column(UtcDateTime)
    currency: Mapped[str] = mapped_column(String(3), default="")
