"""Reorder suggestions become draft purchase orders grouped by preferred supplier: quantities
to the maximum level, the MOQ, whole packs and (optionally) the EOQ, computed by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest
from sqlalchemy import func, select

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import MovementKind, PurchaseOrder, PurchaseOrderStatus
from ecdesk.services.purchasing.suggestions import (
    SuggestedLine,
    create_draft_orders,
    raised_to_eoq,
    suggest_purchase_orders,
)
from ecdesk.services.stock.alerts_dto import AlertKind
from ecdesk.services.stock.commands import PolicyDraft, adjust_stock, set_stock_policy
from ecdesk.services.stock.defaults import StockDefaults
from ecdesk.services.suppliers.commands import (
    PriceBreak,
    SupplierItemDraft,
    set_supplier_item,
)
from tests.integration.purchasing_fixtures import NOW, PurchasingShop, purchasing_shop


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    shop = purchasing_shop(tmp_shop)
    # MUG-1: 5 on hand, reorder at 10, up to 30; its preferred supplier sells it from 20 units
    # in packs of 12, 2.50 USD a unit, 2.40 from 36 units.
    set_stock_policy(tmp_shop.uow(), shop.ids["MUG-1"], PolicyDraft(reorder_point=10,
                                                                     max_stock=30))
    set_supplier_item(tmp_shop.uow(), SupplierItemDraft(
        shop.usd_supplier, shop.ids["MUG-1"], D("2.50"), min_order_qty=20, pack_multiple=12,
        preferred=True, price_breaks=(PriceBreak(36, D("2.40")),)))
    yield shop


def orders(shop: PurchasingShop) -> int:
    with shop.db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(PurchaseOrder))


def test_a_suggestion_orders_up_to_the_maximum_in_the_suppliers_moq_and_packs(
        shop: PurchasingShop) -> None:
    suggestions = suggest_purchase_orders(shop.db.uow(), now=NOW)
    [order] = suggestions.orders
    [line] = order.lines
    # 30 - 5 = 25 to the maximum; at least the MOQ of 20; packs of 12 -> 36, at the 36+ price
    assert (line.sku, line.why, line.to_max, line.quantity) == ("MUG-1", AlertKind.BELOW_REORDER,
                                                                36, 36)
    assert (order.supplier_name, order.currency, line.unit_cost) == ("Ningbo Ceramics", "USD",
                                                                     D("2.40"))
    assert order.total == D("86.40")
    assert suggestions.without_supplier == ()


def test_the_eoq_raises_a_small_order_to_the_economic_quantity() -> None:
    line = SuggestedLine(1, "MUG-1", "Mug", AlertKind.BELOW_REORDER, 5, D(2), 30, 20, 12, 36, 0,
                         36, None)
    settings = StockDefaults(ordering_cost=50, holding_percent=25)
    # 2 a day = 730 a year; holding 25 % of 16.00 = 4.00; sqrt(2 x 730 x 50 / 4) = 135.1 -> 136,
    # in packs of 12 -> 144
    raised = raised_to_eoq(line, D("16.00"), settings)
    assert (raised.eoq, raised.quantity) == (136, 144)
    assert raised_to_eoq(line, D("16.00"), StockDefaults()) == line  # no ordering cost: off
    # an EOQ below the quantity to the maximum keeps that quantity
    assert raised_to_eoq(line, D("1600.00"), settings).quantity == 36


def test_reviewed_suggestions_become_draft_orders_which_stop_nothing_until_sent(
        shop: PurchasingShop) -> None:
    shop.order({"TEE-1": 1})  # an earlier USD order at 7.20 gives the rate
    suggestions = suggest_purchase_orders(shop.db.uow(), now=NOW)
    numbers, _changed = create_draft_orders(shop.db.uow(), suggestions.orders, now=NOW)
    assert numbers == ["PO-2026-0002"]
    with shop.db.uow() as uow:
        order = uow.session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == numbers[0]))
        assert (order.status, order.exchange_rate) == (PurchaseOrderStatus.DRAFT, D("7.20"))
    assert shop.lines(numbers[0])["MUG-1"].quantity == 36
    # a draft is not on order: the suggestion stands until the order is sent
    assert suggest_purchase_orders(shop.db.uow(), now=NOW).orders[0].lines[0].quantity == 36


def test_a_supplier_in_another_currency_without_a_known_rate_is_refused_with_nothing_written(
        shop: PurchasingShop) -> None:
    suggestions = suggest_purchase_orders(shop.db.uow(), now=NOW)
    with pytest.raises(ValidationError, match="Ningbo Ceramics sells in USD"):
        create_draft_orders(shop.db.uow(), suggestions.orders)
    assert orders(shop) == 0
    numbers, _ = create_draft_orders(shop.db.uow(), suggestions.orders,
                                     rates={"USD": D("7.10")})
    assert len(numbers) == 1


def test_a_sku_without_a_preferred_supplier_is_listed_apart(shop: PurchasingShop) -> None:
    set_stock_policy(shop.db.uow(), shop.ids["TEE-1"], PolicyDraft(reorder_point=3))
    adjust_stock(shop.db.uow(), variant_id=shop.ids["TEE-1"], kind=MovementKind.RECEIVED,
                 quantity=1)
    suggestions = suggest_purchase_orders(shop.db.uow(), now=datetime(2026, 11, 20, tzinfo=UTC))
    assert [line.sku for line in suggestions.without_supplier] == ["TEE-1"]
