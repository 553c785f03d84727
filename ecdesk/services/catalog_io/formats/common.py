"""What every product format shares: its fields, and the checks of a product row's cells."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Protocol

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.catalog.barcodes import barcode_problem
from ecdesk.services.catalog.validation import MAX_SKU_LENGTH
from ecdesk.services.catalog_io.dto import ParsedProduct
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.row_reader import RowReader

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


class Format(Protocol):
    """What a product format module holds (shopify, woocommerce, taobao, template)."""

    NAME: str
    LABEL: str
    ALIASES: dict[str, tuple[str, ...]]
    SIGNATURE: tuple[tuple[str, ...], ...]
    REQUIRED: tuple[str, ...]

    def extra_columns(self, header: list[str]) -> dict[str, int]: ...

    def build(self, rows: Iterable[tuple[int, list[str]]], columns: Columns,
              problems: list[Problem]) -> list[ParsedProduct]: ...


class ProductRowReader(RowReader):
    """A row of a product file: the shared cell readers, and the product fields' own checks."""

    def status(self, field: str = "status") -> str | None:
        value = self.text(field)
        if not value:
            return None
        status = to_status(value)
        if status is None:
            self.problem(
                field,
                _("'{value}' is not a status (active, draft or archived)").format(value=value),
            )
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
                self.problem(field, _("is required"))
                return "", False
            self.problem(
                field,
                _("is empty; ecdesk will use '{fallback}'").format(fallback=fallback),
                "warning",
            )
            return fallback, True
        if len(value) > MAX_SKU_LENGTH:
            self.problem(
                field,
                _("'{value}' is longer than {MAX_SKU_LENGTH} characters").format(
                    value=value, MAX_SKU_LENGTH=MAX_SKU_LENGTH
                ),
            )
            return "", False
        if value.split() != [value]:
            self.problem(field, _("'{value}' contains spaces").format(value=value))
            return "", False
        if not value.isascii():
            self.check_garbled(field, value)
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
    # Shopify's `unlisted` (sold by link, hidden from the store's lists) is not listed: a draft
    "draft": ("draft", "unpublished", "private", "pending", "inactive", "仓库中", "下架",
              "已下架", "instock", "unlisted"),
    "archived": ("archived", "archive", "已删除", "删除", "deleted"),
}
_STATUS_OF = {word: status for status, words in STATUS_WORDS.items() for word in words}


def to_status(value: str) -> str | None:
    """A product status from any format's words; None when unknown."""
    return _STATUS_OF.get(value.strip().lower())
