"""What a scope's value can be, as the user types it (a price rule's or a promotion's
"applies to"): category paths, tags, brands, product titles or SKUs containing the text.
A few at a time, so that an editor never holds the whole catalog."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from ecdesk.db import UnitOfWork
from ecdesk.models import Category, Product, Tag, Variant
from ecdesk.services.common.text_search import contains, starts_with
from ecdesk.services.pricing.rules import Scope

SUGGESTIONS = 20


def _query(scope: Scope, typed: str) -> Select[Any] | None:
    if scope is Scope.CATEGORY:
        return select(Category.path).where(contains(Category.path, typed)).order_by(
            Category.path)
    if scope is Scope.TAG:
        return select(Tag.name).where(contains(Tag.name, typed)).order_by(Tag.name)
    if scope is Scope.BRAND:
        return (select(Product.brand).where(Product.brand != "", contains(Product.brand, typed))
                .group_by(Product.brand).order_by(Product.brand))
    if scope is Scope.PRODUCT:
        return (select(Product.title).where(contains(Product.title, typed))
                .group_by(Product.title).order_by(Product.title))
    if scope is Scope.SKU:
        return (select(Variant.sku).where(Variant.archived.is_(False),
                                          starts_with(Variant.sku, typed))
                .order_by(Variant.sku))
    return None


def suggest_scope_values(uow: UnitOfWork, scope: str, text: str,
                         limit: int = SUGGESTIONS) -> list[str]:
    """Values of `scope` (a Scope value) that contain `text` (SKUs: start with it)."""
    typed = text.strip()
    query = _query(Scope(scope), typed) if typed and scope in set(Scope) else None
    if query is None:
        return []
    with uow:
        return [value for (value,) in uow.session.execute(query.limit(limit))]
