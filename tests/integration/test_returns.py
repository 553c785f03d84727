"""Returns per order line move stock once: received goods go back on the shelf (or are written
off when damaged) and a later refund, cancel or re-import restocks only what is still out."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import OrderStatus
from ecdesk.services.orders.commands import set_order_status, set_orders_status
from ecdesk.services.orders.refunds import record_refund
from ecdesk.services.orders_io import import_orders, read_orders_file
from ecdesk.services.returns.dto import ReturnLineDraft
from ecdesk.services.returns.receive import receive_return
from ecdesk.services.returns.window import set_return_window
from tests.conftest import open_copy
from tests.order_import_files import (
    OrderShop,
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
)

FULFILLED = "2024-03-06 09:00:00 -0500"
SHIPPED_AT = datetime(2024, 3, 6, 14, 0, tzinfo=UTC)
IN_WINDOW = SHIPPED_AT + timedelta(days=3)


def shipped_order_file(folder: Path, financial: str = "paid", fulfillment: str = "fulfilled",
                       **cells: str) -> Path:
    """Order #1: 3 TEE-S and 2 MUG, fulfilled on 6 March (or as the cells say)."""
    return shopify_file(folder, shopify_order(
        "#1", "TEE-S", "3", financial=financial, fulfillment=fulfillment,
        **{"Fulfilled at": FULFILLED, **cells}), shopify_line("#1", "MUG", "2", "40.00"),
        name=f"orders-{financial}-{fulfillment}.csv")


def reimport(shop: OrderShop, folder: Path, financial: str, **cells: str) -> None:
    path = shipped_order_file(folder, financial, **cells)
    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"))


def rows(db: Database, sql: str) -> list[tuple]:
    with db.uow() as uow:
        return [tuple(row) for row in uow.session.execute(text(sql))]


def on_hand(shop: OrderShop) -> dict[str, int]:
    return dict(rows(shop.db, "SELECT sku, on_hand FROM variants"))


def lines(shop: OrderShop) -> dict[str, int]:
    """SKU: the line's id on order #1."""
    return dict(rows(shop.db, "SELECT v.sku, l.id FROM order_lines l "
                              "JOIN variants v ON v.id = l.variant_id ORDER BY l.position"))


def order_id(shop: OrderShop) -> int:
    return rows(shop.db, "SELECT id FROM orders WHERE number = '#1'")[0][0]


@pytest.fixture
def shop(tmp_shop: Database, tmp_path: Path) -> OrderShop:
    shop = order_shop(tmp_shop)
    import_orders(shop.db.uow(), read_orders_file(shipped_order_file(tmp_path),
                                                  timezone="Asia/Shanghai"))
    return shop


def test_a_sellable_return_puts_the_units_back_and_counts_them_on_the_line(shop: OrderShop):
    assert on_hand(shop)["TEE-S"] == 7
    receive_return(shop.db.uow(), order_id(shop),
                   [ReturnLineDraft(lines(shop)["TEE-S"], 2, "sellable", "wrong_size")],
                   at=IN_WINDOW, reference="T-000001")
    assert on_hand(shop)["TEE-S"] == 9
    assert rows(shop.db, "SELECT returned_quantity FROM order_lines ORDER BY position") == [
        (2,), (0,)]
    assert rows(shop.db, "SELECT kind, quantity, reference FROM stock_movements "
                         "WHERE kind = 'returned'") == [("returned", 2, "T-000001")]


def test_a_damaged_return_is_received_then_written_off(shop: OrderShop):
    receive_return(shop.db.uow(), order_id(shop),
                   [ReturnLineDraft(lines(shop)["MUG"], 1, "damaged", "transit_damage")],
                   at=IN_WINDOW)
    assert on_hand(shop)["MUG"] == 8
    assert rows(shop.db, "SELECT kind, quantity FROM stock_movements WHERE order_id IS NOT NULL "
                         "AND kind != 'sold' ORDER BY id") == [("returned", 1),
                                                               ("written_off", -1)]


