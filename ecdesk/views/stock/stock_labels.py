"""How stock values read on screen: movement kinds, stock filters, signed quantities."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecdesk.services.stock.inventory_dto import (
    STOCK_ALL,
    STOCK_IN,
    STOCK_NEGATIVE,
    STOCK_OUT,
    STOCK_REORDER,
)
from ecdesk.views.widgets.locale_format import decimal, integer

_KINDS = {
    "received": QT_TRANSLATE_NOOP("stock", "Received"),
    "sold": QT_TRANSLATE_NOOP("stock", "Sold"),
    "returned": QT_TRANSLATE_NOOP("stock", "Returned"),
    "adjusted": QT_TRANSLATE_NOOP("stock", "Adjusted"),
    "counted": QT_TRANSLATE_NOOP("stock", "Counted"),
    "written_off": QT_TRANSLATE_NOOP("stock", "Written off"),
    "supplier_return": QT_TRANSLATE_NOOP("stock", "Returned to supplier"),
}
STOCK_FILTER_LABELS = [
    (STOCK_ALL, QT_TRANSLATE_NOOP("stock", "All stock")),
    (STOCK_IN, QT_TRANSLATE_NOOP("stock", "In stock")),
    (STOCK_OUT, QT_TRANSLATE_NOOP("stock", "Out of stock")),
    (STOCK_NEGATIVE, QT_TRANSLATE_NOOP("stock", "Negative")),
    (STOCK_REORDER, QT_TRANSLATE_NOOP("stock", "At or below reorder point")),
]
MINUS = "\u2212"  # a real minus sign: as wide as the plus, easy to see in a column


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("stock", _KINDS.get(kind, kind))


def filter_label(value: str) -> str:
    labels = dict(STOCK_FILTER_LABELS)
    return QCoreApplication.translate("stock", labels.get(value, value))


def signed(quantity: int) -> str:
    """+20, −4, 0."""
    if quantity < 0:
        return MINUS + integer(-quantity)
    return "+" + integer(quantity) if quantity else integer(0)


def units(quantity: int) -> str:
    """1,234 or −4."""
    return MINUS + integer(-quantity) if quantity < 0 else integer(quantity)


def rate(value: Decimal) -> str:
    """Units a day, to two decimals: 0.25, 1,721.50."""
    return decimal(value, 2)
