"""A small hand-made shop with stock and orders whose figures can be checked by hand.

Shared by the integration tests of the stock queries and the UI tests of the Inventory page.
Everything goes through the real services (products, receipts, orders, policies).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ecdesk.db import Database
from ecdesk.models import MovementKind, OrderStatus, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.channels import save_channel
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.settings import update_settings
from ecdesk.services.stock.commands import PolicyDraft, set_stock_policy
from ecdesk.services.stock.ledger import Movement, post_movements

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # noon in Shanghai
MUG_BARCODE = "4006381333931"


@dataclass(frozen=True)
class StockShop:
    """Variant ids by SKU, and the channel the orders came from."""

    ids: dict[str, int]
    channel_id: int


def _product(title: str, category: str, status: str, variants: list[tuple[str, str, str]],
             channel_id: int) -> ProductDraft:
    return ProductDraft(
        title=title, category_path=category, status=status, option_names=("Size", "", ""),
        variants=tuple(VariantDraft(sku, option1=option, unit_cost=cost, price="20",
                                    barcode=MUG_BARCODE if sku == "MUG-1" else "")
                       for sku, option, cost in variants),
        listings=tuple(ListingDraft(i, channel_id, "listed") for i in range(len(variants))))


def _order(db: Database, shop: StockShop, number: str, sku: str, quantity: int,
           status: OrderStatus, days_ago: int) -> None:
    draft = OrderDraft(channel_id=shop.channel_id, number=number,
                       ordered_at=NOW - timedelta(days=days_ago, hours=1), status=status,
                       customer_name="Li Wei", lines=(OrderLineDraft(sku, quantity, "20"),))
    record_order(db.uow(), draft)


def build_stock_shop(db: Database) -> StockShop:
    """Four SKUs for sale and one archived, with these figures at NOW (window 28 days):

    MUG-1 (cost 4.00): received 20; shipped 4 (3 days ago), completed 1 (40 days ago, outside
        the window), paid 3 and pending 2 (committed), cancelled 5 (nothing).
        on hand 15, committed 5, available 10, sold in window 7 (paid + shipped), velocity
        0.25/day, cover 40.0 days, safety ceil(0.25 x 7) = 2, reorder point ceil(0.25 x 14) +
        2 = 6, value 60.00.
    MUG-2 (cost 5.50): received 3; paid 3. on hand 3, committed 3, available 0, sold 3.
    TEE-S (cost 8.00): nothing; a manual reorder point of 10 (policy). on hand 0.
    TEE-M (cost 8.00): negative allowed by its rule; shipped 2 with none on hand: on hand -2.
    CAP-1 (archived product): received 9; never listed in the Inventory table.
    """
    update_settings(db.uow(), shop_name="Stock test shop", currency="CNY",
                    timezone="Asia/Shanghai", min_margin="0.2")
    channel_id = save_channel(db.uow(), name="Tmall", kind="tmall", currency="CNY").ids[0]
    save_product(db.uow(), _product("Tea mug", "Home > Kitchen", "active",
                                    [("MUG-1", "350ml", "4"), ("MUG-2", "500ml", "5.50")],
                                    channel_id))
    save_product(db.uow(), _product("Cotton tee", "Clothing", "active",
                                    [("TEE-S", "S", "8"), ("TEE-M", "M", "8")], channel_id))
    save_product(db.uow(), _product("Old cap", "Clothing", "archived", [("CAP-1", "", "3")],
                                    channel_id))
    with db.uow() as uow:
        ids = dict(uow.session.execute(select(Variant.sku, Variant.id)).tuples().all())
    shop = StockShop(ids, channel_id)
    with db.uow() as uow:  # received before the orders (adjust_stock would date them today)
        post_movements(uow.session, [
            Movement(ids[sku], MovementKind.RECEIVED, units, "", "PO-1", at=NOW - timedelta(60))
            for sku, units in (("MUG-1", 20), ("MUG-2", 3), ("CAP-1", 9))])
        uow.commit()
    set_stock_policy(db.uow(), ids["TEE-S"], PolicyDraft(reorder_point=10))
    set_stock_policy(db.uow(), ids["TEE-M"], PolicyDraft(allow_negative=True))
    _order(db, shop, "T-1", "MUG-1", 4, OrderStatus.SHIPPED, 3)
    _order(db, shop, "T-2", "MUG-1", 1, OrderStatus.COMPLETED, 40)
    _order(db, shop, "T-3", "MUG-1", 3, OrderStatus.PAID, 1)
    _order(db, shop, "T-4", "MUG-1", 2, OrderStatus.PENDING, 0)
    _order(db, shop, "T-5", "MUG-1", 5, OrderStatus.CANCELLED, 2)
    _order(db, shop, "T-6", "MUG-2", 3, OrderStatus.PAID, 5)
    _order(db, shop, "T-7", "TEE-M", 2, OrderStatus.SHIPPED, 6)
    return shop