def test_a_refund_after_a_return_restocks_only_what_had_not_come_back(shop: OrderShop):
    receive_return(shop.db.uow(), order_id(shop),
                   [ReturnLineDraft(lines(shop)["TEE-S"], 2)], at=IN_WINDOW)
    set_order_status(shop.db.uow(), order_id(shop), OrderStatus.REFUNDED)
    assert on_hand(shop) == {"TEE-S": 10, "TEE-M": 10, "MUG": 10}


def test_a_reimported_refund_after_a_full_return_moves_no_stock(shop: OrderShop, tmp_path):
    receive_return(shop.db.uow(), order_id(shop), [
        ReturnLineDraft(lines(shop)["TEE-S"], 3), ReturnLineDraft(lines(shop)["MUG"], 2)],
        at=IN_WINDOW)
    before = rows(shop.db, "SELECT count(*) FROM stock_movements")
    reimport(shop, tmp_path, "refunded", **{"Refunded Amount": "175.00"})
    assert on_hand(shop) == {"TEE-S": 10, "TEE-M": 10, "MUG": 10}
    assert rows(shop.db, "SELECT count(*) FROM stock_movements") == before
    assert rows(shop.db, "SELECT amount, reason FROM order_refunds") == [
        (17500, "Order import")]


def test_returning_more_than_was_shipped_is_refused_and_nothing_is_written(shop: OrderShop):
    with pytest.raises(ValidationError) as refused:
        receive_return(shop.db.uow(), order_id(shop), [
            ReturnLineDraft(lines(shop)["TEE-S"], 2), ReturnLineDraft(lines(shop)["TEE-S"], 2)],
            at=IN_WINDOW)
    assert "returning 4 is more than was shipped and not yet back (3 of 3 shipped)" in str(
        refused.value)
    assert on_hand(shop)["TEE-S"] == 7
    assert rows(shop.db, "SELECT count(*) FROM order_returns") == [(0,)]


def test_returning_goods_of_an_order_never_shipped_is_refused(shop: OrderShop, tmp_path):
    path = shopify_file(tmp_path, shopify_order("#2", "TEE-S", "1"), name="second.csv")
    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"))
    [(second, line)] = rows(shop.db, "SELECT o.id, l.id FROM orders o JOIN order_lines l ON "
                                     "l.order_id = o.id WHERE o.number = '#2' AND l.position = 0")
    with pytest.raises(ValidationError, match=r"\(0 of 0 shipped\)"):
        receive_return(shop.db.uow(), second, [ReturnLineDraft(line, 1)], at=IN_WINDOW)


def test_a_return_after_the_channels_window_needs_the_override(shop: OrderShop):
    # No delivery time: delivered 3 transit days after shipping, then the 7 days, then 1 more.
    late = SHIPPED_AT + timedelta(days=3 + 7 + 1)
    draft = [ReturnLineDraft(lines(shop)["TEE-S"], 1)]
    with pytest.raises(ValidationError, match="return window of 7 day"):
        receive_return(shop.db.uow(), order_id(shop), draft, at=late)
    assert on_hand(shop)["TEE-S"] == 7
    receive_return(shop.db.uow(), order_id(shop), draft, at=late, override_window=True)
    assert rows(shop.db, "SELECT window_overridden FROM order_returns") == [(1,)]


def test_unknown_reasons_conditions_and_lines_are_named(shop: OrderShop):
    with pytest.raises(ValidationError) as refused:
        receive_return(shop.db.uow(), order_id(shop), [
            ReturnLineDraft(lines(shop)["TEE-S"], 1, "broken", "because"),
            ReturnLineDraft(999_999, 1), ReturnLineDraft(lines(shop)["MUG"], 0)], at=IN_WINDOW)
    assert [p.field for p in refused.value.problems] == ["Condition", "Reason", "Line",
                                                         "Quantity"]


def test_partial_refunds_add_up_on_the_order_and_cannot_exceed_its_total(shop: OrderShop):
    record_refund(shop.db.uow(), order_id(shop), "30.00", reason="one tee")
    record_refund(shop.db.uow(), order_id(shop), Decimal("40"), order_line_id=lines(shop)["MUG"])
    assert rows(shop.db, "SELECT refunded, status FROM orders") == [(7000, "shipped")]
    with pytest.raises(ValidationError, match=r"105\.01 is more than the 105\.00 left"):
        record_refund(shop.db.uow(), order_id(shop), "105.01")
    with pytest.raises(ValidationError, match="not an amount above zero"):
        record_refund(shop.db.uow(), order_id(shop), "0")
    assert rows(shop.db, "SELECT count(*) FROM order_refunds") == [(2,)]


