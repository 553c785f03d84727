"""What writing a file's rows in batches needs: batches, and stored amounts computed once."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from ecdesk.money import to_minor_units


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@lru_cache(maxsize=8192)
def cached_minor_units(value: Decimal) -> int:
    """Stored hundredths of an amount that repeats (prices, costs): computed once."""
    return to_minor_units(value)
