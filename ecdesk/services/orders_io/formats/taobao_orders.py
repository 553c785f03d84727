"""Taobao / Tmall style order exports with Chinese headers, one row per order line.

The order's fields (订单编号, 订单状态, 订单创建时间, 买家会员名, 运费...) repeat on each of its
lines; 商家编码 is the SKU. Times have no offset: they are the seller's clock, which ecdesk takes
as the shop's time zone. Files are usually GBK, which the reader detects.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from ecdesk.models import OrderStatus
from ecdesk.services.orders_io.formats.common import read_time
from ecdesk.services.tabular_io.row_reader import RowReader

NAME = "taobao"
LABEL = "Taobao / Tmall order export"
CHANNEL_KINDS = ("tmall",)
CONTIGUOUS = False  # each row carries its order's fields: rows of an order may be apart
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("订单编号", "订单号", "主订单编号", "订单id"),
    "customer_key": ("买家会员名", "买家昵称", "买家账号", "买家id"),
    "customer_name": ("收货人姓名", "收货人", "收件人"),
    "status": ("订单状态", "交易状态"),
    "created_at": ("订单创建时间", "创建时间", "下单时间"),
    "paid_at": ("订单付款时间", "付款时间", "支付时间"),
    "shipped_at": ("发货时间", "卖家发货时间"),
    "sku": ("商家编码", "sku商家编码", "商家sku编码", "商品编码", "外部系统编号", "商家货号"),
    "title": ("宝贝标题", "标题", "商品标题", "宝贝名称", "商品名称"),
    "quantity": ("购买数量", "宝贝数量", "商品数量", "数量"),
    "price": ("价格", "单价", "宝贝单价", "商品价格", "商品单价"),
    "line_discount": ("优惠金额", "商品优惠", "子订单优惠"),
    "shipping": ("运费", "买家应付邮费", "邮费"),
    "refunded": ("退款金额",),
}
SIGNATURE = (ALIASES["number"], ALIASES["status"], ALIASES["created_at"], ALIASES["sku"],
             ALIASES["quantity"])
REQUIRED = ("number", "created_at", "status", "sku", "quantity", "price")
ORDER_FIELDS = ("customer_key", "customer_name", "status", "created_at", "paid_at",
                "shipped_at", "shipping", "refunded")
WORDS = ", ".join(("等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认",
                   "交易成功", "交易关闭"))


def has_order_fields(read: RowReader) -> bool:
    return True  # every row carries them (a missing date or status is reported as such)


def order_values(read: RowReader, zone: tzinfo) -> dict[str, Any]:
    created = read_time(read, "created_at", zone)
    if created is None and not read.raw("created_at").strip():
        read.problem("created_at", "is empty: when was the order placed?")
    refunded = read.amount("refunded")
    buyer = read.text("customer_key")
    return {
        "ordered_at": created, "paid_at": read_time(read, "paid_at", zone),
        "shipped_at": read_time(read, "shipped_at", zone),
        "status": _status(read, bool(refunded)), "customer_name": read.text("customer_name")
        or buyer, "customer_key": buyer, "shipping": read.amount("shipping"),
        "refunded": refunded,
    }


def _status(read: RowReader, refunded: bool) -> OrderStatus:
    text = read.text("status").replace(" ", "").replace(",", "，")
    if not text:
        read.problem("status", "is empty")
        return OrderStatus.PENDING
    status = _status_of(text, refunded)
    if status is None:
        read.problem("status", f"'{text}' is not an order status ecdesk knows ({WORDS})")
        return OrderStatus.PENDING
    if "部分发货" in text:
        read.problem("status", "partly shipped: ecdesk takes the stock off the shelf when the "
                     "whole order has shipped (import a later export then)", "warning")
    return status


def _status_of(text: str, refunded: bool) -> OrderStatus | None:
    """The status words of Taobao and Tmall, checked from the most specific."""
    if "部分发货" in text:
        return OrderStatus.PAID
    if "交易成功" in text:
        return OrderStatus.COMPLETED
    if "退款成功" in text or ("关闭" in text and refunded):
        return OrderStatus.REFUNDED
    if "关闭" in text:
        return OrderStatus.CANCELLED
    if "已发货" in text or "等待买家确认" in text:
        return OrderStatus.SHIPPED
    if "等待买家付款" in text or "未付款" in text:
        return OrderStatus.PENDING
    if "已付款" in text or "等待卖家发货" in text:
        return OrderStatus.PAID
    try:
        return OrderStatus(text.lower())  # ecdesk's own words, for files made by hand
    except ValueError:
        return None
