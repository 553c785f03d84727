"""Changing the status of several orders at once: all or none, stock moved together, refusals
named order by order, and the refunded amount recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.i18n import CHINESE, language
from ecdesk.models import OrderStatus
from ecdesk.services.changes import ChangeArea
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.services.orders.queries import get_order
from tests.integration.order_fixtures import SmallShop, enter, small_shop


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop, stock=10)


def on_hand(shop: SmallShop, sku: str) -> int:
    with shop.db.uow() as uow:
        return uow.session.execute(text("SELECT on_hand FROM variants WHERE sku = :s"),
                                   {"s": sku}).scalar_one()


def movements(shop: SmallShop) -> list[tuple[str, int, str]]:
    with shop.db.uow() as uow:
        return [tuple(r) for r in uow.session.execute(text(
            "SELECT kind, quantity, reference FROM stock_movements WHERE order_id IS NOT NULL "
            "ORDER BY id"))]


def test_shipping_several_orders_issues_the_stock_of_all_of_them(shop: SmallShop) -> None:
    first = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),))
    second = enter(shop, "A-2", (("SHIRT-WHITE", 3, "55"), ("FLASK-1", 1, "88")))
    changed = set_orders_status(shop.db.uow(), [first, second], OrderStatus.SHIPPED)
    assert changed.areas == {ChangeArea.ORDERS, ChangeArea.STOCK}
    assert set(changed.ids) == {first, second}
    assert "2 order(s) shipped" in changed.message
    assert (on_hand(shop, "SHIRT-WHITE"), on_hand(shop, "FLASK-1")) == (5, 9)
    assert movements(shop) == [("sold", -2, "A-1"), ("sold", -3, "A-2"), ("sold", -1, "A-2")]
    assert get_order(shop.db.uow(), second).stock_issued


def test_one_order_that_cannot_move_stops_the_whole_batch_and_is_named(shop: SmallShop) -> None:
    paid = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),))
    cancelled = enter(shop, "A-2", (("FLASK-1", 1, "88"),), status=OrderStatus.CANCELLED)
    refunded = enter(shop, "A-3", (("FLASK-1", 1, "88"),), status=OrderStatus.REFUNDED)
    with pytest.raises(ValidationError) as refused:
        set_orders_status(shop.db.uow(), [paid, cancelled, refunded], OrderStatus.SHIPPED)
    assert [str(p) for p in refused.value.problems] == [
        "Status: order A-2 is cancelled; it cannot become shipped",
        "Status: order A-3 is refunded; it cannot become shipped"]
    assert get_order(shop.db.uow(), paid).row.status == OrderStatus.PAID
    assert movements(shop) == [] and on_hand(shop, "SHIRT-WHITE") == 10


def test_stock_short_for_the_batch_together_is_refused_for_every_sku_at_once(
        shop: SmallShop) -> None:
    orders = [enter(shop, f"A-{n}", (("SHIRT-WHITE", 6, "55"), ("FLASK-1", 6, "88")))
              for n in (1, 2)]
    with pytest.raises(ValidationError) as refused:
        set_orders_status(shop.db.uow(), orders, OrderStatus.SHIPPED)
    fields = sorted(p.field for p in refused.value.problems)
    assert fields == ["SKU FLASK-1", "SKU SHIRT-WHITE"]
    assert "10 on hand; this would take it to -2" in str(refused.value)
    assert movements(shop) == []
    assert {get_order(shop.db.uow(), o).row.status for o in orders} == {OrderStatus.PAID}


def test_cancelling_shipped_orders_returns_their_stock_unless_the_goods_stay_away(
        shop: SmallShop) -> None:
    back = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),), status=OrderStatus.SHIPPED)
    lost = enter(shop, "A-2", (("FLASK-1", 1, "88"),), status=OrderStatus.SHIPPED)
    set_orders_status(shop.db.uow(), [back], OrderStatus.CANCELLED, restock=True)
    set_orders_status(shop.db.uow(), [lost], OrderStatus.CANCELLED, restock=False)
    assert (on_hand(shop, "SHIRT-WHITE"), on_hand(shop, "FLASK-1")) == (10, 9)
    assert not get_order(shop.db.uow(), back).stock_issued
    assert get_order(shop.db.uow(), lost).stock_issued
    assert movements(shop)[-1] == ("returned", 2, "A-1")


def test_a_refund_records_the_amount_typed_or_else_the_whole_order(shop: SmallShop) -> None:
    partly = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),), shipping="8",
                   status=OrderStatus.SHIPPED)
    wholly = enter(shop, "A-2", (("FLASK-1", 1, "88"),), shipping="5.5")
    set_orders_status(shop.db.uow(), [partly], OrderStatus.REFUNDED, refunded="20,50",
                      restock=False)
    set_orders_status(shop.db.uow(), [wholly], OrderStatus.REFUNDED)
    assert get_order(shop.db.uow(), partly).refunded == Decimal("20.50")
    assert get_order(shop.db.uow(), wholly).refunded == Decimal("93.50")
    assert on_hand(shop, "SHIRT-WHITE") == 8  # kept by the buyer: not restocked


@pytest.mark.parametrize(("typed", "message"), [
    ("118.01", "Refunded: 118.01 is more than the order's total 118.00"),
    ("-1", "Refunded: '-1' is negative"),
    ("1O", "Refunded: '1O' is not a number"),
    ("1.005", "Refunded: '1.005' has more than two decimals"),
])
def test_a_refunded_amount_that_does_not_fit_the_order_is_refused(
        shop: SmallShop, typed: str, message: str) -> None:
    order = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),), shipping="8")
    with pytest.raises(ValidationError) as refused:
        set_orders_status(shop.db.uow(), [order], OrderStatus.REFUNDED, refunded=typed)
    assert str(refused.value) == message
    detail = get_order(shop.db.uow(), order)
    assert (detail.row.status, detail.refunded) == (OrderStatus.PAID, Decimal("0.00"))


def test_an_amount_cannot_be_shared_by_several_refunds(shop: SmallShop) -> None:
    orders = [enter(shop, f"A-{n}", (("FLASK-1", 1, "88"),)) for n in (1, 2)]
    with pytest.raises(ValidationError, match="one order at a time"):
        set_orders_status(shop.db.uow(), orders, OrderStatus.REFUNDED, refunded="10")


def test_a_batch_naming_a_missing_order_changes_nothing(shop: SmallShop) -> None:
    order = enter(shop, "A-1", (("FLASK-1", 1, "88"),))
    with pytest.raises(NotFoundError, match="1 of the orders no longer exist"):
        set_orders_status(shop.db.uow(), [order, 999], OrderStatus.SHIPPED)
    assert get_order(shop.db.uow(), order).row.status == OrderStatus.PAID


def test_a_chinese_refusal_names_the_statuses_and_the_field_in_chinese(shop: SmallShop) -> None:
    cancelled = enter(shop, "A-2", (("FLASK-1", 1, "88"),), status=OrderStatus.CANCELLED)
    with language(CHINESE), pytest.raises(ValidationError) as refused:
        set_orders_status(shop.db.uow(), [cancelled], OrderStatus.SHIPPED)
    with language(CHINESE):
        said = [str(p) for p in refused.value.problems]
    assert "已取消" in said[0] and "已发货" in said[0] and "Status" not in said[0]


def test_a_chinese_batch_message_names_the_new_status_in_chinese(shop: SmallShop) -> None:
    first = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),))
    with language(CHINESE):
        changed = set_orders_status(shop.db.uow(), [first], OrderStatus.SHIPPED)
    assert "已发货" in changed.message and "shipped" not in changed.message
