"""Editing an order until it ships: lines, quantities, prices, customer and notes change; the
committed stock follows the lines exactly, no ledger movement is written, the audit trail says
what changed, and a shipped or cancelled order (or any refused edit) changes nothing."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.i18n import CHINESE, language
from ecdesk.models import OrderStatus
from ecdesk.services.changes import ChangeArea
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.orders.edit import edit_order, order_draft
from ecdesk.services.orders.queries import get_order
from ecdesk.services.stock.queries import sku_stock
from tests.integration.order_fixtures import START, SmallShop, enter, small_shop


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop, stock=10)


def committed(shop: SmallShop, sku: str) -> int:
    return sku_stock(shop.db.uow(), shop.skus[sku]).figures.committed


def order_movements(shop: SmallShop) -> int:
    with shop.db.uow() as uow:
        return uow.session.execute(text(
            "SELECT count(*) FROM stock_movements WHERE order_id IS NOT NULL")).scalar_one()


def stored(shop: SmallShop, order_id: int) -> tuple:
    """Everything an edit could write, to compare before and after a refusal."""
    with shop.db.uow() as uow:
        head = uow.session.execute(text(
            "SELECT number, customer_name, customer_key, customer_id, shipping, platform_fees, "
            "note, line_count, units, goods_total, updated_at FROM orders WHERE id = :id"),
            {"id": order_id}).one()
        lines = uow.session.execute(text(
            "SELECT id, position, variant_id, quantity, unit_price, discount, line_total "
            "FROM order_lines WHERE order_id = :id ORDER BY id"), {"id": order_id}).all()
        audit = uow.session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    return tuple(head), [tuple(line) for line in lines], audit


def with_lines(draft: OrderDraft, *lines: tuple[str, int, str]) -> OrderDraft:
    return dataclasses.replace(
        draft, lines=tuple(OrderLineDraft(sku, qty, price) for sku, qty, price in lines))


def test_an_open_order_reads_back_as_the_draft_it_was_entered_with(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")),
                     customer="王伟", shipping="10")
    draft = order_draft(shop.db.uow(), order_id)
    assert (draft.channel_id, draft.number, draft.status) == (shop.tmall, "E-1", OrderStatus.PAID)
    assert [(line.sku, line.quantity, line.unit_price) for line in draft.lines] == [
        ("SHIRT-WHITE", 2, Decimal("55.00")), ("FLASK-1", 1, Decimal("88.00"))]
    assert (draft.customer_name, draft.customer_key, draft.shipping) == (
        "王伟", "", Decimal("10.00"))


def test_editing_lines_moves_the_committed_units_and_writes_no_stock_movement(
        shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")))
    assert (committed(shop, "SHIRT-WHITE"), committed(shop, "FLASK-1")) == (2, 1)
    draft = with_lines(order_draft(shop.db.uow(), order_id),
                       ("SHIRT-WHITE", 5, "50"), ("SHIRT-BLUE", 1, "55"))
    changed = edit_order(shop.db.uow(), order_id, draft)
    assert ChangeArea.ORDERS in changed.areas and ChangeArea.STOCK in changed.areas
    assert changed.message == "Order E-1 changed"
    assert (committed(shop, "SHIRT-WHITE"), committed(shop, "SHIRT-BLUE"),
            committed(shop, "FLASK-1")) == (5, 1, 0)
    assert order_movements(shop) == 0
    detail = get_order(shop.db.uow(), order_id)
    assert [(line.sku, line.quantity, line.line_total) for line in detail.lines] == [
        ("SHIRT-WHITE", 5, Decimal("250.00")), ("SHIRT-BLUE", 1, Decimal("55.00"))]
    # The stored sums the Orders table sorts by follow the lines.
    assert stored(shop, order_id)[0][7:10] == (2, 6, 30500)  # (minor units)


def test_an_edit_then_shipping_takes_exactly_the_edited_units_off_the_shelf(
        shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")))
    edit_order(shop.db.uow(), order_id, with_lines(order_draft(shop.db.uow(), order_id),
                                                   ("FLASK-1", 3, "88")))
    set_orders_status(shop.db.uow(), [order_id], OrderStatus.SHIPPED)
    stock = {sku: sku_stock(shop.db.uow(), vid).figures for sku, vid in shop.skus.items()}
    assert {sku: (f.on_hand, f.committed) for sku, f in stock.items()} == {
        "SHIRT-WHITE": (10, 0), "SHIRT-BLUE": (10, 0), "FLASK-1": (7, 0)}


def test_a_kept_line_keeps_its_id_and_cost_while_a_removed_one_goes(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")))
    _head, lines, _audit = stored(shop, order_id)
    flask_line = lines[1][0]
    edit_order(shop.db.uow(), order_id, with_lines(order_draft(shop.db.uow(), order_id),
                                                   ("FLASK-1", 2, "80")))
    _head, lines, _audit = stored(shop, order_id)
    assert [(line[0], line[1], line[3], line[4]) for line in lines] == [
        (flask_line, 0, 2, 8000)]


def test_the_customer_notes_shipping_and_fees_change_and_the_customer_is_relinked(
        shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 1, "55"),), customer="王伟")
    before = stored(shop, order_id)[0][3]
    draft = dataclasses.replace(order_draft(shop.db.uow(), order_id), customer_name="李娜",
                                number="E-1b", note=" leave at the door ", shipping="12",
                                platform_fees="3.30")
    edit_order(shop.db.uow(), order_id, draft)
    head = stored(shop, order_id)[0]
    assert head[:3] == ("E-1b", "李娜", "李娜")
    assert head[3] is not None and head[3] != before
    assert head[4:7] == (1200, 330, "leave at the door")  # (money in minor units)
    detail = get_order(shop.db.uow(), order_id)
    assert detail.row.total == Decimal("67.00")


def test_the_audit_trail_has_the_lines_before_and_after_the_edit(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    edit_order(shop.db.uow(), order_id, with_lines(order_draft(shop.db.uow(), order_id),
                                                   ("SHIRT-WHITE", 3, "55")))
    with shop.db.uow() as uow:
        changes = uow.session.execute(text(
            "SELECT changes FROM audit_log WHERE entity = 'orders' AND entity_id = :id "
            "AND changes LIKE '%\"lines\"%'"), {"id": order_id}).scalar_one()
    assert json.loads(changes) == {"lines": ["SHIRT-WHITE x2 @ 55.00", "SHIRT-WHITE x3 @ 55.00"]}


@pytest.mark.parametrize("status", [OrderStatus.SHIPPED, OrderStatus.COMPLETED,
                                    OrderStatus.CANCELLED, OrderStatus.REFUNDED])
def test_an_order_that_shipped_or_ended_refuses_any_edit_with_its_reason(
        shop: SmallShop, status: OrderStatus) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),), status=status)
    draft = with_lines(order_draft(shop.db.uow(), order_id), ("SHIRT-WHITE", 1, "55"))
    before = stored(shop, order_id)
    with pytest.raises(ValidationError) as refused:
        edit_order(shop.db.uow(), order_id, draft)
    assert [str(p) for p in refused.value.problems] == [
        f"Status: order E-1 is {status.value}: only an order not shipped yet (pending or paid) "
        "can be edited"]
    assert stored(shop, order_id) == before


def test_a_refused_edit_writes_nothing_and_names_every_problem(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    enter(shop, "E-2", (("FLASK-1", 1, "88"),))
    draft = dataclasses.replace(
        with_lines(order_draft(shop.db.uow(), order_id), ("SHIRT-WHITE", 4, "55"),
                   ("NO-SUCH", 1, "5")),
        number="E-2", channel_id=shop.shopify, status=OrderStatus.PENDING)
    before = stored(shop, order_id)
    with pytest.raises(ValidationError) as refused:
        edit_order(shop.db.uow(), order_id, draft)
    fields = [p.field for p in refused.value.problems]
    assert fields == ["Channel", "Status", "Order number", "SKU"]
    assert stored(shop, order_id) == before
    assert committed(shop, "SHIRT-WHITE") == 2


def test_bad_typed_values_are_refused_before_anything_is_read(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    draft = dataclasses.replace(
        with_lines(order_draft(shop.db.uow(), order_id), ("SHIRT-WHITE", 0, "abc")),
        shipping="-1")
    before = stored(shop, order_id)
    with pytest.raises(ValidationError) as refused:
        edit_order(shop.db.uow(), order_id, draft)
    assert {p.field for p in refused.value.problems} == {"Quantity", "Unit price", "Shipping"}
    empty = dataclasses.replace(draft, lines=())
    with pytest.raises(ValidationError, match="at least one line"):
        edit_order(shop.db.uow(), order_id, empty)
    assert stored(shop, order_id) == before


def test_a_missing_order_is_not_found(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    draft = order_draft(shop.db.uow(), order_id)
    with pytest.raises(NotFoundError):
        edit_order(shop.db.uow(), order_id + 99, draft)


def test_an_order_cannot_shrink_below_what_was_already_refunded(shop: SmallShop) -> None:
    from ecdesk.services.orders.refunds import record_refund

    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    record_refund(shop.db.uow(), order_id, "100", reason="price match")
    draft = with_lines(order_draft(shop.db.uow(), order_id), ("SHIRT-WHITE", 1, "55"))
    before = stored(shop, order_id)
    with pytest.raises(ValidationError, match=r"less than the 100\.00 already refunded"):
        edit_order(shop.db.uow(), order_id, draft)
    assert stored(shop, order_id) == before


def test_a_line_a_refund_names_cannot_be_removed(shop: SmallShop) -> None:
    from ecdesk.services.orders.refunds import record_refund

    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")))
    flask_line = stored(shop, order_id)[1][1][0]
    record_refund(shop.db.uow(), order_id, "8", reason="dent", order_line_id=flask_line)
    draft = with_lines(order_draft(shop.db.uow(), order_id), ("SHIRT-WHITE", 2, "55"))
    with pytest.raises(ValidationError, match="line of FLASK-1 cannot be removed"):
        edit_order(shop.db.uow(), order_id, draft)


def test_a_refusal_in_chinese_names_the_status_in_chinese(shop: SmallShop) -> None:
    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),), status=OrderStatus.SHIPPED)
    draft = order_draft(shop.db.uow(), order_id)
    with language(CHINESE), pytest.raises(ValidationError) as refused:
        edit_order(shop.db.uow(), order_id, draft)
    message = str(refused.value.problems[0].message)
    assert "已发货" in message and "shipped" not in message


def test_the_command_line_edits_lines_customer_and_note(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    from ecdesk.cli.parser import main

    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")))
    code = main(["order", "edit", "E-1", "--db", str(shop.db.path), "--line", "SHIRT-WHITE=3",
                 "--line", "SHIRT-BLUE=1", "--remove", "FLASK-1", "--line", "SHIRT-WHITE=4@50",
                 "--customer", "李娜", "--note", "gift wrap", "--address", "上海市 徐汇区 1号"])
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.splitlines() == [
        # SHIRT-BLUE at its list price: it is not listed on Tmall.
        "Order E-1 changed", "  SHIRT-WHITE x4 @ 50", "  SHIRT-BLUE x1 @ 59.90"]
    detail = get_order(shop.db.uow(), order_id)
    assert [(line.sku, line.quantity, line.unit_price) for line in detail.lines] == [
        ("SHIRT-WHITE", 4, Decimal("50.00")), ("SHIRT-BLUE", 1, Decimal("59.90"))]
    assert (detail.row.customer_name, detail.note, detail.ship_to) == (
        "李娜", "gift wrap", "上海市 徐汇区 1号")
    assert committed(shop, "FLASK-1") == 0


@pytest.mark.parametrize(("args", "code", "error"), [
    (("E-9",), 2, "there is no order E-9"),
    (("E-1", "--channel", "Shopify"), 2, "there is no order E-1 on Shopify"),
    (("E-1", "--remove", "FLASK-1"), 3, "FLASK-1 is not on order E-1"),
    (("E-1", "--line", "SHIRT-WHITE=0"), 3, "'0' is not a whole number above 0"),
    (("E-1", "--line", "NOPE=1"), 3, "'NOPE' is not in the catalog"),
    (("E-1", "--shipping", "free"), 3, "Shipping"),
])
def test_the_command_line_refuses_bad_edits_and_writes_nothing(
        shop: SmallShop, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int,
        error: str) -> None:
    from ecdesk.cli.parser import main

    order_id = enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    before = stored(shop, order_id)
    assert main(["order", "edit", *args, "--db", str(shop.db.path)]) == code
    assert error in capsys.readouterr().err
    assert stored(shop, order_id) == before


def test_the_command_line_refuses_a_shipped_order_with_its_reason(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    from ecdesk.cli.parser import main

    enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),), status=OrderStatus.SHIPPED)
    assert main(["order", "edit", "E-1", "--db", str(shop.db.path), "--note", "x"]) == 3
    assert "order E-1 is shipped: only an order not shipped yet" in capsys.readouterr().err


def test_a_malformed_line_option_is_a_usage_error(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    from ecdesk.cli.parser import main

    enter(shop, "E-1", (("SHIRT-WHITE", 2, "55"),))
    assert main(["order", "edit", "E-1", "--db", str(shop.db.path), "--line", "SHIRT"]) == 2
    assert "'SHIRT' is not SKU=QTY or SKU=QTY@PRICE" in capsys.readouterr().err


def test_the_shipping_address_is_entered_corrected_before_shipping_and_shown(
        shop: SmallShop) -> None:
    from ecdesk.services.orders.commands import record_order

    draft = OrderDraft(shop.tmall, "E-9", START, (OrderLineDraft("FLASK-1", 1, "88"),),
                       ship_to=" 上海市 徐汇区 1号 ")
    order_id = record_order(shop.db.uow(), draft).ids[0]
    assert get_order(shop.db.uow(), order_id).ship_to == "上海市 徐汇区 1号"
    edited = dataclasses.replace(order_draft(shop.db.uow(), order_id), ship_to="北京市 朝阳区 2号")
    edit_order(shop.db.uow(), order_id, edited)
    assert get_order(shop.db.uow(), order_id).ship_to == "北京市 朝阳区 2号"
    with pytest.raises(ValidationError, match="Ship to: is longer than 500 characters"):
        edit_order(shop.db.uow(), order_id, dataclasses.replace(edited, ship_to="x" * 501))
    assert get_order(shop.db.uow(), order_id).ship_to == "北京市 朝阳区 2号"
