"""Write side of the catalog: save a product with its SKUs and listings, and bulk actions.

Each function is one transaction: it validates everything first and then writes all or nothing.
Nothing is deleted: products and SKUs are archived, listings are set to "unlisted".
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import (
    Channel,
    Listing,
    ListingStatus,
    Product,
    ProductStatus,
    Tag,
    Variant,
    product_tags,
)
from ecdesk.models.audit import record_bulk, record_change
from ecdesk.models.base import utc_now
from ecdesk.money import parse_amount
from ecdesk.services.catalog.categories import ensure_category
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.catalog.validation import blocking, check_product, whole_grams
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.pricing.history import PriceSource, price_source
from ecdesk.services.settings import read_settings
from ecdesk.services.shop_file.backups import back_up_before_bulk

BATCH = 500  # ids per IN (...) list, well under SQLite's variable limit


def save_product(uow: UnitOfWork, draft: ProductDraft, product_id: int | None = None) -> Changed:
    """Create a product (product_id None) or update one, with its SKUs and channel listings."""
    with uow:
        session = uow.session
        errors = blocking(check_product(draft, read_settings(session).min_margin))
        errors += _skus_in_use(session, draft, product_id)
        errors += _listing_problems(session, draft, product_id)
        if errors:
            raise ValidationError(errors)
        category_id = ensure_category(session, draft.category_path)
        product = _load_or_new(session, product_id)
        old_tags = [t.name for t in product.tags]
        _apply_product(session, product, draft, category_id)
        with price_source(session, PriceSource.PRODUCT):
            variants = _apply_variants(session, product, draft.variants)
            _apply_listings(session, variants, draft.listings)
            session.flush()
        saved_id = product.id
        new_tags = [t.name for t in product.tags]
        if new_tags != old_tags:  # a many-to-many change is not a column: record it here
            record_change(session, "products", saved_id, {"tags": [old_tags, new_tags]})
        uow.commit()
    verb = "created" if product_id is None else "saved"
    return Changed.of(
        ChangeArea.CATALOG,
        message=_("Product '{strip}' {verb}").format(strip=draft.title.strip(), verb=verb),
        ids=(saved_id,),
    )


def _load_or_new(session: Session, product_id: int | None) -> Product:
    if product_id is None:
        product = Product()
        session.add(product)
        return product
    product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError(
            _("Product {product_id} does not exist (was it removed elsewhere?)").format(
                product_id=product_id
            )
        )
    return product


def _skus_in_use(session: Session, draft: ProductDraft, product_id: int | None) -> list[Problem]:
    problems = []
    for row, variant in enumerate(draft.variants, start=1):
        sku = variant.sku.strip()
        if not sku:
            continue
        owner = session.execute(
            select(Variant.product_id, Product.title)
            .join(Product, Product.id == Variant.product_id)
            .where(func.lower(Variant.sku) == sku.lower())).first()
        # Within the product SKUs may move between variants (a swap); the form has them all.
        if owner is not None and (product_id is None or owner.product_id != product_id):
            problems.append(
                Problem(
                    N_("SKU"),
                    _("'{sku}' is already used by '{title}'").format(sku=sku, title=owner.title),
                    row,
                )
            )
    return problems


def _listing_problems(session: Session, draft: ProductDraft, product_id: int | None
                      ) -> list[Problem]:
    """Listings must name a real channel and a channel item id not used by another SKU there."""
    problems = []
    channels = set(session.scalars(select(Channel.id)))
    own_variants = {v.id for v in draft.variants if v.id is not None}
    for row, listing in enumerate(draft.listings, start=1):
        if listing.channel_id not in channels:
            problems.append(
                Problem(
                    _("Listing {row}").format(row=row),
                    _("channel {channel_id} does not exist (was it removed?)").format(
                        channel_id=listing.channel_id
                    ),
                )
            )
            continue
        item_id = listing.channel_item_id.strip()
        if not item_id:
            continue
        owner = session.execute(
            select(Variant.id, Variant.sku).join(Listing, Listing.variant_id == Variant.id)
            .where(Listing.channel_id == listing.channel_id,
                   Listing.channel_item_id == item_id)).first()
        if owner is not None and owner.id not in own_variants:
            problems.append(
                Problem(
                    _("Listing {row}").format(row=row),
                    _(
                        "channel item id '{item_id}' is already used by SKU '{sku}' on this channel"
                    ).format(item_id=item_id, sku=owner.sku),
                )
            )
    return problems


def _apply_product(session: Session, product: Product, draft: ProductDraft,
                   category_id: int | None) -> None:
    _set(product, title=draft.title.strip(), description=draft.description,
         brand=draft.brand.strip(), status=ProductStatus(draft.status),
         option1_name=draft.option_names[0].strip(), option2_name=draft.option_names[1].strip(),
         option3_name=draft.option_names[2].strip(), category_id=category_id)
    unique = {t.strip().lower(): t.strip() for t in reversed(draft.tags) if t.strip()}
    wanted = sorted(unique.values(), key=str.lower)  # "gift, Gift" is one tag, as typed first
    if [t.name for t in product.tags] != wanted:
        product.tags = [_tag(session, name) for name in wanted]


def _set(obj: object, **values: object) -> None:
    """Assign only what changed, so that the audit trail records real changes only."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def _tag(session: Session, name: str) -> Tag:
    tag = session.scalar(select(Tag).where(func.lower(Tag.name) == name.lower()))
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
    return tag


