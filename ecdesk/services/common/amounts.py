"""Amounts a person types or a file holds (prices, costs, discounts, fees): one rule for all.

An amount is never negative and never finer than a cent: a third decimal is a typo or a unit
price from another system, and rounding it silently would change what the shop charges.
Problems are collected rather than raised, so that a form or a file reports every bad cell.
"""

from __future__ import annotations

from decimal import Decimal

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.money import CENT, MoneyError, parse_amount


def read_amount(value: str | Decimal, label: str, row: int | None, problems: list[Problem],
                unreadable: str | None = None) -> Decimal | None:
    """A non-negative amount with at most two decimals, or None with a problem appended.

    `unreadable` replaces the parser's message for text that is no number at all (an import
    says "'abc' is not a price")."""
    try:
        parsed = value if isinstance(value, Decimal) else parse_amount(value)
    except MoneyError as error:
        problems.append(Problem(label, unreadable or str(error), row))
        return None
    if parsed < 0:
        problems.append(Problem(label, _("'{value}' is negative").format(value=value), row))
        return None
    if parsed != parsed.quantize(CENT):
        problems.append(
            Problem(label, _("'{value}' has more than two decimals").format(value=value), row)
        )
        return None
    return parsed
