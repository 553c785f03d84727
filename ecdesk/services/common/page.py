"""One page of a list query: the rows, and how many there are in all when that was counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int | None  # None when not counted (counting 100,000 rows costs more than a page)
    has_more: bool = False  # more rows follow this page (always set, counted or not)
