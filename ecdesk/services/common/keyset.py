"""Keyset (cursor) paging: the next page starts after the last row shown, not at an offset.

With `OFFSET n` the database walks and throws away n rows before each page, so every page
costs more than the last: scrolling the Listings to row 50,000 read 10.9 s in total, against
0.20 s for the same pages read after the previous page's last row (tests/bench/paging.py).
Here a list query describes its order once, as `SortKey`s ending with the row's unique id, and
`Keyset` gives what paging needs:

- `order_by()`: the ORDER BY, with each key's direction and where its NULLs go;
- `columns()`: the keys' values as extra labelled columns of the page query, so the page's last
  row says where it ends (`cursor_of(row)`: an opaque tuple the table model hands back);
- `after(cursor)`: the WHERE condition "comes after this row in this order", right for ties
  (the id decides), NULLs (first or last, as the order puts them) and descending keys, with a
  leading bound on the first key so that an index on it is entered where the page starts.

Values travel raw (as the database stores them, without the column types' conversions), so a
cursor compares exactly what was sorted: money in minor units, times as stored text.

How a list query pages by keyset (the shape Listings, Orders, Inventory and a SKU's movements
follow; copy it for a new table):

    keyset = Keyset(ordered_keys([Order.ordered_at], Order.id, descending=True))
    query = select(..., *keyset.columns()).where(...).order_by(*keyset.order_by())
    if after is not None:
        query = query.where(keyset.after(after))
    else:
        query = query.offset(offset)
    rows = session.execute(query.limit(limit + 1)).all()
    has_more, rows = len(rows) > limit, rows[:limit]
    return Page(rows_as_dtos, total, has_more, keyset.cursor_of(rows[-1]) if rows else None)

and its loader takes `after` as a fourth argument (`views/widgets/paged_table_model.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, false, literal, or_, true, type_coerce
from sqlalchemy.types import NullType

Cursor = tuple[Any, ...]  # the raw sort-key values of a page's last row (and what else it needs)
_RAW = NullType()
_LABEL = "_keyset_{}"


@dataclass(frozen=True)
class SortKey:
    """One key of an order: an SQL expression, its direction, and where its NULLs go.

    `nulls_last` None means the database's own rule (SQLite: NULL is the smallest value, first
    when ascending, last when descending); True or False asks for NULLS LAST or FIRST.
    `nullable` False (said only where the key cannot be NULL, as a row's id) leaves the NULL
    cases out of the conditions, which keeps them simple enough for an index.
    """

    expression: Any
    descending: bool = False
    nulls_last: bool | None = None
    nullable: bool | None = None  # None: may be NULL

    @property
    def nulls_come_last(self) -> bool:
        return self.descending if self.nulls_last is None else self.nulls_last

    @property
    def can_be_null(self) -> bool:
        # Not found out from the column: an outer join (the channel or category sorts) gives
        # NULLs in a NOT NULL column, and a page that forgot them lost rows.
        return self.nullable is not False

    def ordered(self) -> Any:
        key = self.expression.desc() if self.descending else self.expression.asc()
        if self.nulls_last is None:
            return key
        return key.nulls_last() if self.nulls_last else key.nulls_first()


def ordered_keys(expressions: Sequence[Any], unique: Any, descending: bool,
                 not_null: Sequence[Any] = ()) -> list[SortKey]:
    """The usual order of a table: `expressions` then the unique id, all one direction.

    `not_null` names the expressions that cannot be NULL in this query (NOT NULL columns of
    the table read, not outer-joined): their conditions leave the NULL cases out, so that an
    index on them is entered where the page starts (`ordered_at <= ? OR ordered_at IS NULL`
    made SQLite walk the whole index of 700,000 orders)."""
    return [*(SortKey(e, descending, nullable=not any(e is n for n in not_null))
              for e in expressions),
            SortKey(unique, descending, nullable=False)]


class Keyset:
    """An order of rows given by `keys`, the last of which is unique (the row's id)."""

    def __init__(self, keys: Sequence[SortKey]) -> None:
        if not keys:
            raise ValueError("a keyset needs at least the row's unique id")
        self.keys = list(keys)

    def order_by(self) -> list[Any]:
        return [key.ordered() for key in self.keys]

    def columns(self) -> list[Any]:
        """The keys' raw values, to add to the page query's columns."""
        return [type_coerce(key.expression, _RAW).label(_LABEL.format(n))
                for n, key in enumerate(self.keys)]

    def cursor_of(self, row: Any) -> Cursor:
        """Where a page ending with `row` (a result row with `columns()`) ends."""
        mapping = row._mapping
        return tuple(mapping[_LABEL.format(n)] for n in range(len(self.keys)))

    def after(self, cursor: Cursor) -> Any:
        """Rows that come after the row whose key values are `cursor`, in this order."""
        values = cursor[:len(self.keys)]
        if len(values) != len(self.keys):
            raise ValueError("the cursor does not belong to this order")
        branches = []
        for n, (key, value) in enumerate(zip(self.keys, values, strict=True)):
            equal = [_same(k, v) for k, v in zip(self.keys[:n], values[:n], strict=True)]
            branches.append(and_(*equal, _beyond(key, value)))
        return and_(_entry_bound(self.keys[0], values[0]), or_(*branches))


def _raw(key: SortKey) -> Any:
    return type_coerce(key.expression, _RAW)


def _same(key: SortKey, value: Any) -> Any:
    if value is None:
        return _raw(key).is_(None)
    return _raw(key) == literal(value, _RAW)


def _beyond(key: SortKey, value: Any) -> Any:
    """`key` comes strictly after `value` in the key's order."""
    expression = _raw(key)
    if value is None:  # past the NULLs only when they come first
        return false() if key.nulls_come_last else expression.is_not(None)
    strictly = expression < literal(value, _RAW) if key.descending else (
        expression > literal(value, _RAW))
    if key.nulls_come_last and key.can_be_null:
        return or_(strictly, expression.is_(None))
    return strictly


def _entry_bound(key: SortKey, value: Any) -> Any:
    """A redundant bound on the first key (at or after `value`), so that SQLite seeks an index
    on it to where the page starts instead of filtering every row before it."""
    expression = _raw(key)
    if value is None:
        return expression.is_(None) if key.nulls_come_last else true()
    bound = expression <= literal(value, _RAW) if key.descending else (
        expression >= literal(value, _RAW))
    if key.nulls_come_last and key.can_be_null:
        return or_(bound, expression.is_(None))
    return bound
