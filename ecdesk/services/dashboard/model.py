"""What the Dashboard shows, as plain values, and the registries later capabilities extend.

A capability adds a tile provider or a chart-mark provider (services/dashboard_providers.py):
a function of (session, scope) that returns Tiles or ChartMarks. Promotions add their windows as
marks on the sales trend, customer service its overdue tickets as a tile, purchasing the orders
due, without the Dashboard knowing about them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.services.common.period import Period

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class DashboardScope:
    period: Period
    previous: Period
    timezone: str
    currency: str
    channel_id: int | None = None
    now: datetime | None = None  # aware; for "open" figures such as alerts

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Tile:
    """One figure: its value now, and how it moved against the previous period."""

    key: str
    label: str
    value: str  # formatted for display ("¥12,345.60", "38.2 %", "1,204")
    change: Decimal | None = None  # relative change (0.12 = +12 %); None when not comparable
    _: KW_ONLY  # the flags by name: a field added here once shifted positional arguments
    # True for a rate (margin rate): `change` is then the difference in rate (0.021 = +2.1 pts),
    # since "+6 % of 35 %" reads as six points.
    in_points: bool = False
    better_when_higher: bool = True
    note: str = ""  # the definition or the previous value, for a tooltip
    alarm: bool = False  # a figure that needs attention now (open critical alerts)


@dataclass(frozen=True)
class ChartMark:
    """A span (or a day when first == last) drawn behind the sales trend, with a label."""

    first: date
    last: date
    label: str


@dataclass(frozen=True)
class SkuFigure:
    sku: str
    title: str
    units: int
    sales: int  # minor units
    margin: int  # minor units: line totals less cost of goods


@dataclass(frozen=True)
class ChannelFigure:
    channel: str
    orders: int
    sales: int  # minor units
    share: Decimal | None  # of all sales in the period


@dataclass(frozen=True)
class Dashboard:
    scope: DashboardScope
    tiles: tuple[Tile, ...]
    trend: pd.DataFrame  # bucket, sales, margin (minor units), one row per day or week
    weekly: bool
    channels: tuple[ChannelFigure, ...]
    top_skus: tuple[SkuFigure, ...]
    bottom_skus: tuple[SkuFigure, ...]
    marks: tuple[ChartMark, ...] = field(default=())
    alerts: dict[str, int] = field(default_factory=dict)  # severity label: open count
    extra: dict[str, Any] = field(default_factory=dict)


TileProvider = Callable[[Session, DashboardScope], list[Tile]]
MarkProvider = Callable[[Session, DashboardScope], list[ChartMark]]
