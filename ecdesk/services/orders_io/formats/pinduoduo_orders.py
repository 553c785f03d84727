"""Pinduoduo (拼多多) merchant back office order export (订单查询 > 导出): one row per order
(an order is one SKU in most shops), Chinese headers.

商家编码-SKU维度 is the SKU (商家编码-商品维度 when the SKU's own code is empty); 商品总价(元) is
the goods total of the row, not a unit price; 订单成交时间 is when the order was placed.
"""

from __future__ import annotations

from ecdesk.i18n import N_
from ecdesk.services.orders_io.formats import marketplace

NAME = "pinduoduo"
LABEL = N_("Pinduoduo order export")
CHANNEL_KINDS = ("pinduoduo",)
CONTIGUOUS = False
PRICE_IS_LINE_TOTAL = True
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("订单号",),
    "customer_key": ("买家昵称", "用户昵称"),
    "customer_name": ("收货人", "收件人"),
    "status": ("订单状态",),
    "created_at": ("订单成交时间", "拼单成功时间", "支付时间"),
    "paid_at": ("支付时间", "订单成交时间"),
    "shipped_at": ("发货时间",),
    "delivered_at": marketplace.DELIVERED,
    "sku": ("商家编码-sku维度", "sku编码"),
    "sku_fallback": ("商家编码-商品维度",),
    "title": ("商品", "商品名称"),
    "quantity": ("商品数量(件)", "商品数量"),
    "price": ("商品总价(元)",),
    "line_discount": ("店铺优惠折扣(元)",),
    "shipping": ("邮费(元)",),
    "refunded": ("退款金额(元)",),
    "carrier": marketplace.CARRIER,
    "tracking_number": marketplace.TRACKING,
}
SIGNATURE = (("商家编码-sku维度", "商家编码-商品维度"), ("商品数量(件)",),
             ("订单成交时间", "拼单成功时间"), ("用户实付金额(元)", "商家实收金额(元)"))
REQUIRED = ("number", "created_at", "status", "sku", "quantity", "price")
ORDER_FIELDS = marketplace.ORDER_FIELDS

has_order_fields = marketplace.has_order_fields
order_values = marketplace.order_values
