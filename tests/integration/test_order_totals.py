"""Each order's stored line count, units and goods total: filled for older shops by the upgrade,
kept by triggers whoever writes the lines, filled once after a bulk load, and read by the
Orders table's sorts (the sort by total from its own index)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database, open_database
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import list_orders
from ecdesk.services.orders.totals import order_total_mismatches
from ecdesk.services.shop_file.sqlite_only import order_totals_suspended
from tests.integration.order_fixtures import (
    SmallShop,
    bulk_orders,
    enter,
    shop_at_revision,
    small_shop,
)


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop)


def figures(db: Database, number: str) -> tuple[int, int, Decimal]:
    row = next(r for r in list_orders(db.uow(), OrderQuery(search=number), count=False).rows
               if r.number == number)
    return row.lines, row.units, row.total


def run(db: Database, statement: str, **params: object) -> None:
    with db.uow() as uow:
        uow.session.execute(text(statement), params)
        uow.commit()


def mismatches(db: Database) -> list[tuple[int, str]]:
    with db.uow() as uow:
        return order_total_mismatches(uow.session)


def test_an_order_entered_by_hand_stores_its_lines_units_and_total(shop: SmallShop) -> None:
    enter(shop, "TM-1001", (("SHIRT-WHITE", 2, "59.90"), ("FLASK-1", 1, "88.00")),
          shipping="10")
    assert figures(shop.db, "TM-1001") == (2, 3, Decimal("217.80"))  # 119.80 + 88 + 10
    assert mismatches(shop.db) == []


def test_changing_or_removing_a_line_changes_the_stored_figures(shop: SmallShop) -> None:
    order_id = enter(shop, "TM-1002", (("SHIRT-WHITE", 2, "59.90"), ("FLASK-1", 1, "88.00")))
    run(shop.db, "UPDATE order_lines SET quantity = 5, line_total = 29950 "
                 "WHERE order_id = :id AND position = 0", id=order_id)
    assert figures(shop.db, "TM-1002") == (2, 6, Decimal("387.50"))
    run(shop.db, "DELETE FROM order_lines WHERE order_id = :id AND position = 1", id=order_id)
    assert figures(shop.db, "TM-1002") == (1, 5, Decimal("299.50"))
    assert mismatches(shop.db) == []


def test_orders_written_in_bulk_through_core_get_their_figures_from_the_triggers(
        shop: SmallShop) -> None:
    bulk_orders(shop, 60)
    assert mismatches(shop.db) == []


def test_a_suspended_bulk_load_fills_the_figures_of_its_orders_and_restores_the_triggers(
        shop: SmallShop) -> None:
    enter(shop, "TM-1003", (("FLASK-1", 1, "88.00"),))
    with shop.db.uow() as uow:
        first = uow.session.execute(text("SELECT max(id) + 1 FROM orders")).scalar_one()
        with order_totals_suspended(uow.session, first):
            assert _trigger_names(uow) == set()
            uow.session.execute(text(
                "INSERT INTO orders (id, channel_id, number, ordered_at, status, customer_name, "
                "customer_key, currency, shipping, platform_fees, refunded, stock_issued, "
                "source, note, created_at, updated_at) SELECT :first, channel_id, 'TM-1004', "
                "ordered_at, status, '', '', currency, 0, 0, 0, 0, 'manual', '', created_at, "
                "updated_at FROM orders LIMIT 1"), {"first": first})
            uow.session.execute(text(
                "INSERT INTO order_lines (order_id, position, variant_id, quantity, unit_price, "
                "discount, line_total, unit_cost) SELECT :first, position, variant_id, 4, "
                "unit_price, 0, 35200, 0 FROM order_lines LIMIT 1"), {"first": first})
        assert len(_trigger_names(uow)) == 3
        uow.commit()
    assert figures(shop.db, "TM-1004") == (1, 4, Decimal("352.00"))
    assert figures(shop.db, "TM-1003") == (1, 1, Decimal("88.00"))
    assert mismatches(shop.db) == []


def test_a_failed_bulk_load_leaves_the_triggers_in_place(shop: SmallShop) -> None:
    with pytest.raises(RuntimeError), shop.db.uow() as uow, \
            order_totals_suspended(uow.session, 1):
        raise RuntimeError("cancelled")
    with shop.db.uow() as uow:
        assert len(_trigger_names(uow)) == 3


def test_a_tampered_order_is_reported_as_a_mismatch(shop: SmallShop) -> None:
    order_id = enter(shop, "TM-1005", (("FLASK-1", 1, "88.00"),))
    run(shop.db, "UPDATE orders SET goods_total = 1 WHERE id = :id", id=order_id)
    assert mismatches(shop.db) == [(order_id, "TM-1005")]


@pytest.mark.parametrize("sort", ["total", "lines", "units"])
def test_sorting_by_a_stored_figure_orders_by_the_sums_of_the_lines(shop: SmallShop,
                                                                   sort: str) -> None:
    bulk_orders(shop, 90)
    rows = list_orders(shop.db.uow(), OrderQuery(sort=sort, descending=True), limit=500).rows
    with shop.db.uow() as uow:
        sums = dict(uow.session.execute(text(
            "SELECT o.number, CASE :sort WHEN 'lines' THEN count(*) WHEN 'units' "
            "THEN sum(l.quantity) ELSE sum(l.line_total) + o.shipping END "
            "FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id"),
            {"sort": sort}).tuples().all())
    keys = [sums[row.number] for row in rows]
    assert len(rows) == 90
    assert keys == sorted(keys, reverse=True)


def test_the_first_page_sorted_by_total_is_read_from_the_total_index(shop: SmallShop) -> None:
    bulk_orders(shop, 30)
    with shop.db.uow() as uow:
        plan = uow.session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM orders "
            "ORDER BY orders.goods_total + orders.shipping DESC, orders.id DESC LIMIT 50")).all()
    assert "ix_orders_total" in " ".join(str(step) for step in plan)


def test_the_upgrade_fills_the_figures_of_orders_from_before(tmp_path: Path) -> None:
    path = tmp_path / "old.ecdesk"
    conn = shop_at_revision(path, "0004_order_search")
    with conn:
        conn.execute("INSERT INTO products (id, title, description, brand, status, "
                     "option1_name, option2_name, option3_name, created_at, updated_at) "
                     "VALUES (1, 'Tea', '', '', 'active', '', '', '', '2026-01-01', "
                     "'2026-01-01')")
        conn.execute("INSERT INTO variants (id, product_id, position, sku, option1, option2, "
                     "option3, unit_cost, price, archived, on_hand) "
                     "VALUES (1, 1, 0, 'TEA', '', '', '', 100, 2500, 0, 0)")
        for number, shipping in (("JD-1", 500), ("JD-2", 0)):
            conn.execute("INSERT INTO orders (channel_id, number, ordered_at, status, "
                         "customer_name, customer_key, currency, shipping, platform_fees, "
                         "refunded, stock_issued, source, note, created_at, updated_at) VALUES "
                         "(1, ?, '2026-03-01 04:00:00.000000', 'paid', '', '', 'CNY', ?, 0, 0, "
                         "0, 'manual', '', '2026-03-01', '2026-03-01')", (number, shipping))
        conn.executemany("INSERT INTO order_lines (order_id, position, variant_id, quantity, "
                         "unit_price, discount, line_total, unit_cost) "
                         "VALUES (1, ?, 1, ?, 2500, 0, ?, 100)", [(0, 2, 5000), (1, 3, 7500)])
    conn.close()
    db = open_database(path)
    try:
        assert figures(db, "JD-1") == (2, 5, Decimal("130.00"))  # 50 + 75 + 5 shipping
        assert figures(db, "JD-2") == (0, 0, Decimal("0.00"))
        assert mismatches(db) == []
    finally:
        db.close()


def _trigger_names(uow) -> set[str]:
    return {name for (name,) in uow.session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'trg_order_totals_%'"))}


def test_the_demo_shops_year_of_orders_has_the_sums_of_its_lines(demo_shop: Database) -> None:
    assert mismatches(demo_shop) == []
