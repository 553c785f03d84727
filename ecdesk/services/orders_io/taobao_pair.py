"""Taobao / Tmall's order report as the seller back office exports it: two files.

The order list (订单报表: 订单编号, 买家会员名, 买家应付货款, 买家应付邮费, 总金额, 订单状态,
收货人姓名, 订单创建时间, 订单付款时间, 退款金额…) has one row per order; the line details
(宝贝报表: 订单编号, 标题, 价格, 购买数量, 外部系统编号, 商品属性, 套餐信息, 备注, 订单状态,
商家编码) one row per line and no order date. Joined on 订单编号, each line row gets its order's
columns and reads as the one-file Taobao format; rows keep the details file's numbers, so a
problem points at the line's row there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.common.progress import Progress
from ecdesk.services.tabular_io.columns import normalize
from ecdesk.services.tabular_io.table import Table, open_table

NUMBER_NAMES = ("订单编号", "订单号", "主订单编号", "订单id")
QUANTITY_NAMES = ("购买数量", "宝贝数量", "商品数量", "数量")


def number_key(cell: str) -> str:
    """An order number as both files write it: Excel's ="…" guard and a text apostrophe off."""
    value = cell.strip()
    if value.startswith('="') and value.endswith('"'):
        value = value[2:-1]
    return value.lstrip("'").strip()


def number_column(header: list[str]) -> int | None:
    names = [normalize(h) for h in header]
    return next((names.index(n) for n in NUMBER_NAMES if n in names), None)


def roles(first: Path, second: Path, encoding: str | None) -> tuple[Path, Path]:
    """(details, order list) of the two files, in whichever order they were given: the
    details are the one with a quantity column (购买数量)."""
    def has_quantity(path: Path) -> bool:
        table = open_table(path, encoding)
        table.close()
        return bool({normalize(h) for h in table.header} & set(QUANTITY_NAMES))
    return (second, first) if has_quantity(second) and not has_quantity(first) else (first, second)


def joined_table(details_path: Path, list_path: Path, encoding: str | None,
                 progress: Progress | None, problems: list[Problem]) -> Table:
    """The details file with the order list's columns added to each row (TableError when
    either cannot be read). A line whose order is not in the list is a problem of its row."""
    orders = open_table(list_path, encoding)
    try:
        list_number = number_column(orders.header)
        by_number = {} if list_number is None else {
            number_key(cells[list_number]): cells for _row, cells in orders.rows
            if len(cells) > list_number}
        list_header = orders.header
    finally:
        orders.close()
    details = open_table(details_path, encoding, progress)
    taken = {normalize(h) for h in details.header}
    extra = [i for i, h in enumerate(list_header) if h and normalize(h) not in taken]
    header = [*details.header, *(list_header[i] for i in extra)]
    detail_number = number_column(details.header)
    if list_number is None:
        problems.append(Problem(list_path.name, _("has no 订单编号 column: is it the order "
                                                  "list (订单报表) of the report?")))

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(details.header)
        for row, cells in details.rows:
            key = number_key(cells[detail_number]) if detail_number is not None and \
                detail_number < len(cells) else ""
            order = by_number.get(key)
            if order is None and key and by_number:
                problems.append(Problem(details.header[detail_number], _(
                    "order {number} is not in the order list {file}").format(
                        number=key, file=list_path.name), row))
            padded = cells + [""] * (width - len(cells))  # (a longer row stays longer: refused)
            yield row, padded + [order[i] if order and i < len(order) else "" for i in extra]
    return Table(header, details.encoding, rows(), details._closers)
