"""The carrier (快递公司) and tracking number (快递单号) typed when orders are marked shipped:
recorded with the move, found by search, refused (nothing written) when they do not fit."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import OrderStatus
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import get_order, list_orders
from ecdesk.services.orders.shipping import carriers_in_use
from tests.integration.order_fixtures import SmallShop, enter, small_shop


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop, stock=10)


def shipped_with(shop: SmallShop, order_id: int) -> tuple[str, str]:
    detail = get_order(shop.db.uow(), order_id)
    return detail.carrier, detail.tracking_number


def statuses(shop: SmallShop) -> list[str]:
    with shop.db.uow() as uow:
        return list(uow.session.scalars(text("SELECT status FROM orders ORDER BY id")))


def test_shipping_one_order_records_the_carrier_and_tracking_number_typed(
        shop: SmallShop) -> None:
    order = enter(shop, "A-1", (("SHIRT-WHITE", 2, "55"),))
    set_orders_status(shop.db.uow(), [order], OrderStatus.SHIPPED,
                      carrier="  顺丰速运 ", tracking_number="SF 1234 5678 9012")
    assert shipped_with(shop, order) == ("顺丰速运", "SF123456789012")
    assert get_order(shop.db.uow(), order).row.status == OrderStatus.SHIPPED


def test_the_typed_tracking_number_finds_the_order(shop: SmallShop) -> None:
    enter(shop, "A-1", (("SHIRT-WHITE", 1, "55"),))
    order = enter(shop, "A-2", (("FLASK-1", 1, "88"),))
    set_orders_status(shop.db.uow(), [order], OrderStatus.SHIPPED, carrier="中通快递",
                      tracking_number="ZT7788990011")
    found = list_orders(shop.db.uow(), OrderQuery(search="ZT7788990011"))
    assert [row.number for row in found.rows] == ["A-2"]


def test_several_orders_shipped_together_share_the_carrier(shop: SmallShop) -> None:
    first = enter(shop, "A-1", (("SHIRT-WHITE", 1, "55"),))
    second = enter(shop, "A-2", (("FLASK-1", 1, "88"),))
    set_orders_status(shop.db.uow(), [first, second], OrderStatus.SHIPPED, carrier="圆通速递")
    assert shipped_with(shop, first) == shipped_with(shop, second) == ("圆通速递", "")
    assert carriers_in_use(shop.db.uow()) == ["圆通速递"]


def test_shipping_without_a_carrier_keeps_what_the_order_had(shop: SmallShop) -> None:
    order = enter(shop, "A-1", (("SHIRT-WHITE", 1, "55"),))
    with shop.db.uow() as uow:
        uow.session.execute(text("UPDATE orders SET carrier = 'JD 京东物流', "
                                 "tracking_number = 'JD0001' WHERE id = :id"), {"id": order})
        uow.commit()
    set_orders_status(shop.db.uow(), [order], OrderStatus.SHIPPED, carrier="", tracking_number="")
    assert shipped_with(shop, order) == ("JD 京东物流", "JD0001")


@pytest.mark.parametrize(("carrier", "tracking", "ids", "status", "expected"), [
    ("顺丰", "SF1", "both", OrderStatus.SHIPPED,
     "Tracking number: a tracking number can be given for one order at a time"),
    ("顺丰", "SF 12/34", "one", OrderStatus.SHIPPED,
     "Tracking number: SF12/34 may hold only letters, digits and dashes"),
    ("顺丰", "9" * 61, "one", OrderStatus.SHIPPED,
     "Tracking number: is longer than 60 characters"),
    ("快" * 61, "", "one", OrderStatus.SHIPPED, "Carrier: is longer than 60 characters"),
    ("顺丰", "SF1", "one", OrderStatus.COMPLETED,
     "Carrier: a carrier and tracking number are given when an order ships, not when it "
     "becomes completed"),
])
def test_a_carrier_or_tracking_number_that_does_not_fit_is_refused_and_nothing_moves(
        shop: SmallShop, carrier: str, tracking: str, ids: str, status: OrderStatus,
        expected: str) -> None:
    first = enter(shop, "A-1", (("SHIRT-WHITE", 1, "55"),))
    second = enter(shop, "A-2", (("FLASK-1", 1, "88"),))
    chosen = [first, second] if ids == "both" else [first]
    with pytest.raises(ValidationError) as refused:
        set_orders_status(shop.db.uow(), chosen, status, carrier=carrier,
                          tracking_number=tracking)
    assert [str(problem) for problem in refused.value.problems] == [expected]
    assert statuses(shop) == ["paid", "paid"]
    assert shipped_with(shop, first) == ("", "")
