"""The demo's purchase orders leave what receiving them would have left: landed costs by the
receiving rule, each SKU's cost the moving average of its receipts in time order, the cost
history and the order lines at the cost of their moment. Checked here by replaying the ledger
in plain Python, independently of the generator's SQL."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from ecdesk.money import round_unit_price
from ecdesk.services.purchasing.costing import moving_average


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def cents(value: int) -> Decimal:
    return Decimal(value) / 100


def test_each_receipts_landed_cost_is_the_lines_cost_at_the_orders_rate(
        demo_shop_file: Path) -> None:
    rows = query(demo_shop_file, """
        SELECT l.unit_cost, po.exchange_rate, rl.landed_unit_cost, po.shipping_cost
        FROM purchase_receipt_lines AS rl JOIN purchase_order_lines AS l
            ON l.id = rl.order_line_id JOIN purchase_orders AS po ON po.id = l.order_id""")
    assert rows
    for cost, rate, landed, shipping in rows:
        assert shipping == 0  # (the demo's received orders carry no extra costs)
        assert cents(landed) == round_unit_price(cents(cost) * Decimal(rate) / 10**6)


def test_each_skus_cost_is_the_moving_average_of_its_receipts_replayed_from_the_ledger(
        demo_shop_file: Path) -> None:
    landed = dict(query(demo_shop_file, "SELECT order_line_id, landed_unit_cost "
                                        "FROM purchase_receipt_lines"))
    first = dict(query(demo_shop_file, """
        SELECT variant_id, unit_cost FROM cost_history AS ch
        WHERE ch.id = (SELECT c2.id FROM cost_history AS c2 WHERE c2.variant_id = ch.variant_id
                       ORDER BY c2.at, c2.id LIMIT 1)"""))
    on_hand: dict[int, int] = defaultdict(int)
    costs = {vid: cents(cost) for vid, cost in first.items()}
    moved = 0
    for variant_id, quantity, line_id in query(
            demo_shop_file, "SELECT variant_id, quantity, po_line_id FROM stock_movements "
                            "ORDER BY at, id"):
        if line_id is not None:
            before = costs[variant_id]
            costs[variant_id] = moving_average(on_hand[variant_id], before, quantity,
                                               cents(landed[line_id]))
            moved += costs[variant_id] != before
        on_hand[variant_id] += quantity
    assert moved > 100, "the receipts' prices moved the costs"
    now = {vid: cents(cost) for vid, cost in query(demo_shop_file,
                                                    "SELECT id, unit_cost FROM variants")}
    assert {vid: now[vid] for vid in costs} == costs


def test_order_lines_carry_the_cost_their_sku_had_when_the_order_was_placed(
        demo_shop_file: Path) -> None:
    wrong = query(demo_shop_file, """
        SELECT count(*) FROM order_lines AS l JOIN orders AS o ON o.id = l.order_id
        WHERE l.unit_cost != coalesce(
            (SELECT ch.unit_cost FROM cost_history AS ch WHERE ch.variant_id = l.variant_id
             AND ch.at < o.ordered_at ORDER BY ch.at DESC, ch.id DESC LIMIT 1),
            (SELECT ch.unit_cost FROM cost_history AS ch WHERE ch.variant_id = l.variant_id
             ORDER BY ch.at, ch.id LIMIT 1))""")
    assert wrong == [(0,)]
    differs = query(demo_shop_file, "SELECT count(*) FROM order_lines AS l JOIN variants AS v "
                                    "ON v.id = l.variant_id WHERE l.unit_cost != v.unit_cost")
    assert differs[0][0] > 0, "older orders were sold at the costs of their time"


def test_the_demos_orders_pay_different_prices_for_the_same_sku(demo_shop_file: Path) -> None:
    spread = query(demo_shop_file, """
        SELECT count(*) FROM (SELECT variant_id FROM purchase_order_lines
                              GROUP BY variant_id HAVING count(DISTINCT unit_cost) > 1)""")
    assert spread[0][0] > 100
