"""Rows into orders: what the order formats share.

A format module says where its fields are (ALIASES), which of them belong to the order rather
than to a line (ORDER_FIELDS, compared across an order's rows), and how its order fields read
(`order_values`). `OrderRows` does the rest for every format: the order number, the lines,
grouping rows into orders, conflicting repeats, and spreading an order-wide discount over the
lines so that the lines add up to what the customer paid for the goods.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from operator import itemgetter
from types import ModuleType
from typing import Any

from ecdesk.errors import Problem
from ecdesk.i18n import N_, NC_, _
from ecdesk.models import OrderStatus
from ecdesk.money import round_line_total
from ecdesk.services.common.spread import spread_by_value
from ecdesk.services.orders.validation import MAX_NUMBER_LENGTH
from ecdesk.services.orders_io.dto import ParsedLine, ParsedOrder
from ecdesk.services.orders_io.times import EXAMPLE, parse_time
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.row_reader import RowReader

ZERO = Decimal("0")
# Before online marketplaces, or a year 0001 / 9999 a spreadsheet made of an empty or broken
# date (a report over such a date overflowed): refused with the row's problem.
FIRST_PLAUSIBLE_YEAR = 1995
LINE_FIELDS = ("sku", "title", "quantity", "price")
SHIPPED_STATUSES = (OrderStatus.SHIPPED, OrderStatus.COMPLETED)

# What the order fields are called when the file has no column for one (translated where a
# problem names its field: errors.Problem).
FIELD_LABELS = {
    "number": N_("Order number"), "created_at": N_("Order date"), "paid_at": N_("Paid at"),
    "shipped_at": N_("Shipped at"), "status": N_("Status"), "sku": N_("SKU"),
    "sku_fallback": N_("SKU"), "title": N_("Item"),
    "quantity": N_("Quantity"), "price": NC_("order line", "Price"),
    "line_discount": N_("Line discount"),
    "shipping": N_("Shipping"), "refunded": N_("Refunded"), "customer_name": N_("Customer"),
    "customer_key": N_("Buyer"), "currency": N_("Currency"),
    # Read by some formats only (Shopify's money and statuses, the platforms' shipping facts).
    "email": N_("E-mail"), "financial_status": N_("Payment status"),
    "fulfillment_status": N_("Fulfillment status"), "subtotal": NC_("order", "Subtotal"),
    "order_discount": N_("Order discount"), "cancelled_at": N_("Cancelled at"),
    "tax": N_("Tax"), "total": NC_("order", "Total"), "shipping_name": N_("Ship-to name"),
    "delivered_at": N_("Delivered at"), "carrier": N_("Carrier"),
    "tracking_number": N_("Tracking number"), "discount_code": N_("Discount code"),
}


def read_time(read: RowReader, field: str, zone: tzinfo) -> datetime | None:
    """A date and time cell (None when empty or unreadable; the problem is appended)."""
    value = read.raw(field).strip()
    if not value:
        return None
    try:
        parsed = parse_time(value, zone)
    except (ValueError, OverflowError):  # (year 1 in a zone east of UTC overflows)
        read.problem(field, _("'{value}' is not a date and time ecdesk can read (write it like "
                              "{EXAMPLE})").format(value=value, EXAMPLE=EXAMPLE))
        return None
    latest = datetime.now(UTC).year + 1
    if not FIRST_PLAUSIBLE_YEAR <= parsed.year <= latest:
        read.problem(field, _("'{value}' is not a plausible order date: ecdesk takes years "
                              "{first} to {latest}").format(
                                  value=value, first=FIRST_PLAUSIBLE_YEAR, latest=latest))
        return None
    return parsed


def order_number(read: RowReader) -> str | None:
    """The row's order number: "" when empty, None when refused (the problem is appended)."""
    raw = read.raw("number").strip()
    if (raw.isalnum() and "e" not in raw and "E" not in raw) or raw[:1] == "#":  # the usual
        return raw if len(raw) <= MAX_NUMBER_LENGTH else _too_long(read, raw)
    if raw.startswith('="') and raw.endswith('"'):  # how some exports keep Excel off a number
        raw = raw[2:-1].strip()
        value = raw
    else:
        value = read.code("number")
        if raw and not value:  # Excel's scientific form, reported by read.code
            return None
    return value if len(value) <= MAX_NUMBER_LENGTH else _too_long(read, value)


def _too_long(read: RowReader, value: str) -> None:
    read.problem("number", _("'{value}' is longer than {MAX_NUMBER_LENGTH} characters")
                           .format(value=value, MAX_NUMBER_LENGTH=MAX_NUMBER_LENGTH))


