"""The Dashboard's figures against hand-made orders and an independent SQL query."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from ecdesk.db import Database
from ecdesk.models import Channel, OrderStatus, Variant
from ecdesk.services.common.period import Period
from ecdesk.services.dashboard.build import change, dashboard_scope, load_dashboard
from ecdesk.services.dashboard.model import Tile
from ecdesk.services.dashboard_providers import TILE_PROVIDERS
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft

PERIOD = Period(date(2025, 3, 1), date(2025, 3, 31))  # before the demo's year of orders
NOW = datetime(2025, 4, 2, tzinfo=UTC)


def _skus(db: Database) -> list[str]:
    with db.uow() as uow:
        return list(uow.session.scalars(select(Variant.sku).order_by(Variant.id).limit(2)))


def _order(db: Database, number: str, day: int, month: int, customer: str,
           lines: tuple[OrderLineDraft, ...], status: OrderStatus = OrderStatus.PAID) -> None:
    with db.uow() as uow:
        channel_id = uow.session.scalar(select(Channel.id).where(Channel.currency == "CNY"))
    record_order(db.uow(), OrderDraft(
        channel_id=channel_id, number=number, ordered_at=datetime(2025, month, day, 4,
                                                                   tzinfo=UTC),
        lines=lines, status=status, customer_name=customer, shipping="8", platform_fees="3.50"))


@pytest.fixture
def march(demo_shop: Database) -> Database:
    a, b = _skus(demo_shop)
    _order(demo_shop, "D-1", 3, 2, "Wang", (OrderLineDraft(a, 1, "50"),))  # February
    _order(demo_shop, "D-2", 5, 3, "Wang", (OrderLineDraft(a, 2, "50", "10"),))
    _order(demo_shop, "D-3", 9, 3, "Zhao", (OrderLineDraft(b, 1, "120"),))
    _order(demo_shop, "D-4", 20, 3, "Zhao", (OrderLineDraft(b, 3, "120"),))
    _order(demo_shop, "D-5", 21, 3, "Sun", (OrderLineDraft(a, 1, "50"),), OrderStatus.CANCELLED)
    return demo_shop


def _tiles(db: Database) -> dict[str, Tile]:
    board = load_dashboard(db.uow(), dashboard_scope(db.uow(), PERIOD, now=NOW))
    return {tile.key: tile for tile in board.tiles}


def test_the_sales_tile_equals_the_line_totals_of_sold_orders_in_the_period(march: Database
                                                                           ) -> None:
    with sqlite3.connect(march.path) as conn:
        (expected,) = conn.execute(
            "SELECT sum(l.line_total) FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "WHERE o.status != 'cancelled' AND o.ordered_at >= '2025-02-28 16:00' "
            "AND o.ordered_at < '2025-03-31 16:00'").fetchone()
    conn.close()
    tiles = _tiles(march)
    assert expected == 57000  # 2 x 50 - 10 + 120 + 3 x 120, in fen
    assert tiles["sales"].value == "CN¥570.00"
    assert tiles["orders"].value == "3"
    assert tiles["units"].value == "6"
    assert tiles["aov"].value == "CN¥190.00"
    assert tiles["sales"].change == Decimal("10.4")  # 50.00 in February
    assert tiles["orders"].change == Decimal("2")


def test_a_customer_who_bought_before_or_twice_counts_as_a_repeat_customer(march: Database
                                                                          ) -> None:
    tile = _tiles(march)["repeat_rate"]
    assert tile.value == "100.0%"  # Wang bought in February, Zhao twice in March
    assert tile.note.startswith("2 of 2 known customers")


def test_top_and_bottom_skus_and_channels_come_from_the_same_orders(march: Database) -> None:
    a, b = _skus(march)
    board = load_dashboard(march.uow(), dashboard_scope(march.uow(), PERIOD, now=NOW))
    assert [s.sku for s in board.top_skus] == [b, a]
    assert [s.sku for s in board.bottom_skus] == [a, b]
    assert (board.top_skus[0].units, board.top_skus[0].sales) == (4, 48000)
    assert sum(c.sales for c in board.channels) == 57000
    assert len(board.trend) == 31 and int(board.trend["sales"].sum()) == 57000


def test_an_empty_period_shows_dashes_not_errors(demo_shop: Database) -> None:
    tiles = _tiles(demo_shop)
    assert tiles["aov"].value == "—" and tiles["repeat_rate"].value == "—"
    assert tiles["sales"].change is None


def test_a_later_capability_adds_its_tile_through_the_registry(march: Database) -> None:
    # Tickets register the overdue tile in services/dashboard_providers.py; the Dashboard
    # knows nothing of tickets. No ticket is overdue in this shop.
    assert TILE_PROVIDERS and (_tiles(march)["tickets_overdue"].value, _tiles(
        march)["tickets_overdue"].alarm) == ("0", False)


def test_change_is_relative_and_undefined_from_zero() -> None:
    assert change(150, 100) == Decimal("0.5")
    assert change(50, -100) == Decimal("1.5")
    assert change(10, 0) is None and change(None, 5) is None


def test_each_sales_tile_says_which_way_is_good_and_whether_it_moves_in_points() -> None:
    from ecdesk.services.dashboard.build import sales_tiles

    figures = {"sales": 100_00, "orders": 4, "units": 9, "margin": 35_00, "refunds": 5_00}
    higher = {key: value * 2 for key, value in figures.items()}
    tiles = {t.key: t for t in sales_tiles(higher, figures, (10, 3), (10, 2), "CNY")}
    assert {key for key, t in tiles.items() if t.in_points} == {"margin_rate", "repeat_rate"}
    assert {key for key, t in tiles.items() if not t.better_when_higher} == {"refunds"}
    assert tiles["sales"].change == Decimal("1") and "Previous period" in tiles["sales"].note


@pytest.mark.parametrize("days", [30, 365])
def test_one_pass_by_day_and_channel_gives_the_reports_totals_trend_and_channels(
        demo_shop: Database, days: int) -> None:
    from ecdesk.services.reports.sales_queries import (
        SalesScope,
        by_bucket_of,
        by_channel_of,
        sales_by_bucket,
        sales_by_bucket_and_channel,
        sales_by_channel,
        sales_totals,
        totals_of,
    )

    with sqlite3.connect(demo_shop.path) as conn:
        (last,) = conn.execute("SELECT max(ordered_at) FROM orders").fetchone()
    end = date.fromisoformat(last[:10])
    period = Period(date.fromordinal(end.toordinal() - days + 1), end)
    scope = dashboard_scope(demo_shop.uow(), period)
    sales = SalesScope(period, scope.zone, scope.currency)
    with demo_shop.uow() as uow:
        cells = sales_by_bucket_and_channel(uow.session, sales)
        assert totals_of(cells) == sales_totals(uow.session, sales)
        assert totals_of(cells)["orders"] > 0
        assert by_bucket_of(cells).to_dict("records") == sales_by_bucket(
            uow.session, sales).to_dict("records")
        assert by_channel_of(uow.session, cells).to_dict("records") == sales_by_channel(
            uow.session, sales).to_dict("records")


def test_the_best_and_worst_skus_are_ranked_by_sales_then_sku(demo_shop: Database) -> None:
    from ecdesk.services.dashboard.figures import sku_ranking
    from ecdesk.services.reports.sales_queries import SalesScope

    with sqlite3.connect(demo_shop.path) as conn:
        (last,) = conn.execute("SELECT max(ordered_at) FROM orders").fetchone()
        end = date.fromisoformat(last[:10])
        period = Period(date.fromordinal(end.toordinal() - 29), end)
        scope = dashboard_scope(demo_shop.uow(), period)
        sales = SalesScope(period, scope.zone, scope.currency)
        sold = conn.execute(
            f"SELECT v.sku, SUM(l.line_total) FROM orders o JOIN order_lines l "
            f"ON l.order_id = o.id JOIN variants v ON v.id = l.variant_id "
            f"WHERE {sales.order_filter()} GROUP BY v.id", sales.params()).fetchall()
    with demo_shop.uow() as uow:
        top, bottom = sku_ranking(uow.session, sales)
    assert [(s.sku, s.sales) for s in top] == sorted(sold, key=lambda r: (-r[1], r[0]))[:10]
    assert [(s.sku, s.sales) for s in bottom] == sorted(sold, key=lambda r: (r[1], r[0]))[:10]