def _apply_variants(session: Session, product: Product, drafts: Iterable[VariantDraft]
                    ) -> list[Variant]:
    existing = {v.id: v for v in product.variants}
    drafts = list(drafts)
    _free_moved_skus(session, existing, drafts)
    variants = []
    for position, draft in enumerate(drafts):
        variant = existing.get(draft.id) if draft.id is not None else None
        if variant is None:
            variant = Variant(product=product)
            session.add(variant)
        _set(variant, position=position, sku=draft.sku.strip(), option1=draft.option1.strip(),
             option2=draft.option2.strip(), option3=draft.option3.strip(),
             barcode=draft.barcode.strip() or None,
             weight_grams=whole_grams(draft.weight_grams),
             unit_cost=parse_amount(draft.unit_cost), price=parse_amount(draft.price),
             compare_at_price=_optional_amount(draft.compare_at_price), archived=draft.archived)
        variants.append(variant)
    session.flush()
    return variants


def _free_moved_skus(session: Session, existing: dict[int, Variant],
                     drafts: list[VariantDraft]) -> None:
    """SKUs moving between this product's variants: step aside first, or UNIQUE refuses.

    SQLite checks uniqueness row by row, so a swap of two SKUs needs a free name in between;
    the audit trail then shows that step, which is what happened.
    """
    wanted = {d.id: d.sku.strip() for d in drafts if d.id in existing}
    taken_by = {v.sku.lower(): v.id for v in existing.values()}
    moving = [vid for vid, sku in wanted.items()
              if taken_by.get(sku.lower(), vid) != vid and existing[vid].sku != sku]
    if not moving:
        return
    for variant_id in moving:
        existing[variant_id].sku = f"~moving-{variant_id}"
    session.flush()


def _optional_amount(text: str) -> Decimal | None:
    return parse_amount(text) if text.strip() else None


def _apply_listings(session: Session, variants: list[Variant], drafts: Iterable[ListingDraft]
                    ) -> None:
    ids = [v.id for v in variants]
    current = {(lst.variant_id, lst.channel_id): lst for lst in session.scalars(
        select(Listing).where(Listing.variant_id.in_(ids)))}
    for draft in drafts:
        variant = variants[draft.variant_index]
        listing = current.get((variant.id, draft.channel_id))
        if listing is None:
            listing = Listing(variant_id=variant.id, channel_id=draft.channel_id)
            session.add(listing)
        _set(listing, status=ListingStatus(draft.status),
             channel_price=_optional_amount(draft.channel_price),
             channel_item_id=draft.channel_item_id.strip() or None,
             channel_title=draft.channel_title.strip())


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]


