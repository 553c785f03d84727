"""What every format shares: fields, header matching, and turning cells into checked values."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Protocol

from ecdesk.errors import Problem
from ecdesk.services.catalog.barcodes import barcode_problem
from ecdesk.services.catalog.validation import MAX_SKU_LENGTH
from ecdesk.services.catalog_io import values
from ecdesk.services.catalog_io.dto import ParsedProduct

# The fields ecdesk reads, with the label the mapping screen shows.
FIELD_LABELS = {
    "product_key": "Product (groups rows)", "handle": "Handle", "title": "Title",
    "description": "Description (HTML)", "short_description": "Short description",
    "brand": "Brand / vendor", "category": "Category", "product_type": "Product type",
    "tags": "Tags", "status": "Status", "published": "Published",
    "option1_name": "Option 1 name", "option1_value": "Option 1 value",
    "option2_name": "Option 2 name", "option2_value": "Option 2 value",
    "option3_name": "Option 3 name", "option3_value": "Option 3 value",
    "options": "Options (name:value;...)", "sku": "SKU", "barcode": "Barcode",
    "weight": "Weight", "weight_unit": "Weight unit", "price": "Price",
    "compare_at_price": "Compare-at price", "sale_price": "Sale price", "cost": "Cost",
    "quantity": "Stock quantity", "item_id": "Platform id", "kind": "Row type",
    "parent": "Parent", "archived": "Archived",
}


def normalize(name: str) -> str:
    """Header names compared without case, BOM, extra spaces or a 'required' star."""
    return " ".join(name.replace("\ufeff", "").strip().strip("*").lower().split())


class Columns:
    """Where each field is in the row (a column index), and the file's name for it."""

    def __init__(self, header: list[str], index: dict[str, int]) -> None:
        self.header = header
        self.index = index

    def has(self, field: str) -> bool:
        return field in self.index

    def name(self, field: str) -> str:
        i = self.index.get(field)
        return self.header[i] if i is not None else FIELD_LABELS.get(field, field)

    def get(self, cells: list[str], field: str) -> str:
        i = self.index.get(field, -1)
        return cells[i] if 0 <= i < len(cells) else ""


class Format(Protocol):
    NAME: str
    LABEL: str
    ALIASES: dict[str, tuple[str, ...]]
    SIGNATURE: tuple[tuple[str, ...], ...]
    REQUIRED: tuple[str, ...]

    def extra_columns(self, header: list[str]) -> dict[str, int]: ...

    def build(self, rows: Iterable[tuple[int, list[str]]], columns: Columns,
              problems: list[Problem]) -> list[ParsedProduct]: ...


def match_aliases(header: list[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    normalized = [normalize(h) for h in header]
    found: dict[str, int] = {}
    for field, names in aliases.items():
        for name in names:
            if name in normalized:
                found[field] = normalized.index(name)
                break
    return found


def signature_score(header: list[str], signature: tuple[tuple[str, ...], ...]) -> float:
    normalized = set(normalize(h) for h in header)
    hits = sum(1 for group in signature if normalized.intersection(group))
    return hits / len(signature)


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
        for field in FIELD_LABELS:
            self.index.setdefault(field, self.width)
        self.row = 0
        self.cells: list[str] = [""] * (self.width + 1)
        # Cleaned cells without a problem, by their text: option values, vendors, prices and
        # SKU patterns repeat across a catalog, so each distinct cell is cleaned once.
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
        clean = value.isascii() or not self._check_garbled(field, value)
        if clean and len(self._texts) < MEMO_LIMIT:
            self._texts[cell] = value
        return value

    def html(self, field: str) -> str | None:
        if not self.columns.has(field):
            return None
        value = values.html_value(self.raw(field))
        if not value.isascii():
            self._check_garbled(field, value)
        return value

    def optional_text(self, field: str) -> str | None:
        return self.text(field) if self.columns.has(field) else None

    def _check_garbled(self, field: str, value: str) -> bool:
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

    def status(self, field: str = "status") -> str | None:
        value = self.text(field)
        if not value:
            return None
        status = to_status(value)
        if status is None:
            self.problem(field, f"'{value}' is not a status (active, draft or archived)")
        return status

    def barcode(self, field: str = "barcode") -> str | None:
        value = self.code(field)
        if not value:
            return None
        reason = barcode_problem(value)
        if reason:
            self.problem(field, reason)
            return None
        return value

    def sku(self, field: str, fallback: Callable[[], str] | str) -> tuple[str, bool]:
        """The row's SKU, or the fallback (with a warning) when empty; ("", False) if refused.

        `fallback` may be a function: it is only called for a row without a SKU.
        """
        value = self.code(field)
        if not value:
            if self.raw(field).strip():  # refused (scientific form)
                return "", False
            fallback = fallback() if callable(fallback) else fallback
            if not fallback:
                self.problem(field, "is required")
                return "", False
            self.problem(field, f"is empty; ecdesk will use '{fallback}'", "warning")
            return fallback, True
        if len(value) > MAX_SKU_LENGTH:
            self.problem(field, f"'{value}' is longer than {MAX_SKU_LENGTH} characters")
            return "", False
        if value.split() != [value]:
            self.problem(field, f"'{value}' contains spaces")
            return "", False
        if not value.isascii():
            self._check_garbled(field, value)
        return value, False


def generated_sku(prefix: str, *parts: str) -> str:
    """A stable SKU for a row that has none, so that importing again finds the same SKU."""
    body = "-".join(p for p in (prefix, *parts) if p)
    body = re.sub(r"\s+", "-", body.strip())
    if len(body) <= MAX_SKU_LENGTH:
        return body
    digest = hashlib.sha1(body.encode()).hexdigest()[:8]
    return body[: MAX_SKU_LENGTH - 9] + "-" + digest


def first_token(value: str) -> str:
    return value.split(",")[0].strip().lower()


BOOLEAN_TRUE = {"1", "true", "yes", "y", "да", "是", "ja", "oui", "sí", "si", "sim", "on"}


STATUS_WORDS = {
    "active": ("active", "published", "publish", "出售中", "在售", "上架", "已上架", "onsale"),
    "draft": ("draft", "unpublished", "private", "pending", "inactive", "仓库中", "下架",
              "已下架", "instock"),
    "archived": ("archived", "archive", "已删除", "删除", "deleted"),
}
_STATUS_OF = {word: status for status, words in STATUS_WORDS.items() for word in words}


def to_status(value: str) -> str | None:
    """A product status from any format's words; None when unknown."""
    return _STATUS_OF.get(value.strip().lower())


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
