"""The Settings page: the shop's own settings and its sales channels."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.services.changes import ChangeArea
from ecdesk.services.channels import list_channels
from ecdesk.services.settings import get_settings
from ecdesk.views.catalog.listings_model import BASE_COLUMNS
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.settings.settings_page import ChannelDialog, SettingsPage
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext

Sql = Callable[..., list[Any]]
DEMO_CHANNELS = ["天猫旗舰店 Tmall", "京东 JD", "拼多多 Pinduoduo", "官网 Own site"]
MARGIN = BASE_COLUMNS.index(next(c for c in BASE_COLUMNS if c[1] == "margin"))


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> SettingsPage:
    settings_page = SettingsPage(context)
    qtbot.addWidget(settings_page)
    return settings_page


@pytest.fixture
def window(qtbot: QtBot, context: ShopContext, window_settings: QSettings,
           wait_counted: Callable[[ListingsPage], None]) -> MainWindow:
    main = MainWindow(context, window_settings)
    # A write at the end of a test reloads the listings: let that count finish in the test.
    qtbot.addWidget(main, before_close_func=lambda w: wait_counted(w.listings))
    main.load_pages()
    wait_counted(main.listings)
    return main


def channel_table(page: SettingsPage) -> list[tuple[str, ...]]:
    return [tuple(page.channels.item(r, c).text() for c in range(page.channels.columnCount()))
            for r in range(page.channels.rowCount())]


def listing_headers(listings: ListingsPage) -> list[str]:
    model = listings.model
    return [model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(len(BASE_COLUMNS), model.columnCount())]


# -- shop settings ------------------------------------------------------------------------------
def test_the_form_shows_the_shops_settings(page: SettingsPage) -> None:
    assert page.form.values() == {"shop_name": "演示小店 Demo Shop", "currency": "CNY",
                                  "timezone": "Asia/Shanghai", "min_margin": Decimal("0.25")}


@pytest.mark.parametrize(("field", "set_value", "message"), [
    ("Shop name", lambda form: form.shop_name.setText("   "), "• Shop name: is required"),
    ("Currency", lambda form: form.currency.setCurrentText("yuan"),
     "• Currency: 'yuan' is not a three-letter code such as CNY"),
    ("Timezone", lambda form: form.timezone.setCurrentText("Mars/Olympus"),
     "• Timezone: 'Mars/Olympus' is not a known time zone"),
])
def test_saving_invalid_settings_is_refused_naming_the_field_and_changes_nothing(
        qtbot: QtBot, page: SettingsPage, context: ShopContext, message_boxes: list[Any],
        field: str, set_value: Callable[[Any], None], message: str) -> None:
    before = get_settings(context.uow())
    set_value(page.form)
    with qtbot.assertNotEmitted(context.changed):
        page.save_settings()
    assert message_boxes == [("warning", "Please check", message)]
    assert field in message_boxes[0][2]
    assert get_settings(context.uow()) == before == context.settings


def test_a_valid_change_is_saved_and_the_window_title_follows(
        qtbot: QtBot, window: MainWindow, context: ShopContext, message_boxes: list[Any]) -> None:
    assert window.windowTitle() == "演示小店 Demo Shop — ecdesk"
    form = window.settings_page.form
    form.shop_name.setText("  林家茶铺 Lin's Tea House ")
    form.currency.setCurrentText("USD")
    form.min_margin.setValue(30.0)
    with qtbot.waitSignal(context.changed, timeout=2000) as changed:
        window.settings_page.save_settings()

    assert changed.args[0].areas == {ChangeArea.SETTINGS}
    assert message_boxes == []
    stored = get_settings(context.uow())
    assert (stored.shop_name, stored.currency, stored.min_margin) == (
        "林家茶铺 Lin's Tea House", "USD", Decimal("0.3"))
    assert context.settings == stored
    assert window.windowTitle() == "林家茶铺 Lin's Tea House — ecdesk"
    assert window.statusBar().currentMessage() == "Settings saved"
    assert form.shop_name.text() == "林家茶铺 Lin's Tea House"  # the form shows what was stored


def test_a_higher_minimum_margin_flags_more_rows_in_the_listings(
        qtbot: QtBot, window: MainWindow, context: ShopContext) -> None:
    model = window.listings.model

    def flagged() -> int:
        return sum(model.data(model.index(r, MARGIN), Qt.ItemDataRole.ForegroundRole) is not None
                   for r in range(model.rowCount()))

    before = flagged()
    window.settings_page.form.min_margin.setValue(60.0)
    with qtbot.waitSignal(context.changed, timeout=2000):
        window.settings_page.save_settings()
    assert flagged() > before
    tooltip = model.data(model.index(0, MARGIN), Qt.ItemDataRole.ToolTipRole)
    assert tooltip in (None, "Price is below cost", "Margin is under the shop minimum of 60.0%")


# -- channels -----------------------------------------------------------------------------------
def test_the_channel_table_lists_the_demo_channels(page: SettingsPage) -> None:
    assert channel_table(page) == [
        ("天猫旗舰店 Tmall", "Tmall", "CNY", "5.0%", "0.6%", "active"),
        ("京东 JD", "JD", "CNY", "8.0%", "0.6%", "active"),
        ("拼多多 Pinduoduo", "Pinduoduo", "CNY", "0.6%", "0.0%", "active"),
        ("官网 Own site", "Own site", "CNY", "0.0%", "2.9%", "active"),
    ]


def test_adding_a_channel_adds_a_column_to_the_listings(
        qtbot: QtBot, window: MainWindow, context: ShopContext, message_boxes: list[Any]) -> None:
    dialog = ChannelDialog(context, None, window.settings_page)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add channel"
    assert dialog.currency.currentText() == "CNY"  # the shop's currency to start with
    dialog.name.setText(" 抖音 Douyin ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("other"))
    dialog.commission.setValue(12.35)
    dialog.payment_fee.setValue(0.6)
    with qtbot.waitSignal(context.changed, timeout=2000) as changed:
        dialog.save()

    assert changed.args[0].areas == {ChangeArea.CHANNELS, ChangeArea.CATALOG}
    assert message_boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert listing_headers(window.listings) == [*DEMO_CHANNELS, "抖音 Douyin"]
    assert window.listings.model.columnCount() == len(BASE_COLUMNS) + 5
    model = window.listings.model
    assert model.data(model.index(0, model.columnCount() - 1)) == "—"  # nothing listed there yet
    added = list_channels(context.uow())[-1]
    assert (added.name, added.kind, added.commission_rate, added.payment_fee_rate) == (
        "抖音 Douyin", "other", Decimal("0.1235"), Decimal("0.006"))
    assert channel_table(window.settings_page)[-1] == (
        "抖音 Douyin", "Other", "CNY", "12.4%", "0.6%", "active")
    assert window.listings.channel_filter.findText("listed on 抖音 Douyin") > 0


@pytest.mark.parametrize("name", ["京东 JD", "京东 jd", " 京东 JD "])
def test_a_duplicate_channel_name_is_refused(
        qtbot: QtBot, page: SettingsPage, context: ShopContext, message_boxes: list[Any],
        name: str) -> None:
    dialog = ChannelDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    with qtbot.assertNotEmitted(context.changed):
        dialog.save()
    assert message_boxes == [(
        "warning", "Please check", f"• Name: a channel named '{name.strip()}' already exists")]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert [c.name for c in list_channels(context.uow())] == DEMO_CHANNELS


def test_a_channel_without_a_name_is_refused(
        qtbot: QtBot, page: SettingsPage, context: ShopContext,
        message_boxes: list[Any]) -> None:
    dialog = ChannelDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.save()
    assert message_boxes == [("warning", "Please check", "• Name: is required")]
    assert len(list_channels(context.uow())) == 4


def test_editing_a_channel_loads_it_and_saves_exact_rates(
        qtbot: QtBot, page: SettingsPage, context: ShopContext, demo_db: Database,
        sql: Sql) -> None:
    jd = list_channels(context.uow())[1]
    dialog = ChannelDialog(context, jd, page)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit channel"
    assert (dialog.name.text(), dialog.kind.currentData(), dialog.currency.currentText(),
            dialog.commission.cleanText(), dialog.payment_fee.cleanText()) == (
        "京东 JD", "jd", "CNY", "8.00", "0.60")
    dialog.name.setText("京东 JD")  # its own name is no clash
    dialog.commission.setValue(7.15)
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    assert sql(demo_db, "SELECT commission_rate FROM channels WHERE id = :id", id=jd.id) == [
        (71500,)]  # millionths: exactly 7.15 %, not a float's 7.1499999
    assert channel_table(page)[1][3] == "7.2%"


def test_archiving_a_channel_asks_first_and_removes_its_listings_column(
        qtbot: QtBot, window: MainWindow, context: ShopContext,
        answer_questions: Callable[[bool], list[str]]) -> None:
    page = window.settings_page
    page.channels.selectRow(1)
    asked = answer_questions(False)
    page.toggle_archived()
    assert asked == ["Archive 京东 JD? Its listings are kept; its column leaves the Listings "
                     "table."]
    assert listing_headers(window.listings) == DEMO_CHANNELS

    answer_questions(True)
    with qtbot.waitSignal(context.changed, timeout=2000):
        page.toggle_archived()
    assert channel_table(page)[1][5] == "archived"
    assert listing_headers(window.listings) == [n for n in DEMO_CHANNELS if n != "京东 JD"]


def test_restoring_an_archived_channel_asks_nothing(
        qtbot: QtBot, window: MainWindow, context: ShopContext,
        answer_questions: Callable[[bool], list[str]]) -> None:
    asked = answer_questions(True)
    page = window.settings_page
    page.channels.selectRow(1)
    page.toggle_archived()
    page.channels.selectRow(1)
    with qtbot.waitSignal(context.changed, timeout=2000):
        page.toggle_archived()
    assert len(asked) == 1
    assert channel_table(page)[1][5] == "active"
    assert listing_headers(window.listings) == DEMO_CHANNELS


def test_channel_buttons_do_nothing_without_a_selection(
        page: SettingsPage, answer_questions: Callable[[bool], list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(ChannelDialog, "exec", lambda dialog: opened.append(dialog.channel) or 0)
    asked = answer_questions(True)
    page.toggle_archived()
    page.edit_channel()
    assert (asked, opened) == ([], [])
    page.add_channel()
    assert opened == [None]
    page.channels.selectRow(2)
    page.edit_channel()
    assert opened[-1].name == "拼多多 Pinduoduo"


# -- the Service section ------------------------------------------------------------------------
def test_the_service_section_edits_the_calendar_the_tickets_dialog_shows(
        qtbot: QtBot, page: SettingsPage, context: ShopContext,
        message_boxes: list[tuple[str, str, str]]) -> None:
    from ecdesk.services.tickets.policies import get_business_calendar
    from ecdesk.views.tickets.service_settings_dialog import ServiceSettingsDialog
    from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor

    tabs = [page.sections.tabText(n) for n in range(page.sections.count())]
    assert tabs == ["Sales channels", "Service"]
    editor = page.section_widgets["ServiceSettingsEditor"]
    assert isinstance(editor, ServiceSettingsEditor)
    dialog = ServiceSettingsDialog(context)
    qtbot.addWidget(dialog)
    assert type(dialog.editor) is type(editor)  # one editor, shown in both places
    editor.weekdays[5].setChecked(True)  # Saturdays too, in the Settings page
    editor.save_calendar()
    settings, _days = get_business_calendar(context.uow(), 2026)
    assert settings.weekdays == (0, 1, 2, 3, 4, 5)
    assert dialog.editor.weekdays[5].isChecked()  # the dialog's copy followed the change
    editor.policies.setCurrentCell(0, 0)
    editor.first.setValue(0)
    editor.save_policy()
    assert message_boxes and "above zero" in message_boxes[-1][2]


def test_a_channel_added_in_the_settings_gets_its_return_window_in_the_service_section(
        page: SettingsPage, context: ShopContext) -> None:
    from ecdesk.services.channels import save_channel

    editor = page.section_widgets["ServiceSettingsEditor"]
    before = len(editor.window_spins)
    context.broadcast(save_channel(context.uow(), name="抖音 Douyin", kind="other",
                                   currency="CNY"))
    assert len(editor.window_spins) == before + 1
