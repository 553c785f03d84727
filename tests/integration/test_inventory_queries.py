"""The Inventory queries against a hand-made shop whose figures are worked out in
tests/inventory_fixtures.py: committed, available, velocity, days of cover, reorder points,
filters, sorting and paging in SQL, movement history, the stock dialogs' SKU and count sheets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import case

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.models import MovementKind, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
from ecdesk.services.catalog.queries import filter_options
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.stock import queries
from ecdesk.services.stock.commands import PolicyDraft, adjust_stock, set_stock_policy
from ecdesk.services.stock.defaults import StockDefaults, update_stock_defaults
from ecdesk.services.stock.inventory_dto import (
    SORT_KEYS,
    STOCK_IN,
    STOCK_NEGATIVE,
    STOCK_OUT,
    STOCK_REORDER,
    InventoryQuery,
    InventoryRow,
)
from ecdesk.services.stock.queries import (
    count_sheet,
    find_count_line,
    list_inventory,
    movement_history,
    sku_stock,
    summarize_inventory,
)
from tests.conftest import open_copy
from tests.inventory_fixtures import MUG_BARCODE, NOW, StockShop, build_stock_shop


@pytest.fixture(scope="module")
def stock_shop_file(empty_shop_file: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[Path, StockShop]:
    db = open_copy(empty_shop_file, tmp_path_factory.mktemp("stock-shop") / "stock.ecdesk")
    try:
        shop = build_stock_shop(db)
    finally:
        db.close()
    return db.path, shop


@pytest.fixture
def stock_db(stock_shop_file: tuple[Path, StockShop], tmp_path: Path) -> Iterator[Database]:
    db = open_copy(stock_shop_file[0], tmp_path / "stock.ecdesk")
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def ids(stock_shop_file: tuple[Path, StockShop]) -> dict[str, int]:
    return stock_shop_file[1].ids


def rows(db: Database, **query: object) -> list[InventoryRow]:
    page = list_inventory(db.uow(), InventoryQuery(**query), limit=1000, now=NOW)  # type: ignore[arg-type]
    assert page.total == len(page.rows) and not page.has_more
    return page.rows


def by_sku(db: Database, **query: object) -> dict[str, InventoryRow]:
    return {row.sku: row for row in rows(db, **query)}


# --- figures -----------------------------------------------------------------------------------


def test_committed_available_velocity_and_cover_follow_the_orders(stock_db: Database) -> None:
    mug = by_sku(stock_db)["MUG-1"]
    figures = mug.figures
    assert (figures.on_hand, figures.committed, figures.available, figures.on_order) == (
        15, 5, 10, 0)
    assert (figures.units_sold, figures.window_days) == (7, 28)
    assert figures.velocity == Decimal("0.25")
    assert figures.days_of_cover == Decimal("40.0")
    assert (figures.reorder_point, figures.reorder_point_manual) == (6, False)
    assert mug.stock_value == Decimal("60.00")
    assert (mug.title, mug.options, mug.barcode) == ("Tea mug", "350ml", MUG_BARCODE)


def test_a_sku_that_does_not_sell_has_no_days_of_cover_and_a_manual_reorder_point_wins(
        stock_db: Database) -> None:
    tee = by_sku(stock_db)["TEE-S"].figures
    assert (tee.on_hand, tee.velocity, tee.days_of_cover) == (0, Decimal(0), None)
    assert (tee.reorder_point, tee.reorder_point_manual) == (10, True)


def test_fully_committed_and_negative_skus_have_nothing_available(stock_db: Database) -> None:
    table = by_sku(stock_db)
    assert (table["MUG-2"].figures.available, table["MUG-2"].figures.days_of_cover) == (
        0, Decimal("0.0"))
    assert table["TEE-M"].figures.on_hand == table["TEE-M"].figures.available == -2
    assert table["TEE-M"].stock_value == Decimal("-16.00")


def test_the_shop_defaults_change_the_window_and_the_suggested_reorder_point(
        stock_db: Database) -> None:
    update_stock_defaults(stock_db.uow(), StockDefaults(velocity_window_days=7, lead_time_days=10,
                                                        safety_days=0))
    mug = by_sku(stock_db)["MUG-1"].figures
    # Only the shipped 4 (3 days ago) and the paid 3 (1 day ago) are inside 7 days: 1 a day.
    assert (mug.units_sold, mug.velocity, mug.reorder_point) == (7, Decimal(1), 10)


def test_archived_products_are_not_in_the_inventory(stock_db: Database) -> None:
    assert set(by_sku(stock_db)) == {"MUG-1", "MUG-2", "TEE-S", "TEE-M"}


# --- filters, search, sorting, paging ----------------------------------------------------------


@pytest.mark.parametrize(("stock", "expected"), [
    (STOCK_IN, {"MUG-1"}),
    (STOCK_OUT, {"MUG-2", "TEE-S", "TEE-M"}),
    (STOCK_NEGATIVE, {"TEE-M"}),
    # MUG-2: 0 available <= 3 (3 sold in 28 days); TEE-S: 0 <= 10 set by hand; TEE-M: -2 <= 2
    (STOCK_REORDER, {"MUG-2", "TEE-S", "TEE-M"}),
])
def test_the_stock_filters_select_by_available_on_hand_and_reorder_point(
        stock_db: Database, stock: str, expected: set[str]) -> None:
    assert set(by_sku(stock_db, stock=stock)) == expected


def test_search_and_category_filter_narrow_the_table(stock_db: Database) -> None:
    assert set(by_sku(stock_db, search="mug 500")) == {"MUG-2"}
    assert set(by_sku(stock_db, search=MUG_BARCODE)) == {"MUG-1"}
    assert set(by_sku(stock_db, search="no such thing")) == set()
    clothing = next(c.id for c in filter_options(stock_db.uow()).categories
                    if c.label == "Clothing")
    assert set(by_sku(stock_db, category_id=clothing)) == {"TEE-S", "TEE-M"}


def _key(row: InventoryRow, sort: str) -> object:
    """The value a row shows in the column of sort key `sort`."""
    f = row.figures
    return {"title": row.title, "sku": row.sku, "options": row.options, "on_hand": f.on_hand,
            "committed": f.committed, "available": f.available, "on_order": f.on_order,
            "velocity": f.velocity, "cover": f.days_of_cover,
            "reorder_point": f.reorder_point, "value": row.stock_value}[sort]


def assert_sorted_by_shown_values(sorted_rows: list[InventoryRow], sort: str,
                                  descending: bool) -> None:
    keys = [_key(row, sort) for row in sorted_rows]
    known = [key for key in keys if key is not None]  # (no days of cover: last both ways)
    assert keys == [*sorted(known, reverse=descending), *[None] * (len(keys) - len(known))], (
        sort, descending)


def add_options_that_sort_differently_by_column(db: Database) -> None:
    """SKUs whose second option is set while the first is blank: "Z" shows after "M", though
    by its columns ('', 'Z') it would come before ('M', '')."""
    save_product(db.uow(), ProductDraft(
        title="Socks", status="active", option_names=("Colour", "Size", ""),
        variants=(VariantDraft("SOCK-Z", option2="Z", unit_cost="1", price="2"),
                  VariantDraft("SOCK-M", option1="M", unit_cost="1", price="2"),
                  VariantDraft("SOCK-AB", option1="A", option2="B", unit_cost="1", price="2"),
                  VariantDraft("SOCK-A", option1="A!", unit_cost="1", price="2"))))


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_by_the_values_it_shows(
        stock_db: Database, sort: str, descending: bool) -> None:
    add_options_that_sort_differently_by_column(stock_db)
    assert_sorted_by_shown_values(rows(stock_db, sort=sort, descending=descending), sort,
                                  descending)


@pytest.mark.parametrize("descending", [False, True])
def test_once_purchase_orders_fill_on_order_the_column_sorts_by_it(
        stock_db: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch,
        descending: bool) -> None:
    ordered = {ids["MUG-2"]: 30, ids["TEE-S"]: 4}
    filled = case(*((Variant.id == vid, units) for vid, units in ordered.items()), else_=0)
    monkeypatch.setattr(queries, "on_order", lambda _variant_id: filled)
    sorted_rows = rows(stock_db, sort="on_order", descending=descending)
    assert_sorted_by_shown_values(sorted_rows, "on_order", descending)
    assert {r.sku: r.figures.on_order for r in sorted_rows}["MUG-2"] == 30


def test_sorting_by_days_of_cover_puts_skus_that_do_not_sell_last_both_ways(
        stock_db: Database) -> None:
    ascending = [r.sku for r in rows(stock_db, sort="cover")]
    descending = [r.sku for r in rows(stock_db, sort="cover", descending=True)]
    # MUG-2 and TEE-M sell but have nothing available (0 days, ties by id), MUG-1 lasts 40.
    assert ascending == ["MUG-2", "TEE-M", "MUG-1", "TEE-S"]
    assert descending == ["MUG-1", "TEE-M", "MUG-2", "TEE-S"]


def test_every_sort_key_gives_every_sku_once(stock_db: Database) -> None:
    for sort in SORT_KEYS:
        assert sorted(r.sku for r in rows(stock_db, sort=sort)) == [
            "MUG-1", "MUG-2", "TEE-M", "TEE-S"], sort


def test_pages_follow_on_without_gaps_and_the_total_is_counted_on_request(
        stock_db: Database) -> None:
    query = InventoryQuery(sort="available", descending=True)
    first = list_inventory(stock_db.uow(), query, limit=3, count=False, now=NOW)
    second = list_inventory(stock_db.uow(), query, offset=3, limit=3, now=NOW)
    assert (first.total, first.has_more, second.total, second.has_more) == (None, True, 4, False)
    assert [r.sku for r in first.rows + second.rows] == [r.sku for r in rows(
        stock_db, sort="available", descending=True)]


def test_a_page_of_skus_with_many_order_lines_sums_the_sales_window_to_the_same_figures(
        stock_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    by_sku = {r.sku: r.figures for r in rows(stock_db)}
    monkeypatch.setattr(queries, "SKU_PATH_MAX_LINES", 0)  # every page counts as best sellers
    by_window = {r.sku: r.figures for r in rows(stock_db)}
    assert by_window == by_sku and by_sku["MUG-1"].units_sold == 7


def test_the_summary_counts_units_and_value_of_every_matching_sku(stock_db: Database) -> None:
    summary = summarize_inventory(stock_db.uow(), InventoryQuery(), now=NOW)
    # MUG-1 15 x 4.00 + MUG-2 3 x 5.50 + TEE-M -2 x 8.00
    assert (summary.skus, summary.units, summary.value) == (4, 16, Decimal("60.50"))
    out = summarize_inventory(stock_db.uow(), InventoryQuery(stock=STOCK_OUT), now=NOW)
    assert (out.skus, out.units) == (3, 1)


# --- movement history --------------------------------------------------------------------------


def test_the_history_lists_movements_newest_first_with_the_balance_after_each(
        stock_db: Database, ids: dict[str, int]) -> None:
    page = movement_history(stock_db.uow(), ids["MUG-1"])
    assert [(m.kind, m.quantity, m.balance, m.reference) for m in page.rows] == [
        ("sold", -4, 15, "T-1"), ("sold", -1, 19, "T-2"), ("received", 20, 20, "PO-1")]
    assert page.total == 3 and not page.has_more
    shipped = page.rows[0].at
    assert shipped.utcoffset() == timedelta(hours=8)  # shown in the shop's time zone
    assert shipped == NOW - timedelta(days=3, hours=1)


def test_the_history_pages_keep_the_balances_of_the_whole_ledger(
        stock_db: Database, ids: dict[str, int]) -> None:
    for _ in range(3):
        adjust_stock(stock_db.uow(), variant_id=ids["MUG-1"], kind=MovementKind.WRITTEN_OFF,
                     quantity=-1, reason="Broken")
    first = movement_history(stock_db.uow(), ids["MUG-1"], limit=4)
    rest = movement_history(stock_db.uow(), ids["MUG-1"], offset=4, limit=4)
    assert (first.has_more, rest.has_more, first.total) == (True, False, 6)
    assert [m.balance for m in first.rows + rest.rows] == [12, 13, 14, 15, 19, 20]
    assert first.rows[0].reason == "Broken"


def test_a_sku_without_movements_has_an_empty_history(stock_db: Database,
                                                      ids: dict[str, int]) -> None:
    assert movement_history(stock_db.uow(), ids["TEE-S"]).rows == []


# --- one SKU for the dialogs -------------------------------------------------------------------


def test_sku_stock_gives_the_rules_the_defaults_and_the_suggestions(
        stock_db: Database, ids: dict[str, int]) -> None:
    mug = sku_stock(stock_db.uow(), ids["MUG-1"], now=NOW)
    assert (mug.sku, mug.title, mug.options, mug.unit_cost) == (
        "MUG-1", "Tea mug", "350ml", Decimal("4.00"))
    assert mug.policy == PolicyDraft() and mug.defaults == StockDefaults()
    # 0.25/day: safety ceil(1.75) = 2, reorder point ceil(3.5) + 2 = 6, max 6 + ceil(7.5) = 14
    assert (mug.suggested.safety_stock, mug.suggested.reorder_point,
            mug.suggested.max_stock) == (2, 6, 14)
    assert mug.allows_negative is False
    assert sku_stock(stock_db.uow(), ids["TEE-M"], now=NOW).allows_negative is True


def test_suggestions_use_the_skus_own_lead_time_and_safety_stock(
        stock_db: Database, ids: dict[str, int]) -> None:
    set_stock_policy(stock_db.uow(), ids["MUG-1"], PolicyDraft(lead_time_days=40, safety_stock=0,
                                                               reorder_point=3))
    mug = sku_stock(stock_db.uow(), ids["MUG-1"], now=NOW)
    assert (mug.suggested.reorder_point, mug.suggested.max_stock) == (10, 3 + 8)
    assert (mug.figures.reorder_point, mug.figures.reorder_point_manual) == (3, True)


def test_sku_stock_of_a_removed_sku_is_reported(stock_db: Database) -> None:
    with pytest.raises(NotFoundError):
        sku_stock(stock_db.uow(), 10**9)


# --- stock count sheets ------------------------------------------------------------------------


def test_a_count_sheet_holds_what_the_table_shows_with_the_expected_on_hand(
        stock_db: Database) -> None:
    sheet = count_sheet(stock_db.uow(), InventoryQuery(search="mug", sort="sku"), now=NOW)
    assert [(line.sku, line.options, line.expected) for line in sheet] == [
        ("MUG-1", "350ml", 15), ("MUG-2", "500ml", 3)]


def test_a_scanned_or_typed_code_finds_its_sku_by_code_in_any_case_or_by_barcode(
        stock_db: Database, ids: dict[str, int]) -> None:
    assert find_count_line(stock_db.uow(), " tee-m ").variant_id == ids["TEE-M"]  # type: ignore[union-attr]
    assert find_count_line(stock_db.uow(), MUG_BARCODE).sku == "MUG-1"  # type: ignore[union-attr]
    assert find_count_line(stock_db.uow(), "NOPE-1") is None
    assert find_count_line(stock_db.uow(), "  ") is None


def test_the_shop_day_for_a_count_reference_is_the_shops_calendar_day(
        stock_db: Database) -> None:
    late_evening_utc = NOW.replace(hour=20)  # 04:00 the next day in Shanghai
    with stock_db.uow() as uow:
        zone = shop_zone(uow.session)
    assert shop_today(zone, late_evening_utc).isoformat() == "2026-11-21"


# --- bad inputs ---------------------------------------------------------------------------------


def test_negative_on_hand_gives_negative_available_and_projected_stock(stock_db: Database) -> None:
    tee = by_sku(stock_db)["TEE-M"].figures  # shipped 2 with none on hand
    assert (tee.on_hand, tee.committed, tee.available, tee.on_order, tee.projected) == (
        -2, 0, -2, 0, -2)
    assert "TEE-M" in by_sku(stock_db, stock=STOCK_REORDER)  # -2 projected <= reorder point 2


def test_negative_stock_rules_are_refused_and_leave_the_position_as_it_was(
        stock_db: Database, ids: dict[str, int]) -> None:
    before = by_sku(stock_db)["MUG-1"].figures
    with pytest.raises(ValidationError) as refused:
        set_stock_policy(stock_db.uow(), ids["MUG-1"],
                         PolicyDraft(reorder_point=-1, lead_time_days=-3))
    assert {p.field for p in refused.value.problems} == {"Reorder point", "Lead time days"}
    assert by_sku(stock_db)["MUG-1"].figures == before
