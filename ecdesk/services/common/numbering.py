"""Readable document numbers, generated and never typed: PO-2026-0001 (counted through each
year), T-000123 (counted for ever).

One `NumberFormat` per kind of document writes and reads its numbers; `next_number` gives the
one after the highest already stored in a column. No counter table: the shop is one SQLite file
whose writes take turns (SQLite's write lock), the number column of each document is unique, so
two transactions can never both keep the same number, and nothing is ever deleted (documents
are archived), so "highest + 1" never hands out a number twice. A shared server later (several
people writing at once) is when a counter row locked with the document's insert earns its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from ecdesk.i18n import _


@dataclass(frozen=True)
class NumberFormat:
    prefix: str  # "PO", "T"
    digits: int  # the counter's width, zero-padded; wider numbers still read and sort right
    yearly: bool = False  # counted again from 1 each year, the year in the number

    def format(self, counter: int, year: int | None = None) -> str:
        """PO-2026-0001 for (1, 2026); T-000123 for 123."""
        if counter < 1:
            raise ValueError(
                _("a document number counts from 1, not {counter}").format(counter=counter)
            )
        return f"{self.series(year)}{counter:0{self.digits}d}"

    def series(self, year: int | None = None) -> str:
        """What every number of one count starts with: "PO-2026-", "T-"."""
        if self.yearly and year is None:
            raise ValueError(
                _("{prefix} numbers are counted per year: give the year").format(prefix=self.prefix)
            )
        return f"{self.prefix}-{year}-" if self.yearly else f"{self.prefix}-"

    def counter_of(self, number: str, year: int | None = None) -> int | None:
        """The counter in a number of this series (None for anything else)."""
        match = re.fullmatch(re.escape(self.series(year)) + r"(\d+)", number)
        return int(match.group(1)) if match else None


PURCHASE_ORDER = NumberFormat("PO", 4, yearly=True)
TICKET = NumberFormat("T", 6)


def next_number(session: Session, number_column: Any, kind: NumberFormat,
                year: int | None = None) -> str:
    """The number after the highest of `kind`'s series stored in `number_column` (a mapped
    column such as PurchaseOrder.number), read inside the caller's transaction."""
    series = kind.series(year)
    # The counter as a number, not as text: "PO-2026-10000" sorts before "PO-2026-9999".
    counter = cast(func.substr(number_column, len(series) + 1), Integer)
    in_series = func.substr(number_column, 1, len(series)) == series
    highest = session.scalar(select(func.max(counter)).where(in_series))
    return kind.format((highest or 0) + 1, year)
