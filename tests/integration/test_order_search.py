"""The order search index: built over the orders of an older shop by the upgrade, kept in step
by triggers, rebuilt after a bulk load, and bypassed for broad or short words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, text

from ecdesk.db import Database, open_database
from ecdesk.models import Order
from ecdesk.models.order_search import ORDER_SEARCH_TABLE
from ecdesk.services.orders import search
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import count_orders, list_orders
from ecdesk.services.shop_file.sqlite_only import order_search_suspended
from tests.integration.order_fixtures import (
    START,
    SmallShop,
    bulk_orders,
    enter,
    shop_at_revision,
    small_shop,
)


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop)


def found(db: Database, words: str) -> list[str]:
    return [row.number for row in list_orders(db.uow(), OrderQuery(search=words), limit=1000,
                                              count=False).rows]


def run(db: Database, statement: str) -> None:
    with db.uow() as uow:
        uow.session.execute(text(statement))
        uow.commit()


def index_is_sound(db: Database) -> bool:
    run(db, f"INSERT INTO {ORDER_SEARCH_TABLE}({ORDER_SEARCH_TABLE}, rank) "
            "VALUES('integrity-check', 1)")  # raises when the index and orders disagree
    return True


def test_orders_of_a_shop_from_before_the_index_are_found_after_the_upgrade(
        tmp_path: Path) -> None:
    path = tmp_path / "old.ecdesk"
    conn = shop_at_revision(path, "0003_alert_indexes")
    with conn:
        conn.execute("INSERT INTO orders (channel_id, number, ordered_at, status, customer_name,"
                     " customer_key, currency, shipping, platform_fees, refunded, stock_issued, "
                     "source, note, created_at, updated_at) VALUES (1, 'JD-280022196957', "
                     "'2026-03-01 04:00:00.000000', 'paid', '赵强', 'zhaoqiang', 'CNY', 0, 0, 0,"
                     " 0, 'manual', '', '2026-03-01 04:00:00.000000', "
                     "'2026-03-01 04:00:00.000000')")
    conn.close()
    db = open_database(path)
    try:
        assert found(db, "2219695") == ["JD-280022196957"]
        assert found(db, "zhaoqiang") == ["JD-280022196957"]
        assert index_is_sound(db)
    finally:
        db.close()


def test_the_index_follows_new_orders_renamed_customers_and_removed_orders(
        shop: SmallShop) -> None:
    order_id = enter(shop, "TM-5550001", (("FLASK-1", 1, "88"),), customer="Alice Smith")
    assert found(shop.db, "5550001") == found(shop.db, "smith") == ["TM-5550001"]
    run(shop.db, f"UPDATE orders SET customer_name = 'Bob Lee', customer_key = 'bob lee' "
                 f"WHERE id = {order_id}")
    assert found(shop.db, "smith") == [] and found(shop.db, "bob") == ["TM-5550001"]
    run(shop.db, f"UPDATE orders SET status = 'shipped' WHERE id = {order_id}")
    assert found(shop.db, "bob") == ["TM-5550001"]
    run(shop.db, f"DELETE FROM order_lines WHERE order_id = {order_id}")
    run(shop.db, f"DELETE FROM orders WHERE id = {order_id}")
    assert found(shop.db, "5550001") == []
    assert index_is_sound(shop.db)


def test_a_bulk_load_with_the_triggers_suspended_is_indexed_once_at_the_end(
        shop: SmallShop) -> None:
    with shop.db.uow() as uow:
        first = uow.session.execute(
            text("SELECT coalesce(max(id), 0) + 1 FROM orders")).scalar_one()
        with order_search_suspended(uow.session, first):
            uow.session.execute(insert(Order), [{
                "channel_id": shop.tmall, "number": f"BULK-{n:04d}", "ordered_at": START,
                "customer_name": "王伟", "customer_key": "王伟", "currency": "CNY"}
                for n in range(50)])
        uow.commit()
    assert len(found(shop.db, "BULK-00")) == 50
    enter(shop, "AFTER-1", (("FLASK-1", 1, "88"),))  # the triggers are back
    assert found(shop.db, "AFTER-1") == ["AFTER-1"]
    assert index_is_sound(shop.db)


def test_a_bulk_load_that_fails_leaves_the_triggers_in_place(shop: SmallShop) -> None:
    with pytest.raises(RuntimeError), shop.db.uow() as uow, \
            order_search_suspended(uow.session, 1):
        raise RuntimeError("the file was bad")
    enter(shop, "AFTER-1", (("FLASK-1", 1, "88"),))
    assert found(shop.db, "AFTER-1") == ["AFTER-1"]


def test_a_broad_word_walks_the_orders_and_finds_the_same_ones_as_the_index(
        shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    bulk_orders(shop, 300)
    through_index = found(shop.db, "B001")
    assert len(through_index) == 100
    with shop.db.uow() as uow:
        assert not search._is_broad(uow.session, "B001")
    monkeypatch.setattr(search, "MIN_BROAD", 50)
    with shop.db.uow() as uow:
        assert search._is_broad(uow.session, "B001")
    assert found(shop.db, "B001") == through_index
    assert count_orders(shop.db.uow(), OrderQuery(search="B001")) == 100


def test_short_words_match_anywhere_without_the_index(shop: SmallShop) -> None:
    enter(shop, "X-1", (("FLASK-1", 1, "88"),), customer="李娜")
    enter(shop, "X-2", (("FLASK-1", 1, "88"),), customer="王伟")
    assert found(shop.db, "娜") == ["X-1"]
    assert found(shop.db, "王伟") == ["X-2"]
    assert sorted(found(shop.db, "X-")) == ["X-1", "X-2"]


def test_quotes_and_operators_typed_in_a_search_are_plain_text(shop: SmallShop) -> None:
    enter(shop, 'A"B-OR-NOT', (("FLASK-1", 1, "88"),))
    assert found(shop.db, 'A"B') == ['A"B-OR-NOT']
    assert found(shop.db, "OR-NOT") == ['A"B-OR-NOT']
    assert found(shop.db, "NEAR(") == []
