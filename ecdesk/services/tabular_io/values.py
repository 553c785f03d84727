"""Cleaning cells as real exports carry them, and neutralizing cells on the way out.

Reading: code-like cells (SKU, barcode, ids, amounts, quantities) lose the apostrophe Excel and
Shopify put in front to keep them text (`'7350177880121`, `'-1`); text cells lose it only when it
guards a formula character, which is how ecdesk's own exports neutralize them. A number in
Excel's scientific form (`1.37359E+14`) in an id column is a mangled id, reported, never stored.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.money import to_decimal
from ecdesk.services.common.amounts import read_amount

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_PLAIN_AMOUNT = re.compile(r"\d{1,15}(\.\d{1,2})?")
# A run of Latin-1/Windows-1252 characters that UTF-8 bytes become when read with the wrong
# encoding ("Ã©" for "é", "å•†" for "商"), and C1 control characters that never occur in text.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac"
    "\u2122]+|[\u0080-\u009f]")


def code(text: str) -> str:
    """A SKU, barcode, id, amount or quantity: trimmed, without Excel's text-guard apostrophe."""
    text = text.strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return text


def text_value(text: str) -> str:
    """A title, option or tag: trimmed; an apostrophe guarding a formula character is removed."""
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


def html_value(text: str) -> str:
    """A description: HTML kept as HTML, only a formula guard removed."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def scientific_problem(value: str) -> str | None:
    """The reason an id cell holds Excel's scientific form, else None."""
    if _SCIENTIFIC.fullmatch(value):
        return (f"'{value}' is a number Excel shortened to scientific notation; its digits are "
                "lost. Format the column as text in the spreadsheet and export it again")
    return None


def garbled_problem(value: str) -> str | None:
    """The reason a text cell looks garbled by a wrong text encoding, else None."""
    if value.isascii():
        return None
    if "\ufffd" in value:
        return ("contains '\ufffd': characters were lost when the file was saved with a wrong "
                "text encoding")
    for match in _MOJIBAKE.finditer(value):
        run = match.group()
        if len(run) == 1:  # a C1 control character
            return f"contains the control character U+{ord(run):04X}: the text looks garbled"
        for codec in ("cp1252", "latin-1"):
            try:
                fixed = run.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
            return (f"looks garbled ('{run}' is how '{fixed}' reads when UTF-8 text is opened "
                    "with the wrong encoding): fix the file's encoding and export it again")
    return None


@lru_cache(maxsize=4096)
def plain_grams(value: str, unit: str) -> int | None:
    """A plain weight (`200.0`) in a known unit, as grams; None for anything else."""
    if not _PLAIN_NUMBER.fullmatch(value) or value.startswith("-"):
        return None
    factor = WEIGHT_UNITS.get(unit.strip().lower())
    if factor is None:
        return None
    return int((Decimal(value) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def amount(value: str, column: str, row: int, problems: list[Problem]) -> Decimal | None:
    """A price or cost; None when empty or refused (the problem is appended)."""
    value = code(value)
    if not value:
        return None
    if _PLAIN_AMOUNT.fullmatch(value):  # the common case, without the slower general parser
        return to_decimal(value)
    return read_amount(value, column, row, problems, unreadable=f"'{value}' is not a price")


def quantity(value: str, column: str, row: int, problems: list[Problem]) -> int | None:
    """A stock count, a whole number. A negative one is read as it is: whether the SKU may be
    below zero depends on its stock policy, which the import plan checks against the shop."""
    value = code(value)
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", "").replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation:
        problems.append(Problem(column, _("'{value}' is not a quantity").format(value=value), row))
        return None
    if number != number.to_integral_value():
        problems.append(
            Problem(column, _("'{value}' is not a whole quantity").format(value=value), row)
        )
        return None
    return int(number)


WEIGHT_UNITS = {"g": Decimal(1), "kg": Decimal(1000), "lb": Decimal("453.59237"),
                "lbs": Decimal("453.59237"), "oz": Decimal("28.349523125"), "": Decimal(1)}


def grams(value: str, unit: str, column: str, row: int, problems: list[Problem]) -> int | None:
    """A weight in `unit` (g, kg, lb, oz) as whole grams, rounded half up."""
    value = code(value).replace(",", ".")
    if not value:
        return None
    factor = WEIGHT_UNITS.get(unit.strip().lower())
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or factor is None:
        reason = f"unknown weight unit '{unit}'" if factor is None else f"'{value}' is not a weight"
        problems.append(Problem(column, reason, row))
        return None
    if number < 0:
        problems.append(Problem(column, _("'{value}' is negative").format(value=value), row))
        return None
    return int((number * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split_list(value: str, separator: str = ",") -> tuple[str, ...]:
    """Tags or categories: split on the separator, a backslash-escaped one (`\\,`) is kept."""
    if not value.strip():
        return ()
    placeholder = "\u0000"
    parts = value.replace("\\" + separator, placeholder).split(separator)
    cleaned = (text_value(p.replace(placeholder, separator)) for p in parts)
    return tuple(dict.fromkeys(p for p in cleaned if p))


def neutralize(value: str) -> str:
    """A cell safe to open in a spreadsheet: text that would run as a formula gets a leading
    apostrophe; a plain negative number (`-12.50`) stays a number."""
    if value and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
