"""The stock position's arithmetic (available, projected, the reorder trigger, the levels in
force) and what on order does to alerts, checked by hand: no database, no Qt."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import column
from sqlalchemy.dialects import sqlite

from ecdesk.services.stock.alerts_dto import AlertKind
from ecdesk.services.stock.alerts_figures import SkuRow
from ecdesk.services.stock.alerts_reasons import reason
from ecdesk.services.stock.alerts_rules import AlertRules
from ecdesk.services.stock.commands import PolicyDraft
from ecdesk.services.stock.defaults import StockDefaults
from ecdesk.services.stock.inventory_dto import StockFigures
from ecdesk.services.stock.position import (
    at_or_below_reorder_point,
    available,
    levels_for,
    projected,
)
from ecdesk.services.stock.position_sql import on_order_text

DEFAULTS = StockDefaults()  # 28-day window, 14 days lead, 7 days safety, 30 days of cover


def sql(expression: object) -> str:
    return str(expression.compile(dialect=sqlite.dialect()))  # type: ignore[attr-defined]


# -- available, projected, the reorder trigger -------------------------------------------------

def test_available_is_on_hand_less_what_open_orders_were_promised() -> None:
    assert available(15, 5) == 10
    assert available(3, 3) == 0


def test_negative_on_hand_gives_negative_available_and_projected_stock() -> None:
    assert available(-2, 0) == -2
    assert available(-2, 3) == -5
    assert projected(available(-2, 3), 4) == -1


def test_projected_stock_adds_what_is_on_order_to_what_is_available() -> None:
    assert projected(10, 0) == 10
    assert projected(10, 25) == 35
    assert projected(0, 12) == 12


def test_a_sku_is_due_for_ordering_at_or_below_its_reorder_point_but_never_without_one() -> None:
    assert at_or_below_reorder_point(6, 6)
    assert at_or_below_reorder_point(-3, 6)
    assert not at_or_below_reorder_point(7, 6)
    assert not at_or_below_reorder_point(0, 0)  # no reorder point: nothing to order
    assert not at_or_below_reorder_point(-5, 0)


def test_the_same_definitions_build_sql_on_columns() -> None:
    on_hand, committed, ordered, point = (column(name) for name in (
        "on_hand", "committed", "on_order", "reorder_point"))
    assert sql(available(on_hand, committed)) == "on_hand - committed"
    assert sql(projected(available(on_hand, committed), ordered)) == (
        "(on_hand - committed) + on_order")
    assert sql(at_or_below_reorder_point(ordered, point)) == (
        "reorder_point > ? AND on_order <= reorder_point")


def test_on_order_is_the_open_quantity_the_skus_purchase_order_lines_still_expect() -> None:
    # The text runs as it is spliced into the alerts' raw query, here on a bare table of lines.
    db = sqlite3.connect(":memory:")
    db.executescript("CREATE TABLE purchase_order_lines (variant_id INTEGER, open_quantity "
                     "INTEGER); CREATE TABLE variants (id INTEGER);"
                     "INSERT INTO variants VALUES (1), (2), (3);"
                     "INSERT INTO purchase_order_lines VALUES (1, 30), (1, 12), (1, 0), (2, 0),"
                     " (3, 5), (3, 0)")
    rows = db.execute(f"SELECT v.id, {on_order_text('v.id')} FROM variants AS v ORDER BY v.id")
    assert rows.fetchall() == [(1, 42), (2, 0), (3, 5)]  # a line received in full expects none


def test_the_inventory_figures_read_available_and_projected_from_the_definition() -> None:
    figures = StockFigures(on_hand=-2, committed=3, on_order=4, units_sold=0, window_days=28,
                           velocity=Decimal(0), days_of_cover=None, reorder_point=0,
                           reorder_point_manual=False)
    assert (figures.available, figures.projected) == (-5, -1)


# -- the levels in force -----------------------------------------------------------------------

def test_a_sku_without_rules_of_its_own_gets_every_level_from_its_sales() -> None:
    # 1.5 a day: safety ceil(10.5) = 11, reorder point 21 + 11 = 32, maximum 32 + 45 = 77.
    levels = levels_for(Decimal("1.5"), PolicyDraft(), DEFAULTS)
    assert (levels.lead_time_days, levels.safety_stock, levels.reorder_point,
            levels.max_stock, levels.reorder_point_manual) == (14, 11, 32, 77, False)


def test_a_sku_that_does_not_sell_and_has_no_rules_needs_no_stock() -> None:
    levels = levels_for(Decimal(0), PolicyDraft(), DEFAULTS)
    assert (levels.safety_stock, levels.reorder_point, levels.max_stock) == (0, 0, 0)


def test_rules_set_by_hand_win_and_the_blank_ones_follow_from_them() -> None:
    # Lead 20 days by hand: 1.5 x 20 = 30 + safety 11 = 41; maximum 41 + 45.
    lead = levels_for(Decimal("1.5"), PolicyDraft(lead_time_days=20), DEFAULTS)
    assert (lead.lead_time_days, lead.reorder_point, lead.max_stock) == (20, 41, 86)
    point = levels_for(Decimal("1.5"), PolicyDraft(reorder_point=10), DEFAULTS)
    assert (point.reorder_point, point.max_stock, point.reorder_point_manual) == (10, 55, True)
    fixed = levels_for(Decimal(0), PolicyDraft(reorder_point=10, max_stock=40), DEFAULTS)
    assert (fixed.reorder_point, fixed.max_stock) == (10, 40)


# -- alerts read projected stock ----------------------------------------------------------------

def sku(on_hand: int, on_order: int, sold: int = 28, **policy: int) -> SkuRow:
    """A SKU that sold `sold` units in the 28-day window (1 a day by default: safety 7,
    reorder point 21, maximum 51) and is not listed anywhere."""
    return SkuRow(1, "MUG-1", "Mug", on_hand, 0, on_order, None, 1, 1, None, sold, **policy)


def kinds(row: SkuRow) -> dict[AlertKind, int]:
    assessed = AlertRules(DEFAULTS).assess(row)
    return {} if assessed is None else dict(assessed[0])


def test_a_sku_at_its_reorder_point_asks_for_an_order_while_nothing_is_on_order() -> None:
    assessed = AlertRules(DEFAULTS).assess(sku(20, 0))
    assert assessed is not None
    found, figures = assessed
    assert dict(found) == {AlertKind.BELOW_REORDER: 1}
    assert (figures.available, figures.on_order, figures.projected) == (20, 0, 20)
    assert figures.suggested_qty == 31  # up to the maximum of 51


def test_a_sku_below_its_reorder_point_stops_alarming_once_enough_is_on_order() -> None:
    assert kinds(sku(20, 2)) == {}
    assessed = AlertRules(DEFAULTS).assess(sku(20, 31, **{"reorder_point": 40}))
    assert assessed is None or AlertKind.BELOW_REORDER not in dict(assessed[0])


def test_a_partial_order_leaves_the_alert_with_less_to_order() -> None:
    rules = AlertRules(DEFAULTS)
    assessed = rules.assess(sku(10, 5))
    assert assessed is not None
    found, figures = assessed
    # 10 available + 5 on order = 15: 6 short of 21; cover of 15 at 1 a day covers the lead time.
    assert dict(found) == {AlertKind.BELOW_REORDER: 6}
    assert (figures.projected, figures.suggested_qty) == (15, 36)
    assert rules.assess(sku(10, 0)) != assessed  # the cache tells the two apart


def test_a_stockout_risk_ends_once_an_order_covers_the_lead_time() -> None:
    assert AlertKind.STOCKOUT_RISK in kinds(sku(5, 0))  # 5 days of cover, 14 days lead
    assert AlertKind.STOCKOUT_RISK not in kinds(sku(5, 20))  # 25 days once it arrives


def test_what_is_on_order_never_hides_stock_that_is_out_or_negative() -> None:
    assert AlertKind.OUT_OF_STOCK in kinds(sku(0, 50))
    assert AlertKind.NEGATIVE_STOCK in kinds(sku(-3, 50))


def test_the_reason_counts_what_is_on_order_apart_from_what_is_available() -> None:
    assessed = AlertRules(DEFAULTS).assess(sku(10, 5))
    assert assessed is not None
    text = reason(AlertKind.BELOW_REORDER, assessed[1], DEFAULTS, ZoneInfo("Asia/Shanghai"))
    assert text == "10 available + 5 on order, reorder point 21 (from sales): order 36"
