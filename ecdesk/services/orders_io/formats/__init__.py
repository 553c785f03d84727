"""The order export formats ecdesk reads, and which one a header is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType

from ecdesk.i18n import _
from ecdesk.services.catalog_io.formats import FORMATS
from ecdesk.services.catalog_io.formats import detect_format as detect_catalog_format
from ecdesk.services.orders_io.formats import (
    douyin_orders,
    jd_orders,
    pinduoduo_orders,
    shopify_orders,
    taobao_orders,
)
from ecdesk.services.tabular_io.columns import match_aliases
from ecdesk.services.tabular_io.formats import FormatGuess, guess_format

ORDER_FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (
    shopify_orders, taobao_orders, jd_orders, pinduoduo_orders, douyin_orders)}


def detect_order_format(header: list[str]) -> FormatGuess:
    """The order format whose signature columns the header has most of."""
    return guess_format(header, ORDER_FORMATS)


def looks_like_products(header: list[str]) -> str | None:
    """The product format's label when the header is a catalog export rather than orders."""
    if detect_order_format(header).confident:
        return None
    guess = detect_catalog_format(header)
    return str(FORMATS[guess.name].LABEL) if guess.confident else None


def order_column_index(header: list[str], name: str,
                       corrected: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field -> column of format `name`, found by its aliases, then as the user `corrected`
    it ({field: column name}, "" for no column; a column the header lacks is left out)."""
    index = match_aliases(header, ORDER_FORMATS[name].ALIASES)
    stripped = [h.strip() for h in header]
    for field, column in (corrected or {}).items():
        if not column:
            index.pop(field, None)
        elif column.strip() in stripped:
            index[field] = stripped.index(column.strip())
    return index


def column_fields(header: Sequence[str], name: str,
                  corrected: Mapping[str, str] | None = None) -> list[str]:
    """The field each column of `header` is read as ("" for a column not imported)."""
    fields = [""] * len(header)
    for field, column in order_column_index(list(header), name, corrected).items():
        fields[column] = field
    return fields


def format_fields(name: str) -> list[str]:
    """The fields format `name` can read, its required ones first."""
    module = ORDER_FORMATS[name]
    return [*module.REQUIRED, *(f for f in module.ALIASES if f not in module.REQUIRED)]


def order_format_labels() -> dict[str, str]:
    return {name: _(m.LABEL) for name, m in ORDER_FORMATS.items()}