def quantity(read: RowReader) -> int | None:
    """A line's quantity: a whole number above zero."""
    value = read.raw("quantity").strip()
    if value.isdigit() and value[0] != "0":
        return int(value)
    text = value.lstrip("'").replace(",", "").strip()
    if not text:
        read.problem("quantity", _("is empty: how many were sold?"))
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        read.problem("quantity", _("'{value}' is not a quantity").format(value=value))
        return None
    if not number.is_finite() or number != number.to_integral_value():
        read.problem("quantity", _("'{value}' is not a whole number").format(value=value))
    elif number <= 0:
        read.problem("quantity", _("{value}: a line sells at least 1").format(value=value))
    else:
        return int(number)
    return None


def read_line(read: RowReader, price_is_total: bool = False) -> ParsedLine | None:
    """The row's order line (the row has line cells), or None when it is refused.

    `price_is_total`: the price column holds the line's goods total (Pinduoduo's 商品总价),
    not a unit price."""
    field = "sku" if read.raw("sku").strip() or not read.columns.has("sku_fallback") \
        else "sku_fallback"  # (Pinduoduo: the product's code where the SKU has none)
    raw_sku = read.raw(field).strip()
    sku = read.code(field)
    problems_before = len(read.problems)
    if not raw_sku:
        read.problem("sku", _("is empty: ecdesk matches order lines to the catalog by SKU. Give "
                     "the item a SKU on the platform (or in ecdesk) and export again"))
    count = quantity(read)
    price = read.amount("price")
    if price is None and not read.raw("price").strip():
        read.problem("price", _("is empty"))
    discount = read.amount("line_discount") or ZERO
    if len(read.problems) > problems_before or not sku or count is None or price is None:
        return None
    if price_is_total:
        price, discount = _unit_of_total(price, count, discount)
    if discount > count * price:
        read.problem(
            "line_discount",
            _("{discount} is more than the line's {round_line_total}").format(
                discount=discount, round_line_total=round_line_total(count * price)
            ),
        )
        return None
    return ParsedLine(read.row, sku, read.text("title"), count, price, discount)


def _unit_of_total(total: Decimal, count: int, discount: Decimal) -> tuple[Decimal, Decimal]:
    """A unit price for a line total, rounded up to the cent, and the discount that brings
    the line back to the total exactly (100.00 for 3: 33.34 each, 0.02 off)."""
    unit = (total / count).quantize(Decimal("0.01"), rounding=ROUND_CEILING)
    return unit, discount + unit * count - total


@dataclass
class _Order:
    row: int
    number: str
    cells: tuple[str, ...]  # the order fields as on the order's first row (ORDER_FIELDS)
    stripped: list[str]  # the same, trimmed
    values: dict[str, Any] | None  # None: the order's own row is missing
    lines: list[ParsedLine] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    line_rows: int = 0  # rows that tried to be a line (refused ones included)


