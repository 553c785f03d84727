"""The Dashboard page on a copy of the demo shop: tiles, chart, tables, period and channel
choices, and the refresh after a write elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ecdesk.models import Channel, OrderStatus, Variant
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.views.dashboard.dashboard_page import DashboardPage
from ecdesk.views.dashboard.dashboard_tiles import change_text
from ecdesk.views.shell.shop_context import ShopContext


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> DashboardPage:
    page = DashboardPage(context)
    qtbot.addWidget(page, before_close_func=lambda p: qtbot.waitUntil(lambda: not p.computing))
    page.resize(1300, 900)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.board is not None and not page.computing, timeout=20_000)
    return page


def _tile_values(page: DashboardPage) -> dict[str, str]:
    assert page.board is not None
    return {tile.key: tile.value for tile in page.board.tiles}


def test_the_dashboard_shows_every_figure_with_its_change(page: DashboardPage) -> None:
    assert page.board is not None
    keys = [tile.key for tile in page.board.tiles]
    assert keys[:9] == ["sales", "orders", "aov", "margin", "margin_rate", "refunds", "units",
                        "repeat_rate", "alerts"]
    shown = [(w.label.text(), w.value.text()) for w in page._tiles]
    assert shown[0] == ("Sales (GMV)", page.board.tiles[0].value)
    assert page._canvas is not None and page._canvas.isVisible()
    assert page.channels.rowCount() == len(page.board.channels)
    assert page.top.rowCount() == len(page.board.top_skus)
    assert "updated" in page.status.text()


def test_choosing_a_channel_and_a_period_recomputes(qtbot: QtBot, page: DashboardPage) -> None:
    page.channel.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.computing and page.board is not None
                    and page.board.scope.channel_id == page.channel.currentData(),
                    timeout=20_000)
    page.period.setCurrentIndex(page.period.findText("Last 12 months"))
    qtbot.waitUntil(lambda: not page.computing and page.board is not None
                    and page.board.scope.period.days >= 365, timeout=20_000)
    assert page.board.weekly
    assert page._chart_box.title() == "Sales and gross margin by week"


def test_an_order_entered_elsewhere_refreshes_the_figures(qtbot: QtBot, page: DashboardPage,
                                                          context: ShopContext) -> None:
    before = page.board
    with context.uow() as uow:
        sku = uow.session.scalar(select(Variant.sku).order_by(Variant.id).limit(1))
        channel_id = uow.session.scalar(select(Channel.id).where(Channel.currency == "CNY"))
    change = context.write(page, record_order, OrderDraft(
        channel_id=channel_id, number="DASH-1", ordered_at=datetime.now(UTC),
        status=OrderStatus.PAID, lines=(OrderLineDraft(sku, 1, "1000.00"),)))
    assert change is not None
    qtbot.waitUntil(lambda: page.board is not before and not page.computing, timeout=20_000)
    assert page.board is not None and before is not None
    assert _tile_values(page)["orders"] != _tile_values_of(before)["orders"]


def _tile_values_of(board: object) -> dict[str, str]:
    return {tile.key: tile.value for tile in board.tiles}  # type: ignore[attr-defined]


def test_a_change_is_green_when_it_moves_the_good_way() -> None:
    from decimal import Decimal

    from ecdesk.services.dashboard.model import Tile
    from ecdesk.views.dashboard.dashboard_tiles import BAD, GOOD

    assert change_text(Tile("s", "Sales", "1", Decimal("0.125"))) == (
        "▲ 12.5% on the previous period", GOOD)
    assert change_text(Tile("r", "Refunds", "1", Decimal("0.5"), better_when_higher=False))[1] \
        == BAD
    assert change_text(Tile("o", "Orders", "1", None))[0] == ""
    assert change_text(Tile("m", "Margin rate", "1", Decimal("-0.022"), in_points=True)) == (
        "▼ 2.2 pts on the previous period", BAD)


def test_the_updated_time_is_shop_time_and_says_so_when_the_computers_clock_differs(
        qtbot: QtBot, page: DashboardPage, context: ShopContext,
        computer_in: Callable[[str], None]) -> None:
    computer_in("Europe/Berlin")  # 13:38 there, 20:38 in the demo shop's Shanghai
    context.clock.set_source(lambda: datetime(2026, 12, 7, 12, 38, tzinfo=UTC))
    board = page.board
    page.refresh()
    qtbot.waitUntil(lambda: page.board is not board and not page.computing, timeout=20_000)
    assert page.status.text().endswith("updated 8:38\u202fPM shop time")


def test_a_new_shop_day_moves_the_period_to_end_today(
        qtbot: QtBot, page: DashboardPage, context: ShopContext) -> None:
    moment = [datetime(2026, 12, 7, 15, 59, 30, tzinfo=UTC)]  # 23:59:30 in Shanghai
    context.clock.set_source(lambda: moment[0])
    board = page.board
    moment[0] += timedelta(minutes=1)
    context.clock.check()
    qtbot.waitUntil(lambda: page.board is not board and not page.computing, timeout=20_000)
    assert page.board is not None and page.board.scope.period.last == date(2026, 12, 8)
