"""Purchase orders against a real shop file: states, receiving at landed cost, returns, the
stock position's "on order", and bad input refused with nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import (
    MovementKind,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Receipt,
    StockMovement,
    SupplierItem,
)
from ecdesk.services.purchasing.purchase_orders import (
    LineDraft,
    cancel_purchase_order,
    close_purchase_order,
    update_purchase_order,
)
from ecdesk.services.purchasing.queries import purchase_order_view
from ecdesk.services.purchasing.receiving import (
    ReceivedLine,
    ReturnedLine,
    receive_purchase_order,
    return_to_supplier,
)
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_dto import AlertKind
from ecdesk.services.stock.commands import PolicyDraft, adjust_stock, set_stock_policy
from ecdesk.services.stock.inventory_dto import InventoryQuery
from ecdesk.services.stock.queries import list_inventory
from ecdesk.services.suppliers.commands import (
    PriceBreak,
    SupplierItemDraft,
    set_supplier_item,
)
from tests.integration.purchasing_fixtures import NOW, PurchasingShop, purchasing_shop

S = PurchaseOrderStatus


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    yield purchasing_shop(tmp_shop)


def status(shop: PurchasingShop, number: str) -> PurchaseOrderStatus:
    with shop.db.uow() as uow:
        return uow.session.scalar(select(PurchaseOrder.status)
                                  .where(PurchaseOrder.number == number))


def on_order(shop: PurchasingShop) -> dict[str, int]:
    page = list_inventory(shop.db.uow(), InventoryQuery(), now=NOW)
    return {row.sku: row.figures.on_order for row in page.rows}


def receipts(shop: PurchasingShop) -> int:
    with shop.db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(Receipt))


def receive(shop: PurchasingShop, number: str, **units: int | tuple[int, int]) -> None:
    lines = [ReceivedLine(sku.replace("_", "-"), *(value if isinstance(value, tuple)
                                                   else (value, 0)))
             for sku, value in units.items()]
    receive_purchase_order(shop.db.uow(), number, lines, at=NOW + timedelta(days=3))


# -- landed cost and the moving average ---------------------------------------------------------

def test_receiving_books_the_landed_cost_and_the_moving_average(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 5}, costs={"MUG-1": "2.50", "TEE-1": "4.00"},
                        shipping="5.00", other="1.00")
    result = receive_purchase_order(shop.db.uow(), number, [ReceivedLine("MUG-1", 10),
                                                            ReceivedLine("TEE-1", 5)])
    # Order costs 6.00 USD x 7.20 = 43.20 CNY, by value 25.00 : 20.00 -> 24.00 and 19.20.
    # MUG 2.50 x 7.20 + 24.00 / 10 = 20.40; TEE 4.00 x 7.20 + 19.20 / 5 = 32.64
    assert result.landed_costs == {"MUG-1": D("20.40"), "TEE-1": D("32.64")}
    # MUG had 5 at 10.00: (50.00 + 204.00) / 15 = 16.93; TEE had none: 32.64
    assert shop.cost("MUG-1") == D("16.93")
    assert shop.cost("TEE-1") == D("32.64")
    assert shop.on_hand("MUG-1") == 15
    assert result.status == S.RECEIVED


def test_a_deliverys_own_costs_are_spread_over_what_it_brought(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 10}, supplier=shop.cny_supplier, rate=None,
                        costs={"MUG-1": "3.00", "TEE-1": "1.00"})
    result = receive_purchase_order(shop.db.uow(), number, [ReceivedLine("MUG-1", 10),
                                                            ReceivedLine("TEE-1", 10)],
                                    shipping_cost=D("4.00"))
    # 4.00 by accepted value 30.00 : 10.00 -> 3.00 and 1.00, over 10 units each
    assert result.landed_costs == {"MUG-1": D("3.30"), "TEE-1": D("1.10")}


def test_an_order_in_the_shops_currency_has_a_rate_of_one(shop: PurchasingShop) -> None:
    number = shop.order({"TEE-1": 2}, supplier=shop.cny_supplier, rate="9.99")
    with shop.db.uow() as uow:
        order = uow.session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number))
        assert (order.currency, order.exchange_rate) == ("CNY", D(1))


# -- partial, over, under, rejected, cancelled --------------------------------------------------

def test_receiving_a_partial_delivery_keeps_the_order_open(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 5})
    assert on_order(shop) == {"MUG-1": 10, "TEE-1": 5}
    receive(shop, number, MUG_1=4)
    assert status(shop, number) == S.PARTLY_RECEIVED
    assert on_order(shop) == {"MUG-1": 6, "TEE-1": 5}
    receive(shop, number, MUG_1=6, TEE_1=5)
    assert status(shop, number) == S.RECEIVED
    assert on_order(shop) == {"MUG-1": 0, "TEE-1": 0}
    close_purchase_order(shop.db.uow(), number)
    assert status(shop, number) == S.CLOSED


def test_rejected_units_stay_on_order_until_replaced_or_closed(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    receive(shop, number, MUG_1=(8, 2))
    line = shop.lines(number)["MUG-1"]
    assert (line.received, line.rejected, line.open_quantity) == (8, 2, 2)
    assert shop.on_hand("MUG-1") == 5 + 8
    close_purchase_order(shop.db.uow(), number)
    line = shop.lines(number)["MUG-1"]
    assert (line.cancelled, line.open_quantity) == (2, 0)


def test_an_over_delivery_is_received_and_expects_nothing_more(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    receive(shop, number, MUG_1=12)
    assert status(shop, number) == S.RECEIVED
    assert shop.lines(number)["MUG-1"].open_quantity == 0
    assert shop.on_hand("MUG-1") == 17


def test_closing_an_under_delivered_order_cancels_the_rest(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 4})
    receive(shop, number, MUG_1=7)
    close_purchase_order(shop.db.uow(), number)
    lines = shop.lines(number)
    assert (lines["MUG-1"].cancelled, lines["TEE-1"].cancelled) == (3, 4)
    assert on_order(shop) == {"MUG-1": 0, "TEE-1": 0}


def test_a_cancelled_order_is_no_longer_on_order(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    cancel_purchase_order(shop.db.uow(), number)
    assert status(shop, number) == S.CANCELLED
    assert on_order(shop)["MUG-1"] == 0


def test_a_draft_is_not_on_order_until_it_is_sent(shop: PurchasingShop) -> None:
    shop.order({"MUG-1": 10}, send=False)
    assert on_order(shop)["MUG-1"] == 0


# -- refused, nothing written -------------------------------------------------------------------

@pytest.mark.parametrize("end", ["cancel", "close"])
def test_receiving_on_a_cancelled_or_closed_order_is_refused(shop: PurchasingShop,
                                                             end: str) -> None:
    number = shop.order({"MUG-1": 10})
    if end == "cancel":
        cancel_purchase_order(shop.db.uow(), number)
    else:
        receive(shop, number, MUG_1=3)
        close_purchase_order(shop.db.uow(), number)
    before, count = shop.on_hand("MUG-1"), receipts(shop)
    with pytest.raises(ValidationError, match=r"cancelled|closed"):
        receive(shop, number, MUG_1=1)
    assert (shop.on_hand("MUG-1"), receipts(shop)) == (before, count)


@pytest.mark.parametrize("accepted", [-1, 2.5, "3", True])
def test_a_negative_or_non_whole_quantity_is_refused(shop: PurchasingShop,
                                                     accepted: object) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 2})
    with pytest.raises(ValidationError, match="whole number"):
        receive_purchase_order(shop.db.uow(), number, [ReceivedLine("TEE-1", 2),
                                                       ReceivedLine("MUG-1", accepted)])
    assert (shop.on_hand("MUG-1"), shop.on_hand("TEE-1"), receipts(shop)) == (5, 0, 0)
    assert shop.lines(number)["TEE-1"].received == 0


def test_a_sku_not_on_the_order_is_refused(shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    with pytest.raises(ValidationError, match="TEE-1 is not on this purchase order"):
        receive(shop, number, MUG_1=1, TEE_1=1)
    assert receipts(shop) == 0


def test_the_lines_of_a_sent_order_cannot_change_but_its_dates_and_notes_can(
        shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    with pytest.raises(ValidationError, match="only its expected date and notes"):
        update_purchase_order(shop.db.uow(), number, expected_on=None, notes="",
                              lines=[LineDraft(shop.ids["MUG-1"], 99, D("1.00"))])
    assert shop.lines(number)["MUG-1"].quantity == 10
    update_purchase_order(shop.db.uow(), number, expected_on=date(2026, 12, 1), notes="ASAP")
    with shop.db.uow() as uow:
        order = uow.session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number))
        assert (order.expected_on, order.notes) == (date(2026, 12, 1), "ASAP")


def test_an_exchange_rate_of_zero_is_refused_and_no_order_is_made(
        shop: PurchasingShop) -> None:
    with pytest.raises(ValidationError, match="Exchange rate: must be above zero"):
        shop.order({"MUG-1": 10}, rate="0")
    with shop.db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(PurchaseOrder)) == 0


def test_an_order_for_an_archived_sku_is_refused(shop: PurchasingShop) -> None:
    with pytest.raises(ValidationError, match="OLD-1 is archived"):
        shop.order({"OLD-1": 10})


def test_a_price_break_that_rises_with_quantity_warns_and_saves_only_when_accepted(
        shop: PurchasingShop) -> None:
    draft = SupplierItemDraft(shop.usd_supplier, shop.ids["MUG-1"], D("2.50"), price_breaks=(
        PriceBreak(50, D("2.40")), PriceBreak(100, D("2.60"))))
    with pytest.raises(ValidationError) as refused:
        set_supplier_item(shop.db.uow(), draft)
    [warning] = refused.value.problems
    assert warning.severity == "warning" and "from 100 units a unit costs 2.60" in str(warning)
    with shop.db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SupplierItem)) == 0
    set_supplier_item(shop.db.uow(), draft, accept_warnings=True)
    with shop.db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SupplierItem)) == 1


def test_a_supplier_item_for_an_archived_sku_is_refused(shop: PurchasingShop) -> None:
    with pytest.raises(ValidationError, match="OLD-1 is archived"):
        set_supplier_item(shop.db.uow(), SupplierItemDraft(shop.usd_supplier,
                                                           shop.ids["OLD-1"], D("1.00")))


# -- returns to the supplier --------------------------------------------------------------------

def test_a_return_to_the_supplier_takes_stock_out_and_is_credited_on_the_order(
        shop: PurchasingShop) -> None:
    number = shop.order({"MUG-1": 10})
    receive(shop, number, MUG_1=10)
    cost = shop.cost("MUG-1")
    return_to_supplier(shop.db.uow(), number, [ReturnedLine("MUG-1", 3)], reason="Cracked")
    assert shop.on_hand("MUG-1") == 12
    assert shop.lines(number)["MUG-1"].returned == 3
    assert shop.cost("MUG-1") == cost
    with shop.db.uow() as uow:
        kind, quantity, line_id = uow.session.execute(
            select(StockMovement.kind, StockMovement.quantity, StockMovement.po_line_id)
            .order_by(StockMovement.id.desc()).limit(1)).one()
    assert (kind, quantity, line_id) == (MovementKind.SUPPLIER_RETURN, -3,
                                         shop.lines(number)["MUG-1"].id)
    with pytest.raises(ValidationError, match="only 7 received and not yet returned"):
        return_to_supplier(shop.db.uow(), number, [ReturnedLine("MUG-1", 8)], reason="x")
    assert shop.on_hand("MUG-1") == 12


def test_several_lines_go_back_in_one_return_each_credited_on_the_order(
        shop: PurchasingShop) -> None:
    # 10 mugs at 2.50 USD and 6 tees at 4.00 USD, all received
    number = shop.order({"MUG-1": 10, "TEE-1": 6}, costs={"MUG-1": "2.50", "TEE-1": "4.00"})
    receive(shop, number, MUG_1=10, TEE_1=6)
    changed = return_to_supplier(shop.db.uow(), number, [
        ReturnedLine("MUG-1", 3), ReturnedLine("tee-1", 2)], reason="Wrong glaze")
    assert "5 returned to the supplier" in changed.message
    lines = shop.lines(number)
    assert (lines["MUG-1"].returned, lines["TEE-1"].returned) == (3, 2)
    assert (shop.on_hand("MUG-1"), shop.on_hand("TEE-1")) == (12, 4)  # 5 + 10 - 3, 6 - 2
    # credited: 3 x 2.50 + 2 x 4.00 = 15.50 USD, in the order's currency
    assert purchase_order_view(shop.db.uow(), number).credit == D("15.50")
    with shop.db.uow() as uow:
        moved = uow.session.execute(
            select(StockMovement.po_line_id, StockMovement.quantity, StockMovement.at)
            .where(StockMovement.kind == MovementKind.SUPPLIER_RETURN)
            .order_by(StockMovement.id)).all()
    assert [(line, units) for line, units, _at in moved] == [
        (lines["MUG-1"].id, -3), (lines["TEE-1"].id, -2)]
    assert moved[0].at == moved[1].at  # one return, one moment


@pytest.mark.parametrize(("bad", "message"), [
    (ReturnedLine("TEE-1", 7), "TEE-1: 7 to return, but only 6 received and not yet returned"),
    (ReturnedLine("TEE-1", -2), "TEE-1: '-2' is not a whole number of at least 1"),
    (ReturnedLine("TEE-1", 0), "TEE-1: '0' is not a whole number of at least 1"),
    (ReturnedLine("TEE-1", "1.5"), "TEE-1: '1.5' is not a whole number of at least 1"),
    (ReturnedLine("OLD-1", 1), "OLD-1 is not on this purchase order"),
    (ReturnedLine("NOPE-9", 1), "NOPE-9 is not on this purchase order"),
    (ReturnedLine("mug-1", 1), "a SKU is listed twice"),
])
def test_one_wrong_line_refuses_the_whole_return_and_writes_nothing(
        shop: PurchasingShop, bad: ReturnedLine, message: str) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 6})
    receive(shop, number, MUG_1=10, TEE_1=6)
    before = (shop.on_hand("MUG-1"), shop.on_hand("TEE-1"), shop.lines(number))
    with pytest.raises(ValidationError) as refused:
        return_to_supplier(shop.db.uow(), number, [ReturnedLine("MUG-1", 2), bad],
                           reason="Damaged")
    assert message in str(refused.value)
    after = (shop.on_hand("MUG-1"), shop.on_hand("TEE-1"), shop.lines(number))
    assert [line.returned for line in after[2].values()] == [0, 0]
    assert after[:2] == before[:2]
    with shop.db.uow() as uow:
        assert not uow.session.scalar(select(func.count()).select_from(StockMovement).where(
            StockMovement.kind == MovementKind.SUPPLIER_RETURN))


# -- numbers ------------------------------------------------------------------------------------

def test_purchase_order_numbers_continue_after_the_delivery_references_booked(
        shop: PurchasingShop) -> None:
    adjust_stock(shop.db.uow(), variant_id=shop.ids["TEE-1"], kind=MovementKind.RECEIVED,
                 quantity=1, reference="PO-2026-0007")
    assert shop.order({"MUG-1": 1}) == "PO-2026-0008"
    assert shop.order({"MUG-1": 1}) == "PO-2026-0009"


# -- the stock position -------------------------------------------------------------------------

def test_an_ordered_sku_stops_alarming(shop: PurchasingShop) -> None:
    set_stock_policy(shop.db.uow(), shop.ids["MUG-1"], PolicyDraft(reorder_point=10))
    def alerts() -> set[AlertKind]:
        return {a.kind for a in compute_alerts(shop.db.uow(), now=NOW).alerts
                if a.sku == "MUG-1"}
    assert AlertKind.BELOW_REORDER in alerts()
    shop.order({"MUG-1": 20})
    assert AlertKind.BELOW_REORDER not in alerts()


def test_the_lead_time_in_force_is_the_skus_else_the_preferred_suppliers_else_the_shops(
        shop: PurchasingShop) -> None:
    def lead() -> int:  # MUG-1: 5 on hand, below its reorder point of 10
        [alert] = [a for a in compute_alerts(shop.db.uow(), now=NOW).alerts
                   if a.sku == "MUG-1" and a.kind == AlertKind.BELOW_REORDER]
        return alert.figures.lead_time_days
    mug = shop.ids["MUG-1"]
    set_stock_policy(shop.db.uow(), mug, PolicyDraft(reorder_point=10))
    assert lead() == 14  # the shop default
    set_supplier_item(shop.db.uow(), SupplierItemDraft(shop.usd_supplier, mug, D("1.00"),
                                                       preferred=True))
    assert lead() == 21  # the preferred supplier's
    set_supplier_item(shop.db.uow(), SupplierItemDraft(shop.usd_supplier, mug, D("1.00"),
                                                       lead_time_days=30, preferred=True))
    assert lead() == 30  # the preferred supplier's item
    set_stock_policy(shop.db.uow(), mug, PolicyDraft(reorder_point=10, lead_time_days=3))
    assert lead() == 3  # the SKU's own


# -- the property -------------------------------------------------------------------------------

@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ordered=st.tuples(st.integers(1, 30), st.integers(1, 30)),
       deliveries=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3),
                                     st.integers(0, 12)), max_size=4),
       end=st.sampled_from(["open", "close", "cancel"]))
def test_received_plus_on_order_is_ordered_less_cancelled_for_every_line(
        shop: PurchasingShop, ordered: tuple[int, int],
        deliveries: list[tuple[int, int, int]], end: str) -> None:
    """(One shop for all examples: each makes its own order.)"""
    number = shop.order({"MUG-1": ordered[0], "TEE-1": ordered[1]})
    remaining = dict(zip(("MUG-1", "TEE-1"), ordered, strict=True))
    for mug, rejected, tee in deliveries:
        wanted = {"MUG-1": mug, "TEE-1": tee}
        lines = [ReceivedLine(sku, min(units, remaining[sku]), rejected if sku == "MUG-1"
                              else 0) for sku, units in wanted.items()
                 if min(units, remaining[sku]) or (sku == "MUG-1" and rejected)]
        if lines:
            receive_purchase_order(shop.db.uow(), number, lines)
            for line in lines:
                remaining[line.sku] -= line.accepted
    if end == "close" and status(shop, number) in (S.PARTLY_RECEIVED, S.RECEIVED):
        close_purchase_order(shop.db.uow(), number)
    if end == "cancel" and status(shop, number) == S.SENT:
        cancel_purchase_order(shop.db.uow(), number)
    for line in shop.lines(number).values():
        assert line.received + line.open_quantity == line.quantity - line.cancelled
    with shop.db.uow() as uow:  # "on order" is what the shop's lines still expect
        expected = dict(uow.session.execute(
            select(PurchaseOrderLine.variant_id, func.sum(PurchaseOrderLine.open_quantity))
            .group_by(PurchaseOrderLine.variant_id)).tuples().all())
    assert on_order(shop) == {sku: expected.get(vid, 0) for sku, vid in shop.ids.items()
                              if sku != "OLD-1"}


def test_the_dashboard_tile_counts_orders_late_and_due_this_week(
        shop: PurchasingShop) -> None:
    from ecdesk.services.purchasing.queries import due_and_late

    for days in (-2, 0, 5, 20):
        number = shop.order({"MUG-1": 1}, send=False)
        update_purchase_order(shop.db.uow(), number, expected_on=date(2026, 11, 20)
                              + timedelta(days=days), notes="")
        from ecdesk.services.purchasing.purchase_orders import send_purchase_order
        send_purchase_order(shop.db.uow(), number)
    with shop.db.uow() as uow:
        counts = due_and_late(uow.session, NOW)  # 20 Nov in Shanghai
    assert (counts.late, counts.due_today, counts.due_this_week) == (1, 1, 2)
    assert counts.late_orders == ("PO-2026-0001",)


def test_quotes_compare_each_suppliers_price_at_the_quantity(shop: PurchasingShop) -> None:
    from ecdesk.services.purchasing.queries import compare_quotes

    mug = shop.ids["MUG-1"]
    set_supplier_item(shop.db.uow(), SupplierItemDraft(shop.cny_supplier, mug, D("19.00"),
                                                       min_order_qty=10))
    set_supplier_item(shop.db.uow(), SupplierItemDraft(
        shop.usd_supplier, mug, D("2.60"), preferred=True,
        price_breaks=(PriceBreak(50, D("2.40")),)))
    at_10 = compare_quotes(shop.db.uow(), mug, 10, now=NOW)
    at_50 = compare_quotes(shop.db.uow(), mug, 50, now=NOW)
    assert [(q.supplier_name, q.unit_cost, q.line_total) for q in at_10] == [
        ("Yiwu Textiles", D("19.00"), D("190.00")), ("Ningbo Ceramics", D("2.60"), D("26.00"))]
    assert [(q.currency, q.lead_time_days, q.preferred) for q in at_50] == [
        ("CNY", None, False), ("USD", 21, True)]
    assert at_50[1].unit_cost == D("2.40")
