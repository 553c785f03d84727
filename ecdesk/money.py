"""Money discipline: Decimal in Python, integer minor units in the database, never a float.

Rounding is ROUND_HALF_UP and happens only at the named points below (unit price, line total,
document total), so that a figure computed twice is the same figure.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ecdesk.i18n import _

if TYPE_CHECKING:
    from ecdesk.money_column import ScaledDecimal

ZERO = Decimal("0")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")


class MoneyError(ValueError):
    """A value cannot be used as an amount of money or a rate."""


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert an exact value to Decimal; floats are refused because they are not exact."""
    if isinstance(value, (bool, float)):
        raise MoneyError(
            _("refusing {name} {value!r}: use Decimal or a string").format(
                name=type(value).__name__, value=value
            )
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise MoneyError(_("'{value}' is not a number").format(value=value)) from None
    else:
        raise MoneyError(
            _("refusing {name} {value!r}: not a number").format(
                name=type(value).__name__, value=value
            )
        )
    if not result.is_finite():
        raise MoneyError(_("'{value}' is not a finite number").format(value=value))
    return result


def _round(value: Decimal, exponent: Decimal = CENT) -> Decimal:
    # A Decimal goes straight to quantize (an infinity or NaN raises there): the price preview
    # rounds ~10 fees per listing, and to_decimal's checks were a fifth of its time.
    if type(value) is not Decimal or not value.is_finite():
        value = to_decimal(value)  # refuses a float, an infinity or NaN in words
    return value.quantize(exponent, rounding=ROUND_HALF_UP)


def round_unit_price(value: Decimal) -> Decimal:
    """Named rounding point: a price or cost per unit."""
    return _round(value)


def round_line_total(value: Decimal) -> Decimal:
    """Named rounding point: quantity x unit price, less discount."""
    return _round(value)


def round_document_total(value: Decimal) -> Decimal:
    """Named rounding point: the total of an order, a purchase order, a report."""
    return _round(value)


_GROUPED_DOT = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234.50
# 1.234,50 or 1.234.567; a lone "12.345" is a decimal point (then refused as 3 decimals)
_GROUPED_COMMA = re.compile(r"^[+-]?\d{1,3}((\.\d{3})+,\d+|(\.\d{3}){2,})$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d{1,2}$")  # 12,50


def parse_amount(text: str) -> Decimal:
    """Parse an amount typed by a person or found in a file.

    Accepts `12.50`, `1,234.50`, `1.234,50`, `12,50`, spaces or a currency sign around it.
    Anything else raises MoneyError with the text quoted, e.g. "'12,5O' is not a number".
    """
    original = text
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    cleaned = cleaned.lstrip("$€£¥￥").rstrip("$€£¥￥")
    if _GROUPED_DOT.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif _GROUPED_COMMA.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise MoneyError(_("'{original}' is not a number").format(original=original))
    return to_decimal(cleaned)


def format_amount(value: Decimal | None, currency: str = "") -> str:
    """Display form with thousands separators and two decimals: `1,234.50 CNY`."""
    if value is None:
        return ""
    text = f"{round_document_total(value):,.2f}"
    return f"{text} {currency}" if currency else text


def format_rate(value: Decimal | None) -> str:
    """Display a rate (Decimal("0.305")) as a percentage ("30.5 %")."""
    if value is None:
        return ""
    percent = (value * HUNDRED).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{percent} %"


def parse_rate(text: str) -> Decimal:
    """Parse "30", "30 %", "30.5%" or "0,305" typed as a percentage into Decimal("0.30")..."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        return to_decimal(cleaned) / HUNDRED
    except MoneyError:
        raise MoneyError(_("'{text}' is not a percentage").format(text=text)) from None


def Money() -> ScaledDecimal:  # noqa: N802 - reads as a column type: mapped_column(Money())
    """Column type for amounts: integer hundredths of the currency unit."""
    from ecdesk.money_column import ScaledDecimal

    return ScaledDecimal(2)


def Rate() -> ScaledDecimal:  # noqa: N802
    """Column type for rates (commission, margin): integer millionths, Decimal("0.305")."""
    from ecdesk.money_column import ScaledDecimal

    return ScaledDecimal(6)


def to_minor_units(value: Decimal) -> int:
    """Hundredths as stored, for bulk inserts that bypass the ORM."""
    scaled = to_decimal(value) * HUNDRED
    if scaled != scaled.to_integral_value():
        raise MoneyError(_("{value} has more than 2 decimals").format(value=value))
    return int(scaled)


def from_minor_units(value: int | None) -> Decimal | None:
    """Stored hundredths back to Decimal, for queries that read raw columns."""
    if value is None:
        return None
    return (Decimal(int(value)) / HUNDRED).quantize(CENT)


def __getattr__(name: str) -> Any:
    """`from ecdesk.money import ScaledDecimal` still works, but only that import (the models'
    column types) loads SQLAlchemy: formatting amounts at start-up does not (PEP 562)."""
    if name == "ScaledDecimal":
        from ecdesk.money_column import ScaledDecimal

        return ScaledDecimal
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
