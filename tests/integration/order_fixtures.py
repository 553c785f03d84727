"""A small shop for the order tests: two channels, three SKUs, stock on the shelf, and helpers
to enter orders one by one (through the service) or by the hundred (through Core)."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from alembic import command
from sqlalchemy import insert, select

from ecdesk.db import Database, _alembic_config, make_engine
from ecdesk.models import MovementKind, Order, OrderLine, OrderStatus, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.channels import save_channel
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.stock.commands import adjust_stock

START = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)


@dataclass(frozen=True)
class SmallShop:
    db: Database
    tmall: int
    shopify: int
    skus: dict[str, int]  # sku -> variant id


def small_shop(db: Database, stock: int = 50) -> SmallShop:
    tmall = save_channel(db.uow(), name="Tmall 天猫", kind="tmall", currency="CNY",
                         commission_rate="0.05", payment_fee_rate="0.006").ids[0]
    shopify = save_channel(db.uow(), name="Shopify", kind="shopify", currency="USD").ids[0]
    save_product(db.uow(), ProductDraft(
        title="Linen shirt 亚麻衬衫", status="active", option_names=("Colour", "", ""),
        variants=(VariantDraft("SHIRT-WHITE", option1="White", unit_cost="20", price="59.90"),
                  VariantDraft("SHIRT-BLUE", option1="Blue", unit_cost="20", price="59.90")),
        listings=(ListingDraft(0, tmall, "listed", channel_price="55.00"),)))
    save_product(db.uow(), ProductDraft(
        title="Steel flask", status="active",
        variants=(VariantDraft("FLASK-1", unit_cost="30", price="88.00"),)))
    with db.uow() as uow:
        skus = dict(uow.session.execute(select(Variant.sku, Variant.id)).tuples().all())
    for variant_id in skus.values():
        adjust_stock(db.uow(), variant_id=variant_id, kind=MovementKind.RECEIVED,
                     quantity=stock, reference="PO-1")
    return SmallShop(db, tmall, shopify, skus)


def enter(shop: SmallShop, number: str, lines: tuple[tuple[str, int, str], ...], *,
          channel: int | None = None, at: datetime = START,
          status: OrderStatus = OrderStatus.PAID, customer: str = "", shipping: str = "0"
          ) -> int:
    """Record one order by hand (the service path); `lines` are (sku, quantity, unit price)."""
    draft = OrderDraft(
        channel_id=channel or shop.tmall, number=number, ordered_at=at, status=status,
        customer_name=customer, shipping=shipping,
        lines=tuple(OrderLineDraft(sku, qty, price) for sku, qty, price in lines))
    return record_order(shop.db.uow(), draft).ids[0]


STATUS_CYCLE = (OrderStatus.COMPLETED, OrderStatus.SHIPPED, OrderStatus.PAID,
                OrderStatus.PENDING, OrderStatus.CANCELLED, OrderStatus.REFUNDED)
CUSTOMERS = ("王伟", "Alice Smith", "李娜", "bob lee", "")


def bulk_orders(shop: SmallShop, count: int) -> None:
    """`count` orders, one every 7 hours from START, with 1-3 lines each (Core, no stock)."""
    skus = itertools.cycle(sorted(shop.skus.values()))
    with shop.db.uow() as uow:
        orders = [{
            "channel_id": shop.tmall if n % 3 else shop.shopify, "number": f"B{n:05d}",
            "ordered_at": START + timedelta(hours=7 * n), "status": STATUS_CYCLE[n % 6],
            "customer_name": CUSTOMERS[n % 5], "customer_key": CUSTOMERS[n % 5].casefold(),
            "currency": "CNY", "shipping": Decimal(n % 4), "platform_fees": Decimal("1.10"),
            "refunded": Decimal(0), "stock_issued": False, "source": "manual", "note": "",
        } for n in range(count)]
        uow.session.execute(insert(Order), orders)
        ids = dict(uow.session.execute(select(Order.number, Order.id)).tuples().all())
        lines = [{
            "order_id": ids[order["number"]], "position": position, "variant_id": next(skus),
            "quantity": position + n % 3 + 1, "unit_price": Decimal("10.25") * (position + 1),
            "discount": Decimal("0.50") * position,
            "line_total": Decimal("10.25") * (position + 1) * (position + n % 3 + 1)
            - Decimal("0.50") * position,
            "unit_cost": Decimal("4"),
        } for n, order in enumerate(orders) for position in range(n % 3 + 1)]
        uow.session.execute(insert(OrderLine), lines)
        uow.commit()


def shop_at_revision(path: Path, revision: str) -> sqlite3.Connection:
    """A new shop file migrated only up to `revision` (to test a later upgrade), with its one
    channel 'JD' (id 1); returns a plain connection for writing rows as that schema has them."""
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            config = _alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO channels (id, name, kind, currency, commission_rate, "
                     "payment_fee_rate, position, archived) VALUES (1, 'JD', 'jd', 'CNY', 0, 0, "
                     "1, 0)")
    return conn
