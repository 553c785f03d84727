"""A small shop for the purchasing tests: three SKUs (one archived), a supplier in USD and one
in the shop's own currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from ecdesk.db import Database
from ecdesk.models import MovementKind, PurchaseOrderLine, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
from ecdesk.services.purchasing.purchase_orders import (
    LineDraft,
    PurchaseOrderDraft,
    create_purchase_order,
    send_purchase_order,
    update_purchase_order,
)
from ecdesk.services.purchasing.receiving import ReceivedLine, receive_purchase_order
from ecdesk.services.stock.commands import adjust_stock
from ecdesk.services.suppliers.commands import SupplierDraft, create_supplier

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@dataclass
class PurchasingShop:
    db: Database
    ids: dict[str, int]
    usd_supplier: int
    cny_supplier: int

    def on_hand(self, sku: str) -> int:
        with self.db.uow() as uow:
            return uow.session.get_one(Variant, self.ids[sku]).on_hand

    def cost(self, sku: str) -> Decimal:
        with self.db.uow() as uow:
            return uow.session.get_one(Variant, self.ids[sku]).unit_cost

    def lines(self, number: str) -> dict[str, PurchaseOrderLine]:
        from ecdesk.models import PurchaseOrder
        with self.db.uow() as uow:
            order_id = uow.session.scalar(select(PurchaseOrder.id)
                                          .where(PurchaseOrder.number == number))
            rows = uow.session.scalars(select(PurchaseOrderLine)
                                       .where(PurchaseOrderLine.order_id == order_id)).all()
            names = {vid: sku for sku, vid in self.ids.items()}
            for row in rows:
                uow.session.expunge(row)
            return {names[row.variant_id]: row for row in rows}

    def order(self, quantities: dict[str, int], *, supplier: int | None = None,
              costs: dict[str, str] | None = None, rate: str | None = "7.20",
              shipping: str = "0", other: str = "0", send: bool = True) -> str:
        costs = costs or {}
        draft = PurchaseOrderDraft(
            supplier_id=supplier or self.usd_supplier,
            lines=tuple(LineDraft(self.ids[sku], qty, Decimal(costs.get(sku, "1.00")))
                        for sku, qty in quantities.items()),
            exchange_rate=Decimal(rate) if rate else None, shipping_cost=Decimal(shipping),
            other_costs=Decimal(other))
        number, _changed = create_purchase_order(self.db.uow(), draft, now=NOW)
        if send:
            send_purchase_order(self.db.uow(), number, now=NOW)
        return number


def purchasing_shop(db: Database) -> PurchasingShop:
    save_product(db.uow(), ProductDraft(title="Mug", status="active", variants=(
        VariantDraft("MUG-1", unit_cost="10.00", price="39.00"),
        VariantDraft("TEE-1", unit_cost="20.00", price="59.00"),
        VariantDraft("OLD-1", unit_cost="5.00", price="9.00", archived=True))))
    with db.uow() as uow:
        ids = dict(uow.session.execute(select(Variant.sku, Variant.id)).tuples().all())
    adjust_stock(db.uow(), variant_id=ids["MUG-1"], kind=MovementKind.RECEIVED, quantity=5,
                 reference="Opening")
    usd, _ = create_supplier(db.uow(), SupplierDraft("Ningbo Ceramics", currency="USD",
                                                     lead_time_days=21))
    cny, _ = create_supplier(db.uow(), SupplierDraft("Yiwu Textiles", currency="CNY"))
    return PurchasingShop(db, ids, usd, cny)


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai


def book_november_deliveries(shop: PurchasingShop) -> None:
    """The scorecard tests' two November orders from Ningbo Ceramics (computed by hand in
    test_supplier_scorecards: 30 units ordered, 20 on time, 26 accepted, 2 refused)."""
    uow = shop.db.uow
    # A: sent 20 Nov, expected 30 Nov: 10 mugs at 2.50 USD, 10 tees at 4.00 USD (rate 7.20)
    a = shop.order({"MUG-1": 10, "TEE-1": 10}, costs={"MUG-1": "2.50", "TEE-1": "4.00"},
                   send=False)
    update_purchase_order(uow(), a, expected_on=date(2026, 11, 30), notes="")
    send_purchase_order(uow(), a, now=at(20))
    receive_purchase_order(uow(), a, [ReceivedLine("MUG-1", 10)], at=at(25))
    receive_purchase_order(uow(), a, [ReceivedLine("TEE-1", 6, 2)], at=at(5, 12))
    # B: sent 21 Nov, expected 28 Nov: 10 mugs at 3.00 USD, all on the day
    b = shop.order({"MUG-1": 10}, costs={"MUG-1": "3.00"}, send=False)
    update_purchase_order(uow(), b, expected_on=date(2026, 11, 28), notes="")
    send_purchase_order(uow(), b, now=at(21))
    receive_purchase_order(uow(), b, [ReceivedLine("MUG-1", 10)], at=at(28))
