"""Taobao / Tmall style exports with Chinese headers (商家编码, 宝贝标题, 价格, ...).

Rows with the same item id (宝贝ID) are one product and its SKUs; without an item id, rows with
the same title are. Options come from a "销售属性" style cell such as `颜色:红色;尺码:M`, or from
颜色 / 尺码 columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.catalog_io.dto import ParsedProduct, ParsedVariant
from ecdesk.services.catalog_io.formats.common import ProductRowReader, generated_sku
from ecdesk.services.tabular_io.columns import Columns, normalize
from ecdesk.services.tabular_io.values import split_list

NAME = "taobao"
LABEL = "Taobao / Tmall export"
ALIASES: dict[str, tuple[str, ...]] = {
    "item_id": ("宝贝id", "商品id", "数字id", "num_iid", "宝贝编号"),
    "title": ("宝贝标题", "宝贝名称", "商品标题", "商品名称", "标题"),
    "sku": ("商家编码", "sku商家编码", "商家sku编码", "商品编码", "商家货号", "货号", "外部编码"),
    "price": ("价格", "宝贝价格", "一口价", "销售价", "单价", "sku价格", "价格(元)"),
    "compare_at_price": ("市场价", "原价", "划线价"),
    "cost": ("成本价", "成本"),
    "quantity": ("数量", "宝贝数量", "库存", "库存数量", "可售库存"),
    "barcode": ("条形码", "条码", "商品条形码"),
    "description": ("宝贝描述", "商品描述", "描述"),
    "category": ("店铺类目", "类目", "分类", "宝贝类目"),
    "brand": ("品牌",),
    "status": ("状态", "宝贝状态", "商品状态"),
    "tags": ("标签",),
    "options": ("销售属性", "sku属性", "销售属性组合", "规格", "属性"),
    "option1_value": ("颜色", "颜色分类"),
    "option2_value": ("尺码", "尺寸"),
}
_WEIGHT = re.compile(r"(重量|物流重量|毛重)\s*[\(（]?\s*(kg|g|千克|克|公斤)?\s*[\)）]?")
_UNITS = {"千克": "kg", "公斤": "kg", "克": "g", "kg": "kg", "g": "g", None: "kg"}
SIGNATURE = (ALIASES["sku"], ALIASES["title"], ALIASES["price"],
             ALIASES["quantity"] + ALIASES["item_id"])
REQUIRED = ("title", "price")


def extra_columns(header: list[str]) -> dict[str, int]:
    for i, name in enumerate(header):
        if _WEIGHT.fullmatch(normalize(name)):
            return {"weight": i}
    return {}


@dataclass
class _Item:
    row: int
    key: str
    title: str
    fields: dict
    option_names: list[str] = field(default_factory=lambda: ["", "", ""])
    variants: list[ParsedVariant] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


def build(rows: Iterable[tuple[int, list[str]]], columns: Columns, problems: list[Problem]
          ) -> list[ParsedProduct]:
    read = ProductRowReader(columns, problems)
    match = _WEIGHT.fullmatch(normalize(columns.name("weight")))
    unit = _UNITS.get(match.group(2) if match else None, "kg")
    items: dict[str, _Item] = {}
    for row, cells in rows:
        read.at(row, cells)
        item_id = read.code("item_id")
        title = read.text("title")
        key = f"id:{item_id}" if item_id else f"title:{title}" if title else f"row:{row}"
        item = items.get(key)
        if item is None:
            item = items[key] = _Item(row, key, title, _fields(read))
            if not title:
                read.problem("title", _("is required"))
        item.rows.append(row)
        names, option_values = _options(read)
        for i, name in enumerate(names):
            if name and not item.option_names[i]:
                item.option_names[i] = name
        number = str(len(item.variants) + 1) if item.variants else ""
        sku, generated = read.sku(
            "sku", lambda i=item_id, n=number: generated_sku("TB", i, n) if i else "")
        price = read.amount("price")
        if price is None and not read.raw("price").strip():
            read.problem("price", _("is required"))
        if sku:
            item.variants.append(ParsedVariant(
                row=row, sku=sku, sku_generated=generated, option1=option_values[0],
                option2=option_values[1], option3=option_values[2], barcode=read.barcode(),
                weight_grams=read.grams("weight", unit), price=price,
                compare_at_price=read.amount("compare_at_price"), unit_cost=read.amount("cost"),
                quantity=read.quantity("quantity"), item_id=item_id))
    return [ParsedProduct(row=i.row, key=i.key, title=i.title,
                          option_names=(i.option_names[0], i.option_names[1], i.option_names[2]),
                          variants=tuple(i.variants), rows=tuple(i.rows), **i.fields)
            for i in items.values()]


def _fields(read: ProductRowReader) -> dict:
    return {
        "description": read.html("description"), "brand": read.optional_text("brand"),
        "category": read.optional_text("category"),
        "tags": split_list(read.raw("tags").replace("，", ",")) if read.columns.has("tags")
        else None,
        "status": read.status() if read.columns.has("status") else None,
    }


def _options(read: ProductRowReader) -> tuple[list[str], list[str]]:
    names, option_values = ["", "", ""], ["", "", ""]
    combined = read.text("options")
    if combined:
        parts = [p for p in re.split(r"[;；]", combined) if p.strip()][:3]
        for i, part in enumerate(parts):
            pair = re.fullmatch(r"([^:：]*)[:：](.*)", part.strip())
            name, value = pair.groups() if pair else ("", part)
            names[i], option_values[i] = name.strip(), value.strip()
        return names, option_values
    for i, field_name in ((0, "option1_value"), (1, "option2_value")):
        if read.columns.has(field_name):
            names[i] = read.columns.name(field_name)
            option_values[i] = read.text(field_name)
    return names, option_values
