"""One page of a list query: the rows, how many there are in all when that was counted, and
where the page ends (for keyset paging, services/common/keyset.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int | None  # None when not counted (counting 100,000 rows costs more than a page)
    has_more: bool = False  # more rows follow this page (always set, counted or not)
    # Where this page ends, to ask for the next page `after` it (keyset paging); None for a
    # query that pages by offset. Opaque to the caller: the service that made it reads it.
    cursor: tuple[Any, ...] | None = None
