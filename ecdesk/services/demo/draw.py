"""Weighted draws for the demo generator, without random.choices' per-call set-up.

random.choices(k=1) costs ~3 µs a call (it builds lists each time); the generator draws
several times per order line, a million lines at the large scale.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    def __init__(self, items: Sequence[T], weights: Iterable[float]) -> None:
        self.items = list(items)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1] if self._cumulative else 0.0
        self._last = len(self.items) - 1

    def __len__(self) -> int:
        return len(self.items)

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect(self._cumulative, rng.random() * self._total, 0, self._last)]


def between(rng: random.Random, low: int, high: int) -> int:
    """A whole number from low to high inclusive (randint's argument checks cost ~1 µs)."""
    return low + int(rng.random() * (high - low + 1))


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]
