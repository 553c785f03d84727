"""Taobao / Tmall style order exports with Chinese headers, one row per order line.

The order's fields (订单编号, 订单状态, 订单创建时间, 买家会员名, 运费...) repeat on each of its
lines; 商家编码 is the SKU. Times have no offset: they are the seller's clock, which ecdesk takes
as the shop's time zone. Files are usually GBK, which the reader detects.
"""

from __future__ import annotations

from ecdesk.i18n import N_
from ecdesk.services.orders_io.formats import marketplace

NAME = "taobao"
LABEL = N_("Taobao / Tmall order export")
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
    "delivered_at": marketplace.DELIVERED,
    "sku": ("商家编码", "sku商家编码", "商家sku编码", "商品编码", "外部系统编号", "商家货号"),
    "title": ("宝贝标题", "标题", "商品标题", "宝贝名称", "商品名称"),
    "quantity": ("购买数量", "宝贝数量", "商品数量", "数量"),
    "price": ("价格", "单价", "宝贝单价", "商品价格", "商品单价"),
    "line_discount": ("优惠金额", "商品优惠", "子订单优惠"),
    "shipping": ("运费", "买家应付邮费", "邮费"),
    "refunded": ("退款金额",),
    "carrier": marketplace.CARRIER,
    "tracking_number": marketplace.TRACKING,
}
SIGNATURE = (ALIASES["number"], ALIASES["status"], ALIASES["created_at"], ALIASES["sku"],
             ALIASES["quantity"])
REQUIRED = ("number", "created_at", "status", "sku", "quantity", "price")
ORDER_FIELDS = marketplace.ORDER_FIELDS


has_order_fields = marketplace.has_order_fields
order_values = marketplace.order_values
