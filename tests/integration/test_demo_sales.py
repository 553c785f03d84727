"""The demo shop's year of orders and the stock ledger around it: seasonal, believable,
consistent to the unit, and showing every kind of inventory alert."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from statistics import median

import pytest

from ecdesk.db import Database
from ecdesk.services.demo.shop import generated_at
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_dto import AlertKind
from ecdesk.services.stock.commands import PolicyDraft, check_policy
from ecdesk.services.stock.ledger import on_hand_mismatches
from tests.integration.demo_checks import (
    SHOP_OFFSET,
    alert_kinds,
    busier_than_the_median_day,
    orders_per_local_day,
    query,
    stock_dips_below_zero,
    stored,
)


@pytest.fixture(scope="module")
def now(demo_shop_file: Path) -> datetime:
    moment = generated_at(demo_shop_file)
    assert moment is not None
    return moment


def statuses(path: Path) -> Counter[str]:
    return Counter(dict(query(path, "SELECT status, count(*) FROM orders GROUP BY status")))


def test_the_year_of_orders_ends_when_the_demo_was_made(demo_shop_file: Path,
                                                        now: datetime) -> None:
    first, last = query(demo_shop_file, "SELECT min(ordered_at), max(ordered_at) FROM orders")[0]
    assert stored(now - timedelta(days=366)) < first < stored(now - timedelta(days=363))
    assert stored(now - timedelta(days=1)) < last <= stored(now)
    assert len(orders_per_local_day(demo_shop_file)) >= 364


def test_double_11_and_618_are_far_busier_than_an_ordinary_day(demo_shop_file: Path) -> None:
    assert busier_than_the_median_day(demo_shop_file, "-11-11", 4)
    assert busier_than_the_median_day(demo_shop_file, "-06-18", 3)
    days = orders_per_local_day(demo_shop_file)
    assert max(days, key=days.__getitem__).endswith("-11-11")


def test_weekends_sell_more_than_midweek(demo_shop_file: Path) -> None:
    by_weekday = query(demo_shop_file, f"""
        SELECT strftime('%w', day), count FROM (
            SELECT date(ordered_at, '{SHOP_OFFSET}') AS day, count(*) AS count
            FROM orders GROUP BY day)""")
    daily: dict[str, list[int]] = {}
    for weekday, count in by_weekday:
        daily.setdefault(weekday, []).append(count)
    weekend = median(daily["0"] + daily["6"])
    midweek = median(daily["2"] + daily["3"] + daily["4"])
    assert weekend > midweek * 1.1


def test_most_orders_are_completed_and_a_few_percent_cancelled_or_refunded(
        demo_shop_file: Path) -> None:
    counts = statuses(demo_shop_file)
    total = sum(counts.values())
    assert counts["completed"] > 0.85 * total
    assert 0.01 * total < counts["cancelled"] < 0.08 * total
    assert 0.01 * total < counts["refunded"] < 0.06 * total
    assert counts["shipped"] > 0 and counts["paid"] > 0 and counts["pending"] > 0


def test_only_recent_orders_are_open_or_not_yet_completed(demo_shop_file: Path,
                                                           now: datetime) -> None:
    oldest = dict(query(demo_shop_file, "SELECT status, min(ordered_at) FROM orders "
                                        "WHERE status IN ('pending', 'paid', 'shipped') "
                                        "GROUP BY status"))
    assert oldest["pending"] > stored(now - timedelta(days=1))
    assert oldest["paid"] > stored(now - timedelta(days=5))
    assert oldest["shipped"] > stored(now - timedelta(days=16))


def test_open_orders_have_not_touched_the_shelf(demo_shop_file: Path) -> None:
    assert query(demo_shop_file, """
        SELECT count(*) FROM orders o JOIN stock_movements m ON m.order_id = o.id
        WHERE o.status IN ('pending', 'paid')""") == [(0,)]
    assert query(demo_shop_file, "SELECT count(*) FROM orders WHERE status IN ('pending', "
                                 "'paid') AND (stock_issued OR shipped_at IS NOT NULL)") == [(0,)]


def test_every_shipped_line_left_the_shelf_when_its_order_shipped(demo_shop_file: Path) -> None:
    unmatched = query(demo_shop_file, """
        SELECT count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.shipped_at IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM stock_movements m WHERE m.order_id = o.id AND m.kind = 'sold'
            AND m.variant_id = l.variant_id AND m.quantity = -l.quantity
            AND m.at = o.shipped_at AND m.reference = o.number)""")
    assert unmatched == [(0,)]


def test_an_orders_movements_leave_its_goods_out_exactly_while_stock_is_issued(
        demo_shop_file: Path) -> None:
    wrong = query(demo_shop_file, """
        SELECT o.status, o.stock_issued, coalesce(moved.units, 0), lines.units
        FROM orders o
        JOIN (SELECT order_id, sum(quantity) AS units FROM order_lines GROUP BY 1) lines
            ON lines.order_id = o.id
        LEFT JOIN (SELECT order_id, sum(quantity) AS units FROM stock_movements
                   WHERE order_id IS NOT NULL GROUP BY 1) moved ON moved.order_id = o.id
        WHERE coalesce(moved.units, 0) != CASE WHEN o.stock_issued THEN -lines.units ELSE 0 END
        LIMIT 5""")
    assert wrong == []
    returned = dict(query(demo_shop_file, """
        SELECT o.status, count(DISTINCT o.id) FROM orders o
        JOIN stock_movements m ON m.order_id = o.id AND m.kind = 'returned' GROUP BY 1"""))
    assert set(returned) == {"cancelled", "refunded"}
    kept = query(demo_shop_file, "SELECT count(*) FROM orders WHERE status = 'refunded' "
                                 "AND stock_issued")[0][0]
    assert kept > 0, "some refunds were 'refund only': the goods did not come back"


def test_order_amounts_follow_the_money_rules(demo_shop_file: Path) -> None:
    # (each line's cost is its SKU's cost when ordered: test_demo_purchasing.py)
    bad_lines = query(demo_shop_file, """
        SELECT count(*) FROM order_lines l JOIN variants v ON v.id = l.variant_id
        WHERE l.line_total != l.quantity * l.unit_price - l.discount OR l.discount < 0
           OR l.discount * 2 > l.quantity * l.unit_price OR l.unit_cost <= 0
           OR typeof(l.unit_price) != 'integer' OR l.quantity < 1""")
    assert bad_lines == [(0,)]
    bad_orders = query(demo_shop_file, """
        SELECT o.number FROM orders o JOIN channels c ON c.id = o.channel_id
        JOIN (SELECT order_id, sum(line_total) AS goods FROM order_lines GROUP BY 1) t
            ON t.order_id = o.id
        WHERE o.currency != c.currency
           OR o.refunded NOT IN (0, t.goods + o.shipping)
           OR (o.refunded > 0) != (o.status = 'refunded' OR (o.status = 'cancelled'
                                                              AND o.paid_at IS NOT NULL))
        LIMIT 5""")
    assert bad_orders == []
    discounted, lines = query(demo_shop_file, "SELECT sum(discount > 0), count(*) "
                                              "FROM order_lines")[0]
    assert 0.08 * lines < discounted < 0.3 * lines


def test_order_fees_are_billed_as_the_order_form_and_the_price_engine_bill_them(
        demo_shop_file: Path) -> None:
    """pricing.margin.channel_fees on the goods (after discounts, or before them when the
    channel says so) and the units: no formula of the demo's own."""
    import sqlite3

    from ecdesk.money import from_minor_units
    from ecdesk.services.pricing.fees_reader import read_channel_fees
    from ecdesk.services.pricing.margin import channel_fees

    conn = sqlite3.connect(demo_shop_file)
    try:
        fees = read_channel_fees(conn.execute)
        orders = conn.execute("""
            SELECT o.channel_id, o.platform_fees, sum(l.line_total),
                   sum(l.quantity * l.unit_price), sum(l.quantity)
            FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id""").fetchall()
    finally:
        conn.close()
    wrong = [(channel, billed) for channel, billed, goods, before, units in orders
             if from_minor_units(billed) != channel_fees(
                 fees[channel], from_minor_units(goods), units=units,  # type: ignore[arg-type]
                 amount_before_discounts=from_minor_units(before))]
    assert len(orders) > 100 and wrong == []


