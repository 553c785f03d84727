"""Supplier scorecards computed by hand: on time, fill rate, lead time, rejections, price
variance and the weighted score."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import MovementKind, OrderStatus
from ecdesk.services.channels import save_channel
from ecdesk.services.common.period import Period
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.returns.dto import ReturnLineDraft
from ecdesk.services.returns.receive import receive_return
from ecdesk.services.stock.commands import adjust_stock
from ecdesk.services.suppliers.commands import SupplierItemDraft, set_supplier_item
from ecdesk.services.suppliers.scorecard import (
    ScoreWeights,
    get_scorecards,
    update_score_weights,
)
from tests.integration.purchasing_fixtures import (
    PurchasingShop,
    at,
    book_november_deliveries,
    purchasing_shop,
)

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    shop = purchasing_shop(tmp_shop)
    book_november_deliveries(shop)
    yield shop


def test_a_scorecard_is_computed_by_hand(shop: PurchasingShop) -> None:
    cards = {card.supplier_name: card for card in get_scorecards(shop.db.uow(), NOVEMBER)}
    card = cards["Ningbo Ceramics"]
    assert (card.orders, card.units_ordered, card.units_accepted, card.units_rejected) == (
        2, 30, 26, 2)
    assert card.on_time == D("0.6667")  # 10 + 10 of 30 by the expected day
    assert card.fill_rate == D("0.8667")  # 26 of 30
    assert card.rejection_rate == D("0.0714")  # 2 of 28 delivered
    # days sent -> arrived, by units: (10 x 5 + 6 x 15 + 10 x 7) / 26 = 8.08; promised
    # (16 x 10 + 10 x 7) / 26 = 8.85
    assert (card.lead_days_actual, card.lead_days_promised) == (D("8.1"), D("8.8"))
    # mugs at 18.00 and 21.60 CNY, 10 each: 36.00 off their average 19.80, over 684.00
    assert card.price_variance == D("0.0526")
    assert card.return_rate is None  # nothing of theirs sold
    # (25 x .6667 + 15 x .8667 + 10 x 1 + 20 x .9286 + 10 x .9474) / 80 x 100
    assert card.score == D("84.6")
    assert cards["Yiwu Textiles"].score is None  # nothing ordered, no ratings


def test_the_users_weights_change_the_score(shop: PurchasingShop) -> None:
    update_score_weights(shop.db.uow(), ScoreWeights(on_time=1, fill_rate=0, lead_time=0,
                                                     quality=0, returns=0, price=0, service=0,
                                                     innovation=0))
    cards = {card.supplier_name: card for card in get_scorecards(shop.db.uow(), NOVEMBER)}
    assert cards["Ningbo Ceramics"].score == D("66.7")


def test_weights_that_are_all_zero_or_negative_are_refused(shop: PurchasingShop) -> None:
    with pytest.raises(ValidationError, match="at least one must be above 0"):
        update_score_weights(shop.db.uow(), ScoreWeights(0, 0, 0, 0, 0, 0, 0, 0))
    with pytest.raises(ValidationError, match="at least 0"):
        update_score_weights(shop.db.uow(), ScoreWeights(on_time=-1))


def _sell(shop: PurchasingShop, channel_id: int, number: str, when: datetime,
          units: dict[str, int], status: OrderStatus = OrderStatus.SHIPPED) -> dict[str, int]:
    """An order placed (and shipped) at `when`; its line ids by SKU."""
    order_id = record_order(shop.db.uow(), OrderDraft(
        channel_id=channel_id, number=number, ordered_at=when, status=status,
        lines=tuple(OrderLineDraft(sku, quantity, "39.00")
                    for sku, quantity in units.items()))).ids[0]
    with shop.db.uow() as uow:
        return {sku: line_id for sku, line_id in uow.session.execute(text(
            "SELECT v.sku, l.id FROM order_lines AS l JOIN variants AS v ON v.id = l.variant_id "
            "WHERE l.order_id = :order"), {"order": order_id}).tuples()}


def _take_back(shop: PurchasingShop, lines: dict[str, int], sku: str, units: int,
               when: datetime) -> None:
    order_id = _order_of(shop, lines[sku])
    receive_return(shop.db.uow(), order_id, [ReturnLineDraft(lines[sku], units)], at=when,
                   override_window=True)


def _order_of(shop: PurchasingShop, line_id: int) -> int:
    with shop.db.uow() as uow:
        return int(uow.session.execute(text("SELECT order_id FROM order_lines WHERE id = :id"),
                                       {"id": line_id}).scalar_one())


def test_the_customer_return_rate_is_computed_by_hand_for_the_preferred_supplier(
        tmp_shop: Database) -> None:
    """Customer returns count against a SKU's preferred supplier (the stated rule):
    Ningbo Ceramics is preferred for MUG-1, Yiwu Textiles for TEE-1; Yiwu also quotes MUG-1
    but is not preferred for it, so none of MUG-1's returns are Yiwu's.

    November, by hand:
    - sold: orders placed in November that count as sales: N-1 (4 MUG-1, 2 TEE-1) and N-2
      (6 MUG-1); N-3 (3 MUG-1) was cancelled, and O-1 (5 MUG-1) was placed in October.
      MUG-1: 4 + 6 = 10 units, TEE-1: 2.
    - returned: returns received in November, whenever their order was placed: 1 MUG-1 of
      N-1 on 12 Nov and 2 MUG-1 of O-1 on 15 Nov; the TEE-1 of N-1 came back on 3 Dec.
      MUG-1: 1 + 2 = 3, TEE-1: 0.
    - Ningbo: 3 / 10 = 0.3000; Yiwu: 0 / 2 = 0.0000.
    - The only part with data is the returns (no purchase orders, no ratings), so each score
      is its returns mark: Ningbo (1 - 0.3) x 100 = 70.0, Yiwu (1 - 0) x 100 = 100.0.
    """
    shop = purchasing_shop(tmp_shop)
    for sku in ("MUG-1", "TEE-1"):
        adjust_stock(shop.db.uow(), variant_id=shop.ids[sku], kind=MovementKind.RECEIVED,
                     quantity=40, reference="Opening")
    for supplier, sku, preferred in ((shop.usd_supplier, "MUG-1", True),
                                     (shop.cny_supplier, "TEE-1", True),
                                     (shop.cny_supplier, "MUG-1", False)):
        set_supplier_item(shop.db.uow(), SupplierItemDraft(
            supplier, shop.ids[sku], D("2.00"), preferred=preferred))
    save_channel(shop.db.uow(), name="Shop", kind="own_site", currency="CNY")
    with shop.db.uow() as uow:
        channel = int(uow.session.execute(text("SELECT max(id) FROM channels")).scalar_one())
    october = _sell(shop, channel, "O-1", at(20, 10), {"MUG-1": 5})
    first = _sell(shop, channel, "N-1", at(3), {"MUG-1": 4, "TEE-1": 2})
    _sell(shop, channel, "N-2", at(8), {"MUG-1": 6})
    _sell(shop, channel, "N-3", at(9), {"MUG-1": 3}, OrderStatus.CANCELLED)
    _take_back(shop, first, "MUG-1", 1, at(12))
    _take_back(shop, october, "MUG-1", 2, at(15))
    _take_back(shop, first, "TEE-1", 1, at(3, 12))

    cards = {card.supplier_name: card for card in get_scorecards(shop.db.uow(), NOVEMBER)}
    ningbo, yiwu = cards["Ningbo Ceramics"], cards["Yiwu Textiles"]
    assert (ningbo.units_sold, ningbo.units_returned, ningbo.return_rate) == (10, 3, D("0.3"))
    assert (yiwu.units_sold, yiwu.units_returned, yiwu.return_rate) == (2, 0, D("0"))
    assert (ningbo.score, yiwu.score) == (D("70.0"), D("100.0"))
