"""Shopify's order export (Orders > Export): one row per line item.

The first row of an order carries the order's fields (Financial Status, Paid at, Created at,
Total...); its further rows carry the line fields and repeat only Name and Email. Times have the
shop's offset (`2024-03-05 14:22:10 -0500`). `Paid at` is empty until the order is paid.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from ecdesk.i18n import N_, _
from ecdesk.models import OrderStatus
from ecdesk.services.orders_io.coupons import coupon_list
from ecdesk.services.orders_io.formats.common import read_time
from ecdesk.services.tabular_io.row_reader import RowReader

NAME = "shopify"
LABEL = N_("Shopify order export")
CHANNEL_KINDS = ("shopify",)
CONTIGUOUS = True  # an order's rows follow each other
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("name", "order name", "order number"),
    "email": ("email", "customer email"),
    "financial_status": ("financial status", "payment status"),
    "paid_at": ("paid at",),
    "fulfillment_status": ("fulfillment status",),
    "shipped_at": ("fulfilled at", "fulfillment date"),
    "currency": ("currency",),
    "subtotal": ("subtotal",),
    "shipping": ("shipping",),
    "order_discount": ("discount amount",),
    "discount_code": ("discount code", "discount codes"),
    "created_at": ("created at",),
    "cancelled_at": ("cancelled at",),
    "refunded": ("refunded amount",),
    "tax": ("taxes", "tax"),
    "total": ("total",),
    "customer_name": ("billing name",),
    "shipping_name": ("shipping name",),
    "quantity": ("lineitem quantity",),
    "title": ("lineitem name",),
    "price": ("lineitem price",),
    "sku": ("lineitem sku",),
    "line_discount": ("lineitem discount",),
}
SIGNATURE = (ALIASES["financial_status"], ALIASES["created_at"], ALIASES["quantity"],
             ALIASES["sku"], ALIASES["price"])
REQUIRED = ("number", "created_at", "sku", "quantity", "price")
ORDER_FIELDS = ("email", "financial_status", "paid_at", "fulfillment_status", "shipped_at",
                "currency", "subtotal", "shipping", "order_discount", "discount_code",
                "created_at",
                "cancelled_at", "refunded", "customer_name", "tax", "total")

FINANCIAL = {
    "pending": OrderStatus.PENDING, "authorized": OrderStatus.PENDING,
    "unpaid": OrderStatus.PENDING, "paid": OrderStatus.PAID,
    "partially_paid": OrderStatus.PAID, "partially_refunded": OrderStatus.PAID,
    "refunded": OrderStatus.REFUNDED, "voided": OrderStatus.CANCELLED,
    "expired": OrderStatus.CANCELLED,
}
FULFILLMENT = ("fulfilled", "unfulfilled", "partial", "restocked", "shipped", "")


def has_order_fields(read: RowReader) -> bool:
    return bool(read.raw("created_at").strip() or read.raw("financial_status").strip())


def order_values(read: RowReader, zone: tzinfo) -> dict[str, Any]:
    created = read_time(read, "created_at", zone)
    if created is None and not read.raw("created_at").strip():
        read.problem("created_at", _("is empty: when was the order placed?"))
    paid_at = read_time(read, "paid_at", zone)
    cancelled = bool(read.raw("cancelled_at").strip())
    read_time(read, "cancelled_at", zone)  # checked, so that a garbled date is reported
    return {
        "ordered_at": created, "paid_at": paid_at, "shipped_at": read_time(read, "shipped_at",
                                                                           zone),
        "status": _status(read, paid_at is not None, cancelled),
        "customer_name": read.text("customer_name") or read.text("shipping_name"),
        "customer_key": read.text("email"), "currency": _currency(read),
        "shipping": read.amount("shipping"), "refunded": read.amount("refunded"),
        "subtotal": read.amount("subtotal"), "order_discount": read.amount("order_discount"),
        "coupon_codes": coupon_list(read.text("discount_code")),
        "tax": read.amount("tax"), "total": read.amount("total"),
    }


def _currency(read: RowReader) -> str:
    value = read.code("currency")
    if value and not (len(value) == 3 and value.isascii() and value.isalpha()):
        read.problem("currency", _("'{value}' is not a three-letter currency code such as USD")
                                 .format(value=value))
        return ""
    return value.upper()


def _status(read: RowReader, paid: bool, cancelled: bool) -> OrderStatus:
    """Financial status, fulfillment and cancellation as one ecdesk status."""
    financial = read.text("financial_status").lower().replace(" ", "_")
    fulfillment = read.text("fulfillment_status").lower()
    money = FINANCIAL.get(financial)
    if financial and money is None:
        read.problem("financial_status", _("'{financial}' is not a Shopify financial status "
                                           "({join})").format(
                                               financial=financial, join=', '.join(FINANCIAL)))
    if fulfillment not in FULFILLMENT:
        read.problem(
            "fulfillment_status",
            _(
                "'{fulfillment}' is not a Shopify fulfillment status (fulfilled, unfulfilled, "
                "partial, restocked)"
            ).format(fulfillment=fulfillment),
        )
    if money is None:
        money = OrderStatus.PAID if paid else OrderStatus.PENDING
    if money == OrderStatus.REFUNDED:
        return money
    if cancelled or money == OrderStatus.CANCELLED:
        return OrderStatus.CANCELLED
    if fulfillment in ("fulfilled", "shipped"):
        return OrderStatus.SHIPPED
    if fulfillment == "partial":
        read.problem("fulfillment_status", _("partly fulfilled: ecdesk takes the stock off the "
                     "shelf when the whole order has shipped (import a later export then)"),
                     "warning")
    return money