class OrderRows:
    """Collects rows into orders for one format; `orders()` gives them once all rows are in."""

    def __init__(self, module: ModuleType, columns: Columns, problems: list[Problem],
                 zone: tzinfo) -> None:
        self.module = module
        self.read = RowReader(columns, problems)
        self.zone = zone
        self.problems = problems
        self.by_number: dict[str, _Order] = {}
        self.last: _Order | None = None
        # Cells are picked by index here: every row of a 100,000-line file passes through.
        width = len(columns.header)
        self.order_cells = _picker(module.ORDER_FIELDS, columns.index, width)
        self.line_cells = _picker(LINE_FIELDS, columns.index, width)
        self.price_is_total = getattr(module, "PRICE_IS_LINE_TOTAL", False)

    def add(self, row: int, cells: list[str]) -> None:
        read = self.read.at(row, cells)
        number = order_number(read)
        if number is None:
            return
        if not number:
            read.problem("number", _("is empty: every row needs the order number it belongs to"))
            return
        order = self.by_number.get(number)
        if order is None:
            order = self.by_number[number] = self._start(read, number)
        elif self.module.CONTIGUOUS and order is not self.last:
            read.problem("number", _("order {number} appears again: its rows start at row {row}, "
                                     "and the rows of one order must follow each other (was the "
                                     "file sorted, or put together from two exports?)").format(
                                         number=number, row=order.row))
            order.rows.append(row)
            return
        else:
            self._check_repeat(read, order)
        order.rows.append(row)
        if any(self.line_cells(read.cells)):
            order.line_rows += 1
            line = read_line(read, self.price_is_total)
            if line is not None:
                order.lines.append(line)
        self.last = order

    def _start(self, read: RowReader, number: str) -> _Order:
        cells = self.order_cells(read.cells)
        stripped = [value.strip() for value in cells]
        if not self.module.has_order_fields(read):
            read.problem(
                "number",
                _(
                    "a line of order {number} without the order's own row (with "
                    "its date and status): that row is missing from the file"
                ).format(number=number),
            )
            return _Order(read.row, number, cells, stripped, None)
        return _Order(read.row, number, cells, stripped,
                      self.module.order_values(read, self.zone))

    def _check_repeat(self, read: RowReader, order: _Order) -> None:
        cells = self.order_cells(read.cells)
        if cells == order.cells:  # each row repeats its order's fields (Taobao)
            return
        for name, value, first in zip(self.module.ORDER_FIELDS, cells, order.stripped,
                                      strict=True):
            if not value or value == first:  # empty on further rows (Shopify)
                continue
            value = value.strip()
            if value and value != first:
                was = f"'{first}'" if first else "nothing"
                read.problem(
                    name,
                    _(
                        "'{value}' conflicts with {was} in row {row}, the first row of order "
                        "{number}: one order cannot have both"
                    ).format(value=value, was=was, row=order.row, number=order.number),
                )

    def orders(self) -> list[ParsedOrder]:
        return [self._finish(order) for order in self.by_number.values()]

    def _finish(self, order: _Order) -> ParsedOrder:
        values = order.values
        rows = tuple(order.rows)
        if values is None or values["ordered_at"] is None:
            return ParsedOrder(order.row, order.number, None, OrderStatus.PENDING, rows=rows)
        if not order.lines and not order.line_rows:
            self.problems.append(Problem(self.read.columns.name("number"), _(
                "order {number} has no lines").format(number=order.number), order.row))
        tax, tax_included = _tax(values)
        lines = _spread_discount(order.lines, values.pop("subtotal", None),
                                 values.pop("order_discount", None))
        status = values["status"]
        paid_at = values.get("paid_at")  # empty stays unknown: never the creation time
        shipped_at = values.get("shipped_at")
        if shipped_at is None and status in SHIPPED_STATUSES:
            shipped_at = paid_at or values["ordered_at"]
        return ParsedOrder(
            row=order.row, number=order.number, ordered_at=values["ordered_at"], status=status,
            paid_at=paid_at, shipped_at=shipped_at,
            delivered_at=values.get("delivered_at") if status in SHIPPED_STATUSES else None,
            customer_name=values.get("customer_name", ""),
            customer_key=values.get("customer_key", "").casefold(),
            currency=values.get("currency", ""), shipping=values.get("shipping") or ZERO,
            refunded=values.get("refunded") or ZERO, tax=tax, tax_included=tax_included,
            carrier=values.get("carrier", ""), tracking_number=values.get("tracking_number", ""),
            coupon_codes=values.get("coupon_codes", ""), lines=tuple(lines), rows=rows)


def _tax(values: dict[str, Any]) -> tuple[Decimal, bool]:
    """The order's tax, and whether its prices include it: a Total equal to Subtotal plus
    Shipping (without the Taxes) means the prices already held the tax (Shopify's "taxes
    included in prices", as European stores sell)."""
    tax = values.pop("tax", None) or ZERO
    total, subtotal = values.pop("total", None), values.get("subtotal")
    if not tax or total is None or subtotal is None:
        return tax, False
    shipping = values.get("shipping") or ZERO
    return tax, total == subtotal + shipping and total != subtotal + shipping + tax


def _picker(fields: tuple[str, ...], index: dict[str, int], width: int
            ) -> Callable[[list[str]], tuple[str, ...]]:
    """A function that picks the cells of `fields` from a row (the empty cell at `width` for a
    field without a column)."""
    getter = itemgetter(*(index.get(name, width) for name in fields))
    return getter if len(fields) > 1 else lambda cells: (getter(cells),)


def _spread_discount(lines: list[ParsedLine], subtotal: Decimal | None,
                     discount: Decimal | None) -> list[ParsedLine]:
    """An order-wide discount (a discount code) shared over the lines by their amounts.

    Only the part not already on the lines is spread, and never more than the lines exceed the
    order's subtotal (a free-shipping code discounts the shipping, not the goods).
    """
    if not lines or not discount:
        return lines
    amounts = [line.quantity * line.unit_price - line.discount for line in lines]
    gross = sum(amounts, ZERO)
    extra = discount - sum((line.discount for line in lines), ZERO)
    if subtotal is not None:
        extra = min(extra, gross - subtotal)
    extra = min(extra, gross)
    if extra <= 0:
        return lines
    shares = spread_by_value(extra, amounts)  # by the largest remainder, to the cent
    return [ParsedLine(line.row, line.sku, line.title, line.quantity, line.unit_price,
                       line.discount + share) for line, share in zip(lines, shares, strict=True)]
