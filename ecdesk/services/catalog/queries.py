"""Read side of the catalog: the paged Listings table, filter choices, one product for editing.

The SKU search (`variant_ids_matching`, `variant_matches`, `is_broad_search`) is
public: the Inventory queries (services.stock.queries) search SKUs the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, column, exists, func, select, table
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import Category, Channel, Listing, Product, Tag, Variant, product_tags
from ecdesk.models.search import DOCS_TABLE, SEARCH_TABLE
from ecdesk.services.catalog.categories import category_paths, descendant_ids
from ecdesk.services.catalog.dto import (
    STATUS_NOT_ARCHIVED,
    Choice,
    FilterOptions,
    ListingCell,
    ListingDraft,
    ProductDetail,
    ProductDraft,
    VariantDraft,
    VariantQuery,
    VariantRow,
)
from ecdesk.services.catalog.rows import read_listing_cells, variant_row
from ecdesk.services.common.keyset import Cursor, Keyset, ordered_keys
from ecdesk.services.common.page import Page
from ecdesk.services.common.text_search import contains, search_words
from ecdesk.services.pricing.sql import effective_price_sql, margin_before_fees_sort_key
from ecdesk.services.settings import read_settings
from ecdesk.services.shop_file.sqlite_only import fts_rowids

SORT_KEYS: dict[str, Sequence[Any]] = {
    "title": (Product.title, Product.id, Variant.position),
    "sku": (Variant.sku,),
    "options": (Variant.option1, Variant.option2, Variant.option3),
    "status": (Product.status, Product.title),
    "category": (Category.path, Product.title),
    "price": (Variant.price,),
    "cost": (Variant.unit_cost,),
    "margin": (margin_before_fees_sort_key(Variant.price, Variant.unit_cost),),
    "stock": (Variant.on_hand,),
}


# Sort keys that are NOT NULL columns of the SKU or its product (the category's path is
# outer-joined, a margin and a channel's listing may be NULL: left out).
_NOT_NULL = (Product.title, Product.id, Variant.position, Variant.sku, Variant.option1,
             Variant.option2, Variant.option3, Product.status, Variant.price, Variant.unit_cost,
             Variant.on_hand)
BROAD_SHARE = 0.2  # a search matching more than this share of all SKUs is "broad"
MIN_BROAD = 2000
BROAD_SAMPLE = 2000  # documents sampled to judge a search of short words
SHORT_BROAD_SHARE = 0.01
_DOCS = table(DOCS_TABLE, column("rowid"), column("body"))


def variant_ids_matching(text: str) -> Select[Any]:
    """Variant ids whose searchable text contains every word typed, in any script.

    Words of three characters or more go to the trigram index as quoted FTS5 phrases (a quoted
    phrase is literal: no word can be an operator, a quote is doubled), which finds substrings
    several times faster than LIKE. Shorter words cannot be trigrams: they scan the plain
    documents table with an escaped LIKE (see ecdesk.models.search).
    """
    indexed = [w for w in search_words(text) if len(w) >= 3]
    scanned = [w for w in search_words(text) if len(w) < 3]
    if not indexed:
        return select(_DOCS.c.rowid).where(*[contains(_DOCS.c.body, w) for w in scanned])
    ids = fts_rowids(SEARCH_TABLE, indexed)
    if scanned:
        ids = ids.where(ids.selected_columns.rowid.in_(
            select(_DOCS.c.rowid).where(*[contains(_DOCS.c.body, w) for w in scanned])))
    return ids


def variant_matches(text: str) -> Any:
    """A condition on the current `Variant` row: its searchable text contains every word typed.

    The same test as `variant_ids_matching`, made row by row against the variant's document:
    the plan for a broad search (`is_broad_search`), which walks the sort order and stops at a
    page instead of collecting every match first.
    """
    words = [contains(_DOCS.c.body, w) for w in search_words(text)]
    return exists().where(_DOCS.c.rowid == Variant.id, *words)


def is_broad_search(session: Session, text: str) -> bool:
    """True when the words match so many SKUs that walking the sort order beats sorting matches.

    A broad search ("C", "SKU-0") matches most of the shop: collecting and sorting every match
    is slow, while walking the table in sort order finds the first page almost at once. A
    narrow one is the other way round. Words with a trigram are counted through the index, up
    to a fifth of the shop (max(id) stands in for the SKU count: it is read at no cost). Short
    words have no index, so the other way means a scan of every document: walking the sort
    order wins as soon as about one document in a hundred matches, judged on a sample.
    """
    if all(len(w) < 3 for w in search_words(text)):
        sample = select(_DOCS.c.body).limit(BROAD_SAMPLE).subquery()
        hits = session.scalar(select(func.count()).select_from(sample).where(
            *[contains(sample.c.body, w) for w in search_words(text)])) or 0
        return hits >= BROAD_SAMPLE * SHORT_BROAD_SHARE
    limit = max(MIN_BROAD, int((session.scalar(select(func.max(Variant.id))) or 0) * BROAD_SHARE))
    capped = variant_ids_matching(text).limit(limit).subquery()
    return (session.scalar(select(func.count()).select_from(capped)) or 0) >= limit


def _filtered(query: Select[Any], spec: VariantQuery, broad: bool = False) -> Select[Any]:
    query = query.where(Variant.archived.is_(False))
    if spec.status == STATUS_NOT_ARCHIVED:
        query = query.where(Product.status != "archived")
    elif spec.status:
        query = query.where(Product.status == spec.status)
    if spec.category_id is not None:
        query = query.where(Product.category_id.in_(descendant_ids(spec.category_id)))
    if spec.tag_id is not None:
        query = query.where(Product.id.in_(
            select(product_tags.c.product_id).where(product_tags.c.tag_id == spec.tag_id)))
    if spec.channel_id is not None:
        query = query.where(_channel_condition(spec.channel_id, spec.listing_status))
    if search_words(spec.search):
        search = variant_matches(spec.search) if broad else Variant.id.in_(
            variant_ids_matching(spec.search))
        query = query.where(search)
    return query


def _channel_condition(channel_id: int, listing_status: str | None) -> Any:
    on_channel = select(Listing.variant_id).where(Listing.channel_id == channel_id)
    if listing_status == "none":
        return Variant.id.not_in(on_channel.where(Listing.status != "unlisted"))
    if listing_status:
        return Variant.id.in_(on_channel.where(Listing.status == listing_status))
    return Variant.id.in_(on_channel)


def _order(query: Select[Any], spec: VariantQuery) -> tuple[Select[Any], Keyset]:
    """`query` with what sorting needs joined, and the order (the SKU's id breaks ties)."""
    if spec.sort.startswith("channel:"):
        channel_id = int(spec.sort.split(":", 1)[1])
        sort_listing = select(Listing).where(Listing.channel_id == channel_id).subquery()
        query = query.outerjoin(sort_listing, sort_listing.c.variant_id == Variant.id)
        keys: Sequence[Any] = (sort_listing.c.status,
                               effective_price_sql(sort_listing.c.channel_price, Variant.price))
    else:
        keys = SORT_KEYS.get(spec.sort, SORT_KEYS["title"])
        if spec.sort == "category":
            query = query.outerjoin(Category, Category.id == Product.category_id)
    return query, Keyset(ordered_keys(keys, Variant.id, spec.descending, not_null=_NOT_NULL))


def list_variants(uow: UnitOfWork, spec: VariantQuery, *, offset: int = 0, limit: int = 256,
                  count: bool = True, after: Cursor | None = None) -> Page[VariantRow]:
    """One page of SKUs for the Listings table, filtered, searched and sorted in SQL.

    With `count=False` the total is only returned when it comes free (a search visits every
    match anyway); otherwise it is None and `count_matching` gives it when it is needed.
    The page ends at `Page.cursor`: the next one is read `after` it (keyset paging, then
    `offset` is not used and a search's free total is that of the rows after the cursor, so
    it is left out).
    """
    with uow:
        session = uow.session
        columns = select(
            Variant.id, Variant.product_id, Product.title, Variant.sku, Variant.option1,
            Variant.option2, Variant.option3, Product.status, Product.category_id, Variant.price,
            Variant.unit_cost, Variant.on_hand, Variant.barcode,
        ).join(Product, Product.id == Variant.product_id)
        broad = bool(search_words(spec.search)) and is_broad_search(session, spec.search)
        searching = bool(search_words(spec.search)) and not broad
        if searching:  # the sort visits every match anyway: count them in the same pass
            columns = columns.add_columns(func.count().over().label("total"))
        query, keyset = _order(_filtered(columns, spec, broad), spec)
        query = query.add_columns(*keyset.columns()).order_by(*keyset.order_by())
        query = query.where(keyset.after(after)) if after is not None else query.offset(offset)
        rows = session.execute(query.limit(limit + 1)).all()
        has_more, rows = len(rows) > limit, rows[:limit]
        total = rows[0].total if searching and rows and after is None else None
        if total is None and count:
            total = _count(session, spec)
        min_margin = read_settings(session).min_margin  # (judged in the rows' transaction)
        listings = read_listing_cells(session.connection().exec_driver_sql,
                                      [row.id for row in rows], min_margin)
        paths = category_paths(session) if rows else {}
    return Page([_row(row, listings.get(row.id, {}), paths, min_margin) for row in rows], total,
                has_more, keyset.cursor_of(rows[-1]) if rows else None)


def count_matching(uow: UnitOfWork, spec: VariantQuery) -> int:
    """How many SKUs the Listings table holds for `spec`."""
    with uow:
        return _count(uow.session, spec)


def _count(session: Session, spec: VariantQuery) -> int:
    ids = _filtered(select(Variant.id).join(Product, Product.id == Variant.product_id), spec)
    return session.scalar(select(func.count()).select_from(ids.subquery())) or 0


def _row(row: Any, listings: dict[int, ListingCell], paths: dict[int, str], min_margin: Decimal
         ) -> VariantRow:
    return variant_row(
        variant_id=row.id, product_id=row.product_id, title=row.title, sku=row.sku,
        options=(row.option1, row.option2, row.option3), status=row.status.value,
        category=paths.get(row.category_id, "") if row.category_id else "",
        price=row.price, cost=row.unit_cost, stock=row.on_hand, barcode=row.barcode,
        min_margin=min_margin, listings=listings,
    )


def filter_options(uow: UnitOfWork) -> FilterOptions:
    with uow:
        session = uow.session
        paths = category_paths(session)
        tags = session.execute(select(Tag.id, Tag.name).order_by(Tag.name)).all()
        channels = session.execute(select(Channel.id, Channel.name)
                                   .where(Channel.archived.is_(False))
                                   .order_by(Channel.position, Channel.id)).all()
    return FilterOptions(
        categories=sorted((Choice(i, p) for i, p in paths.items()), key=lambda c: c.label.lower()),
        tags=[Choice(t.id, t.name) for t in tags],
        channels=[Choice(c.id, c.name) for c in channels],
    )


def category_choices(uow: UnitOfWork) -> list[str]:
    with uow:
        return sorted(category_paths(uow.session).values(), key=str.lower)


def get_product(uow: UnitOfWork, product_id: int) -> ProductDetail:
    with uow:
        session = uow.session
        product = session.get(Product, product_id)
        if product is None:
            raise NotFoundError(
                _("Product {product_id} does not exist").format(product_id=product_id)
            )
        paths = category_paths(session)
        variants = list(product.variants)
        index_of = {v.id: i for i, v in enumerate(variants)}
        listings = session.scalars(select(Listing).where(Listing.variant_id.in_(index_of))
                                   .order_by(Listing.variant_id, Listing.channel_id)).all()
        draft = ProductDraft(
            title=product.title, description=product.description, brand=product.brand,
            category_path=paths.get(product.category_id, "") if product.category_id else "",
            tags=tuple(t.name for t in product.tags), status=product.status.value,
            option_names=(product.option1_name, product.option2_name, product.option3_name),
            variants=tuple(_variant_draft(v) for v in variants),
            listings=tuple(ListingDraft(
                variant_index=index_of[lst.variant_id], channel_id=lst.channel_id,
                status=lst.status.value,
                channel_price="" if lst.channel_price is None else str(lst.channel_price),
                channel_item_id=lst.channel_item_id or "", channel_title=lst.channel_title,
            ) for lst in listings),
        )
        return ProductDetail(product.id, draft, product.created_at.isoformat(),
                             product.updated_at.isoformat())


def _variant_draft(variant: Variant) -> VariantDraft:
    return VariantDraft(
        id=variant.id, sku=variant.sku, option1=variant.option1, option2=variant.option2,
        option3=variant.option3, barcode=variant.barcode or "",
        weight_grams="" if variant.weight_grams is None else str(variant.weight_grams),
        unit_cost=str(variant.unit_cost), price=str(variant.price),
        compare_at_price="" if variant.compare_at_price is None else str(variant.compare_at_price),
        archived=variant.archived,
    )


def sku_owner(uow: UnitOfWork, sku: str) -> tuple[int, str] | None:
    """(product id, product title) of the product using `sku`, or None when it is free."""
    with uow:
        row = uow.session.execute(
            select(Product.id, Product.title).join(Variant, Variant.product_id == Product.id)
            .where(func.lower(Variant.sku) == sku.strip().lower())).first()
    return (row.id, row.title) if row else None


def count_variants(uow: UnitOfWork) -> int:
    with uow:
        return uow.session.scalar(select(func.count()).select_from(Variant)) or 0

