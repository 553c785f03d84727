"""Products in "search everything": by title, SKU, barcode or channel item id, one hit per SKU."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.i18n import N_
from ecdesk.models import Product, Variant
from ecdesk.services.catalog.queries import variant_ids_matching
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.common.text_search import search_words


def search_products(session: Session, text: str, limit: int) -> list[SearchHit]:
    """SKUs that are not archived, by product title then SKU; the hit opens the product."""
    if not search_words(text):
        return []
    rows = session.execute(
        select(Product.id, Product.title, Variant.sku)
        .join(Variant, Variant.product_id == Product.id)
        .where(Variant.id.in_(variant_ids_matching(text)), Variant.archived.is_(False))
        .order_by(Product.title, Variant.sku).limit(limit)).all()
    return [SearchHit("product", row.id, row.sku, row.title, find_text=row.sku) for row in rows]


PRODUCTS = SearchProvider("product", N_("Products"), search_products)
