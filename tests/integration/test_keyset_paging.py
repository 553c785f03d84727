"""Keyset paging (services/common/keyset.py): every table, every sort column, both directions,
read page after page after the previous page's last row, gives exactly the rows of one big page
in the same order: ties broken by the id, NULLs where the order puts them, no row twice or lost.
The table model reads on by keyset to the end or to a row asked for.
(Timings: tests/bench/paging.py.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    select,
)

from ecdesk.db import Database
from ecdesk.models import StockMovement, Variant
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.queries import filter_options, list_variants
from ecdesk.services.common.keyset import Keyset, SortKey, ordered_keys
from ecdesk.services.common.page import Page
from ecdesk.services.orders.filters import SORT_KEYS as ORDER_SORTS
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import list_orders
from ecdesk.services.stock.inventory_dto import InventoryQuery
from ecdesk.services.stock.queries import list_inventory, movement_history

SMALL = 7  # pages of a few rows, so that many page ends fall inside runs of equal keys


def by_keyset(read: Callable[..., Page[Any]], limit: int = SMALL) -> list[Any]:
    """Every row, a page at a time, each page read after the last one's cursor."""
    page = read(offset=0, limit=limit, after=None)
    rows = list(page.rows)
    while page.has_more:
        assert page.cursor is not None, "a page that pages by keyset says where it ends"
        page = read(offset=0, limit=limit, after=page.cursor)
        rows += page.rows
    return rows


def at_once(read: Callable[..., Page[Any]]) -> list[Any]:
    page = read(offset=0, limit=100_000, after=None)
    assert not page.has_more
    return list(page.rows)


# -- the rule on its own: ties, NULLs, both directions, NULLs first or last -------------------

@pytest.fixture(scope="module")
def awkward_table() -> Iterator[tuple[Any, Table]]:
    engine = create_engine("sqlite://")
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True),
                  Column("a", Integer), Column("b", String))
    table.metadata.create_all(engine)
    values = [None, 1, 1, 2, None, 3, 3, 3]
    letters = [None, "x", "y", None, "x"]
    with engine.begin() as conn:
        conn.execute(insert(table), [{"id": n, "a": values[n % 8], "b": letters[n % 5]}
                                     for n in range(1, 60)])
    with engine.connect() as conn:
        yield conn, table


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("nulls_last", [None, False, True])
def test_keyset_pages_follow_ties_and_nulls_in_either_direction(
        awkward_table: tuple[Any, Table], descending: bool, nulls_last: bool | None) -> None:
    conn, table = awkward_table
    keyset = Keyset([SortKey(table.c.a, descending, nulls_last),
                     SortKey(table.c.b, not descending, nulls_last),
                     SortKey(table.c.id, descending)])
    query = select(table.c.id, *keyset.columns()).order_by(*keyset.order_by())
    expected = [row.id for row in conn.execute(query)]

    def read(offset: int, limit: int, after: Any) -> Page[Any]:
        page = query if after is None else query.where(keyset.after(after))
        rows = conn.execute(page.limit(limit + 1)).all()
        return Page(rows[:limit], None, len(rows) > limit,
                    keyset.cursor_of(rows[:limit][-1]) if rows else None)

    for size in (1, 2, 3, 5):
        assert [row.id for row in by_keyset(read, size)] == expected


def test_a_cursor_of_another_order_is_refused() -> None:
    keyset = Keyset(ordered_keys([Variant.sku], Variant.id, False))
    with pytest.raises(ValueError):
        keyset.after((1,))


# -- the tables --------------------------------------------------------------------------------

def listing_sorts(db: Database) -> list[str]:
    channels = filter_options(db.uow()).channels
    return ["title", "sku", "options", "status", "category", "price", "cost", "margin",
            "stock", *(f"channel:{c.id}" for c in channels)]


@pytest.mark.parametrize("descending", [False, True])
def test_the_listings_page_by_keyset_in_every_sort_order(
        demo_read_only: Database, descending: bool) -> None:
    for sort in listing_sorts(demo_read_only):
        spec = VariantQuery(sort=sort, descending=descending)

        def read(spec: VariantQuery = spec, **kw: Any) -> Page[Any]:
            return list_variants(demo_read_only.uow(), spec, count=False, **kw)

        assert by_keyset(read) == at_once(read), sort


def test_a_search_pages_by_keyset_too(demo_read_only: Database) -> None:
    spec = VariantQuery(search="SKU", sort="price", descending=True)

    def read(**kw: Any) -> Page[Any]:
        return list_variants(demo_read_only.uow(), spec, count=False, **kw)

    assert len(at_once(read)) > SMALL
    assert by_keyset(read) == at_once(read)


@pytest.mark.parametrize("descending", [False, True])
def test_the_orders_page_by_keyset_in_every_sort_order(
        demo_read_only: Database, descending: bool) -> None:
    for sort in ORDER_SORTS:
        spec = OrderQuery(sort=sort, descending=descending)

        def read(spec: OrderQuery = spec, **kw: Any) -> Page[Any]:
            return list_orders(demo_read_only.uow(), spec, count=False, **kw)

        assert by_keyset(read, 97) == at_once(read), sort


INVENTORY_SORTS = ["title", "sku", "options", "on_hand", "committed", "available", "on_order",
                   "velocity", "cover", "reorder_point", "value"]


@pytest.mark.parametrize("descending", [False, True])
def test_the_inventory_pages_by_keyset_in_every_sort_order_days_of_cover_last_when_none(
        demo_read_only: Database, descending: bool) -> None:
    for sort in INVENTORY_SORTS:
        spec = InventoryQuery(sort=sort, descending=descending)

        def read(spec: InventoryQuery = spec, **kw: Any) -> Page[Any]:
            return list_inventory(demo_read_only.uow(), spec, count=False, **kw)

        rows = by_keyset(read)
        assert rows == at_once(read), sort
        if sort == "cover":
            covers = [row.figures.days_of_cover for row in rows]
            assert None in covers and covers[-1] is None  # SKUs that do not sell come last
            assert covers.index(None) == len(covers) - covers.count(None)


def test_a_skus_movements_page_by_keyset_with_the_on_hand_after_each(
        demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        busiest = _busiest(uow.session)

    def read(**kw: Any) -> Page[Any]:
        return movement_history(demo_read_only.uow(), busiest, **kw)

    rows = by_keyset(read, 5)
    assert len(rows) > 10
    assert rows == at_once(read)
    offset_pages = [row for start in range(0, len(rows), 5)
                    for row in movement_history(demo_read_only.uow(), busiest, offset=start,
                                                limit=5).rows]
    assert rows == offset_pages


def _busiest(session: Any) -> int:
    return session.scalar(select(StockMovement.variant_id).group_by(StockMovement.variant_id)
                          .order_by(func.count().desc()).limit(1))
