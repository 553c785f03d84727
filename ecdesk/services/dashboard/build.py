"""Gathering the Dashboard: the sales report's queries for this period and the previous one,
the Dashboard's own figures, the open alerts, and whatever the registered providers add."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _, format_integer, format_money, format_percent
from ecdesk.services.common.period import Period
from ecdesk.services.customers.repeat_rate import repeat_customers
from ecdesk.services.dashboard.figures import sku_ranking
from ecdesk.services.dashboard.model import (
    ChannelFigure,
    Dashboard,
    DashboardScope,
    Tile,
)
from ecdesk.services.dashboard_providers import MARK_PROVIDERS, TILE_PROVIDERS
from ecdesk.services.reports.model import minor_to_decimal, rate
from ecdesk.services.reports.sales_queries import (
    SalesScope,
    by_bucket_of,
    by_channel_of,
    sales_by_bucket_and_channel,
    sales_totals,
    totals_of,
)
from ecdesk.services.settings import get_settings
from ecdesk.services.stock.alerts import compute_alerts


def dashboard_scope(uow: UnitOfWork, period: Period, channel_id: int | None = None,
                    now: datetime | None = None) -> DashboardScope:
    settings = get_settings(uow)
    return DashboardScope(period, period.previous(), settings.timezone, settings.currency,
                          channel_id, now)


def load_dashboard(uow: UnitOfWork, scope: DashboardScope) -> Dashboard:
    """Every figure of the Dashboard in a few GROUP BY queries (run it off the GUI thread):
    the period's orders are read once (by day or week and channel: its totals, trend and
    channels are sums of those), the previous period's once, the SKU ranking once."""
    now_scope = SalesScope(scope.period, scope.zone, scope.currency, scope.channel_id)
    before_scope = SalesScope(scope.previous, scope.zone, scope.currency, scope.channel_id)
    with uow:
        session = uow.session
        cells = sales_by_bucket_and_channel(session, now_scope)
        now, before = totals_of(cells), sales_totals(session, before_scope)
        repeat_now = repeat_customers(session, now_scope)
        repeat_before = repeat_customers(session, before_scope)
        trend = by_bucket_of(cells)[["bucket", "sales", "margin"]]
        channels = by_channel_of(session, cells)
        top, bottom = sku_ranking(session, now_scope)
        extra_tiles = [tile for provider in TILE_PROVIDERS for tile in provider(session, scope)]
        marks = [mark for provider in MARK_PROVIDERS for mark in provider(session, scope)]
    alerts = compute_alerts(uow, now=scope.now, forget_resolved=False)
    open_alerts = {severity.label: count for severity, count in alerts.open_counts.items()}
    tiles = [*sales_tiles(now, before, repeat_now, repeat_before, scope.currency),
             alert_tile(open_alerts), *extra_tiles]
    total = int(channels["sales"].sum()) if len(channels) else 0
    return Dashboard(
        scope=scope, tiles=tuple(tiles), trend=trend, weekly=scope.period.weekly,
        channels=tuple(ChannelFigure(str(r.channel), int(r.orders), int(r.sales),
                                     rate(int(r.sales), total))
                       for r in channels.itertuples()),
        top_skus=tuple(top), bottom_skus=tuple(bottom), marks=tuple(marks), alerts=open_alerts)


def change(now: Decimal | int | None, before: Decimal | int | None) -> Decimal | None:
    """The relative change from `before` to `now`; None when there is nothing to compare."""
    if now is None or before is None or before == 0:
        return None
    return (Decimal(now) - Decimal(before)) / abs(Decimal(before))


def points(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    """The difference of two rates (0.354 - 0.376 = -0.022: 2.2 points down)."""
    return None if now is None or before is None else now - before


def sales_tiles(now: dict[str, int], before: dict[str, int], repeat_now: tuple[int, int],
                repeat_before: tuple[int, int], currency: str) -> list[Tile]:
    def money(key: str, label: str, note: str, higher_is_better: bool = True) -> Tile:
        value = minor_to_decimal(now[key])
        return Tile(
            key,
            label,
            format_money(value, currency),
            change(now[key], before[key]),
            better_when_higher=higher_is_better,
            note=_("{note} Previous period: {amount}").format(
                note=note, amount=format_money(minor_to_decimal(before[key]), currency)
            ),
        )

    aov_now = _per_order(now)
    aov_before = _per_order(before)
    margin_rate_now = rate(now["margin"], now["sales"])
    repeat_rate_now = rate(repeat_now[1], repeat_now[0])
    repeat_rate_before = rate(repeat_before[1], repeat_before[0])
    return [
        money(
            "sales",
            _("Sales (GMV)"),
            _("Line totals after discounts of paid, shipped, completed "
              "and refunded orders placed in the period."),
        ),
        Tile(
            "orders",
            _("Orders"),
            format_integer(now["orders"]),
            change(now["orders"], before["orders"]),
            note=_("Previous period: {before}").format(before=format_integer(before["orders"])),
        ),
        Tile(
            "aov",
            _("Average order value"),
            format_money(aov_now, currency) if aov_now is not None else "—",
            change(aov_now, aov_before),
            note=_("Sales divided by orders."),
        ),
        money(
            "margin",
            _("Gross margin"),
            _("Sales less refunds, cost of goods (at the cost when sold) and platform fees."),
        ),
        Tile(
            "margin_rate",
            _("Margin rate"),
            format_percent(margin_rate_now) if margin_rate_now is not None else "—",
            points(margin_rate_now, rate(before["margin"], before["sales"])),
            note=_("Gross margin as a share of sales."),
            in_points=True,
        ),
        money(
            "refunds",
            _("Refunds"),
            _("Amounts refunded on orders placed in the period."),
            higher_is_better=False,
        ),
        Tile(
            "units",
            _("Units sold"),
            format_integer(now["units"]),
            change(now["units"], before["units"]),
            note=_("Previous period: {before}").format(before=format_integer(before["units"])),
        ),
        Tile(
            "repeat_rate",
            _("Repeat customers"),
            format_percent(repeat_rate_now) if repeat_rate_now is not None else "—",
            points(repeat_rate_now, repeat_rate_before),
            in_points=True,
            note=_(
                "{repeat_now} of {repeat_now2} known customers had bought before or bought "
                "more than once in the period."
            ).format(repeat_now=format_integer(repeat_now[1]),
                     repeat_now2=format_integer(repeat_now[0])),
        ),
    ]


def _per_order(figures: dict[str, int]) -> Decimal | None:
    if figures["orders"] <= 0:
        return None
    return (minor_to_decimal(figures["sales"]) / figures["orders"]).quantize(Decimal("0.01"))


def alert_tile(open_alerts: dict[str, int]) -> Tile:
    critical, warning = open_alerts.get("critical", 0), open_alerts.get("warning", 0)
    return Tile(
        "alerts",
        _("Open stock alerts"),
        format_integer(critical + warning),
        note=_("{critical} critical, {warning} warnings, {get} for information").format(
            critical=format_integer(critical), warning=format_integer(warning),
            get=format_integer(open_alerts.get("info", 0))
        ),
        alarm=critical > 0,
    )
