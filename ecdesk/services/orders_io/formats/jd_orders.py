"""JD (京东) merchant back office order export (订单管理 > 订单查询 > 导出): one row per order
line, Chinese headers, the order's fields repeated on each.

货号 (or 商家SKU) is the seller's code of the item, read as the SKU; 京东价 is the unit price;
下单时间 is when the order was placed. Statuses: 等待付款, 等待出库, 等待确认收货, 完成, 已取消.
"""

from __future__ import annotations

from ecdesk.i18n import N_
from ecdesk.services.orders_io.formats import marketplace

NAME = "jd"
LABEL = N_("JD order export")
CHANNEL_KINDS = ("jd",)
CONTIGUOUS = False
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("订单号", "订单编号"),
    "customer_key": ("下单帐号", "下单账号", "客户账号"),
    "customer_name": ("客户姓名", "收货人"),
    "status": ("订单状态",),
    "created_at": ("下单时间",),
    "paid_at": ("付款确认时间", "支付时间"),
    "shipped_at": ("出库时间", "发货时间"),
    "sku": ("货号", "商家sku", "商家skuid", "商品货号", "商家编码"),
    "title": ("商品名称",),
    "quantity": ("订购数量", "商品数量"),
    "price": ("京东价", "商品单价"),
    "line_discount": ("优惠金额",),
    "shipping": ("运费金额", "运费"),
    "refunded": ("退款金额",),
    "carrier": marketplace.CARRIER,
    "tracking_number": marketplace.TRACKING,
}
SIGNATURE = (("京东价",), ("订购数量",), ("下单帐号", "下单账号"), ("应付金额", "结算金额"))
REQUIRED = ("number", "created_at", "status", "sku", "quantity", "price")
ORDER_FIELDS = marketplace.ORDER_FIELDS

has_order_fields = marketplace.has_order_fields
order_values = marketplace.order_values
