"""A supplier's scorecard month by month: the score, on-time delivery and fill rate of its
purchase orders sent in each month of a period (the first and last months clipped to the
period), and the chart of them that the Suppliers page and the Suppliers report both show.

Each month is an ordinary scorecard over that month (scorecard.py), so the monthly figures
follow the same rules and the user's weights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _
from ecdesk.services.common.period import Period
from ecdesk.services.reports.charts import (
    GRID_COLOR,
    MARGIN_COLOR,
    SALES_COLOR,
    STOCK_COLOR,
    new_figure,
    style_axes,
)
from ecdesk.services.reports.fonts import chart_font
from ecdesk.services.suppliers.scorecard import (
    ScoreWeights,
    read_score_weights,
    supplier_scorecards,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class MonthScore:
    month: date  # the first day of the month
    orders: int
    score: Decimal | None  # 0-100
    on_time: Decimal | None  # fractions (0.95)
    fill_rate: Decimal | None


@dataclass(frozen=True)
class ScoreTrend:
    supplier_id: int
    supplier_name: str
    months: tuple[MonthScore, ...]

    @property
    def has_orders(self) -> bool:
        return any(month.orders for month in self.months)


def months_of(period: Period) -> list[Period]:
    """The period cut at month ends: 15 Oct - 10 Dec is 15-31 Oct, November, 1-10 Dec."""
    parts, first = [], period.first
    while first <= period.last:
        month = Period.month_of(first)
        parts.append(Period(first, min(month.last, period.last)))
        first = month.last + timedelta(days=1)
    return parts


def supplier_score_trends(session: Session, period: Period,
                          weights: ScoreWeights | None = None) -> list[ScoreTrend]:
    """Every supplier's scores by month over `period`, by supplier name."""
    weights = weights or read_score_weights(session)
    by_supplier: dict[int, tuple[str, list[MonthScore]]] = {}
    for month in months_of(period):
        for card in supplier_scorecards(session, month, weights):
            _name, months = by_supplier.setdefault(card.supplier_id, (card.supplier_name, []))
            months.append(MonthScore(month.first.replace(day=1), card.orders, card.score,
                                     card.on_time, card.fill_rate))
    trends = [ScoreTrend(supplier_id, name, tuple(months))
              for supplier_id, (name, months) in by_supplier.items()]
    return sorted(trends, key=lambda trend: (trend.supplier_name, trend.supplier_id))


def get_score_trends(uow: UnitOfWork, period: Period) -> list[ScoreTrend]:
    with uow:
        return supplier_score_trends(uow.session, period)


def _percent(value: Decimal | None, scale: int = 100) -> float:
    """For drawing only: a fraction as a percentage, a missing figure as a gap (NaN)."""
    return float("nan") if value is None else float(value * scale)


def build_score_trend_figure(trend: ScoreTrend, *, width_cm: float = 16.0,
                             height_cm: float = 6.0) -> Figure:
    """The score (0-100) as a line with bars of the orders' on-time and fill rates (%) by
    month; a month without orders sent is a gap, not a zero."""
    family = chart_font()
    figure = new_figure(width_cm, height_cm)
    axes = figure.add_subplot()
    positions = list(range(len(trend.months)))
    width = 0.35
    axes.bar([p - width / 2 for p in positions],
             [_percent(m.on_time) for m in trend.months], width=width, color=STOCK_COLOR,
             label=_("On time %"))
    axes.bar([p + width / 2 for p in positions],
             [_percent(m.fill_rate) for m in trend.months], width=width, color=MARGIN_COLOR,
             alpha=0.8, label=_("Fill rate %"))
    axes.plot(positions, [_percent(m.score, 1) for m in trend.months], color=SALES_COLOR,
              linewidth=1.8, marker="o", markersize=4, label=_("Score"))
    labels = [m.month.strftime("%Y-%m") for m in trend.months]
    if len(labels) * 2.0 > width_cm:  # side by side, the months would run into each other
        axes.set_xticks(positions, labels, rotation=45, ha="right")
    else:
        axes.set_xticks(positions, labels)
    axes.set_xlim(-0.6, max(len(positions), 1) - 0.4)
    axes.set_ylim(0, 125)  # room above 100 for the legend
    axes.set_yticks([0, 25, 50, 75, 100])
    axes.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
    style_axes(axes, family)
    legend = axes.legend(loc="upper left", frameon=False, fontsize=7, ncols=3)
    for text in legend.get_texts():
        text.set_fontfamily(family)
    return figure
