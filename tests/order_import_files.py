"""Small order exports written by the tests (Shopify CSV, Taobao/Tmall GBK) and a shop to import
them into: a Shopify and a Tmall channel, three SKUs with stock on the shelf."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ecdesk.db import Database
from ecdesk.models import MovementKind, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
from ecdesk.services.channels import save_channel
from ecdesk.services.stock.commands import adjust_stock

# The columns of Shopify's order export, in its order.
SHOPIFY_COLUMNS = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
    "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
    "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping",
    "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
    "Billing City", "Billing Zip", "Billing Country", "Shipping Name", "Shipping City",
    "Shipping Country", "Notes", "Cancelled at", "Payment Method", "Refunded Amount", "Vendor",
    "Outstanding Balance", "Id", "Tags", "Risk Level", "Source", "Lineitem discount"]
TAOBAO_COLUMNS = ("订单编号", "买家会员名", "收货人姓名", "订单状态", "订单创建时间",
                  "订单付款时间", "发货时间", "商家编码", "宝贝标题", "购买数量", "价格", "运费",
                  "退款金额")
PAID = "买家已付款，等待卖家发货"
SHIPPED = "卖家已发货，等待买家确认"


def shopify_order(name: str, sku: str = "TEE-S", quantity: str = "1", price: str = "30.00", *,
                  created: str = "2024-03-05 14:22:10 -0500", financial: str = "paid",
                  paid: str | None = None, fulfillment: str = "unfulfilled", **cells: str
                  ) -> dict[str, str]:
    """The first row of a Shopify order: the order's fields and its first line."""
    row = {"Name": name, "Email": f"buyer{name.strip('#')}@example.com",
           "Financial Status": financial,
           "Paid at": created if paid is None and financial == "paid" else paid or "",
           "Fulfillment Status": fulfillment, "Accepts Marketing": "no", "Currency": "USD",
           "Shipping": "5.00", "Taxes": "0.00", "Discount Amount": "0.00",
           "Created at": created, "Billing Name": "Ann Lee", "Id": name.strip("#"),
           "Source": "web"}
    row.update(shopify_line(name, sku, quantity, price))
    row.update(cells)
    return row


def shopify_line(name: str, sku: str, quantity: str = "1", price: str = "30.00",
                 **cells: str) -> dict[str, str]:
    """A further line of an order: Name, Email and the line's own cells only."""
    return {"Name": name, "Email": f"buyer{name.strip('#')}@example.com",
            "Lineitem quantity": quantity, "Lineitem name": f"Item {sku}",
            "Lineitem price": price, "Lineitem sku": sku, "Lineitem requires shipping": "true",
            "Lineitem taxable": "true", "Lineitem fulfillment status": "pending",
            "Lineitem discount": "0.00", **cells}


def shopify_file(folder: Path, *rows: dict[str, str], name: str = "orders_export.csv",
                 encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, SHOPIFY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = folder / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def taobao_row(number: str, sku: str = "TEE-S", quantity: str = "1", price: str = "99.00", *,
               status: str = PAID, created: str = "2024-11-11 00:05:00",
               paid: str = "2024-11-11 00:06:00", shipped: str = "", buyer: str = "小明tb",
               shipping: str = "0.00", refunded: str = "0.00") -> tuple[str, ...]:
    return (number, buyer, "王小明", status, created, paid, shipped, sku, f"宝贝 {sku}",
            quantity, price, shipping, refunded)


def taobao_file(folder: Path, *rows: tuple[str, ...], name: str = "ExportOrderList.csv",
                encoding: str = "gbk") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TAOBAO_COLUMNS)
    writer.writerows(rows)
    path = folder / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@dataclass(frozen=True)
class OrderShop:
    db: Database
    shopify: int
    tmall: int
    skus: dict[str, int]  # sku: variant id


def order_shop(db: Database, stock: int = 10) -> OrderShop:
    """A Shopify and a Tmall channel, SKUs TEE-S, TEE-M and MUG with `stock` units each."""
    shopify = save_channel(db.uow(), name="Shopify US", kind="shopify", currency="USD").ids[0]
    tmall = save_channel(db.uow(), name="天猫 Tmall", kind="tmall", currency="CNY").ids[0]
    save_product(db.uow(), ProductDraft(
        title="Cotton tee", status="active", option_names=("Size", "", ""),
        variants=(VariantDraft("TEE-S", option1="S", unit_cost="12.00", price="30.00"),
                  VariantDraft("TEE-M", option1="M", unit_cost="12.00", price="30.00"))))
    save_product(db.uow(), ProductDraft(title="Mug", status="active", variants=(
        VariantDraft("MUG", unit_cost="15.00", price="40.00"),)))
    with db.uow() as uow:
        skus = dict(uow.session.execute(select(Variant.sku, Variant.id)).tuples().all())
    if stock:
        for variant_id in skus.values():
            adjust_stock(db.uow(), variant_id=variant_id, kind=MovementKind.RECEIVED,
                         quantity=stock, reference="PO-1")
    return OrderShop(db, shopify, tmall, skus)


# Taobao / Tmall's two-file order report: the order list and the line details, as the seller
# back office exports them (GBK, order numbers kept from Excel by ="…" in the list).
TAOBAO_LIST_COLUMNS = ("订单编号", "买家会员名", "买家支付宝账号", "买家应付货款",
                       "买家应付邮费", "总金额", "订单状态", "收货人姓名", "订单创建时间",
                       "订单付款时间", "退款金额")
TAOBAO_DETAILS_COLUMNS = ("订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性",
                          "套餐信息", "备注", "订单状态", "商家编码")


def taobao_list_row(number: str, status: str = PAID, *, created: str = "2024-11-11 00:05:00",
                    buyer: str = "小明tb", goods: str = "99.00", shipping: str = "0.00"
                    ) -> tuple[str, ...]:
    return (f'="{number}"', buyer, "xm@example.com", goods, shipping, goods, status, "王小明",
            created, "2024-11-11 00:06:00", "0.00")


def taobao_details_row(number: str, sku: str = "TEE-S", quantity: str = "1",
                       price: str = "99.00", status: str = PAID) -> tuple[str, ...]:
    return (number, f"宝贝 {sku}", price, quantity, "", "颜色分类:白色", "", "", status, sku)


def taobao_pair(folder: Path, orders: list[tuple[str, ...]], lines: list[tuple[str, ...]],
                blank_lines: int = 0) -> tuple[Path, Path]:
    """ExportOrderList….csv and ExportOrderDetailList….csv; `blank_lines` empty lines (only
    commas) at the end of the details, as the back office pads them."""
    def write(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]],
              blank: int = 0) -> Path:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        buffer.write(("," * (len(header) - 1) + "\r\n") * blank)
        path = folder / name
        path.write_bytes(buffer.getvalue().encode("gbk"))
        return path
    return (write("ExportOrderList202411.csv", TAOBAO_LIST_COLUMNS, orders),
            write("ExportOrderDetailList202411.csv", TAOBAO_DETAILS_COLUMNS, lines,
                  blank_lines))
