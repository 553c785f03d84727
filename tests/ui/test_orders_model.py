"""OrdersTableModel: a lazy, paging table model over the orders query."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.models import OrderStatus
from ecdesk.services.common.page import Page
from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import count_orders, list_orders
from ecdesk.views.orders.orders_model import COLUMNS, PAGE_SIZE, STATUS_COLOURS, OrdersTableModel
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.order_fixtures import SmallShop, bulk_orders
from tests.ui.order_shop import opened_order_shop

COLUMN = {key: number for number, (_header, key, _right) in enumerate(COLUMNS)}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def order_shop(qapp: object, tmp_path: Path) -> Iterator[tuple[SmallShop, ShopContext]]:
    with opened_order_shop(tmp_path / "orders.ecdesk") as opened:
        yield opened


def row(number: int, **fields: object) -> OrderRow:
    values: dict[str, object] = {
        "id": number, "channel": "Tmall 天猫", "number": f"TM-{number}",
        "ordered_at": datetime(2026, 3, 1, 15, 59, tzinfo=UTC), "status": OrderStatus.PAID,
        "customer_name": "王伟", "currency": "CNY", "lines": 2, "units": 3,
        "total": Decimal("1234.5")}
    values.update(fields)
    return OrderRow(**values)  # type: ignore[arg-type]


class FakeLoader:
    """Pages out of a list of rows, recording each call; never counts (like the page does)."""

    def __init__(self, rows: list[OrderRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[OrderQuery, int, int]] = []

    def __call__(self, query: OrderQuery, offset: int, limit: int) -> Page[OrderRow]:
        self.calls.append((query, offset, limit))
        return Page(self.rows[offset:offset + limit], None,
                    has_more=offset + limit < len(self.rows))


def loaded_model(rows: list[OrderRow]) -> tuple[OrdersTableModel, FakeLoader]:
    loader = FakeLoader(rows)
    model = OrdersTableModel(loader, SHANGHAI)
    model.set_query(OrderQuery())
    return model, loader


def cell(model: OrdersTableModel, key: str, role: int = Qt.ItemDataRole.DisplayRole,
         line: int = 0) -> object:
    return model.data(model.index(line, COLUMN[key]), role)


@pytest.mark.qt_log_level_fail("WARNING")
def test_the_model_passes_the_model_testers_through_paging_and_sorting(
        order_shop: tuple[SmallShop, ShopContext], qtmodeltester: ModelTester) -> None:
    shop, context = order_shop
    bulk_orders(shop, 600)
    model = OrdersTableModel(
        lambda q, offset, limit: list_orders(context.uow(), q, offset=offset, limit=limit,
                                             count=False),
        SHANGHAI, counter=lambda q: count_orders(context.uow(), q))
    # Qt's C++ tester watches every reset and insert; it must not fetch more itself (it would
    # see its own inserts as inserts during a reset: a false positive for any lazy model).
    watcher = QAbstractItemModelTester(model,
                                       QAbstractItemModelTester.FailureReportingMode.Warning)
    watcher.setUseFetchMore(False)
    model.set_query(OrderQuery())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 600
    model.sort(COLUMN["total"], Qt.SortOrder.DescendingOrder)
    totals = [model.row_at(n).total for n in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True) and model.rowCount() == PAGE_SIZE
    qtmodeltester.check(model, force_py=True)  # pytest-qt's checks, paging included
    assert model.rowCount() > PAGE_SIZE


def test_a_cell_shows_the_shops_wall_clock_the_status_and_the_total_with_its_currency() -> None:
    model, _loader = loaded_model([row(1), row(2, status=OrderStatus.REFUNDED)])
    assert cell(model, "date") == "3/1/2026 11:59\u202fPM"  # 15:59 UTC in Shanghai
    assert cell(model, "total") == "CN¥1,234.50"
    assert cell(model, "total", Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(model, "units", Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(model, "number", Qt.ItemDataRole.TextAlignmentRole) is None
    assert (cell(model, "status"), cell(model, "status", line=1)) == ("Paid", "Refunded")
    assert cell(model, "status", Qt.ItemDataRole.ForegroundRole, line=1) == (
        STATUS_COLOURS["refunded"])
    assert cell(model, "lines") == "2" and cell(model, "customer") == "王伟"
    assert cell(model, "channel", Qt.ItemDataRole.UserRole) == 1
    assert model.headerData(COLUMN["total"], Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    model.zone = ZoneInfo("UTC")
    assert cell(model, "date") == "3/1/2026 3:59\u202fPM"


def test_rows_arrive_a_page_at_a_time_and_stop_at_the_end() -> None:
    model, loader = loaded_model([row(n) for n in range(PAGE_SIZE + 10)])
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE + 10 and not model.canFetchMore(QModelIndex())
    assert [offset for _query, offset, _limit in loader.calls] == [0, PAGE_SIZE]
    assert model.row_of(PAGE_SIZE + 3) == PAGE_SIZE + 3 and model.row_of(9999) is None


def test_a_sort_before_the_first_load_is_only_remembered() -> None:
    loader = FakeLoader([row(1)])
    model = OrdersTableModel(loader, SHANGHAI)
    model.sort(COLUMN["customer"], Qt.SortOrder.AscendingOrder)
    assert loader.calls == []
    model.reload()
    assert loader.calls[0][0] == OrderQuery(sort="customer", descending=False)


def test_clicking_a_header_asks_the_service_for_that_order(qtbot: QtBot) -> None:
    model, loader = loaded_model([row(1)])
    model.sort(COLUMN["units"], Qt.SortOrder.AscendingOrder)
    assert loader.calls[-1][0] == OrderQuery(sort="units", descending=False)
    calls = len(loader.calls)
    model.sort(COLUMN["units"], Qt.SortOrder.AscendingOrder)  # the same order: no reload
    model.sort(99, Qt.SortOrder.AscendingOrder)  # no such column
    assert len(loader.calls) == calls


def test_the_count_arrives_from_a_worker_and_a_stale_count_is_dropped(qtbot: QtBot) -> None:
    counted: list[OrderQuery] = []

    def counter(query: OrderQuery) -> int:
        counted.append(query)
        return 42 if query.search == "" else 7

    model = OrdersTableModel(FakeLoader([row(1)]), SHANGHAI, counter=counter)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_query(OrderQuery())
    assert not model.total_known and model.total == 1
    model.set_query(OrderQuery(search="王"))
    qtbot.waitUntil(lambda: model.total_known, timeout=5000)
    assert model.total == 7 and totals[-1] == 7
    qtbot.waitUntil(lambda: len(counted) == 2, timeout=5000)
    qtbot.wait(100)
    assert model.total == 7  # the first query's 42 came late and was not taken
