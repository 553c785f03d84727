"""What a report is made of, independent of how it is written out (PDF, CSV or XLSX).

A report is a title and sections; a section holds paragraphs, charts and tables. A table's rows
are a pandas frame whose money columns hold integer minor units (cents, fen) straight from SQL:
exact, summed as integers, and turned into text or Decimal only when written. Totals and
subtotals come from their own SQL GROUP BY and are checked against the rows before anything is
written, so a report whose figures would not add up is never produced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecdesk.errors import EcdeskError
from ecdesk.i18n import N_, _
from ecdesk.money import CENT, HUNDRED, format_rate
from ecdesk.services.common.period import Period

if TYPE_CHECKING:
    import pandas as pd

TEXT, MONEY, UNITS, COUNT, RATE = "text", "money", "units", "count", "rate"
NUMERIC = (MONEY, UNITS, COUNT, RATE)
SUMMED = (MONEY, UNITS, COUNT)  # kinds whose column total is the sum of the rows
STYLE = "_style"  # optional frame column: "" for a row, SUBTOTAL for a subtotal row
SUBTOTAL = "subtotal"
ROW_KIND = "_kind"  # optional frame column: the kind of a row's numbers (key-figure tables)


class ReportError(EcdeskError):
    """A report could not be made as asked (never a partial or inconsistent file)."""


@dataclass(frozen=True)
class Column:
    key: str  # the frame's column
    label: str
    kind: str = TEXT
    width: float = 1.0  # relative share of the table's width

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


@dataclass(frozen=True, eq=False)
class Table:
    key: str  # short name, unique in the report (XLSX sheet, CSV section)
    title: str
    columns: tuple[Column, ...]
    rows: pd.DataFrame
    total: dict[str, Any] | None = None  # the totals row by column key, from SQL
    note: str = ""
    total_label: str = N_("Total")
    width: float = 1.0  # share of the page's width (narrow tables need not stretch)

    def __post_init__(self) -> None:
        missing = [c.key for c in self.columns if c.key not in self.rows.columns]
        if missing:
            raise ReportError(_("Table '{title}' has no data for {join}")
                              .format(title=self.title, join=', '.join(missing)))

    def kinds(self, column: Column, start: int, stop: int) -> list[str]:
        """The kind of each cell of `column` in rows start..stop-1."""
        if column.kind == TEXT or ROW_KIND not in self.rows.columns:
            return [column.kind] * (stop - start)
        return list(self.rows[ROW_KIND].iloc[start:stop])

    def plain_rows(self) -> pd.DataFrame:
        """The rows without subtotal rows (what the totals add up)."""
        if STYLE not in self.rows.columns:
            return self.rows
        return self.rows[self.rows[STYLE] != SUBTOTAL]

    def check_totals(self) -> None:
        """Every summed column's total equals the sum of its rows, to the cent."""
        if self.total is None:
            return
        plain = self.plain_rows()
        for column in self.columns:
            if column.kind not in SUMMED or self.total.get(column.key) is None:
                continue
            rows_sum = int(plain[column.key].sum()) if len(plain) else 0
            if rows_sum != int(self.total[column.key]):
                raise ReportError(
                    _(
                        "'{title}': the rows of '{label}' add up to {rows_sum}, the database's "
                        "total is {total}; no report was written"
                    ).format(
                        title=self.title,
                        label=column.label,
                        rows_sum=rows_sum,
                        total=self.total[column.key],
                    )
                )


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes  # rendered at a fixed DPI by charts.figure_png
    width_cm: float = 24.0
    height_cm: float = 8.0


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


Block = Table | Chart | Paragraph


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    level: int = 1  # 1: a chapter (its own page in a pack), 2: a section
    new_page: bool = False

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


@dataclass(frozen=True)
class Report:
    name: str  # "sales", "inventory", "accountant-pack"
    title: str
    shop_name: str
    currency: str
    timezone: str
    period: Period
    scope: str  # "All channels" or the channel's name
    generated_at: datetime  # aware; shown in the shop's time zone
    sections: tuple[Section, ...]
    contents: bool = False  # a contents page after the title block
    facts: tuple[tuple[str, str], ...] = field(default=())  # extra header facts for the twin

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables()]

    def check_totals(self) -> None:
        for table in self.tables():
            table.check_totals()

    def generated_label(self) -> str:
        from zoneinfo import ZoneInfo

        from ecdesk.services.common.shop_time import shop_stamp

        return f"{shop_stamp(self.generated_at, ZoneInfo(self.timezone))} ({self.timezone})"


# -- cells as text (PDF, CSV) and as values (XLSX) ------------------------------------------------


def column_heading(column: Column, currency: str) -> str:
    """A column's heading in the report's language; money columns name their currency."""
    label = _(column.label)
    return _("{label} ({currency})").format(label=label, currency=currency) \
        if column.kind == MONEY else label


def format_minor(units: int) -> str:
    """Integer minor units as `-1,234.50`, with integer arithmetic only."""
    units = int(units)
    whole, cents = divmod(abs(units), 100)
    return f"{'-' if units < 0 else ''}{whole:,}.{cents:02d}"


def minor_to_decimal(units: int) -> Decimal:
    """Integer minor units as an exact Decimal with two places (`1234.50`)."""
    return (Decimal(int(units)) / HUNDRED).quantize(CENT)


def cell_text(value: Any, kind: str) -> str:
    return TEXT_OF[kind](value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _money_text(value: Any) -> str:
    return "" if value is None or _missing(value) else format_minor(value)


def _count_text(value: Any) -> str:
    return "" if value is None or _missing(value) else f"{int(value):,}"


def _rate_text(value: Any) -> str:
    return "" if value is None or _missing(value) else format_rate(value)


# One function per kind, so a column is formatted without asking each cell what it is.
TEXT_OF = {TEXT: _text, MONEY: _money_text, UNITS: _count_text, COUNT: _count_text,
           RATE: _rate_text}


def cell_value(value: Any, kind: str) -> Any:
    """A spreadsheet value: Decimal amounts, int counts, Decimal rates, text."""
    if value is None or (kind != TEXT and _missing(value)):
        return None
    if kind == MONEY:
        return minor_to_decimal(value)
    if kind in (UNITS, COUNT):
        return int(value)
    if kind == RATE:
        return value
    return str(value)


def comparison_rows(rows: Sequence[tuple[str, str, str]], now: Mapping[str, Any],
                    before: Mapping[str, Any], keys: tuple[str, str]) -> list[dict[str, Any]]:
    """A key-figure table's rows: each figure (key, label, kind) now and before, and the change
    when both are known; `keys` name the now and before columns."""
    table = []
    for key, label, kind in rows:
        change = None
        if now[key] is not None and before[key] is not None:
            change = now[key] - before[key]
        table.append({"figure": _(label), keys[0]: now[key], keys[1]: before[key],
                      "change": change, ROW_KIND: kind})
    return table


def rate(part: int, whole: int) -> Decimal | None:
    """part / whole as a Decimal rate (None when whole is not positive)."""
    if int(whole) <= 0:
        return None
    return Decimal(int(part)) / Decimal(int(whole))


def _missing(value: Any) -> bool:
    try:
        return bool(value != value)  # NaN (pandas' empty cell) is not equal to itself
    except (TypeError, ValueError):
        return False
