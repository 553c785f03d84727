"""The Alerts page on copies of the demo shop: table model, count on the navigation item,
filters, acknowledging, snoozing and showing again, refresh after writes elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.db import open_database
from ecdesk.models import MovementKind
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_dto import AlertKind, Severity
from ecdesk.services.stock.commands import adjust_stock
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.alerts_page import START_DELAY_MS, AlertsPage, detail_html
from ecdesk.views.stock.alerts_page_model import COLUMNS, STATE_COLUMN, AlertsTableModel
from ecdesk.views.stock.alerts_page_snooze import SnoozeDialog
from ecdesk.views.widgets.locale_format import time_of_day

SHANGHAI = ZoneInfo("Asia/Shanghai")
Sql = Callable[..., list[Any]]


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> AlertsPage:
    """The Alerts page on the demo shop, shown and computed."""
    page = AlertsPage(context)
    qtbot.addWidget(page, before_close_func=lambda p: qtbot.waitUntil(lambda: not p.computing))
    page.resize(1400, 800)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.report is not None and not page.computing, timeout=10_000)
    return page


def rows_of(page: AlertsPage) -> list[tuple[str, AlertKind]]:
    return [(a.sku, a.kind) for a in page.model.alerts]


def cell(page: AlertsPage, row: int, header: str) -> str:
    column = [c[0] for c in COLUMNS].index(header)
    return str(page.model.data(page.model.index(row, column)))


def wait_recomputed(qtbot: QtBot, page: AlertsPage, before: object) -> None:
    qtbot.waitUntil(lambda: page.report is not before and not page.computing, timeout=10_000)


# -- the model ----------------------------------------------------------------------------------

def test_the_alerts_model_passes_the_model_tester(context: ShopContext,
                                                   qtmodeltester: ModelTester) -> None:
    model = AlertsTableModel(SHANGHAI)
    model.set_alerts(compute_alerts(context.uow()).alerts)
    assert model.rowCount() > 100
    qtmodeltester.check(model, force_py=True)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_the_table_shows_the_most_severe_first_with_reason_and_numbers(page: AlertsPage) -> None:
    report = page.report
    assert report is not None
    assert page.model.rowCount() == len(report.open_alerts) > 0
    assert rows_of(page) == [(a.sku, a.kind) for a in report.open_alerts]
    first = page.model.alert_at(0)
    assert first is not None and first.severity == Severity.CRITICAL
    assert cell(page, 0, "Severity") == "Critical"
    assert cell(page, 0, "Reason") == first.reason
    assert cell(page, 0, "Available") == f"{first.figures.available:,}".replace("-", "\u2212")
    colour = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == "#b3261e"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert page.table.isColumnHidden(STATE_COLUMN)


def test_clicking_a_header_sorts_and_the_selection_follows_its_alert(
        qtbot: QtBot, page: AlertsPage) -> None:
    page.select_rows(0)
    chosen = page.selected_alerts()
    page.table.sortByColumn([c[0] for c in COLUMNS].index("Available"),
                            Qt.SortOrder.DescendingOrder)
    available = [a.figures.available for a in page.model.alerts]
    assert available == sorted(available, reverse=True)
    assert page.selected_alerts() == chosen


def test_the_status_line_counts_alerts_by_severity(page: AlertsPage) -> None:
    counts = page.report.open_counts  # type: ignore[union-attr]
    text = page.status.text()
    assert text.startswith(f"{page.model.rowCount():,} shown · {counts[Severity.CRITICAL]:,} "
                           f"critical, {counts[Severity.WARNING]:,} warnings, "
                           f"{counts[Severity.INFO]:,} for information")


def test_filters_narrow_the_table_by_severity_kind_and_text(page: AlertsPage) -> None:
    page.severity_filter.setCurrentIndex(page.severity_filter.findText("Critical"))
    assert {a.severity for a in page.model.alerts} == {Severity.CRITICAL}
    page.severity_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(AlertKind.DEAD_STOCK))
    assert {a.kind for a in page.model.alerts} == {AlertKind.DEAD_STOCK}
    sku = page.model.alerts[0].sku
    page.search.setText(sku.lower())
    page._apply_filters()  # (typing starts a short timer)
    assert [a.sku for a in page.model.alerts] == [sku]
    page.search.setText("no such thing")
    page._apply_filters()
    assert page.model.rowCount() == 0


def test_the_detail_pane_shows_every_number_behind_the_selected_alert(page: AlertsPage) -> None:
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(AlertKind.STOCKOUT_RISK))
    page.select_rows(0)
    alert = page.selected_alerts()[0]
    f = alert.figures
    text = page.detail.text()
    assert text == detail_html(alert, "Asia/Shanghai")
    assert alert.sku in text and alert.reason in text
    assert f"reorder point {f.reorder_point:,}" in text
    assert f"lead time {f.lead_time_days} days" in text


# -- the count on the navigation item ------------------------------------------------------------

def test_the_navigation_item_counts_urgent_alerts_before_the_page_is_opened(
        qtbot: QtBot, context: ShopContext, window_settings: QSettings,
        wait_counted: Callable[[ListingsPage], None]) -> None:
    expected = compute_alerts(context.uow()).urgent_count
    window = MainWindow(context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: (
        wait_counted(w.listings), qtbot.waitUntil(lambda: not w.alerts.computing)))
    window.show()
    window.load_pages()
    row = [spec.key for spec in window.page_specs].index("alerts")
    assert window.navigation.item(row).text() == "Alerts"
    assert not window.alerts.computing  # not at once: after the window and Listings show
    qtbot.waitUntil(lambda: window.navigation.item(row).text() == f"Alerts ({expected})",
                    timeout=START_DELAY_MS + 10_000)
    assert window.navigation.currentRow() == 0  # the Alerts page was never opened
    assert expected > 0


def test_the_count_follows_writes_made_elsewhere(qtbot: QtBot, page: AlertsPage,
                                                  context: ShopContext) -> None:
    badges: list[str] = []
    page.badge_changed.connect(badges.append)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(AlertKind.OUT_OF_STOCK))
    out = page.model.alerts[0]
    before = page.report
    context.write(page, adjust_stock, variant_id=out.variant_id, kind=MovementKind.RECEIVED,
                  quantity=500, reference="PO-9")
    wait_recomputed(qtbot, page, before)
    assert out.key not in {a.key for a in page.report.alerts}  # type: ignore[union-attr]
    assert badges[-1] == str(page.report.urgent_count)  # type: ignore[union-attr]


# -- acknowledging, snoozing, showing again ------------------------------------------------------

def test_acknowledging_hides_the_alert_lowers_the_count_and_is_stored(
        qtbot: QtBot, page: AlertsPage, sql: Sql) -> None:
    badges: list[str] = []
    page.badge_changed.connect(badges.append)
    urgent = page.report.urgent_count  # type: ignore[union-attr]
    page.select_rows(0, 1)
    chosen = page.selected_alerts()
    assert page.ack_action.isEnabled() and not page.show_again_action.isEnabled()
    before = page.report
    page.ack_action.trigger()
    assert badges[0] == str(urgent - 2)  # at once, before the recomputation
    assert not {a.key for a in chosen} & {a.key for a in page.model.alerts}
    wait_recomputed(qtbot, page, before)
    assert page.report.urgent_count == urgent - 2  # type: ignore[union-attr]
    stored = sql(page.context.db, "SELECT variant_id, kind, severity_measure, snoozed_until "
                 "FROM alert_acks ORDER BY variant_id, kind")
    assert sorted(stored) == sorted((a.variant_id, a.kind.value, a.measure, None)
                                    for a in chosen)


def test_show_acknowledged_lists_them_with_their_state_and_show_again_brings_them_back(
        qtbot: QtBot, page: AlertsPage, sql: Sql) -> None:
    page.select_rows(0)
    (chosen,) = page.selected_alerts()
    before = page.report
    page.ack_action.trigger()
    wait_recomputed(qtbot, page, before)
    page.show_hidden.setChecked(True)
    assert not page.table.isColumnHidden(STATE_COLUMN)
    row = next(r for r, a in enumerate(page.model.alerts) if a.key == chosen.key)
    assert page.model.data(page.model.index(row, STATE_COLUMN)) == "Acknowledged"
    assert page.model.data(page.model.index(row, 1), Qt.ItemDataRole.ForegroundRole).name() \
        == "#8a8a8a"
    page.select_rows(row)
    assert page.show_again_action.isEnabled() and not page.ack_action.isEnabled()
    before = page.report
    page.show_again_action.trigger()
    wait_recomputed(qtbot, page, before)
    assert sql(page.context.db, "SELECT count(*) FROM alert_acks") == [(0,)]
    page.show_hidden.setChecked(False)
    assert chosen.key in {a.key for a in page.model.alerts}


def test_snoozing_stores_the_start_of_the_chosen_day_in_shop_time(
        qtbot: QtBot, page: AlertsPage, sql: Sql, monkeypatch: pytest.MonkeyPatch) -> None:
    today = datetime.now(SHANGHAI).date()
    chosen_day = today + timedelta(days=14)

    def choose(dialog: SnoozeDialog) -> int:
        dialog._pick(14)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SnoozeDialog, "exec", choose)
    page.select_rows(0)
    (chosen,) = page.selected_alerts()
    before = page.report
    page.snooze_action.trigger()
    wait_recomputed(qtbot, page, before)
    ((until,),) = sql(page.context.db, "SELECT snoozed_until FROM alert_acks")
    start = datetime(chosen_day.year, chosen_day.month, chosen_day.day, tzinfo=SHANGHAI)
    assert str(until).startswith(start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M"))
    page.show_hidden.setChecked(True)
    row = next(r for r, a in enumerate(page.model.alerts) if a.key == chosen.key)
    assert page.model.data(page.model.index(row, STATE_COLUMN)) == (
        f"Snoozed until {chosen_day.month}/{chosen_day.day}/{chosen_day.year}")


def test_cancelling_the_snooze_dialog_writes_nothing(
        page: AlertsPage, sql: Sql, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SnoozeDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    page.select_rows(0)
    page.snooze_action.trigger()
    assert sql(page.context.db, "SELECT count(*) FROM alert_acks") == [(0,)]


def test_the_snooze_dialog_offers_days_from_tomorrow_to_a_year_ahead(qtbot: QtBot) -> None:
    today = date(2026, 12, 1)
    dialog = SnoozeDialog(today, 3)
    qtbot.addWidget(dialog)
    assert dialog.calendar.minimumDate().toPython() == date(2026, 12, 2)
    assert dialog.calendar.maximumDate().toPython() == date(2027, 12, 2)
    assert dialog.chosen_day() == date(2026, 12, 8)  # a week by default
    dialog._pick(1)
    assert dialog.chosen_day() == date(2026, 12, 2)
    assert dialog.summary.text() == (
        "They come back on 12/2/2026 (in 1 day(s)), or sooner if they get worse.")


def test_nothing_selected_leaves_the_actions_disabled(page: AlertsPage) -> None:
    page.table.clearSelection()
    actions = (page.ack_action, page.snooze_action, page.show_again_action,
               page.receive_action, page.rules_action)
    assert not any(action.isEnabled() for action in actions)
    assert page.refresh_action.isEnabled()
    assert "Select an alert to see the numbers behind it" in page.detail.text()
    page.select_rows(0, 1, 2)
    assert "3 alerts selected: acknowledge or snooze them together." in page.detail.text()


def test_a_read_only_shop_shows_alerts_but_offers_no_writes(
        qtbot: QtBot, demo_copy: Any) -> None:
    db = open_database(demo_copy, read_only=True)
    try:
        context = ShopContext(db)
        page = AlertsPage(context)
        qtbot.addWidget(page)
        page.load()
        qtbot.waitUntil(lambda: page.report is not None and not page.computing, timeout=10_000)
        assert page.model.rowCount() > 0
        page.select_rows(0)
        assert not page.ack_action.isEnabled() and not page.receive_action.isEnabled()
    finally:
        page.close()
        db.close()


def test_the_checked_time_is_shop_time_and_says_so_when_the_computers_clock_differs(
        page: AlertsPage, computer_in: Callable[[str], None]) -> None:
    computed = page.report.computed_at  # type: ignore[union-attr]
    shop_clock_reads = time_of_day(computed, ZoneInfo("Asia/Shanghai"))  # the demo shop's zone
    computer_in("Europe/Berlin")
    page._show_status()
    assert f" · checked {shop_clock_reads} shop time" in page.status.text()
    computer_in("Asia/Shanghai")
    page._show_status()
    assert page.status.text().endswith(f" · checked {shop_clock_reads}")


@pytest.mark.parametrize("window_width", [1280, 1366])
def test_at_1280_to_1366_px_the_reason_reads_whole_on_two_lines_without_scrolling(
        qtbot: QtBot, page: AlertsPage, window_width: int) -> None:
    from PySide6.QtCore import QRect

    page.resize(window_width - 200, 700)  # the navigation takes ~200 px of the window
    qtbot.waitUntil(lambda: page.table.viewport().width() < window_width - 200)
    table, metrics = page.table, page.table.fontMetrics()
    last = max(c for c in range(len(COLUMNS)) if not table.isColumnHidden(c))
    assert table.columnViewportPosition(last) + table.columnWidth(last) \
        <= table.viewport().width()
    reason = [c[0] for c in COLUMNS].index("Reason")
    width, height = table.columnWidth(reason) - 8, table.verticalHeader().defaultSectionSize()
    short = [a.reason for a in page.model.alerts if len(a.reason) <= 80]
    assert short and table.wordWrap()
    cut = [text for text in short if metrics.boundingRect(
        QRect(0, 0, width, 10 * height), Qt.TextFlag.TextWordWrap, text).height() > height - 4]
    assert cut == []
