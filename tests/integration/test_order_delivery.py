"""The return window counts from delivery: the confirmed receipt a Taobao/Tmall file carries
(确认收货时间) or "Mark delivered", else the shipping time plus the channel's transit days."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.orders_io import import_orders, read_orders_file
from ecdesk.services.returns.delivery import mark_delivered
from ecdesk.services.returns.dto import ReturnLineDraft
from ecdesk.services.returns.receive import receive_return
from ecdesk.services.returns.window import set_transit_days
from tests.order_import_files import (
    PAID,
    SHIPPED,
    TAOBAO_COLUMNS,
    OrderShop,
    order_shop,
    taobao_row,
)

# 2024-11-12 10:00 and 2024-11-15 10:00 in Shanghai (UTC+8).
SHIPPED_AT = datetime(2024, 11, 12, 2, 0, tzinfo=UTC)
DELIVERED_AT = datetime(2024, 11, 15, 2, 0, tzinfo=UTC)


def taobao_with_receipt(folder: Path, *rows: tuple[str, ...], name: str = "orders.csv") -> Path:
    """A Taobao export with the 确认收货时间 column (the last cell of each row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow((*TAOBAO_COLUMNS, "确认收货时间"))
    writer.writerows(rows)
    path = folder / name
    path.write_bytes(buffer.getvalue().encode("gbk"))
    return path


def rows(db: Database, sql: str) -> list[tuple]:
    with db.uow() as uow:
        return [tuple(row) for row in uow.session.execute(text(sql))]


def load(shop: OrderShop, path: Path) -> None:
    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"),
                  channel=shop.tmall)


def order(shop: OrderShop, number: str) -> tuple[int, int]:
    """(order id, its first line's id)."""
    return rows(shop.db, "SELECT o.id, l.id FROM orders o JOIN order_lines l "
                         f"ON l.order_id = o.id WHERE o.number = '{number}'")[0]


@pytest.fixture
def shop(tmp_shop: Database, tmp_path: Path) -> OrderShop:
    """Tmall orders TB1 (shipped, receipt confirmed 15 Nov), TB2 (shipped, no receipt yet)
    and TB3 (paid, not shipped)."""
    shop = order_shop(tmp_shop)
    shipped = "2024-11-12 10:00:00"
    load(shop, taobao_with_receipt(
        tmp_path, (*taobao_row("TB1", status=SHIPPED, shipped=shipped), "2024-11-15 10:00:00"),
        (*taobao_row("TB2", status=SHIPPED, shipped=shipped), ""),
        (*taobao_row("TB3", status=PAID), "")))
    return shop


def delivered(shop: OrderShop) -> dict[str, str | None]:
    return dict(rows(shop.db, "SELECT number, delivered_at FROM orders ORDER BY number"))


def test_the_confirmed_receipt_in_a_taobao_file_is_the_orders_delivery(shop: OrderShop):
    assert delivered(shop) == {"TB1": "2024-11-15 02:00:00.000000", "TB2": None, "TB3": None}


def test_a_later_export_fills_the_delivery_an_earlier_one_did_not_have(
        shop: OrderShop, tmp_path: Path):
    # The buyer confirmed receipt: the trade succeeded (交易成功) on the same day.
    load(shop, taobao_with_receipt(tmp_path, (
        *taobao_row("TB2", status="交易成功", shipped="2024-11-12 10:00:00"),
        "2024-11-16 09:00:00"), name="later.csv"))
    assert delivered(shop)["TB2"] == "2024-11-16 01:00:00.000000"


def test_the_window_counts_seven_days_from_the_delivery(shop: OrderShop):
    order_id, line = order(shop, "TB1")
    draft = [ReturnLineDraft(line, 1)]
    with pytest.raises(ValidationError, match=r"7 day\(s\) after delivery ended on 2024-11-22"):
        receive_return(shop.db.uow(), order_id, draft, at=DELIVERED_AT + timedelta(days=8))
    receive_return(shop.db.uow(), order_id, draft, at=DELIVERED_AT + timedelta(days=6))
    assert rows(shop.db, "SELECT count(*) FROM order_returns") == [(1,)]


def test_without_a_delivery_the_window_counts_from_shipping_plus_the_transit_days(
        shop: OrderShop):
    order_id, line = order(shop, "TB2")
    draft = [ReturnLineDraft(line, 1)]
    # 12 Nov + 3 transit days + 7 days: the window ends on 22 November.
    with pytest.raises(ValidationError, match="taken as shipping plus the transit days"):
        receive_return(shop.db.uow(), order_id, draft, at=SHIPPED_AT + timedelta(days=11))
    set_transit_days(shop.db.uow(), shop.tmall, 5)
    receive_return(shop.db.uow(), order_id, draft, at=SHIPPED_AT + timedelta(days=11))
    assert rows(shop.db, "SELECT count(*) FROM order_returns") == [(1,)]


def test_marking_an_order_delivered_moves_its_window(shop: OrderShop):
    order_id, line = order(shop, "TB2")
    changed = mark_delivered(shop.db.uow(), [order_id], at=SHIPPED_AT + timedelta(days=8))
    assert changed.message == "1 order(s) delivered: TB2"
    receive_return(shop.db.uow(), order_id, [ReturnLineDraft(line, 1)],
                   at=SHIPPED_AT + timedelta(days=14))
    assert rows(shop.db, "SELECT count(*) FROM order_returns") == [(1,)]


@pytest.mark.parametrize(("numbers", "at", "refusal"), [
    (("TB3",), DELIVERED_AT, "TB3 has not shipped"),
    (("TB1",), DELIVERED_AT, "TB1 was already delivered on 2024-11-15"),
    (("TB2",), SHIPPED_AT - timedelta(hours=1), "TB2 shipped on 2024-11-12"),
    (("TB2", "TB3"), DELIVERED_AT, "TB3 has not shipped"),  # all or none
])
def test_marking_delivered_is_refused_and_writes_nothing(
        shop: OrderShop, numbers: tuple[str, ...], at: datetime, refusal: str):
    ids = [order(shop, number)[0] for number in numbers]
    before = delivered(shop)
    with pytest.raises(ValidationError, match=refusal):
        mark_delivered(shop.db.uow(), ids, at=at)
    assert delivered(shop) == before


@pytest.mark.parametrize("days", [0, 61, True, "3"])
def test_transit_days_outside_one_to_sixty_are_refused(shop: OrderShop, days: object):
    with pytest.raises(ValidationError, match="is not a number of days from 1 to 60"):
        set_transit_days(shop.db.uow(), shop.tmall, days)  # type: ignore[arg-type]
    assert rows(shop.db, "SELECT DISTINCT transit_days FROM channels") == [(3,)]
