"""Checks of an order draft that need no database: every problem, with its field and line."""

from __future__ import annotations

from decimal import Decimal

from ecdesk.errors import Problem
from ecdesk.i18n import N_, _
from ecdesk.money import round_line_total
from ecdesk.services.common.amounts import read_amount
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft

MAX_NUMBER_LENGTH = 64
MAX_ADDRESS_LENGTH = 500


def amount(value: str | Decimal, label: str, row: int | None,
           problems: list[Problem]) -> Decimal | None:
    """An order's amount (see read_amount); left empty it is zero: no discount, no shipping."""
    return read_amount(value if isinstance(value, Decimal) else value or "0", label, row,
                       problems)


def check_line(line: OrderLineDraft, row: int) -> list[Problem]:
    problems: list[Problem] = []
    if not line.sku.strip():
        problems.append(Problem(N_("SKU"), _("is required"), row))
    if isinstance(line.quantity, bool) or not isinstance(line.quantity, int) or line.quantity < 1:
        problems.append(
            Problem(
                N_("Quantity"),
                _("'{quantity}' is not a whole number above 0").format(quantity=line.quantity),
                row,
            )
        )
    price = amount(line.unit_price, "Unit price", row, problems)
    discount = amount(line.discount, "Discount", row, problems)
    if (price is not None and discount is not None and not problems
            and discount > line.quantity * price):
        problems.append(
            Problem(
                N_("Discount"),
                _("{discount} is more than the line's {round_line_total}").format(
                    discount=discount, round_line_total=round_line_total(line.quantity * price)
                ),
                row,
            )
        )
    return problems


def check_order(draft: OrderDraft) -> list[Problem]:
    problems: list[Problem] = []
    number = draft.number.strip()
    if not number:
        problems.append(Problem(N_("Order number"), _("is required")))
    elif len(number) > MAX_NUMBER_LENGTH:
        problems.append(
            Problem(
                N_("Order number"),
                _("is longer than {MAX_NUMBER_LENGTH} characters").format(
                    MAX_NUMBER_LENGTH=MAX_NUMBER_LENGTH
                ),
            )
        )
    if draft.ordered_at.tzinfo is None:
        problems.append(Problem(N_("Date"), _("has no time zone")))
    if not draft.lines:
        problems.append(Problem(N_("Lines"), _("an order needs at least one line")))
    for row, line in enumerate(draft.lines, start=1):
        problems.extend(check_line(line, row))
    amount(draft.shipping, "Shipping", None, problems)
    amount(draft.platform_fees, "Platform fees", None, problems)
    if len(draft.ship_to.strip()) > MAX_ADDRESS_LENGTH:
        problems.append(Problem(N_("Ship to"), _("is longer than {limit} characters").format(
            limit=MAX_ADDRESS_LENGTH)))
    return problems


def line_total(quantity: int, unit_price: Decimal, discount: Decimal) -> Decimal:
    return round_line_total(quantity * unit_price - discount)
