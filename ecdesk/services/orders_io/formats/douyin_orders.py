"""Douyin shop (抖音小店 / 抖店) merchant back office order export (订单 > 订单管理 > 批量导出):
one row per sub-order (子订单: a line), the order's fields (主订单编号, 订单提交时间, 订单状态…)
repeated on each.

商家编码 is the SKU; 商品单价 the unit price. ecdesk has no Douyin channel kind: the orders go
to the shop's only channel of kind "other", or the channel you name.
"""

from __future__ import annotations

from ecdesk.i18n import N_
from ecdesk.services.orders_io.formats import marketplace

NAME = "douyin"
LABEL = N_("Douyin shop order export")
CHANNEL_KINDS = ("other",)
CONTIGUOUS = False
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("主订单编号", "订单编号"),
    "customer_key": ("买家昵称", "用户昵称"),
    "customer_name": ("收件人", "收货人"),
    "status": ("订单状态",),
    "created_at": ("订单提交时间", "下单时间"),
    "paid_at": ("支付完成时间",),
    "shipped_at": ("发货时间",),
    "sku": ("商家编码", "sku编码"),
    "title": ("选购商品", "商品名称"),
    "quantity": ("商品数量",),
    "price": ("商品单价",),
    "line_discount": ("商家优惠",),
    "shipping": ("运费",),
    "refunded": ("退款金额",),
    "carrier": marketplace.CARRIER,
    "tracking_number": marketplace.TRACKING,
}
SIGNATURE = (("主订单编号",), ("子订单编号",), ("订单提交时间",), ("选购商品",))
REQUIRED = ("number", "created_at", "status", "sku", "quantity", "price")
ORDER_FIELDS = marketplace.ORDER_FIELDS

has_order_fields = marketplace.has_order_fields
order_values = marketplace.order_values
