"""A small shop to price: three channels with different fees, SKUs in a category tree, with a
brand and a tag, some listings with their own price and some following the list price."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.channels import save_channel
from ecdesk.services.settings import update_settings


@dataclass(frozen=True)
class PricingShop:
    db: Database
    tmall: int
    jd: int
    own: int


def build_pricing_shop(db: Database) -> PricingShop:
    update_settings(db.uow(), shop_name="Pricing shop", currency="CNY",
                    timezone="Asia/Shanghai", min_margin="0.20")
    tmall = save_channel(db.uow(), name="Tmall", kind="tmall", currency="CNY",
                         commission_rate="0.05", payment_fee_rate="0.006").ids[0]
    jd = save_channel(db.uow(), name="JD", kind="jd", currency="CNY",
                      commission_rate="0.08").ids[0]
    own = save_channel(db.uow(), name="Own site", kind="own_site", currency="CNY").ids[0]
    save_product(db.uow(), ProductDraft(
        title="Cotton tee", brand="Acme", category_path="Clothing > T-shirts",
        tags=("summer",), status="active",
        variants=(VariantDraft("TEE-S", unit_cost="10.00", price="25.00"),
                  VariantDraft("TEE-M", unit_cost="12.00", price="29.00")),
        listings=(ListingDraft(0, tmall, "listed", channel_price="24.00"),
                  ListingDraft(0, jd, "listed"),
                  ListingDraft(1, tmall, "listed"),
                  ListingDraft(1, own, "listed", channel_price="27.00"))))
    save_product(db.uow(), ProductDraft(
        title="Steel mug", brand="Forge", category_path="Kitchen", status="active",
        variants=(VariantDraft("MUG-1", unit_cost="30.00", price="59.00",
                               compare_at_price="79.00"),),
        listings=(ListingDraft(0, tmall, "listed", channel_price="56.00"),
                  ListingDraft(0, jd, "listed", channel_price="58.00"))))
    return PricingShop(db, tmall, jd, own)


def stored_prices(db: Database) -> dict[tuple[str, str], Decimal | None]:
    """(sku, channel name or "") -> the stored price (list price, or listing's own)."""
    with db.uow() as uow:
        rows = uow.session.execute(text(
            "SELECT v.sku, '', v.price FROM variants v UNION ALL "
            "SELECT v.sku, c.name, l.channel_price FROM listings l "
            "JOIN variants v ON v.id = l.variant_id JOIN channels c ON c.id = l.channel_id"))
        return {(sku, channel): None if cents is None else Decimal(cents) / 100
                for sku, channel, cents in rows}