def set_product_status(uow: UnitOfWork, product_ids: list[int], status: str) -> Changed:
    """Bulk: set draft / active / archived on many products (archiving is how products go away)."""
    if status not in {s.value for s in ProductStatus}:
        raise ValidationError(
            [Problem(N_("Status"), _("'{status}' is not a product status").format(status=status))]
        )
    ids = sorted(set(product_ids))
    back_up_before_bulk(uow, len(ids))
    with uow:
        session = uow.session
        _check_exist(session, Product, ids, "Products")
        before: dict[int, str] = {}
        for chunk in _chunks(ids):
            rows = session.execute(select(Product.id, Product.status).where(Product.id.in_(chunk)))
            before.update({row.id: row.status.value for row in rows})
            session.execute(update(Product).where(Product.id.in_(chunk))
                            .values(status=status, updated_at=utc_now()))
        record_bulk(session, "products", {"field": "status", "new": status, "old": before})
        uow.commit()
    return Changed.of(
        ChangeArea.CATALOG,
        message=_("{before_count} product(s) set to {status}").format(
            before_count=len(before), status=status
        ),
        ids=tuple(ids),
    )


def set_listing_status(uow: UnitOfWork, variant_ids: list[int], channel_id: int, status: str
                       ) -> Changed:
    """Bulk: put many SKUs on a channel as listed / paused / unlisted (creating listings)."""
    if status not in {s.value for s in ListingStatus}:
        raise ValidationError(
            [Problem(N_("Status"), _("'{status}' is not a listing status").format(status=status))]
        )
    ids = sorted(set(variant_ids))
    back_up_before_bulk(uow, len(ids))
    with uow:
        session = uow.session
        if session.get(Channel, channel_id) is None:
            raise ValidationError(
                [
                    Problem(
                        N_("Channel"),
                        _("channel {channel_id} does not exist").format(channel_id=channel_id),
                    )
                ]
            )
        _check_exist(session, Variant, ids, "SKUs")
        before: dict[int, str | None] = {}
        for chunk in _chunks(ids):
            current = dict(session.execute(select(Listing.variant_id, Listing.status).where(
                Listing.channel_id == channel_id, Listing.variant_id.in_(chunk))).tuples().all())
            before.update({i: (current[i].value if i in current else None) for i in chunk})
            missing = [i for i in chunk if i not in current]
            session.execute(update(Listing).where(
                Listing.channel_id == channel_id, Listing.variant_id.in_(chunk))
                .values(status=status, changed_at=utc_now()))
            if missing:  # one executemany; the bulk audit row below records them
                session.execute(insert(Listing), [
                    {"variant_id": i, "channel_id": channel_id, "status": status}
                    for i in missing])
        record_bulk(session, "listings", {"channel_id": channel_id, "field": "status",
                                          "new": status, "old": before})
        uow.commit()
    return Changed.of(
        ChangeArea.CATALOG,
        message=_("{ids_count} SKU(s) {status} on the channel").format(
            ids_count=len(ids), status=status
        ),
        ids=tuple(ids),
    )


def _check_exist(session: Session, model: type[Product] | type[Variant], ids: list[int],
                 label: str) -> None:
    """Refuse a bulk action on ids that are not (or no longer) in the shop, naming a few."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        found.update(session.scalars(select(model.id).where(model.id.in_(chunk))))
    missing = [i for i in ids if i not in found]
    if missing:
        shown = ", ".join(map(str, missing[:10]))
        raise ValidationError(
            [
                Problem(
                    label,
                    _("{missing_count} of them do not exist ({shown})").format(
                        missing_count=len(missing), shown=shown
                    ),
                )
            ]
        )


def add_tag(uow: UnitOfWork, product_ids: list[int], tag_name: str) -> Changed:
    """Bulk: add one tag to many products (products that have it already are left alone)."""
    name = tag_name.strip()
    if not name:
        raise ValidationError([Problem(N_("Tag"), _("is required"))])
    ids = sorted(set(product_ids))
    back_up_before_bulk(uow, len(ids))
    with uow:
        session = uow.session
        _check_exist(session, Product, ids, "Products")
        tag = _tag(session, name)
        session.flush()
        added = []
        for chunk in _chunks(ids):
            have = set(session.scalars(select(product_tags.c.product_id).where(
                product_tags.c.tag_id == tag.id, product_tags.c.product_id.in_(chunk))))
            added += [i for i in chunk if i not in have]
        if added:
            session.execute(product_tags.insert(), [{"product_id": i, "tag_id": tag.id}
                                                    for i in added])
        record_bulk(session, "product_tags", {"tag": tag.name, "added_to": added})
        uow.commit()
    return Changed.of(
        ChangeArea.CATALOG,
        message=_("Tag '{name}' added to {added_count} product(s)").format(
            name=name, added_count=len(added)
        ),
        ids=tuple(ids),
    )
