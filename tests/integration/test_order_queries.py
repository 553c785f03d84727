"""The Orders table's queries against a real shop file: filters, shop-time-zone days, search,
sort, paging, totals that equal the database's sums, one order's detail, the form's lookups."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import NotFoundError
from ecdesk.models import OrderStatus
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.queries import get_product
from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.filters import OPEN, SORT_KEYS, OrderQuery
from ecdesk.services.orders.form_queries import order_number_taken, sku_choice, suggest_skus
from ecdesk.services.orders.queries import count_orders, get_order, list_orders
from ecdesk.services.settings import update_settings
from tests.integration.order_fixtures import START, SmallShop, bulk_orders, enter, small_shop


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    update_settings(tmp_shop.uow(), shop_name="Test", currency="CNY", timezone="Asia/Shanghai",
                    min_margin="0.2")
    return small_shop(tmp_shop)


@pytest.fixture
def busy_shop(shop: SmallShop) -> SmallShop:
    bulk_orders(shop, 700)
    return shop


def all_rows(db: Database, spec: OrderQuery, page_size: int = 100) -> list[OrderRow]:
    rows: list[OrderRow] = []
    while True:
        page = list_orders(db.uow(), spec, offset=len(rows), limit=page_size, count=False)
        rows += page.rows
        if not page.has_more:
            return rows


def numbers(db: Database, spec: OrderQuery) -> list[str]:
    return [row.number for row in all_rows(db, spec)]


def scalar(db: Database, statement: str, **params: Any) -> Any:
    with db.uow() as uow:
        return uow.session.execute(text(statement), params).scalar()


# --- rows and totals ---------------------------------------------------------------------------


def test_an_order_lists_with_its_channel_lines_units_and_total_of_lines_plus_shipping(
        shop: SmallShop) -> None:
    enter(shop, "TM-1", (("SHIRT-WHITE", 2, "55.00"), ("FLASK-1", 1, "88.00")),
          customer="Li Wei", shipping="8.50")
    page = list_orders(shop.db.uow(), OrderQuery())
    assert page.total == 1 and not page.has_more
    row = page.rows[0]
    assert (row.channel, row.number, row.customer_name, row.status, row.currency) == (
        "Tmall 天猫", "TM-1", "Li Wei", OrderStatus.PAID, "CNY")
    assert (row.lines, row.units, row.total) == (2, 3, Decimal("206.50"))
    assert row.ordered_at == START


def test_every_order_total_equals_the_sum_of_its_lines_and_shipping_in_sql(
        busy_shop: SmallShop) -> None:
    rows = all_rows(busy_shop.db, OrderQuery())
    assert len(rows) == 700
    assert sum(row.total for row in rows) == Decimal(scalar(
        busy_shop.db, "SELECT (SELECT sum(line_total) FROM order_lines)"
        " + (SELECT sum(shipping) FROM orders)")) / 100
    assert sum(row.units for row in rows) == scalar(busy_shop.db,
                                                    "SELECT sum(quantity) FROM order_lines")
    assert sum(row.lines for row in rows) == scalar(busy_shop.db,
                                                    "SELECT count(*) FROM order_lines")


def test_the_detail_of_an_order_has_its_lines_in_order_and_the_same_total_as_its_row(
        shop: SmallShop) -> None:
    order_id = enter(shop, "TM-2", (("FLASK-1", 1, "88.00"), ("SHIRT-BLUE", 3, "50")),
                     shipping="6", status=OrderStatus.SHIPPED)
    detail = get_order(shop.db.uow(), order_id)
    assert [(line.sku, line.quantity, line.line_total) for line in detail.lines] == [
        ("FLASK-1", 1, Decimal("88.00")), ("SHIRT-BLUE", 3, Decimal("150.00"))]
    assert detail.lines[1].title == "Linen shirt 亚麻衬衫"
    assert detail.row == list_orders(shop.db.uow(), OrderQuery()).rows[0]
    assert detail.row.total == Decimal("244.00") and detail.shipping == Decimal("6.00")
    assert detail.stock_issued is True and detail.refunded == Decimal("0.00")


def test_asking_for_an_order_that_is_not_there_says_so(shop: SmallShop) -> None:
    with pytest.raises(NotFoundError, match="Order 999 does not exist"):
        get_order(shop.db.uow(), 999)


# --- filters -----------------------------------------------------------------------------------


def test_a_calendar_day_is_the_shops_day_not_the_utc_day(shop: SmallShop) -> None:
    # 15:59 UTC is 23:59 in Shanghai on 1 March; 16:00 UTC is already 2 March there.
    enter(shop, "LATE", (("FLASK-1", 1, "88"),), at=datetime(2026, 3, 1, 15, 59, tzinfo=UTC))
    enter(shop, "NEXT", (("FLASK-1", 1, "88"),), at=datetime(2026, 3, 1, 16, 0, tzinfo=UTC))
    march_1 = OrderQuery(start=date(2026, 3, 1), end=date(2026, 3, 2))
    march_2 = OrderQuery(start=date(2026, 3, 2), end=date(2026, 3, 3))
    assert numbers(shop.db, march_1) == ["LATE"]
    assert numbers(shop.db, march_2) == ["NEXT"]
    update_settings(shop.db.uow(), shop_name="Test", currency="CNY", timezone="UTC",
                    min_margin="0.2")
    assert numbers(shop.db, march_1) == ["NEXT", "LATE"]
    assert numbers(shop.db, march_2) == []


def test_a_period_includes_its_first_day_and_stops_before_its_end(shop: SmallShop) -> None:
    # Shanghai's midnights of 1, 2 and 3 March, in UTC.
    midnights = (datetime(2026, 2, 28, 16, tzinfo=UTC), datetime(2026, 3, 1, 16, tzinfo=UTC),
                 datetime(2026, 3, 2, 16, tzinfo=UTC))
    for day, at in enumerate(midnights, start=1):
        enter(shop, f"D{day}", (("FLASK-1", 1, "88"),), at=at)
    assert numbers(shop.db, OrderQuery(start=date(2026, 3, 2), end=date(2026, 3, 3))) == ["D2"]
    assert numbers(shop.db, OrderQuery(start=date(2026, 3, 2))) == ["D3", "D2"]
    assert numbers(shop.db, OrderQuery(end=date(2026, 3, 2))) == ["D1"]


def test_channel_and_status_filters_and_open_means_pending_or_paid(busy_shop: SmallShop) -> None:
    db = busy_shop.db
    shopify = all_rows(db, OrderQuery(channel_id=busy_shop.shopify))
    assert {row.channel for row in shopify} == {"Shopify"}
    assert len(shopify) == scalar(db, "SELECT count(*) FROM orders WHERE channel_id = :c",
                                  c=busy_shop.shopify)
    refunded = all_rows(db, OrderQuery(status="refunded"))
    assert refunded and {row.status for row in refunded} == {OrderStatus.REFUNDED}
    open_rows = all_rows(db, OrderQuery(status=OPEN))
    assert {row.status for row in open_rows} == {OrderStatus.PENDING, OrderStatus.PAID}
    assert len(open_rows) == scalar(db, "SELECT count(*) FROM orders"
                                        " WHERE status IN ('pending', 'paid')")


def test_filters_combine_and_the_count_agrees_with_the_rows(busy_shop: SmallShop) -> None:
    spec = OrderQuery(channel_id=busy_shop.tmall, status="shipped",
                      start=date(2026, 3, 10), end=date(2026, 4, 10), search="alice")
    rows = all_rows(busy_shop.db, spec)
    assert rows and count_orders(busy_shop.db.uow(), spec) == len(rows)
    assert all(row.channel == "Tmall 天猫" and row.status == OrderStatus.SHIPPED
               and row.customer_name == "Alice Smith" for row in rows)


# --- search ------------------------------------------------------------------------------------


def test_search_finds_orders_by_number_customer_or_a_sku_on_any_line(shop: SmallShop) -> None:
    enter(shop, "TM-100", (("SHIRT-WHITE", 1, "55"),), customer="王伟")
    enter(shop, "TM-200", (("FLASK-1", 1, "88"), ("SHIRT-BLUE", 1, "55")), customer="Alice")
    assert numbers(shop.db, OrderQuery(search="100")) == ["TM-100"]
    assert numbers(shop.db, OrderQuery(search="王")) == ["TM-100"]
    assert numbers(shop.db, OrderQuery(search="ALICE")) == ["TM-200"]
    assert numbers(shop.db, OrderQuery(search="shirt-blue")) == ["TM-200"]
    assert sorted(numbers(shop.db, OrderQuery(search="SHIRT"))) == ["TM-100", "TM-200"]


def test_every_word_of_a_search_must_match(shop: SmallShop) -> None:
    enter(shop, "TM-100", (("SHIRT-WHITE", 1, "55"),), customer="王伟")
    enter(shop, "TM-200", (("SHIRT-BLUE", 1, "55"),), customer="Alice")
    assert numbers(shop.db, OrderQuery(search="shirt alice")) == ["TM-200"]
    assert numbers(shop.db, OrderQuery(search="flask alice")) == []


def test_wildcards_typed_in_a_search_are_taken_literally(shop: SmallShop) -> None:
    enter(shop, "50%_OFF", (("FLASK-1", 1, "88"),))
    enter(shop, "500FF", (("FLASK-1", 1, "88"),))
    assert numbers(shop.db, OrderQuery(search="50%_")) == ["50%_OFF"]
    assert numbers(shop.db, OrderQuery(search="%")) == ["50%_OFF"]


# --- sorting and paging ------------------------------------------------------------------------

SORT_VALUE = {
    "date": lambda r: r.ordered_at, "channel": lambda r: (r.channel, r.ordered_at),
    "number": lambda r: r.number, "customer": lambda r: (r.customer_name, r.ordered_at),
    "status": lambda r: (r.status.value, r.ordered_at), "lines": lambda r: r.lines,
    "units": lambda r: r.units, "total": lambda r: r.total,
}


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_every_column_sorts_all_orders_both_ways_with_the_id_breaking_ties(
        busy_shop: SmallShop, key: str, descending: bool) -> None:
    rows = all_rows(busy_shop.db, OrderQuery(sort=key, descending=descending), page_size=128)
    expected = sorted(rows, key=lambda r: (SORT_VALUE[key](r), r.id), reverse=descending)
    assert [r.id for r in rows] == [r.id for r in expected]


def test_pages_follow_on_without_gaps_or_repeats_and_say_when_more_follow(
        busy_shop: SmallShop) -> None:
    db, spec = busy_shop.db, OrderQuery(sort="customer")
    first = list_orders(db.uow(), spec, limit=300)
    assert (len(first.rows), first.total, first.has_more) == (300, 700, True)
    last = list_orders(db.uow(), spec, offset=600, limit=300, count=False)
    assert (len(last.rows), last.total, last.has_more) == (100, None, False)
    every = all_rows(db, spec, page_size=64)
    assert len({row.id for row in every}) == 700
    assert [row.id for row in every[:300]] == [row.id for row in first.rows]
    assert [row.id for row in every[600:]] == [row.id for row in last.rows]


def test_a_search_with_no_match_gives_an_empty_page_and_a_zero_count(busy_shop: SmallShop) -> None:
    spec = OrderQuery(search="no-such-order")
    page = list_orders(busy_shop.db.uow(), spec)
    assert (page.rows, page.total, page.has_more) == ([], 0, False)
    assert count_orders(busy_shop.db.uow(), spec) == 0


# --- the order form's lookups ------------------------------------------------------------------


def test_sku_suggestions_match_a_sku_prefix_or_a_title_word_with_the_channels_price(
        shop: SmallShop) -> None:
    by_sku = suggest_skus(shop.db.uow(), "shirt-", shop.tmall)
    assert [(c.sku, c.price) for c in by_sku] == [("SHIRT-BLUE", Decimal("59.90")),
                                                   ("SHIRT-WHITE", Decimal("55.00"))]
    assert by_sku[1].title == "Linen shirt 亚麻衬衫 · White" and by_sku[1].on_hand == 50
    on_shopify = suggest_skus(shop.db.uow(), "亚麻", shop.shopify)
    assert [(c.sku, c.price) for c in on_shopify] == [("SHIRT-BLUE", Decimal("59.90")),
                                                      ("SHIRT-WHITE", Decimal("59.90"))]
    assert [c.sku for c in suggest_skus(shop.db.uow(), "HITE", shop.tmall)] == []  # not a prefix
    assert suggest_skus(shop.db.uow(), "  ", shop.tmall) == []
    assert len(suggest_skus(shop.db.uow(), "S", shop.tmall, limit=1)) == 1


def test_archived_skus_are_not_suggested_but_an_exact_sku_is_still_found(shop: SmallShop) -> None:
    product_id = scalar(shop.db, "SELECT product_id FROM variants WHERE sku = 'FLASK-1'")
    draft = get_product(shop.db.uow(), product_id).draft
    archived = dataclasses.replace(draft.variants[0], archived=True)
    save_product(shop.db.uow(), dataclasses.replace(draft, variants=(archived,)), product_id)
    assert suggest_skus(shop.db.uow(), "FLASK", shop.tmall) == []
    found = sku_choice(shop.db.uow(), " FLASK-1 ", shop.tmall)
    assert found is not None and found.price == Decimal("88.00")
    assert sku_choice(shop.db.uow(), "NOPE", shop.tmall) is None


def test_an_order_number_is_taken_only_on_its_own_channel(shop: SmallShop) -> None:
    enter(shop, "A-1", (("FLASK-1", 1, "88"),))
    assert order_number_taken(shop.db.uow(), shop.tmall, " A-1 ")
    assert not order_number_taken(shop.db.uow(), shop.shopify, "A-1")
    assert not order_number_taken(shop.db.uow(), shop.tmall, "A-2")

