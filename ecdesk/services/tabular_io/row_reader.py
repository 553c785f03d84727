"""One row's cells read through a column map as checked values, problems collected as it goes."""

from __future__ import annotations

from decimal import Decimal

from ecdesk.errors import Problem
from ecdesk.services.tabular_io import values
from ecdesk.services.tabular_io.columns import Columns

MEMO_LIMIT = 200_000  # distinct cells remembered per kind: bounds the memory of huge files


class RowReader:
    """Reads one row's cells through the column map, appending problems as it goes.

    Called for every cell of files with 100,000 rows: cells are indexed directly (a missing
    field reads an empty cell added after the last column) and column names are looked up only
    when there is a problem to report.
    """

    def __init__(self, columns: Columns, problems: list[Problem]) -> None:
        self.columns = columns
        self.problems = problems
        self.width = len(columns.header)
        self.index = dict(columns.index)
        self.row = 0
        self.cells: list[str] = [""] * (self.width + 1)
        # Cleaned cells without a problem, by their text: option values, vendors, prices and
        # SKU patterns repeat across a file, so each distinct cell is cleaned once.
        self._texts: dict[str, str] = {}
        self._amounts: dict[str, Decimal] = {}

    def at(self, row: int, cells: list[str]) -> RowReader:
        missing = self.width + 1 - len(cells)
        self.row, self.cells = row, cells + [""] * missing if missing > 0 else cells
        return self

    def raw(self, field: str) -> str:
        return self.cells[self.index.get(field, self.width)]

    def problem(self, field: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.columns.name(field), message, self.row, severity))

    def text(self, field: str) -> str:
        cell = self.cells[self.index.get(field, self.width)]
        if not cell:
            return cell
        known = self._texts.get(cell)
        if known is not None:
            return known
        value = values.text_value(cell)
        clean = value.isascii() or not self.check_garbled(field, value)
        if clean and len(self._texts) < MEMO_LIMIT:
            self._texts[cell] = value
        return value

    def html(self, field: str) -> str | None:
        if not self.columns.has(field):
            return None
        value = values.html_value(self.raw(field))
        if not value.isascii():
            self.check_garbled(field, value)
        return value

    def optional_text(self, field: str) -> str | None:
        return self.text(field) if self.columns.has(field) else None

    def check_garbled(self, field: str, value: str) -> bool:
        """True (and the problem reported) when the text looks garbled."""
        reason = values.garbled_problem(value)
        if reason:
            self.problem(field, reason)
        return reason is not None

    def code(self, field: str) -> str:
        value = self.cells[self.index.get(field, self.width)]
        if not value:
            return value
        value = values.code(value)
        if value and value[-1].isdigit() and ("e" in value or "E" in value):
            reason = values.scientific_problem(value)
            if reason:
                self.problem(field, reason)
                return ""
        return value

    def amount(self, field: str) -> Decimal | None:
        value = self.cells[self.index.get(field, self.width)]
        if not value:
            return None
        known = self._amounts.get(value)
        if known is not None:
            return known
        before = len(self.problems)
        amount = values.amount(value, self.columns.name(field), self.row, self.problems)
        if amount is not None and len(self.problems) == before and (
                len(self._amounts) < MEMO_LIMIT):
            self._amounts[value] = amount
        return amount

    def quantity(self, field: str) -> int | None:
        value = self.cells[self.index.get(field, self.width)]
        if not value:
            return None
        if value.isdigit():
            return int(value)
        return values.quantity(value, self.columns.name(field), self.row, self.problems)

    def grams(self, field: str, unit: str) -> int | None:
        value = self.cells[self.index.get(field, self.width)]
        if not value:
            return None
        fast = values.plain_grams(value, unit)
        if fast is not None:
            return fast
        return values.grams(value, unit, self.columns.name(field), self.row, self.problems)
