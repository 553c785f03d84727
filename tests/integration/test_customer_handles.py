"""Customers found or created by handle (channel, key) wherever orders are written: the order
form, the order imports and the migration that fills customers from an older shop's orders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ecdesk.db import Database, open_database
from ecdesk.services.customers.handles import handle_key
from ecdesk.services.customers.tags import normalise_tags
from ecdesk.services.orders_io import import_orders, read_orders_file
from tests.integration.order_fixtures import SmallShop, enter, shop_at_revision, small_shop
from tests.order_import_files import (
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
    taobao_file,
    taobao_row,
)


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop)


def rows(db: Database, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def customer_of(db: Database, number: str) -> int | None:
    [(customer,)] = rows(db, "SELECT customer_id FROM orders WHERE number = ?", number)
    return customer


def test_a_handle_key_is_the_typed_key_or_else_the_name_casefolded() -> None:
    assert handle_key("  Ann@Example.COM ", "Ann") == "ann@example.com"
    assert handle_key("", " Bob Lee ") == "bob lee"
    assert handle_key("", "") == ""


def test_tags_are_stripped_deduplicated_ignoring_case_and_sorted() -> None:
    assert normalise_tags(" vip, Gift ，gift,, 回头客 ") == "Gift, vip, 回头客"
    assert normalise_tags(["b", "A", " a "]) == "A, b"


def test_an_order_entered_by_hand_creates_its_customer_once(shop: SmallShop) -> None:
    enter(shop, "A1", (("FLASK-1", 1, "88"),), customer="王伟")
    enter(shop, "A2", (("FLASK-1", 1, "88"),), customer="王伟")

    first, second = customer_of(shop.db, "A1"), customer_of(shop.db, "A2")
    assert first is not None and first == second
    assert rows(shop.db, "SELECT name, email FROM customers") == [("王伟", "")]
    assert rows(shop.db, "SELECT customer_id, channel_id, key FROM customer_handles") == [
        (first, shop.tmall, "王伟")]


def test_the_same_key_on_two_channels_is_two_customers_until_merged(shop: SmallShop) -> None:
    enter(shop, "A1", (("FLASK-1", 1, "88"),), customer="Ann Lee")
    enter(shop, "S1", (("FLASK-1", 1, "88"),), customer="Ann Lee", channel=shop.shopify)

    assert customer_of(shop.db, "A1") != customer_of(shop.db, "S1")
    assert rows(shop.db, "SELECT count(*) FROM customer_handles WHERE key = 'ann lee'") == [(2,)]


def test_an_order_without_a_customer_has_none(shop: SmallShop) -> None:
    enter(shop, "A1", (("FLASK-1", 1, "88"),), customer="")

    assert customer_of(shop.db, "A1") is None
    assert rows(shop.db, "SELECT count(*) FROM customers") == [(0,)]


def test_new_customers_are_one_audit_row_saying_which_write_made_them(shop: SmallShop) -> None:
    enter(shop, "A1", (("FLASK-1", 1, "88"),), customer="王伟")

    [(changes,)] = rows(shop.db, "SELECT changes FROM audit_log WHERE entity = 'customers'")
    assert '"source": "record_order"' in changes and '"created": 1' in changes


def test_an_import_finds_known_handles_and_creates_the_others_named_after_the_buyer(
        tmp_shop: Database, tmp_path: Path) -> None:
    shop = order_shop(tmp_shop)
    enter_ann = shopify_file(tmp_path, shopify_order("#1001", **{"Billing Name": "Ann Lee"}),
                             name="first.csv")
    import_orders(shop.db.uow(), read_orders_file(enter_ann, timezone="UTC"))
    later = shopify_file(
        tmp_path, shopify_order("#1002", **{"Email": "buyer1001@example.com"}),
        shopify_line("#1002", "MUG", **{"Email": "buyer1001@example.com"}),
        shopify_order("#1003", **{"Billing Name": "Cai Wen"}), name="second.csv")

    import_orders(shop.db.uow(), read_orders_file(later, timezone="UTC"))

    ann = customer_of(shop.db, "#1001")
    assert customer_of(shop.db, "#1002") == ann
    assert rows(shop.db, "SELECT name, email FROM customers ORDER BY id") == [
        ("Ann Lee", "buyer1001@example.com"), ("Cai Wen", "buyer1003@example.com")]
    summary = rows(shop.db, "SELECT changes FROM audit_log WHERE entity = 'import_orders' "
                   "ORDER BY id")
    assert '"customers_created": 1' in summary[-1][0]


def test_a_taobao_import_keys_its_customers_by_buyer_nickname_on_that_channel(
        tmp_shop: Database, tmp_path: Path) -> None:
    shop = order_shop(tmp_shop)
    path = taobao_file(tmp_path, taobao_row("T1", buyer="小明tb"), taobao_row("T2", buyer="小明tb"))

    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"),
                  channel=shop.tmall)

    assert rows(shop.db, "SELECT c.name, h.channel_id, h.key FROM customers c "
                "JOIN customer_handles h ON h.customer_id = c.id") == [
        ("王小明", shop.tmall, "小明tb")]
    assert customer_of(shop.db, "T1") == customer_of(shop.db, "T2")


def test_the_upgrade_makes_one_customer_per_channel_and_key_of_the_orders_there(
        tmp_path: Path) -> None:
    path = tmp_path / "old.ecdesk"
    conn = shop_at_revision(path, "0005_order_totals")
    with conn:
        conn.execute("INSERT INTO channels (id, name, kind, currency, commission_rate, "
                     "payment_fee_rate, position, archived) VALUES (2, 'Shop', 'shopify', "
                     "'USD', 0, 0, 2, 0)")
        orders = [(1, 1, "J1", "2026-01-02 10:00:00.000000", "", "小明tb"),
                  (2, 1, "J2", "2026-02-02 10:00:00.000000", "王小明", "小明tb"),
                  (3, 2, "S1", "2026-01-05 10:00:00.000000", "Ann", "ann@example.com"),
                  (4, 2, "S2", "2026-01-06 10:00:00.000000", "Nobody", ""),
                  (5, 1, "J3", "2026-03-02 10:00:00.000000", "Ann J", "ann@example.com")]
        conn.executemany(
            "INSERT INTO orders (id, channel_id, number, ordered_at, status, customer_name, "
            "customer_key, currency, shipping, platform_fees, refunded, stock_issued, source, "
            "note, created_at, updated_at) VALUES (?, ?, ?, ?, 'paid', ?, ?, 'CNY', 0, 0, 0, "
            "0, 'manual', '', ?, ?)", [(*row, row[3], row[3]) for row in orders])
    conn.close()

    open_database(path).close()

    check = sqlite3.connect(path)
    try:
        customers = check.execute(
            "SELECT c.id, c.name, c.email, c.created_at, h.channel_id, h.key FROM customers c "
            "JOIN customer_handles h ON h.customer_id = c.id ORDER BY c.id").fetchall()
        linked = check.execute("SELECT number, customer_id FROM orders ORDER BY id").fetchall()
    finally:
        check.close()
    assert customers == [
        (1, "王小明", "", "2026-01-02 10:00:00.000000", 1, "小明tb"),
        (2, "Ann", "ann@example.com", "2026-01-05 10:00:00.000000", 2, "ann@example.com"),
        (3, "Ann J", "ann@example.com", "2026-03-02 10:00:00.000000", 1, "ann@example.com")]
    assert linked == [("J1", 1), ("J2", 1), ("S1", 2), ("S2", None), ("J3", 3)]


def test_a_new_customers_name_is_found_by_the_key_index_without_statistics(
        shop: SmallShop) -> None:
    # A shop that never ran ANALYZE (new, or the demo while it is made): SQLite chose the
    # (channel, number) index and read a whole channel per new customer (days on the large shop).
    from ecdesk.services.customers import handles

    name_lookup = handles._INSERT_CUSTOMERS.split("SELECT f.customer_id,", 1)[1]
    sql = "EXPLAIN QUERY PLAN SELECT " + name_lookup.replace(":now", "NULL")
    with shop.db.uow() as uow:
        uow.session.connection().exec_driver_sql(
            "CREATE TEMP TABLE new_customer_handles (customer_id, channel_id, key, first_at)")
        assert not uow.session.connection().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
        plan = " ".join(row[3] for row in uow.session.connection().exec_driver_sql(sql))
    assert "USING INDEX ix_orders_customer_key" in plan
