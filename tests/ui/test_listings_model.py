"""ListingsTableModel: a lazy, paging table model over the catalog query."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.services.catalog.dto import Choice, ListingCell, VariantQuery, VariantRow
from ecdesk.services.catalog.queries import count_matching, list_variants
from ecdesk.services.common.page import Page
from ecdesk.services.pricing.margin import (
    ChannelFees,
    MarginStatus,
    margin_before_fees,
    margin_status,
)
from ecdesk.views.catalog.listings_model import (
    BASE_COLUMNS,
    MUTED_COLOUR,
    PAGE_SIZE,
    WARNING_COLOUR,
    ListingsTableModel,
)
from ecdesk.views.shell.shop_context import ShopContext

REPO_ROOT = Path(__file__).resolve().parents[2]
COLUMN = {header: number for number, (header, _key, _value) in enumerate(BASE_COLUMNS)}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CHANNELS = [Choice(1, "天猫 Tmall"), Choice(2, "JD")]


def make_row(number: int, *, price: str = "20.00", cost: str = "8.00",
             listings: dict[int, ListingCell] | None = None, min_margin: str = "0.25"
             ) -> VariantRow:
    """A row as the catalog service makes it: its margin judged by the pricing module."""
    price_, cost_, minimum = Decimal(price), Decimal(cost), Decimal(min_margin)
    margin = margin_before_fees(price_, cost_)
    return VariantRow(
        variant_id=number, product_id=1000 + number // 3, title=f"Product {number:04d} 产品",
        sku=f"SYN-{number:04d}", options="Black / M", status="active",
        category="Clothing > T-shirts", price=price_, cost=cost_, margin=margin,
        margin_status=margin_status(margin, cost_, minimum), min_margin=minimum,
        stock=number % 17, barcode=None, listings=listings or {})


def make_cell(channel_id: int, status: str, price: str, own_price: bool, item_id: str | None,
              *, cost: str = "8.00", commission: str = "0.05") -> ListingCell:
    """A listing as the catalog service makes it (it judges its margin after the fees)."""
    return ListingCell(channel_id, status, Decimal(price), own_price, item_id, Decimal(cost),
                       ChannelFees(Decimal(commission)), Decimal("0.25"))


class FakeLoader:
    """Pages out of a list of rows, recording every call (query, offset, limit)."""

    def __init__(self, rows: list[VariantRow], counted: bool = True) -> None:
        self.rows = rows
        self.counted = counted
        self.calls: list[tuple[VariantQuery, int, int]] = []

    def __call__(self, query: VariantQuery, offset: int, limit: int) -> Page[VariantRow]:
        self.calls.append((query, offset, limit))
        rows = self.rows[offset:offset + limit]
        return Page(rows, len(self.rows) if self.counted else None,
                    has_more=offset + limit < len(self.rows))

    @property
    def queries(self) -> list[VariantQuery]:
        return [query for query, _offset, _limit in self.calls]


_ALIVE: list[ListingsTableModel] = []


@pytest.fixture(autouse=True)
def _models_outlive_their_counts() -> Iterator[None]:
    """Counts run on worker threads; a model deleted while one is on its way can crash the
    process (see the xfail test at the end). Keep every model until the workers are done."""
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)
    _ALIVE.clear()


def kept(model: ListingsTableModel) -> ListingsTableModel:
    _ALIVE.append(model)
    return model


def model_over(rows: list[VariantRow], *, channels: list[Choice] | None = None,
               counted: bool = True) -> tuple[ListingsTableModel, FakeLoader]:
    loader = FakeLoader(rows, counted)
    model = ListingsTableModel(loader, channels or [], counter=lambda _query: len(rows))
    return kept(model), loader


def cell(model: ListingsTableModel, row: int, column: int,
         role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


# -- the model contract -------------------------------------------------------------------------
def demo_model(context: ShopContext) -> ListingsTableModel:
    def load(query: VariantQuery, offset: int, limit: int) -> Page[VariantRow]:
        return list_variants(context.uow(), query, offset=offset, limit=limit, count=False)

    return kept(ListingsTableModel(load, CHANNELS,
                                   counter=lambda query: count_matching(context.uow(), query)))


def test_the_model_passes_the_python_model_tester_on_the_demo_shop(
        qtbot: QtBot, context: ShopContext, qtmodeltester: ModelTester) -> None:
    model = demo_model(context)
    model.set_query(VariantQuery())
    qtbot.waitUntil(lambda: model.total_known)
    assert model.rowCount() == PAGE_SIZE
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > PAGE_SIZE  # the tester fetched the next page through fetchMore
    model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total == 754


def qt_model_tester(model: ListingsTableModel, *, use_fetch_more: bool) -> QAbstractItemModelTester:
    """Qt's C++ tester; it reports through Qt warnings, which `qt_log_level_fail` turns into
    failures. While it watches resets it must not call fetchMore itself: it runs its checks
    from modelReset before it has noted the reset as finished, and would then see its own
    inserts as inserts during a reset (a false positive for every lazy model)."""
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning)
    tester.setUseFetchMore(use_fetch_more)
    return tester


@pytest.mark.qt_log_level_fail("WARNING")
def test_the_model_passes_qts_model_tester_through_loading_sorting_and_paging(
        qtbot: QtBot, context: ShopContext) -> None:
    model = demo_model(context)
    watching = qt_model_tester(model, use_fetch_more=False)
    model.set_query(VariantQuery())
    qtbot.waitUntil(lambda: model.total_known)
    model.sort(COLUMN["Price"], Qt.SortOrder.DescendingOrder)
    model.sort(len(BASE_COLUMNS) + 1, Qt.SortOrder.AscendingOrder)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.set_query(VariantQuery(search="保温杯"))
    model.reload(channels=[])
    assert (model.rowCount(), model.total, model.columnCount()) == (52, 52, len(BASE_COLUMNS))
    assert watching.model() is model


@pytest.mark.qt_log_level_fail("WARNING")
def test_the_model_passes_the_model_testers_on_an_empty_shop(
        empty_context: ShopContext, qtmodeltester: ModelTester) -> None:
    def load(query: VariantQuery, offset: int, limit: int) -> Page[VariantRow]:
        return list_variants(empty_context.uow(), query, offset=offset, limit=limit)

    model = ListingsTableModel(load, [])
    tester = qt_model_tester(model, use_fetch_more=False)
    model.set_query(VariantQuery())
    qtmodeltester.check(model, force_py=True)
    model.reload(channels=[Choice(1, "Tmall")])
    assert (model.rowCount(), model.total, model.canFetchMore(QModelIndex())) == (0, 0, False)
    assert model.columnCount() == len(BASE_COLUMNS) + 1
    assert tester.model() is model


def test_the_model_is_empty_before_the_first_load(qapp: Any) -> None:
    model, loader = model_over([make_row(1)])
    assert (model.rowCount(), model.total, model.canFetchMore(QModelIndex())) == (0, 0, False)
    assert loader.calls == []


# -- paging -------------------------------------------------------------------------------------
@pytest.mark.parametrize("counted", [True, False], ids=["total-known", "total-unknown"])
def test_fetch_more_loads_the_next_page_until_all_600_rows_are_in(qapp: Any,
                                                                  counted: bool) -> None:
    rows = [make_row(n) for n in range(600)]
    model, loader = model_over(rows, counted=counted)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))

    model.set_query(VariantQuery())
    loaded = [model.rowCount()]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        loaded.append(model.rowCount())

    assert loaded == [256, 512, 600]
    assert inserted == [(256, 511), (512, 599)]
    assert [offset for _query, offset, _limit in loader.calls] == [0, 256, 512]
    assert {limit for _query, _offset, limit in loader.calls} == {PAGE_SIZE}
    assert [cell(model, r, COLUMN["SKU"]) for r in (0, 255, 256, 599)] == [
        "SYN-0000", "SYN-0255", "SYN-0256", "SYN-0599"]
    assert cell(model, 600, COLUMN["SKU"]) is None


def test_a_page_that_fills_exactly_stops_fetching(qapp: Any) -> None:
    model, loader = model_over([make_row(n) for n in range(2 * PAGE_SIZE)], counted=False)
    model.set_query(VariantQuery())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert not model.canFetchMore(QModelIndex())
    assert len(loader.calls) == 2


def test_fetch_more_stops_asking_when_the_shop_shrank_under_it(qapp: Any) -> None:
    model, loader = model_over([make_row(n) for n in range(300)], counted=False)
    model.set_query(VariantQuery())
    loader.rows = loader.rows[:100]  # rows were archived elsewhere
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_args: inserted.append(1))
    model.fetchMore(QModelIndex())
    assert (model.rowCount(), inserted, model.canFetchMore(QModelIndex())) == (256, [], False)


def test_a_table_model_has_no_children_below_a_valid_parent(qapp: Any) -> None:
    model, _loader = model_over([make_row(n) for n in range(300)])
    model.set_query(VariantQuery())
    parent = model.index(0, 0)
    assert (model.rowCount(parent), model.columnCount(parent)) == (0, 0)
    assert not model.canFetchMore(parent)
    model.fetchMore(parent)
    assert model.rowCount() == PAGE_SIZE


# -- sorting ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "key"), [
    ("Product", "title"), ("SKU", "sku"), ("Options", "options"), ("Status", "status"),
    ("Category", "category"), ("Price", "price"), ("Cost", "cost"), ("Margin", "margin"),
    ("Stock", "stock")])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sort_asks_the_loader_for_the_column_key_and_direction(
        qapp: Any, header: str, key: str, order: Qt.SortOrder) -> None:
    model, loader = model_over([make_row(n) for n in range(5)])
    model.set_query(VariantQuery(search="tee"))
    model.sort(COLUMN[header], order)
    query = loader.queries[-1]
    if (key, order) == ("title", Qt.SortOrder.AscendingOrder):  # the order it already had
        assert len(loader.calls) == 1
    else:
        assert len(loader.calls) == 2
    assert (query.sort, query.descending) == (key, order == Qt.SortOrder.DescendingOrder)
    assert query.search == "tee"  # sorting keeps the filters


def test_sorting_by_a_channel_column_sorts_by_that_channel(qapp: Any) -> None:
    model, loader = model_over([make_row(n) for n in range(5)], channels=CHANNELS)
    model.set_query(VariantQuery())
    model.sort(len(BASE_COLUMNS) + 1, Qt.SortOrder.DescendingOrder)
    assert (loader.queries[-1].sort, loader.queries[-1].descending) == ("channel:2", True)
    model.sort(len(BASE_COLUMNS) + 5)  # no such column: nothing happens
    assert len(loader.calls) == 2


def test_sort_before_the_first_load_only_records_the_order(qapp: Any) -> None:
    model, loader = model_over([make_row(n) for n in range(5)])
    model.sort(COLUMN["Stock"], Qt.SortOrder.DescendingOrder)
    assert loader.calls == []
    model.set_query(model.query)
    assert (loader.queries[0].sort, loader.queries[0].descending) == ("stock", True)


def test_a_new_sort_starts_again_from_the_first_page(qapp: Any) -> None:
    model, loader = model_over([make_row(n) for n in range(600)])
    model.set_query(VariantQuery())
    model.fetchMore(QModelIndex())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.sort(COLUMN["SKU"], Qt.SortOrder.DescendingOrder)
    assert (resets, model.rowCount(), loader.calls[-1][1]) == ([1], PAGE_SIZE, 0)


# -- cells --------------------------------------------------------------------------------------
def test_cells_show_the_row_values_in_the_column_order(qapp: Any) -> None:
    model, _loader = model_over([make_row(7, price="1234.5", cost="99")])
    model.set_query(VariantQuery())
    shown = [cell(model, 0, column) for column in range(len(BASE_COLUMNS))]
    assert shown == ["Product 0007 产品", "SYN-0007", "Black / M", "Active",
                     "Clothing > T-shirts", "1,234.50", "99.00", "92.0%", "7"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(BASE_COLUMNS))] \
        == [header for header, _key, _value in BASE_COLUMNS]
    assert cell(model, 0, 0, Qt.ItemDataRole.UserRole) == 7


@pytest.mark.parametrize("role", [
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.UserRole + 5])
def test_data_returns_none_for_roles_it_does_not_serve(qapp: Any, role: int) -> None:
    model, _loader = model_over([make_row(1)], channels=CHANNELS)
    model.set_query(VariantQuery())
    assert all(model.data(model.index(0, c), role) is None for c in range(model.columnCount()))


def test_data_returns_none_outside_the_rows(qapp: Any) -> None:
    model, _loader = model_over([make_row(1)])
    model.set_query(VariantQuery())
    assert model.data(QModelIndex()) is None
    assert model.data(model.createIndex(5, 0)) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(99, Qt.Orientation.Horizontal) is None


def test_numbers_are_right_aligned_and_text_is_not(qapp: Any) -> None:
    model, _loader = model_over([make_row(1)], channels=CHANNELS)
    model.set_query(VariantQuery())
    aligned = {header for header, column in COLUMN.items()
               if cell(model, 0, column, Qt.ItemDataRole.TextAlignmentRole) == RIGHT}
    assert aligned == {"Price", "Cost", "Margin", "Stock"}
    for column in ("Product", "SKU", "Options", "Status", "Category"):
        assert cell(model, 0, COLUMN[column], Qt.ItemDataRole.TextAlignmentRole) is None


def test_a_price_below_cost_shows_the_warning_colour_and_says_why(qapp: Any) -> None:
    model, _loader = model_over([make_row(1, price="10.00", cost="12.00"), make_row(2)])
    model.set_query(VariantQuery())
    for column in (COLUMN["Price"], COLUMN["Margin"]):
        assert cell(model, 0, column, Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
        assert cell(model, 0, column, Qt.ItemDataRole.ToolTipRole) == "Price is below cost"
        assert cell(model, 1, column, Qt.ItemDataRole.ForegroundRole) is None
        assert cell(model, 1, column, Qt.ItemDataRole.ToolTipRole) is None
    assert cell(model, 0, COLUMN["Cost"], Qt.ItemDataRole.ForegroundRole) is None
    assert cell(model, 0, COLUMN["Margin"]) == "-20.0%"


def test_a_margin_under_the_shop_minimum_is_flagged_with_the_minimum(qapp: Any) -> None:
    model, loader = model_over([make_row(1, price="10.00", cost="8.00", min_margin="0.25")])
    model.set_query(VariantQuery())
    assert cell(model, 0, COLUMN["Margin"], Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
    assert cell(model, 0, COLUMN["Price"], Qt.ItemDataRole.ToolTipRole) == (
        "Margin is under the shop minimum of 25.0%")
    loader.rows = [make_row(1, price="10.00", cost="8.00", min_margin="0.10")]
    model.reload()
    assert cell(model, 0, COLUMN["Margin"], Qt.ItemDataRole.ForegroundRole) is None


def test_the_model_shows_the_status_the_row_brings_and_judges_nothing_itself(qapp: Any) -> None:
    judged_ok = dataclasses.replace(make_row(1, price="10.00", cost="9.00"),
                                    margin_status=MarginStatus.OK)
    model, _loader = model_over([judged_ok])
    model.set_query(VariantQuery())
    assert cell(model, 0, COLUMN["Margin"], Qt.ItemDataRole.ForegroundRole) is None
    assert cell(model, 0, COLUMN["Margin"], Qt.ItemDataRole.ToolTipRole) is None


def test_a_listing_thin_after_its_channels_fees_is_flagged_with_the_minimum(qapp: Any) -> None:
    # 11.00 - 8.00 - 5 % fee (0.55) = 2.45: 22.3 % after fees (27.3 % before)
    thin = make_cell(1, "listed", "11.00", True, "TM-1")
    below_cost = make_cell(2, "listed", "8.20", True, None)  # 8.20 - 0.41 is under 8.00
    model, _loader = model_over([make_row(1, listings={1: thin, 2: below_cost})],
                                channels=CHANNELS)
    model.set_query(VariantQuery())
    first_channel = len(BASE_COLUMNS)
    assert (thin.margin_status, below_cost.margin_status) == (MarginStatus.THIN,
                                                              MarginStatus.NEGATIVE)
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ToolTipRole) == (
        "Channel item id: TM-1\n"
        "Margin after the channel's fees is under the shop minimum of 25.0%")
    assert cell(model, 0, first_channel + 1, Qt.ItemDataRole.ToolTipRole) == (
        "Price after the channel's fees is below cost")
    assert cell(model, 0, COLUMN["Margin"], Qt.ItemDataRole.ForegroundRole) is None  # 60 %


def test_a_paused_listing_is_muted_and_not_flagged_for_its_margin(qapp: Any) -> None:
    paused = make_cell(1, "paused", "8.20", True, None)
    model, _loader = model_over([make_row(1, listings={1: paused})], channels=CHANNELS)
    model.set_query(VariantQuery())
    first_channel = len(BASE_COLUMNS)
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ForegroundRole) == MUTED_COLOUR
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ToolTipRole) is None


def test_a_free_item_with_no_cost_is_not_flagged(qapp: Any) -> None:
    model, _loader = model_over([make_row(1, price="0.00", cost="0.00")])
    model.set_query(VariantQuery())
    assert cell(model, 0, COLUMN["Margin"]) == ""
    assert cell(model, 0, COLUMN["Price"], Qt.ItemDataRole.ForegroundRole) is None


def test_title_and_category_carry_their_full_text_as_tooltips(qapp: Any) -> None:
    model, _loader = model_over([make_row(3)])
    model.set_query(VariantQuery())
    assert cell(model, 0, COLUMN["Product"], Qt.ItemDataRole.ToolTipRole) == "Product 0003 产品"
    assert cell(model, 0, COLUMN["Category"], Qt.ItemDataRole.ToolTipRole) == (
        "Clothing > T-shirts")


def test_each_channel_gets_a_column_showing_status_and_price(qapp: Any) -> None:
    listed = make_cell(1, "listed", "12.50", True, "TM-778899")
    paused = make_cell(2, "paused", "19.90", False, None)
    model, _loader = model_over([make_row(1, listings={1: listed, 2: paused}), make_row(2)],
                                channels=CHANNELS)
    model.set_query(VariantQuery())
    first_channel = len(BASE_COLUMNS)

    assert model.columnCount() == len(BASE_COLUMNS) + 2
    assert [model.headerData(first_channel + i, Qt.Orientation.Horizontal) for i in (0, 1)] == [
        "天猫 Tmall", "JD"]
    assert cell(model, 0, first_channel) == "Listed · 12.50"
    assert cell(model, 0, first_channel + 1) == "Paused · 19.90"
    assert cell(model, 1, first_channel) == "—"
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ToolTipRole) == (
        "Channel item id: TM-778899")
    assert cell(model, 0, first_channel + 1, Qt.ItemDataRole.ToolTipRole) is None
    assert cell(model, 0, first_channel, Qt.ItemDataRole.ForegroundRole) is None
    assert cell(model, 0, first_channel + 1, Qt.ItemDataRole.ForegroundRole) == MUTED_COLOUR
    assert cell(model, 1, first_channel, Qt.ItemDataRole.ForegroundRole) == MUTED_COLOUR
    assert cell(model, 0, first_channel, Qt.ItemDataRole.TextAlignmentRole) is None


def test_reloading_with_other_channels_changes_the_columns(qapp: Any) -> None:
    model, loader = model_over([make_row(1)], channels=CHANNELS)
    model.set_query(VariantQuery(search="x"))
    model.reload(channels=[Choice(9, "Shopify")])
    assert model.columnCount() == len(BASE_COLUMNS) + 1
    assert model.headerData(len(BASE_COLUMNS), Qt.Orientation.Horizontal) == "Shopify"
    assert loader.queries[-1].search == "x"  # a reload keeps the query


# -- counting -----------------------------------------------------------------------------------
def test_an_uncounted_first_page_is_counted_in_the_background(qtbot: QtBot) -> None:
    model, _loader = model_over([make_row(n) for n in range(600)], counted=False)
    with qtbot.waitSignal(model.total_changed, timeout=2000) as blocker:
        model.set_query(VariantQuery())
        assert not model.total_known
        assert model.total == PAGE_SIZE  # until counted: the rows loaded so far
    assert blocker.args == [600]
    assert (model.total_known, model.total) == (True, 600)


def test_a_count_for_a_query_the_user_has_typed_past_is_dropped(qtbot: QtBot) -> None:
    totals = {"a": 111, "ab": 7}
    counted: list[str] = []

    def count(query: VariantQuery) -> int:
        counted.append(query.search)
        return totals[query.search]

    loader = FakeLoader([make_row(n) for n in range(10)], counted=False)
    model = kept(ListingsTableModel(loader, [], counter=count))
    announced: list[int] = []
    model.total_changed.connect(announced.append)
    model.set_query(VariantQuery(search="a"))
    model.set_query(VariantQuery(search="ab"))
    qtbot.waitUntil(lambda: model.total_known and sorted(counted) == ["a", "ab"], timeout=3000)
    qtbot.wait(20)  # the count of "a" may arrive last: it must change nothing
    assert (model.total, announced) == (7, [7])


def test_a_failing_count_leaves_the_total_unknown_and_the_rows_shown(qtbot: QtBot) -> None:
    def count(_query: VariantQuery) -> int:
        raise RuntimeError("database is locked")

    loader = FakeLoader([make_row(n) for n in range(300)], counted=False)
    model = kept(ListingsTableModel(loader, [], counter=count))
    model.set_query(VariantQuery())
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)
    assert (model.rowCount(), model.total_known, model.total) == (PAGE_SIZE, False, PAGE_SIZE)


RACE = """
import threading
import time
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.common.page import Page
from ecdesk.views.catalog.listings_model import ListingsTableModel

app = QCoreApplication([])
counted = threading.Event()

def count(query):
    counted.set()  # the worker is about to report the total
    return 5

deadline = time.monotonic() + 8
for i in range(2000):
    counted.clear()
    model = ListingsTableModel(lambda q, o, n: Page([], None), [], counter=count)
    model.set_query(VariantQuery(search=str(i)))
    counted.wait(1)
    model.deleteLater()  # its page closes (File > Open, a new window) as the count reports
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if time.monotonic() > deadline:
        break
QThreadPool.globalInstance().waitForDone()
print("survived")
"""


def test_closing_a_page_while_its_rows_are_counted_does_not_crash(qapp: Any) -> None:
    result = subprocess.run([sys.executable, "-X", "faulthandler", "-c", RACE], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "survived"), result.stderr[-2000:]
