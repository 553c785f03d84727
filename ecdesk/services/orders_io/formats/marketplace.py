"""What the Chinese marketplaces' order exports share: one row per order line with the order's
fields repeated on each (so an order's rows may be apart), times on the seller's clock (no
offset: the shop's time zone), and status words of their own, read into ecdesk's statuses.

Taobao/Tmall (等待买家付款, 买家已付款，等待卖家发货, 卖家已发货，等待买家确认, 交易成功, 交易关闭),
JD (等待付款, 等待出库, 等待确认收货, 完成, 已取消), Pinduoduo (待支付, 待发货, 已发货，待签收,
已签收, 已取消, 未发货，退款成功) and Douyin (待支付, 备货中, 待发货, 已发货, 已完成, 已关闭)
say the same few things in different words; the most specific words are checked first.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from ecdesk.i18n import _
from ecdesk.models import OrderStatus
from ecdesk.services.orders_io.formats.common import read_time
from ecdesk.services.tabular_io.row_reader import RowReader

WORDS = ", ".join(("等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认",
                   "交易成功", "交易关闭", "等待出库", "待发货", "已签收", "已取消"))


def status_of(text: str, refunded: bool) -> OrderStatus | None:
    """The status the words say (None when they say none ecdesk knows)."""
    if "部分发货" in text:
        return OrderStatus.PAID
    if "交易成功" in text or "已完成" in text or text == "完成" or "已签收" in text:
        return OrderStatus.COMPLETED
    if "退款成功" in text or (("关闭" in text or "取消" in text) and refunded):
        return OrderStatus.REFUNDED
    if "关闭" in text or "取消" in text:
        return OrderStatus.CANCELLED
    if ("已发货" in text or "等待买家确认" in text or "等待确认收货" in text
            or "待签收" in text or "待收货" in text):
        return OrderStatus.SHIPPED
    if ("等待买家付款" in text or "未付款" in text or "待支付" in text or "待付款" in text
            or "等待付款" in text):
        return OrderStatus.PENDING
    if ("已付款" in text or "等待卖家发货" in text or "待发货" in text or "等待出库" in text
            or "备货中" in text or "待出库" in text):
        return OrderStatus.PAID
    try:
        return OrderStatus(text.lower())  # ecdesk's own words, for files made by hand
    except ValueError:
        return None


# What every marketplace format reads of an order (its rows repeat them: compared across rows).
ORDER_FIELDS = ("customer_key", "customer_name", "status", "created_at", "paid_at",
                "shipped_at", "delivered_at", "shipping", "refunded", "carrier",
                "tracking_number")
CARRIER = ("快递公司", "物流公司", "承运商")
TRACKING = ("快递单号", "物流单号", "运单号")
# The buyer's confirmed receipt: the return window counts from it (services/returns/window.py).
DELIVERED = ("确认收货时间", "买家确认收货时间")


def has_order_fields(read: RowReader) -> bool:
    return True  # every row carries them (a missing date or status is reported as such)


def order_values(read: RowReader, zone: tzinfo) -> dict[str, Any]:
    created = read_time(read, "created_at", zone)
    if created is None and not read.raw("created_at").strip():
        read.problem("created_at", _("is empty: when was the order placed?"))
    refunded = read.amount("refunded")
    buyer = read.text("customer_key")
    return {
        "ordered_at": created, "paid_at": read_time(read, "paid_at", zone),
        "shipped_at": read_time(read, "shipped_at", zone),
        "delivered_at": read_time(read, "delivered_at", zone),
        "status": read_status(read, bool(refunded)),
        "customer_name": read.text("customer_name") or buyer, "customer_key": buyer,
        "shipping": read.amount("shipping"), "refunded": refunded,
        "carrier": read.text("carrier")[:60], "tracking_number": read.code("tracking_number")[:60],
    }


def read_status(read: RowReader, refunded: bool) -> OrderStatus:
    text = read.text("status").replace(" ", "").replace(",", "，")
    if not text:
        read.problem("status", _("is empty"))
        return OrderStatus.PENDING
    status = status_of(text, refunded)
    if status is None:
        read.problem("status", _("'{text}' is not an order status ecdesk knows ({WORDS})")
                               .format(text=text, WORDS=WORDS))
        return OrderStatus.PENDING
    if "部分发货" in text:
        read.problem("status", _("partly shipped: ecdesk takes the stock off the shelf when the "
                     "whole order has shipped (import a later export then)"), "warning")
    return status
