"""Plain values of inventory alerts: what is wrong with a SKU's stock, how badly, and why.

Kinds and severities follow the shared alert definitions (see `alerts_rules`). Every alert
carries an integer `measure` of how bad it is; an acknowledgement remembers it, and the alert
shows again once the measure grows past it.

`StockFigures` and `Alert` are NamedTuples rather than frozen dataclasses: a large shop builds
100,000 of them per computation, and a frozen dataclass's __init__ (one object.__setattr__ per
field) costs about nine times a NamedTuple's. Both are just as immutable.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from ecdesk.i18n import N_


class Severity(enum.IntEnum):
    """Larger is more urgent; the value orders lists and filters."""

    INFO = 1
    WARNING = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        """The English word (JSON, CSV keys); shown to a person as `_(severity.label)`."""
        return self.name.lower()


SEVERITY_WORDS = (N_("info"), N_("warning"), N_("critical"))  # Severity.label, for extraction


class AlertKind(enum.StrEnum):
    NEGATIVE_STOCK = "negative_stock"
    OUT_OF_STOCK = "out_of_stock"
    LISTED_UNAVAILABLE = "listed_unavailable"
    STOCKOUT_RISK = "stockout_risk"
    BELOW_REORDER = "below_reorder"
    OVERSTOCK = "overstock"
    DEAD_STOCK = "dead_stock"


SEVERITY = {
    AlertKind.NEGATIVE_STOCK: Severity.CRITICAL,
    AlertKind.OUT_OF_STOCK: Severity.CRITICAL,
    AlertKind.LISTED_UNAVAILABLE: Severity.WARNING,
    AlertKind.STOCKOUT_RISK: Severity.WARNING,
    AlertKind.BELOW_REORDER: Severity.WARNING,
    AlertKind.OVERSTOCK: Severity.INFO,
    AlertKind.DEAD_STOCK: Severity.INFO,
}

KIND_LABELS = {
    AlertKind.NEGATIVE_STOCK: N_("Negative stock"),
    AlertKind.OUT_OF_STOCK: N_("Out of stock"),
    AlertKind.LISTED_UNAVAILABLE: N_("Listed, none available"),
    AlertKind.STOCKOUT_RISK: N_("Runs out within lead time"),
    AlertKind.BELOW_REORDER: N_("Below reorder point"),
    AlertKind.OVERSTOCK: N_("Overstock"),
    AlertKind.DEAD_STOCK: N_("Dead stock"),
}

# What each kind's measure counts (a larger measure is a worse situation).
MEASURES = {
    AlertKind.NEGATIVE_STOCK: N_("units below zero"),
    AlertKind.OUT_OF_STOCK: N_("units promised to orders beyond the stock"),
    AlertKind.LISTED_UNAVAILABLE: N_("channels listing it"),
    AlertKind.STOCKOUT_RISK: N_("days short of the lead time"),
    AlertKind.BELOW_REORDER: N_("units short of the reorder point"),
    AlertKind.OVERSTOCK: N_("units above the overstock level"),
    AlertKind.DEAD_STOCK: N_("units on hand"),
}


class StockFigures(NamedTuple):
    """One SKU's numbers behind its alerts (the same object for all alerts of a SKU)."""

    on_hand: int
    committed: int  # units on open (pending, paid) orders
    available: int  # on hand - committed
    on_order: int  # what purchase orders still expect (position_sql.on_order)
    projected: int  # available + on order
    sold_in_window: int
    window_days: int
    velocity: Decimal  # units a day over the window
    days_of_cover: Decimal | None  # None when it does not sell
    lead_time_days: int
    safety_stock: int
    reorder_point: int
    max_level: int
    suggested_qty: int  # to order now, in whole packs, at least the minimum order
    pack_multiple: int
    min_order_qty: int
    reorder_point_set: bool  # True when set by hand on the SKU, else suggested from sales
    last_sold_at: datetime | None  # the last sale seen in the lookback (see compute_alerts)
    listed_on: tuple[str, ...]  # channels listing it while none is available


class AlertKey(NamedTuple):
    variant_id: int
    kind: AlertKind


class Alert(NamedTuple):
    variant_id: int
    sku: str
    title: str  # the product's title with the SKU's options
    kind: AlertKind
    reason: str  # plain words with the numbers: "12 available, sells 3.2 a day: ..."
    measure: int  # how bad, in the kind's unit (MEASURES); acknowledgements compare it
    figures: StockFigures
    acknowledged_at: datetime | None = None
    snoozed_until: datetime | None = None
    hidden: bool = False  # acknowledged or snoozed, and not worse since

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]

    @property
    def key(self) -> AlertKey:
        return AlertKey(self.variant_id, self.kind)


@dataclass(frozen=True)
class AlertReport:
    alerts: tuple[Alert, ...]  # open ones and hidden ones, most severe first
    computed_at: datetime
    skus_checked: int
    open_counts: dict[Severity, int] = field(default_factory=dict)
    hidden_count: int = 0

    @property
    def open_alerts(self) -> tuple[Alert, ...]:
        return tuple(alert for alert in self.alerts if not alert.hidden)

    @property
    def urgent_count(self) -> int:
        """Open critical and warning alerts: the count on the Alerts navigation item."""
        return (self.open_counts.get(Severity.CRITICAL, 0)
                + self.open_counts.get(Severity.WARNING, 0))