def test_festival_lines_are_discounted_more_often_than_ordinary_ones(demo_shop_file: Path) -> None:
    shares = dict(query(demo_shop_file, f"""
        SELECT strftime('%m-%d', o.ordered_at, '{SHOP_OFFSET}') = '11-11',
               avg(l.discount > 0) FROM orders o JOIN order_lines l ON l.order_id = o.id
        GROUP BY 1"""))
    assert shares[1] > 2 * shares[0]


def test_regulars_come_back_while_most_buyers_order_once(demo_shop_file: Path) -> None:
    per_buyer = [n for (n,) in query(demo_shop_file, "SELECT count(*) FROM orders "
                                                     "GROUP BY customer_key")]
    once = sum(1 for n in per_buyer if n == 1)
    assert once > len(per_buyer) / 2
    assert sum(1 for n in per_buyer if n >= 5) > 100
    assert max(per_buyer) >= 20
    assert query(demo_shop_file, "SELECT count(*) FROM orders WHERE customer_key = '' "
                                 "OR customer_key != lower(customer_key)") == [(0,)]


def test_a_few_skus_sell_most_some_never_sell_and_drafts_are_not_on_sale(
        demo_shop_file: Path) -> None:
    units = [n for (n,) in query(demo_shop_file, "SELECT sum(quantity) FROM order_lines "
                                                 "GROUP BY variant_id ORDER BY 1 DESC")]
    top_tenth = units[: len(units) // 10]
    assert sum(top_tenth) > 0.4 * sum(units)
    never = query(demo_shop_file, """
        SELECT p.status, count(*) FROM variants v JOIN products p ON p.id = v.product_id
        WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.variant_id = v.id)
        GROUP BY 1""")
    never_sold = dict(never)
    assert never_sold.get("active", 0) >= 20
    drafts = query(demo_shop_file, "SELECT count(*) FROM variants v JOIN products p "
                                   "ON p.id = v.product_id WHERE p.status = 'draft'")[0][0]
    assert never_sold["draft"] == drafts > 0


def test_orders_only_sell_skus_listed_on_their_channel(demo_shop_file: Path) -> None:
    assert query(demo_shop_file, """
        SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
        LEFT JOIN listings li ON li.variant_id = l.variant_id AND li.channel_id = o.channel_id
        WHERE li.id IS NULL""") == [(0,)]


def test_on_hand_equals_the_ledger_sum_for_every_sku(demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        assert on_hand_mismatches(uow.session) == []


def test_stock_never_went_below_zero_except_on_the_sku_that_allows_it(
        demo_shop_file: Path) -> None:
    dips = stock_dips_below_zero(demo_shop_file)
    allowed = {vid for (vid,) in query(demo_shop_file, "SELECT variant_id FROM stock_policies "
                                                       "WHERE allow_negative")}
    assert set(dips) == allowed and len(allowed) == 1
    assert query(demo_shop_file, "SELECT count(*) FROM variants WHERE on_hand < 0") == [(1,)]


def test_the_ledger_has_opening_stock_deliveries_a_stock_count_and_write_offs(
        demo_shop_file: Path) -> None:
    kinds = dict(query(demo_shop_file, "SELECT kind, count(*) FROM stock_movements "
                                       "GROUP BY kind"))
    assert kinds["received"] > 800 and kinds["sold"] > 5_000 and kinds["returned"] > 50
    assert kinds["counted"] >= 5 and kinds["written_off"] >= 1
    first_order = query(demo_shop_file, "SELECT min(ordered_at) FROM orders")[0][0]
    opening = query(demo_shop_file, "SELECT max(at), count(*) FROM stock_movements "
                                    "WHERE reference = 'Opening stock'")[0]
    assert opening[0] < first_order and opening[1] > 300
    references = [r for (r,) in query(demo_shop_file, "SELECT DISTINCT reference FROM "
                                      "stock_movements WHERE kind = 'received' "
                                      "AND reference != 'Opening stock'")]
    assert len(references) > 100
    assert all(re.fullmatch(r"PO-\d{4}-\d{4}", r) for r in references)


def test_each_counted_difference_says_what_the_shelf_held_before_it(demo_shop_file: Path) -> None:
    counted = query(demo_shop_file, """
        SELECT m.reason, m.quantity, (SELECT sum(e.quantity) FROM stock_movements e
            WHERE e.variant_id = m.variant_id AND (e.at < m.at OR (e.at = m.at AND e.id < m.id)))
        FROM stock_movements m WHERE m.kind = 'counted'""")
    assert len({reason for reason, _, _ in counted}) > 1
    for reason, change, before in counted:
        assert reason == f"Counted {before + change} (was {before})"
        assert before + change >= 0


def test_some_skus_have_valid_stock_rules_of_their_own(demo_shop_file: Path) -> None:
    rows = query(demo_shop_file, "SELECT reorder_point, safety_stock, max_stock, "
                                 "lead_time_days, pack_multiple, min_order_qty, allow_negative "
                                 "FROM stock_policies")
    drafts = [PolicyDraft(*row[:6], allow_negative=None if row[6] is None else bool(row[6]))
              for row in rows]
    assert [check_policy(draft) for draft in drafts] == [[]] * len(drafts)
    assert any(d.reorder_point for d in drafts) and any(d.pack_multiple for d in drafts)
    assert any(d.min_order_qty for d in drafts) and any(d.allow_negative for d in drafts)


def test_every_inventory_alert_kind_holds_for_some_demo_skus(demo_shop_file: Path,
                                                             now: datetime) -> None:
    found = alert_kinds(demo_shop_file, now + timedelta(minutes=5))
    assert set(found) == set(AlertKind), found
    assert found["negative_stock"] == 1
    for kind in ("out_of_stock", "listed_unavailable", "stockout_risk", "below_reorder",
                 "overstock", "dead_stock"):
        assert found[kind] >= 5, (kind, found)
    assert found["dead_stock"] < 400, "dead stock is the long tail, not the whole shop"


def test_the_alerts_service_finds_every_kind_in_the_demo(demo_read_only: Database,
                                                        demo_shop_file: Path) -> None:
    report = compute_alerts(demo_read_only.uow(), forget_resolved=False)
    assert {alert.kind for alert in report.alerts} == set(AlertKind)
    on_sale = query(demo_shop_file, "SELECT count(*) FROM variants v JOIN products p "
                                    "ON p.id = v.product_id WHERE p.status != 'archived'")
    assert [(report.skus_checked,)] == on_sale
