"""Catalog services against a real shop file: saving products, bulk actions, the Listings query."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, text

from ecdesk.db import Database, open_database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.models import AuditEntry, Category, Listing, Product, Tag, Variant
from ecdesk.models.search import DOCS_TABLE, SEARCH_TABLE
from ecdesk.services.catalog import queries
from ecdesk.services.catalog.categories import category_paths
from ecdesk.services.catalog.commands import (
    add_tag,
    save_product,
    set_listing_status,
    set_product_status,
)
from ecdesk.services.catalog.dto import (
    ListingCell,
    ListingDraft,
    ProductDraft,
    VariantDraft,
    VariantQuery,
    VariantRow,
)
from ecdesk.services.catalog.queries import (
    SORT_KEYS,
    category_choices,
    count_matching,
    count_variants,
    filter_options,
    get_product,
    list_variants,
    sku_owner,
)
from ecdesk.services.changes import ChangeArea
from ecdesk.services.channels import save_channel
from ecdesk.services.pricing.margin import NO_FEES, MarginStatus
from ecdesk.services.search_providers import search_everything

# --- helpers -----------------------------------------------------------------------------------


def new_channel(db: Database, name: str = "Tmall", kind: str = "tmall") -> int:
    return save_channel(db.uow(), name=name, kind=kind, currency="CNY").ids[0]


def tee_draft(channel_id: int, **fields: Any) -> ProductDraft:
    values: dict[str, Any] = {
        "title": "Cotton tee 纯棉T恤", "description": "<p>Soft</p>", "brand": "Muzi",
        "tags": ("summer", "new"), "status": "active", "option_names": ("Colour", "Size", ""),
        "variants": (
            VariantDraft("TEE-RED-M", option1="Red", option2="M", barcode="4006381333931",
                         weight_grams="180", unit_cost="5", price="12.5",
                         compare_at_price="19.90"),
            VariantDraft("TEE-BLUE-L", option1="Blue", option2="L", unit_cost="5.20",
                         price="13.00"),
        ),
        "listings": (
            ListingDraft(0, channel_id, "listed", channel_price="11.9", channel_item_id="TM-1001",
                         channel_title="纯棉T恤 red"),
            ListingDraft(1, channel_id, "paused"),
        ),
    }
    values.update(fields)
    return ProductDraft(**values)


def save_new(db: Database, draft: ProductDraft, actor: str = "user") -> int:
    changed = save_product(db.uow(actor), draft)
    return changed.ids[0]


def simple_draft(title: str, *skus: str, **fields: Any) -> ProductDraft:
    return ProductDraft(title=title, status="active",
                        variants=tuple(VariantDraft(s, unit_cost="1", price="10") for s in skus),
                        **fields)


def audit(db: Database, after_id: int = 0) -> list[tuple[str, str, str, dict]]:
    with db.uow() as uow:
        rows = uow.session.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.entity,
                                          AuditEntry.changes)
                                   .where(AuditEntry.id > after_id).order_by(AuditEntry.id)).all()
    return [(r.actor, r.action, r.entity, json.loads(r.changes)) for r in rows]


def last_audit_id(db: Database) -> int:
    with db.uow() as uow:
        return uow.session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0)))


def counts(db: Database) -> dict[str, int]:
    with db.uow() as uow:
        return {name: uow.session.scalar(text(f"SELECT count(*) FROM {name}"))
                for name in ("products", "variants", "listings", "categories", "tags",
                             "product_tags", "audit_log", DOCS_TABLE)}


def all_rows(db: Database, **query: Any) -> list[VariantRow]:
    page = list_variants(db.uow(), VariantQuery(**query), limit=100_000)
    assert page.total == len(page.rows)
    return page.rows


def ids(rows: list[VariantRow]) -> list[int]:
    return [r.variant_id for r in rows]


def search_index_is_consistent(db: Database) -> None:
    """The FTS index agrees with its documents and there is one document per variant."""
    with db.uow() as uow:
        uow.session.execute(text(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES('integrity-check', 1)"))
        docs = uow.session.scalar(text(f"SELECT count(*) FROM {DOCS_TABLE}"))
        variants = uow.session.scalar(select(func.count()).select_from(Variant))
    assert docs == variants


# --- saving products ---------------------------------------------------------------------------


def test_saving_a_new_product_stores_it_and_get_product_returns_the_same_values(
        tmp_shop: Database) -> None:
    channel_id = new_channel(tmp_shop)
    draft = tee_draft(channel_id)
    changed = save_product(tmp_shop.uow(), draft)
    assert changed.areas == frozenset({ChangeArea.CATALOG})
    assert changed.message == "Product 'Cotton tee 纯棉T恤' created"
    (product_id,) = changed.ids

    detail = get_product(tmp_shop.uow(), product_id)
    assert detail.id == product_id
    variant_ids = tuple(v.id for v in detail.draft.variants)
    assert all(isinstance(i, int) for i in variant_ids)
    assert detail.draft == ProductDraft(
        title="Cotton tee 纯棉T恤", description="<p>Soft</p>", brand="Muzi", category_path="",
        tags=("new", "summer"), status="active", option_names=("Colour", "Size", ""),
        variants=(
            VariantDraft("TEE-RED-M", option1="Red", option2="M", barcode="4006381333931",
                         weight_grams="180", unit_cost="5.00", price="12.50",
                         compare_at_price="19.90", id=variant_ids[0]),
            VariantDraft("TEE-BLUE-L", option1="Blue", option2="L", unit_cost="5.20",
                         price="13.00", id=variant_ids[1]),
        ),
        listings=(
            ListingDraft(0, channel_id, "listed", channel_price="11.90",
                         channel_item_id="TM-1001", channel_title="纯棉T恤 red"),
            ListingDraft(1, channel_id, "paused"),
        ),
    )
    assert detail.created_at.endswith("+00:00")


def test_a_saved_product_shows_in_the_listings_table_with_exact_values(
        tmp_shop: Database) -> None:
    channel_id = new_channel(tmp_shop)
    product_id = save_new(tmp_shop, tee_draft(channel_id))
    rows = all_rows(tmp_shop, sort="sku")
    red, blue = rows[1], rows[0]  # sorted by SKU: TEE-BLUE-L, TEE-RED-M
    assert dataclasses.replace(red, variant_id=0) == VariantRow(
        variant_id=0, product_id=product_id, title="Cotton tee 纯棉T恤", sku="TEE-RED-M",
        options="Red / M", status="active", category="", price=Decimal("12.50"),
        cost=Decimal("5.00"), margin=Decimal("0.6"), margin_status=MarginStatus.OK,
        min_margin=Decimal("0.20"), stock=0, barcode="4006381333931",
        listings={channel_id: ListingCell(
            channel_id, "listed", Decimal("11.90"), True, "TM-1001", Decimal("5.00"),
            NO_FEES, Decimal("0.20"))})
    # the channel has no fees: the listing keeps its margin before fees
    assert red.listings[channel_id].margin == (Decimal("11.90") - Decimal("5.00")) / Decimal(
        "11.90")
    assert red.listings[channel_id].margin_status == MarginStatus.OK
    assert blue.sku == "TEE-BLUE-L"
    assert blue.margin == (Decimal("13.00") - Decimal("5.20")) / Decimal("13.00")
    assert blue.listings == {channel_id: ListingCell(channel_id, "paused", Decimal("13.00"),
                                                     False, None, Decimal("5.20"), NO_FEES,
                                                     Decimal("0.20"))}


def test_a_new_product_can_be_saved_with_a_category_path(tmp_shop: Database) -> None:
    # Regression: ensure_category's query autoflushed the new, still empty product
    # (IntegrityError: NOT NULL products.title), so no new product could have a category.
    channel_id = new_channel(tmp_shop)
    product_id = save_new(tmp_shop, tee_draft(channel_id, category_path="Clothing > T-shirts"))
    assert get_product(tmp_shop.uow(), product_id).draft.category_path == "Clothing > T-shirts"
    rows = all_rows(tmp_shop)
    assert {r.category for r in rows} == {"Clothing > T-shirts"}


def test_updating_a_product_changes_only_what_changed_in_the_audit_trail(
        tmp_shop: Database) -> None:
    channel_id = new_channel(tmp_shop)
    product_id = save_new(tmp_shop, tee_draft(channel_id))
    draft = get_product(tmp_shop.uow(), product_id).draft
    red, blue = draft.variants
    edited = dataclasses.replace(
        draft, title="Cotton tee v2",
        variants=(dataclasses.replace(red, price="14.00", unit_cost="5.00"),  # cost as stored
                  dataclasses.replace(blue, price="13")),  # 13 == 13.00: not a change
        listings=(dataclasses.replace(draft.listings[0], status="paused"), draft.listings[1]))
    mark = last_audit_id(tmp_shop)
    changed = save_product(tmp_shop.uow("dave"), edited, product_id)
    assert changed.message == "Product 'Cotton tee v2' saved"
    assert changed.ids == (product_id,)
    entries = audit(tmp_shop, mark)
    assert [(actor, action, entity) for actor, action, entity, _ in entries] == [
        ("dave", "update", "products"), ("dave", "update", "variants"),
        ("dave", "update", "listings")]
    assert entries[0][3] == {"title": ["Cotton tee 纯棉T恤", "Cotton tee v2"]}
    assert entries[1][3] == {"price": ["12.50", "14.00"]}
    assert entries[2][3] == {"status": ["listed", "paused"]}
    after = get_product(tmp_shop.uow(), product_id).draft
    assert after.variants[0].price == "14.00"
    assert after.listings[0].status == "paused"


def test_saving_an_unchanged_product_writes_nothing_to_the_audit_trail(
        tmp_shop: Database) -> None:
    channel_id = new_channel(tmp_shop)
    product_id = save_new(tmp_shop, tee_draft(channel_id))
    mark = last_audit_id(tmp_shop)
    save_product(tmp_shop.uow(), get_product(tmp_shop.uow(), product_id).draft, product_id)
    assert audit(tmp_shop, mark) == []


def test_a_sku_used_by_another_product_is_refused_and_nothing_is_written(
        tmp_shop: Database) -> None:
    save_new(tmp_shop, simple_draft("Steel flask", "FLASK-1"))
    before = counts(tmp_shop)
    with pytest.raises(ValidationError) as info:
        save_product(tmp_shop.uow(), simple_draft("Ceramic mug", "MUG-1", "flask-1"))
    assert str(info.value) == "Row 2, SKU: 'flask-1' is already used by 'Steel flask'"
    assert [str(p) for p in info.value.problems] == [
        "Row 2, SKU: 'flask-1' is already used by 'Steel flask'"]
    assert counts(tmp_shop) == before


def test_a_product_keeps_its_own_skus_when_it_is_saved_again(tmp_shop: Database) -> None:
    product_id = save_new(tmp_shop, simple_draft("Steel flask", "FLASK-1"))
    draft = get_product(tmp_shop.uow(), product_id).draft
    save_product(tmp_shop.uow(), dataclasses.replace(draft, brand="Polar Fox"), product_id)
    assert get_product(tmp_shop.uow(), product_id).draft.brand == "Polar Fox"


def test_a_form_with_problems_is_refused_with_every_problem_and_nothing_is_written(
        tmp_shop: Database) -> None:
    before = counts(tmp_shop)
    draft = ProductDraft(title="", variants=(VariantDraft("A 1", price="12,5O"),))
    with pytest.raises(ValidationError) as info:
        save_product(tmp_shop.uow(), draft)
    assert [str(p) for p in info.value.problems] == [
        "Title: is required", "Row 1, SKU: 'A 1' contains spaces",
        "Row 1, Price: '12,5O' is not a number"]
    assert counts(tmp_shop) == before


def test_warnings_do_not_block_saving(tmp_shop: Database) -> None:
    draft = ProductDraft(title="Loss leader", variants=(
        VariantDraft("LOSS-1", unit_cost="12", price="10", compare_at_price="9"),))
    product_id = save_new(tmp_shop, draft)
    assert get_product(tmp_shop.uow(), product_id).draft.variants[0].price == "10.00"


def test_saving_a_product_that_does_not_exist_is_refused(tmp_shop: Database) -> None:
    with pytest.raises(NotFoundError) as info:
        save_product(tmp_shop.uow(), simple_draft("Ghost", "GHOST-1"), 999)
    assert str(info.value) == "Product 999 does not exist (was it removed elsewhere?)"
    assert counts(tmp_shop)["variants"] == 0


def test_reading_a_product_that_does_not_exist_is_refused(tmp_shop: Database) -> None:
    with pytest.raises(NotFoundError) as info:
        get_product(tmp_shop.uow(), 999)
    assert str(info.value) == "Product 999 does not exist"


def test_a_listing_on_a_channel_that_does_not_exist_is_refused_with_a_readable_error(
        tmp_shop: Database) -> None:
    # Regression: the FOREIGN KEY failure escaped as a raw IntegrityError.
    before = counts(tmp_shop)
    with pytest.raises(ValidationError) as info:
        save_product(tmp_shop.uow(), tee_draft(999))
    assert str(info.value) == ("Listing 1: channel 999 does not exist (was it removed?); "
                               "Listing 2: channel 999 does not exist (was it removed?)")
    assert counts(tmp_shop) == before


def test_a_channel_item_id_already_used_on_the_channel_is_refused_with_a_readable_error(
        tmp_shop: Database) -> None:
    # Regression: the UNIQUE (channel_id, channel_item_id) failure escaped as IntegrityError.
    channel_id = new_channel(tmp_shop)
    save_new(tmp_shop, tee_draft(channel_id))
    before = counts(tmp_shop)
    other = simple_draft("Linen shirt", "LINEN-1", listings=(
        ListingDraft(0, channel_id, "listed", channel_item_id=" TM-1001 "),))
    with pytest.raises(ValidationError) as info:
        save_product(tmp_shop.uow(), other)
    assert str(info.value) == ("Listing 1: channel item id 'TM-1001' is already used by SKU "
                               "'TEE-RED-M' on this channel")
    assert counts(tmp_shop) == before


def test_the_same_channel_item_id_is_fine_on_another_channel(tmp_shop: Database) -> None:
    tmall = new_channel(tmp_shop)
    jd = new_channel(tmp_shop, "JD", "jd")
    save_new(tmp_shop, tee_draft(tmall))
    product_id = save_new(tmp_shop, simple_draft("Linen shirt", "LINEN-1", listings=(
        ListingDraft(0, jd, "listed", channel_item_id="TM-1001"),)))
    assert get_product(tmp_shop.uow(), product_id).draft.listings[0].channel_item_id == "TM-1001"


def test_a_weight_typed_in_full_width_digits_is_stored_as_whole_grams(
        tmp_shop: Database) -> None:
    product_id = save_new(tmp_shop, ProductDraft(title="Mug", variants=(
        VariantDraft("MUG-1", weight_grams="３５０", price="10"),)))
    assert get_product(tmp_shop.uow(), product_id).draft.variants[0].weight_grams == "350"


# --- categories and tags -----------------------------------------------------------------------


def test_a_category_path_creates_the_missing_levels_and_reuses_existing_ones(
        tmp_shop: Database) -> None:
    first = save_new(tmp_shop, simple_draft("Cotton tee", "TEE-1",
                                            category_path="Clothing > T-shirts"))
    second = save_new(tmp_shop, simple_draft("Linen shirt", "LINEN-1",
                                             category_path="  Clothing >T-shirts "))
    third = save_new(tmp_shop, simple_draft("Jeans", "JEANS-1"))
    draft = get_product(tmp_shop.uow(), third).draft
    save_product(tmp_shop.uow(), dataclasses.replace(draft, category_path="Clothing/Trousers"),
                 third)
    with tmp_shop.uow() as uow:
        categories = uow.session.execute(select(Category.id, Category.name, Category.parent_id)
                                         .order_by(Category.id)).all()
        category_of = dict(uow.session.execute(select(Product.id, Product.category_id)).all())
    clothing = categories[0].id
    assert [(c.name, c.parent_id) for c in categories] == [
        ("Clothing", None), ("T-shirts", clothing), ("Trousers", clothing)]
    assert category_of[first] == category_of[second] == categories[1].id
    assert get_product(tmp_shop.uow(), second).draft.category_path == "Clothing > T-shirts"
    assert get_product(tmp_shop.uow(), third).draft.category_path == "Clothing > Trousers"
    assert category_choices(tmp_shop.uow()) == [
        "Clothing", "Clothing > T-shirts", "Clothing > Trousers"]


def test_clearing_the_category_path_leaves_the_product_without_category(
        tmp_shop: Database) -> None:
    product_id = save_new(tmp_shop, simple_draft("Cotton tee", "TEE-1"))
    draft = get_product(tmp_shop.uow(), product_id).draft
    save_product(tmp_shop.uow(), dataclasses.replace(draft, category_path="Clothing"),
                 product_id)
    save_product(tmp_shop.uow(), dataclasses.replace(draft, category_path=" "), product_id)
    assert get_product(tmp_shop.uow(), product_id).draft.category_path == ""
    with tmp_shop.uow() as uow:
        assert uow.session.scalars(select(Category.name)).all() == ["Clothing"], "kept"


def test_tags_are_trimmed_deduplicated_and_reused_ignoring_case(tmp_shop: Database) -> None:
    first = save_new(tmp_shop, simple_draft("Tee", "TEE-1", tags=(" Summer ", "new", "", "new")))
    second = save_new(tmp_shop, simple_draft("Shirt", "SHIRT-1", tags=("NEW", "gift")))
    assert sorted(get_product(tmp_shop.uow(), first).draft.tags) == ["Summer", "new"]
    assert sorted(get_product(tmp_shop.uow(), second).draft.tags) == ["gift", "new"]
    with tmp_shop.uow() as uow:
        assert uow.session.scalars(select(Tag.name).order_by(Tag.name)).all() == [
            "Summer", "gift", "new"]


def test_removing_a_tag_from_the_form_removes_it_from_the_product(tmp_shop: Database) -> None:
    product_id = save_new(tmp_shop, simple_draft("Tee", "TEE-1", tags=("new", "summer")))
    draft = get_product(tmp_shop.uow(), product_id).draft
    save_product(tmp_shop.uow(), dataclasses.replace(draft, tags=("summer",)), product_id)
    assert get_product(tmp_shop.uow(), product_id).draft.tags == ("summer",)


def test_changing_a_products_tags_is_recorded_in_the_audit_trail(tmp_shop: Database) -> None:
    # Regression: tags are a many-to-many relationship, invisible to the column audit hook.
    product_id = save_new(tmp_shop, simple_draft("Tee", "TEE-1", tags=("new",)))
    draft = get_product(tmp_shop.uow(), product_id).draft
    mark = last_audit_id(tmp_shop)
    save_product(tmp_shop.uow("erin"), dataclasses.replace(draft, tags=("summer", "new")),
                 product_id)
    assert audit(tmp_shop, mark) == [
        ("erin", "create", "tags", {"name": [None, "summer"]}),
        ("erin", "update", "products", {"tags": [["new"], ["new", "summer"]]}),
    ]


# --- bulk actions ------------------------------------------------------------------------------


def test_setting_the_status_of_many_products_writes_one_bulk_audit_row(
        demo_shop: Database) -> None:
    def statuses() -> dict[str, str]:
        with demo_shop.uow() as uow:
            return {str(i): s.value for i, s in uow.session.execute(
                select(Product.id, Product.status).where(Product.id.in_([1, 2, 3]))).all()}

    before = statuses()
    mark = last_audit_id(demo_shop)
    changed = set_product_status(demo_shop.uow("bulk-user"), [3, 1, 2, 2], "archived")
    assert changed.message == "3 product(s) set to archived"
    assert changed.ids == (1, 2, 3)
    assert statuses() == {"1": "archived", "2": "archived", "3": "archived"}
    assert audit(demo_shop, mark) == [("bulk-user", "bulk", "products", {
        "field": "status", "new": "archived", "old": before})]


def test_an_unknown_product_status_is_refused_in_bulk(demo_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        set_product_status(demo_shop.uow(), [1], "deleted")
    assert str(info.value) == "Status: 'deleted' is not a product status"


def test_setting_listing_status_updates_listings_and_creates_missing_ones(
        tmp_shop: Database) -> None:
    channel_id = new_channel(tmp_shop)
    save_new(tmp_shop, tee_draft(channel_id))
    save_new(tmp_shop, simple_draft("Mug", "MUG-1"))
    with tmp_shop.uow() as uow:
        variant_of = dict(uow.session.execute(select(Variant.sku, Variant.id)).all())
    wanted = [variant_of["TEE-RED-M"], variant_of["TEE-BLUE-L"], variant_of["MUG-1"]]
    mark = last_audit_id(tmp_shop)
    changed = set_listing_status(tmp_shop.uow("bulk-user"), wanted, channel_id, "unlisted")
    assert changed.message == "3 SKU(s) unlisted on the channel"
    with tmp_shop.uow() as uow:
        statuses = dict(uow.session.execute(
            select(Listing.variant_id, Listing.status).where(Listing.channel_id == channel_id)
        ).all())
    assert {vid: str(s) for vid, s in statuses.items()} == {vid: "unlisted" for vid in wanted}
    bulk = [e for e in audit(tmp_shop, mark) if e[1] == "bulk"]
    assert len(bulk) == 1
    actor, _, entity, summary = bulk[0]
    assert (actor, entity) == ("bulk-user", "listings")
    assert summary == {"channel_id": channel_id, "field": "status", "new": "unlisted", "old": {
        str(variant_of["TEE-RED-M"]): "listed", str(variant_of["TEE-BLUE-L"]): "paused",
        str(variant_of["MUG-1"]): None}}
    search_index_is_consistent(tmp_shop)


def test_an_unknown_listing_status_is_refused_in_bulk(tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        set_listing_status(tmp_shop.uow(), [1], 1, "sold out")
    assert str(info.value) == "Status: 'sold out' is not a listing status"


def test_listing_skus_on_a_channel_that_does_not_exist_is_refused_with_a_readable_error(
        demo_shop: Database) -> None:
    # Regression: a missing channel or SKU escaped as a raw IntegrityError.
    before = counts(demo_shop)
    with pytest.raises(ValidationError) as info:
        set_listing_status(demo_shop.uow(), [1, 2], 999, "listed")
    assert str(info.value) == "Channel: channel 999 does not exist"
    with pytest.raises(ValidationError) as info:
        set_listing_status(demo_shop.uow(), [1, 99999, 88888], 1, "listed")
    assert str(info.value) == "SKUs: 2 of them do not exist (88888, 99999)"
    assert counts(demo_shop) == before


def test_bulk_actions_on_products_that_do_not_exist_are_refused(demo_shop: Database) -> None:
    before = counts(demo_shop)
    with pytest.raises(ValidationError) as info:
        set_product_status(demo_shop.uow(), [1, 99999], "active")
    assert str(info.value) == "Products: 1 of them do not exist (99999)"
    with pytest.raises(ValidationError) as info:
        add_tag(demo_shop.uow(), [99999, 1], "autumn")
    assert str(info.value) == "Products: 1 of them do not exist (99999)"
    assert counts(demo_shop) == before


def test_adding_a_tag_in_bulk_skips_products_that_have_it(demo_shop: Database) -> None:
    with demo_shop.uow() as uow:
        tag_id, tagged = uow.session.execute(
            select(Tag.id, func.min(Product.id)).join(Product.tags).group_by(Tag.id)
            .order_by(Tag.id).limit(1)).one()
        name = uow.session.get(Tag, tag_id).name
        untagged = uow.session.scalars(select(Product.id).where(
            ~Product.tags.any(Tag.id == tag_id)).order_by(Product.id).limit(2)).all()
    mark = last_audit_id(demo_shop)
    changed = add_tag(demo_shop.uow("bulk-user"), [tagged, *untagged], f"  {name.upper()} ")
    assert changed.message == f"Tag '{name.upper()}' added to 2 product(s)"
    entries = audit(demo_shop, mark)
    assert entries == [("bulk-user", "bulk", "product_tags",
                        {"tag": name, "added_to": sorted(untagged)})]
    with demo_shop.uow() as uow:
        having = set(uow.session.scalars(select(Product.id).where(
            Product.tags.any(Tag.id == tag_id))))
        assert uow.session.scalar(select(func.count()).select_from(Tag)
                                  .where(func.lower(Tag.name) == name.lower())) == 1
    assert {tagged, *untagged} <= having


def test_adding_a_new_tag_in_bulk_creates_it(demo_shop: Database) -> None:
    changed = add_tag(demo_shop.uow(), [1, 2], "autumn")
    assert changed.message == "Tag 'autumn' added to 2 product(s)"
    assert "autumn" in get_product(demo_shop.uow(), 1).draft.tags


def test_an_empty_tag_is_refused_in_bulk(demo_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        add_tag(demo_shop.uow(), [1], "  ")
    assert str(info.value) == "Tag: is required"


# --- the Listings query: paging and sorting -----------------------------------------------------
# Read-only tests share one opened demo copy per module (demo_read_only); tests that write use
# their own copy (demo_shop).


def raw_variants(db: Database) -> dict[int, Any]:
    with db.uow() as uow:
        rows = uow.session.execute(text(
            "SELECT v.id, v.product_id, v.position, v.sku, v.option1, v.option2, v.option3, "
            "v.barcode, v.price, v.unit_cost, v.on_hand, v.archived, p.title, p.status, "
            "p.category_id FROM variants v JOIN products p ON p.id = v.product_id")).all()
    return {row.id: row for row in rows}


@pytest.fixture(scope="module")
def demo_raw(demo_read_only: Database) -> dict[int, Any]:
    return raw_variants(demo_read_only)


def test_pages_follow_each_other_and_share_one_total(demo_read_only: Database) -> None:
    full = all_rows(demo_read_only)
    assert 500 < len(full) <= 800
    pages = [list_variants(demo_read_only.uow(), VariantQuery(), offset=offset, limit=100)
             for offset in range(0, len(full) + 100, 100)]
    assert {page.total for page in pages} == {len(full)}
    assert [len(page.rows) for page in pages[:-2]] == [100] * (len(pages) - 2)
    assert pages[-1].rows == []
    assert [r.variant_id for page in pages for r in page.rows] == ids(full)


def test_a_page_says_whether_more_rows_follow(demo_read_only: Database) -> None:
    total = len(all_rows(demo_read_only))
    assert list_variants(demo_read_only.uow(), VariantQuery(), limit=10).has_more is True
    last = list_variants(demo_read_only.uow(), VariantQuery(), offset=total - 10, limit=10)
    assert (len(last.rows), last.has_more) == (10, False)
    exact = list_variants(demo_read_only.uow(), VariantQuery(), limit=total)
    assert (len(exact.rows), exact.has_more) == (total, False)


def test_counting_can_be_left_for_later_and_done_by_count_matching(
        demo_read_only: Database) -> None:
    spec = VariantQuery(status="active")
    page = list_variants(demo_read_only.uow(), spec, limit=50, count=False)
    assert page.total is None
    assert len(page.rows) == 50 and page.has_more
    assert count_matching(demo_read_only.uow(), spec) == len(all_rows(demo_read_only,
                                                                       status="active"))
    searched = list_variants(demo_read_only.uow(), VariantQuery(search="flask"), limit=5,
                             count=False)
    assert searched.total == len(all_rows(demo_read_only, search="flask")), "comes free"


def test_a_page_past_the_end_of_a_search_still_knows_the_total(
        demo_read_only: Database) -> None:
    full = list_variants(demo_read_only.uow(), VariantQuery(search="flask"), limit=1000)
    past = list_variants(demo_read_only.uow(), VariantQuery(search="flask"), offset=1000,
                         limit=10)
    assert full.total == len(full.rows) > 0
    assert past.rows == []
    assert past.total == full.total


def _margin_key(raw: Any) -> tuple:
    if raw.price <= 0:
        return (0,)
    return (1, float(raw.price - raw.unit_cost) / raw.price)  # the same REAL as the SQL


SORT_EXPECTATIONS: dict[str, Callable[[VariantRow, Any], tuple]] = {
    "title": lambda row, raw: (row.title, row.product_id, raw.position),
    "sku": lambda row, raw: (row.sku,),
    "options": lambda row, raw: (raw.option1, raw.option2, raw.option3),
    "status": lambda row, raw: (row.status, row.title),
    # The path the table shows (regression: it used to sort by the internal category id).
    "category": lambda row, raw: (row.category, row.title),
    "price": lambda row, raw: (row.price,),
    "cost": lambda row, raw: (row.cost,),
    "margin": lambda row, raw: _margin_key(raw),
    "stock": lambda row, raw: (row.stock,),
}


def test_every_sort_key_has_an_expectation_in_this_test() -> None:
    assert set(SORT_EXPECTATIONS) == set(SORT_KEYS)


@pytest.mark.parametrize(("key", "descending"), [
    pytest.param(key, descending, id=f"{key}-{'desc' if descending else 'asc'}")
    for key in SORT_EXPECTATIONS for descending in (False, True)])
def test_the_listings_table_sorts_by_each_column_both_ways(
        demo_read_only: Database, demo_raw: dict[int, Any], key: str, descending: bool) -> None:
    rows = all_rows(demo_read_only, sort=key, descending=descending, status="")
    expected = sorted(rows, key=lambda r: (*SORT_EXPECTATIONS[key](r, demo_raw[r.variant_id]),
                                           r.variant_id), reverse=descending)
    assert len(rows) == len(demo_raw)
    assert ids(rows) == ids(expected)


@pytest.mark.parametrize("descending", [False, True])
def test_the_listings_table_sorts_by_a_channel_column(demo_read_only: Database,
                                                       descending: bool) -> None:
    channel_id = 3  # the demo's Pinduoduo has channel prices of its own

    def key(row: VariantRow) -> tuple:
        cell = row.listings.get(channel_id)
        if cell is None:
            return (0, "", row.price, row.variant_id)
        return (1, cell.status, cell.price, row.variant_id)

    rows = all_rows(demo_read_only, sort=f"channel:{channel_id}", descending=descending)
    assert any(channel_id not in r.listings for r in rows)
    assert any(channel_id in r.listings and r.listings[channel_id].own_price for r in rows)
    assert ids(rows) == ids(sorted(rows, key=key, reverse=descending))


def test_an_unknown_sort_key_falls_back_to_the_title(demo_read_only: Database) -> None:
    assert ids(all_rows(demo_read_only, sort="colour")) == ids(
        all_rows(demo_read_only, sort="title"))


# --- the Listings query: filters ---------------------------------------------------------------


def test_by_default_archived_products_and_archived_skus_are_hidden(demo_shop: Database) -> None:
    raw = raw_variants(demo_shop)
    product_id = next(r.product_id for r in raw.values() if r.status == "active"
                      and sum(1 for o in raw.values() if o.product_id == r.product_id) > 1)
    draft = get_product(demo_shop.uow(), product_id).draft
    archived_variant = draft.variants[0]
    save_product(demo_shop.uow(), dataclasses.replace(draft, variants=(
        dataclasses.replace(archived_variant, archived=True), *draft.variants[1:])), product_id)

    visible = set(ids(all_rows(demo_shop)))
    assert visible == {vid for vid, r in raw.items()
                       if r.status != "archived" and vid != archived_variant.id}
    everything = set(ids(all_rows(demo_shop, status="")))
    assert everything == {vid for vid in raw if vid != archived_variant.id}
    assert any(r.status == "archived" for r in raw.values())


@pytest.mark.parametrize("status", ["active", "draft", "archived"])
def test_the_status_filter_shows_products_of_that_status_only(
        demo_read_only: Database, demo_raw: dict[int, Any], status: str) -> None:
    rows = all_rows(demo_read_only, status=status)
    assert rows
    assert set(ids(rows)) == {vid for vid, r in demo_raw.items() if r.status == status}
    assert {r.status for r in rows} == {status}


def test_the_category_filter_includes_sub_categories(demo_read_only: Database,
                                                     demo_raw: dict[int, Any]) -> None:
    with demo_read_only.uow() as uow:
        paths = category_paths(uow.session)
    top = next(i for i, p in paths.items() if p == "服装 Clothing")
    children = {i for i, p in paths.items() if p.startswith("服装 Clothing > ")}
    assert len(children) == 3
    rows = all_rows(demo_read_only, category_id=top)
    assert set(ids(rows)) == {vid for vid, r in demo_raw.items()
                              if r.category_id in children | {top} and r.status != "archived"}
    assert {r.category.split(" > ")[0] for r in rows} == {"服装 Clothing"}
    leaf = next(i for i, p in paths.items() if p == "服装 Clothing > T恤 T-shirts")
    assert set(ids(all_rows(demo_read_only, category_id=leaf))) == {
        vid for vid, r in demo_raw.items() if r.category_id == leaf and r.status != "archived"}


def test_the_tag_filter_shows_products_with_that_tag(demo_read_only: Database) -> None:
    options = filter_options(demo_read_only.uow())
    tag = next(c for c in options.tags if c.label == "新品 new")
    with demo_read_only.uow() as uow:
        tagged = set(uow.session.scalars(text(
            "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id "
            "JOIN product_tags pt ON pt.product_id = p.id "
            "WHERE pt.tag_id = :tag AND p.status != 'archived'"), {"tag": tag.id}))
    assert tagged
    assert set(ids(all_rows(demo_read_only, tag_id=tag.id))) == tagged


def _listing_statuses(db: Database, channel_id: int) -> dict[int, str]:
    with db.uow() as uow:
        return dict(uow.session.execute(text(
            "SELECT variant_id, status FROM listings WHERE channel_id = :c"),
            {"c": channel_id}).tuples().all())


@pytest.mark.parametrize("listing_status", ["listed", "paused", "unlisted"])
def test_the_channel_filter_shows_skus_with_that_listing_status(
        demo_read_only: Database, listing_status: str) -> None:
    on_channel = _listing_statuses(demo_read_only, 2)
    rows = all_rows(demo_read_only, channel_id=2, listing_status=listing_status, status="")
    assert rows
    assert set(ids(rows)) == {vid for vid, s in on_channel.items() if s == listing_status}
    assert {r.listings[2].status for r in rows} == {listing_status}


def test_the_channel_filter_without_status_shows_every_sku_on_the_channel(
        demo_read_only: Database) -> None:
    on_channel = _listing_statuses(demo_read_only, 2)
    assert set(ids(all_rows(demo_read_only, channel_id=2, status=""))) == set(on_channel)


def test_the_channel_filter_none_shows_skus_not_for_sale_there(
        demo_read_only: Database, demo_raw: dict[int, Any]) -> None:
    on_channel = _listing_statuses(demo_read_only, 2)
    rows = all_rows(demo_read_only, channel_id=2, listing_status="none", status="")
    expected = {vid for vid in demo_raw if on_channel.get(vid) in (None, "unlisted")}
    assert set(ids(rows)) == expected
    assert any(vid not in on_channel for vid in expected), "SKUs with no listing at all"
    assert {r.listings[2].status for r in rows if 2 in r.listings} <= {"unlisted"}


def test_filters_combine(demo_read_only: Database, demo_raw: dict[int, Any]) -> None:
    on_channel = _listing_statuses(demo_read_only, 1)
    rows = all_rows(demo_read_only, status="active", channel_id=1, listing_status="listed",
                    search="Navy")
    assert rows
    assert set(ids(rows)) == {
        vid for vid, r in demo_raw.items()
        if r.status == "active" and on_channel.get(vid) == "listed"
        and "navy" in f"{r.option1} {r.option2} {r.title}".lower()}


def test_filter_options_list_categories_by_path_tags_and_open_channels(
        demo_read_only: Database) -> None:
    options = filter_options(demo_read_only.uow())
    labels = [c.label for c in options.categories]
    assert labels == sorted(labels, key=str.lower)
    assert "服装 Clothing > T恤 T-shirts" in labels
    assert len(labels) == 15
    assert [c.label for c in options.tags] == sorted(c.label for c in options.tags)
    assert [c.label for c in options.channels] == [
        "天猫旗舰店 Tmall", "京东 JD", "拼多多 Pinduoduo", "官网 Own site"]


# --- search ------------------------------------------------------------------------------------


def searchable_text(db: Database) -> dict[int, str]:
    """What a person can search for, per visible SKU, built from the tables (not the index)."""
    raw = raw_variants(db)
    with db.uow() as uow:
        listings = uow.session.execute(text(
            "SELECT variant_id, channel_item_id, channel_title FROM listings")).all()
    extra: dict[int, list[str]] = {}
    for listing in listings:
        extra.setdefault(listing.variant_id, []).append(
            f"{listing.channel_item_id or ''} {listing.channel_title}")
    return {vid: " ".join([r.title, r.sku, r.barcode or "", r.option1, r.option2, r.option3,
                           *extra.get(vid, [])])
            for vid, r in raw.items() if not r.archived}


def expected_hits(texts: dict[int, str], query: str) -> set[int]:
    words = query.split()
    return {vid for vid, body in texts.items()
            if all(word.lower() in body.lower() for word in words)}


def search_ids(db: Database, query: str) -> set[int]:
    return set(ids(all_rows(db, search=query, status="")))


@pytest.fixture(scope="module")
def demo_texts(demo_read_only: Database) -> dict[int, str]:
    return searchable_text(demo_read_only)


@pytest.mark.parametrize(("query", "what"), [
    ("flask", "a title word"),
    ("SKU-00001-2", "a SKU"),
    ("6900000000014", "a barcode"),
    ("100000007919", "a channel item id"),
    ("Navy", "an option value"),
    ("恤", "one Chinese character"),
    ("T恤", "two characters"),
    ("保温杯", "three Chinese characters (trigram index)"),
    ("不锈钢保温杯", "a longer Chinese word"),
    ("FLASK", "upper case"),
    ("nAvY xl", "mixed case, two words"),
    ("T恤 navy XL", "every word, in any script and length"),
    ("hoodie 黑 L", "a one-character Chinese word among others"),
    ("SKU-0000", "a SKU prefix"),
])
def test_search_finds_skus_by_any_of_their_text(
        demo_read_only: Database, demo_texts: dict[int, str], query: str, what: str) -> None:
    expected = expected_hits(demo_texts, query)
    assert expected, f"the demo shop should contain {what}"
    assert search_ids(demo_read_only, query) == expected


@pytest.mark.parametrize("query", ["恤", "T恤 navy", "SKU-0", "保温杯 白"])
@pytest.mark.parametrize("sort", ["title", "price", "category"])
def test_a_broad_search_walking_the_sort_order_finds_the_same_rows_in_the_same_order(
        demo_read_only: Database, monkeypatch: pytest.MonkeyPatch, query: str,
        sort: str) -> None:
    spec = VariantQuery(search=query, sort=sort, status="")
    narrow = list_variants(demo_read_only.uow(), spec, limit=100_000)
    # White box: force the "broad search" plan (it only starts at thousands of matches).
    monkeypatch.setattr(queries, "is_broad_search", lambda session, text: True)
    probes = []
    real_probe = queries.variant_matches
    monkeypatch.setattr(queries, "variant_matches",
                        lambda text: probes.append(text) or real_probe(text))
    broad = list_variants(demo_read_only.uow(), spec, limit=100_000)
    assert probes == [query], "the broad path was taken"
    first_page = list_variants(demo_read_only.uow(), spec, limit=7, count=False)
    assert ids(broad.rows) == ids(narrow.rows)
    assert broad.total == narrow.total == len(narrow.rows)
    assert ids(first_page.rows) == ids(narrow.rows)[:7]
    assert first_page.has_more == (len(narrow.rows) > 7)


def test_the_chinese_searches_find_what_a_person_expects(demo_read_only: Database) -> None:
    one, two, three = (search_ids(demo_read_only, q) for q in ("恤", "T恤", "保温杯"))
    assert two <= one
    assert len(three) > 0 and not three & one
    assert all("保温杯" in r.title for r in all_rows(demo_read_only, search="保温杯", status=""))


def test_search_requires_every_word(demo_read_only: Database) -> None:
    flask = search_ids(demo_read_only, "flask")
    navy = search_ids(demo_read_only, "navy")
    both = search_ids(demo_read_only, "flask navy")
    assert both == flask & navy
    assert both and both != flask and both != navy
    assert search_ids(demo_read_only, "flask zzzzzz") == set()


def test_blank_search_text_filters_nothing(demo_read_only: Database) -> None:
    assert search_ids(demo_read_only, "  \t ") == set(ids(all_rows(demo_read_only, status="")))


ODD_TITLE = 'Odd "quoted" (NEAR) AND OR NOT * back\\slash snake_case x^y col:on {brace} -minus'
ODD_QUERIES = [
    "50%", "%", "_", '"', '"quoted"', '"unclosed', "*", "(", ")", "(NEAR)", "NEAR", "AND", "OR",
    "NOT", "\\", "back\\slash", "snake_case", "x^y", "col:on", "{brace}", "-minus", "NEAR(a b)",
    "'", "a'b", ";", "--", "%_%", "\\%", "ODD AND", "OR 50%", "5%0",
]


@pytest.fixture(scope="module")
def odd_shop(demo_shop_file, tmp_path_factory: pytest.TempPathFactory):
    """A demo copy with the products "50% off" and one whose title is full of query syntax."""
    copy = tmp_path_factory.mktemp("odd") / "odd.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    db = open_database(copy)
    try:
        save_new(db, simple_draft("50% off", "OFF-50"))
        save_new(db, simple_draft(ODD_TITLE, "ODD-1"))
        with db.uow() as uow:
            skus = dict(uow.session.execute(select(Variant.sku, Variant.id).where(
                Variant.sku.in_(["OFF-50", "ODD-1"]))).tuples().all())
        yield db, searchable_text(db), skus
    finally:
        db.close()


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_text_with_query_syntax_never_raises_and_matches_literally(
        odd_shop, query: str) -> None:
    db, texts, _ = odd_shop
    assert search_ids(db, query) == expected_hits(texts, query)


def test_a_percent_sign_is_not_a_wildcard(odd_shop) -> None:
    db, _, skus = odd_shop
    assert search_ids(db, "50%") == {skus["OFF-50"]}
    assert search_ids(db, "5%0") == set()
    assert search_ids(db, "50%off") == set()


def test_an_underscore_is_not_a_wildcard(odd_shop) -> None:
    db, _, skus = odd_shop
    assert search_ids(db, "snake_case") == {skus["ODD-1"]}
    assert search_ids(db, "snake_cas_") == set()
    assert search_ids(db, "snakexcase") == set()


def test_fts_operators_are_plain_words(odd_shop) -> None:
    db, _, skus = odd_shop
    assert search_ids(db, '"quoted" (NEAR) AND OR NOT *') == {skus["ODD-1"]}
    assert search_everything(db.uow(), 'NEAR("unclosed') == []


def test_the_search_index_follows_a_renamed_product(demo_shop: Database) -> None:
    product_id = save_new(demo_shop, simple_draft("Zebra blanket", "ZB-1", "ZB-2"))
    draft = get_product(demo_shop.uow(), product_id).draft
    save_product(demo_shop.uow(), dataclasses.replace(draft, title="Quokka throw 考拉毯"),
                 product_id)
    assert search_ids(demo_shop, "zebra") == set()
    variants = {v.id for v in draft.variants}
    assert search_ids(demo_shop, "quokka") == variants
    assert search_ids(demo_shop, "考拉") == variants
    assert search_ids(demo_shop, "考拉毯") == variants
    search_index_is_consistent(demo_shop)


def test_the_search_index_follows_a_changed_sku_and_barcode(demo_shop: Database) -> None:
    draft = get_product(demo_shop.uow(), 1).draft
    first = draft.variants[0]
    old_sku, old_barcode = first.sku, first.barcode
    save_product(demo_shop.uow(), dataclasses.replace(draft, variants=(
        dataclasses.replace(first, sku="RENAMED-777", barcode="96385074"),
        *draft.variants[1:])), 1)
    assert search_ids(demo_shop, old_sku) == set()
    assert search_ids(demo_shop, old_barcode) == set()
    assert search_ids(demo_shop, "renamed-777") == {first.id}
    assert search_ids(demo_shop, "96385074") == {first.id}
    search_index_is_consistent(demo_shop)


def test_the_search_index_follows_a_new_listing_with_a_channel_item_id(
        demo_shop: Database) -> None:
    product_id = save_new(demo_shop, simple_draft("Plain product", "PLAIN-1"))
    assert search_ids(demo_shop, "JD-ITEM-424242") == set()
    draft = get_product(demo_shop.uow(), product_id).draft
    save_product(demo_shop.uow(), dataclasses.replace(draft, listings=(
        ListingDraft(0, 2, "listed", channel_item_id="JD-ITEM-424242", channel_title="京东标题"),
    )), product_id)
    variant_id = draft.variants[0].id
    assert search_ids(demo_shop, "jd-item-424242") == {variant_id}
    assert search_ids(demo_shop, "京东标") == {variant_id}
    search_index_is_consistent(demo_shop)


def test_the_search_index_covers_new_products_and_bulk_listings(demo_shop: Database) -> None:
    save_new(demo_shop, simple_draft("Brand new kettle", "KETTLE-1", "KETTLE-2"))
    set_listing_status(demo_shop.uow(), list(range(1, 40)), 4, "listed")
    search_index_is_consistent(demo_shop)
    assert len(search_ids(demo_shop, "kettle")) == 2


def test_sku_owner_names_the_product_using_a_sku(demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        title = uow.session.get(Product, 1).title
    assert sku_owner(demo_read_only.uow(), " sku-00001-1 ") == (1, title)
    assert sku_owner(demo_read_only.uow(), "NO-SUCH-SKU") is None


def test_count_variants_counts_every_sku(demo_read_only: Database, tmp_shop: Database) -> None:
    assert count_variants(demo_read_only.uow()) == 800
    assert count_variants(tmp_shop.uow()) == 0