def test_refunding_the_rest_by_status_records_only_the_difference(shop: OrderShop):
    record_refund(shop.db.uow(), order_id(shop), "30.00")
    set_orders_status(shop.db.uow(), [order_id(shop)], OrderStatus.REFUNDED)
    assert rows(shop.db, "SELECT amount FROM order_refunds ORDER BY id") == [(3000,), (14500,)]
    assert rows(shop.db, "SELECT refunded FROM orders") == [(17500,)]


# --- every sequence of returns, refunds, cancels and re-imports restocks each unit once ---

STEPS = st.lists(st.one_of(
    st.tuples(st.just("return"), st.sampled_from(["TEE-S", "MUG"]), st.integers(1, 3),
              st.sampled_from(["sellable", "damaged"])),
    st.tuples(st.just("refund"), st.booleans()),
    st.tuples(st.just("cancel"), st.booleans()),
    st.tuples(st.just("reimport"), st.sampled_from(["refunded", "voided", "paid"])),
), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_any_sequence_of_returns_refunds_cancels_and_reimports_restocks_each_unit_once(
        empty_shop_file: Path, steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_copy(empty_shop_file, Path(folder) / "shop.ecdesk")
        try:
            shop = order_shop(db)
            reimport(shop, Path(folder), "paid")
            damaged = {"TEE-S": 0, "MUG": 0}
            for step in steps:
                # A refused step writes nothing: the invariant must hold after it too.
                with contextlib.suppress(ValidationError):
                    _run(shop, Path(folder), step, damaged)
                _check_units_out_once(shop, damaged)
        finally:
            db.close()


def _run(shop: OrderShop, folder: Path, step: tuple, damaged: dict[str, int]) -> None:
    kind = step[0]
    if kind == "return":
        _, sku, quantity, condition = step
        receive_return(shop.db.uow(), order_id(shop),
                       [ReturnLineDraft(lines(shop)[sku], quantity, condition)], at=IN_WINDOW)
        if condition == "damaged":
            damaged[sku] += quantity
    elif kind in ("refund", "cancel"):
        status = OrderStatus.REFUNDED if kind == "refund" else OrderStatus.CANCELLED
        set_order_status(shop.db.uow(), order_id(shop), status, restock=step[1])
    else:
        reimport(shop, folder, step[1])


def _check_units_out_once(shop: OrderShop, damaged: dict[str, int]) -> None:
    """On hand = 10 - units still out with the buyer - units written off as damaged; and no
    line ever had more units back than it shipped."""
    [(issued,)] = rows(shop.db, "SELECT stock_issued FROM orders WHERE number = '#1'")
    out = dict(rows(shop.db, "SELECT v.sku, l.quantity - l.returned_quantity FROM order_lines l "
                             "JOIN variants v ON v.id = l.variant_id"))
    stock = on_hand(shop)
    for sku in ("TEE-S", "MUG"):
        assert stock[sku] == 10 - (out[sku] if issued else 0) - damaged[sku]
    assert rows(shop.db, "SELECT count(*) FROM order_lines WHERE returned_quantity > quantity "
                         "OR returned_quantity < 0") == [(0,)]


def test_a_longer_return_window_on_the_channel_accepts_a_later_return(shop: OrderShop):
    set_return_window(shop.db.uow(), shop.shopify, 15)
    receive_return(shop.db.uow(), order_id(shop), [ReturnLineDraft(lines(shop)["TEE-S"], 1)],
                   at=SHIPPED_AT + timedelta(days=14))
    assert on_hand(shop)["TEE-S"] == 8


@pytest.mark.parametrize("days", [0, -3, 366, True, "7"])
def test_a_return_window_outside_one_to_365_days_is_refused(shop: OrderShop, days: object):
    with pytest.raises(ValidationError, match="is not a number of days from 1 to 365"):
        set_return_window(shop.db.uow(), shop.shopify, days)  # type: ignore[arg-type]
    assert rows(shop.db, "SELECT DISTINCT return_window_days FROM channels") == [(7,)]
