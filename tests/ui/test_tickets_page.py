"""The Tickets page over the demo shop: the queue overdue first with the count on the
navigation, due times that move with the shop clock, canned replies typed into the reply box,
status changes from the keyboard, and tickets found by "search everything"."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.demo.shop import generated_at
from ecdesk.views.shell.languages import install_language
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.tickets_page import TicketsPage


@pytest.fixture
def moment(demo_copy: Path) -> datetime:
    moment = generated_at(demo_copy)
    assert moment is not None
    return moment


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext, moment: datetime) -> TicketsPage:
    context.clock.set_source(lambda: moment)
    page = TicketsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    return page


def due_texts(page: TicketsPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_the_queue_shows_open_tickets_overdue_first_and_counts_them_on_the_navigation(
        qtbot: QtBot, page: TicketsPage) -> None:
    badges: list[str] = []
    page.badge_changed.connect(badges.append)
    page._update_badge()
    texts = due_texts(page)
    overdue = [text for text in texts if text.startswith("overdue")]
    assert overdue and texts[:len(overdue)] == overdue  # the most overdue at the top
    assert badges[-1] == str(len(overdue))


def test_time_passing_moves_the_due_times_and_the_overdue_count_without_a_write(
        qtbot: QtBot, page: TicketsPage, context: ShopContext, moment: datetime) -> None:
    badges: list[str] = []
    page.badge_changed.connect(badges.append)
    page._update_badge()
    before = int(badges[-1])
    later = moment + timedelta(days=3)
    context.clock.set_source(lambda: later)
    context.clock.minute_changed.emit(later)
    assert int(badges[-1]) > before
    assert due_texts(page)[0] != "" and page.model.now == later


def test_a_canned_reply_typed_with_a_slash_is_inserted_with_its_placeholders_filled(
        qtbot: QtBot, page: TicketsPage) -> None:
    page.select_ticket(page.model.row_at(0).id)
    detail = page.pane.detail
    assert detail is not None
    box = page.pane.reply
    box.setFocus()
    qtbot.keyClicks(box, "Hi /")
    box.insertPlainText("跟进")  # (QTest types ASCII only)
    assert box.completer.completionCount() == 1
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.toPlainText().startswith(f"Hi 您好，关于工单{detail.row.number}")
    assert "{" not in box.toPlainText()


def test_a_reply_and_a_status_key_move_the_ticket_and_pause_its_clock(
        qtbot: QtBot, page: TicketsPage) -> None:
    page.select_ticket(page.model.row_at(0).id)
    number = page.selected_ticket().number
    page.pane.reply.setPlainText("Which colour would you like?")
    page.pane.send.click()
    assert page.pane.detail.row.first_response_at is not None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    page.show_target(SearchHit("ticket", page.pane.detail.row.id, number, find_text=number))
    assert page.pane.detail.row.status == "waiting_customer"
    assert due_texts(page) == ["paused"]


def test_service_settings_save_the_calendar_and_refuse_a_zero_target(
        qtbot: QtBot, context: ShopContext, message_boxes: list[tuple[str, str, str]]) -> None:
    from ecdesk.services.tickets.policies import get_business_calendar, list_sla_policies
    from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor

    dialog = ServiceSettingsEditor(context)
    qtbot.addWidget(dialog)
    assert dialog.days.rowCount() > 0  # the library's holidays of this year
    dialog.weekdays[5].setChecked(True)  # Saturdays too
    dialog.hours.setText("09:00-12:00, 13:00-18:00")
    dialog.save_calendar()
    settings, _days = get_business_calendar(context.uow(), 2026)
    assert settings.weekdays == (0, 1, 2, 3, 4, 5) and len(settings.hours) == 2
    dialog.policies.setCurrentCell(0, 0)
    dialog.first.setValue(0)
    dialog.save_policy()
    assert message_boxes and "above zero" in message_boxes[-1][2]
    assert not any(policy.from_shop for policy in list_sla_policies(context.uow()))


def test_a_canned_reply_is_written_in_the_service_settings(
        qtbot: QtBot, context: ShopContext, message_boxes: list[tuple[str, str, str]]) -> None:
    from ecdesk.services.tickets.canned import list_canned_replies
    from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor

    dialog = ServiceSettingsEditor(context)
    qtbot.addWidget(dialog)
    dialog.canned.setCurrentIndex(0)  # a new one
    dialog.canned_title.setText("Thanks")
    dialog.canned_body.setPlainText("Thank you, {customer}!")
    dialog.save_canned()
    assert "Thanks" in [reply.title for reply in list_canned_replies(context.uow())]
    assert message_boxes == []


def test_tags_typed_in_the_ticket_pane_are_saved_and_noted_in_its_thread(
        qtbot: QtBot, page: TicketsPage, message_boxes: list[tuple[str, str, str]]) -> None:
    ticket_id = page.model.row_at(0).id
    page.select_ticket(ticket_id)
    page.pane.tags.setText("vip，late parcel")
    qtbot.keyClick(page.pane.tags, Qt.Key.Key_Return)
    assert message_boxes == []
    assert page.pane.detail.row.id == ticket_id
    assert page.pane.detail.tags == "late parcel, vip"
    assert page.pane.tags.text() == "late parcel, vip"
    assert "late parcel, vip" in page.pane.thread.toPlainText()


def test_a_question_without_an_order_is_opened_for_a_customer_picked_by_name(
        qtbot: QtBot, context: ShopContext, message_boxes: list[tuple[str, str, str]]) -> None:
    from sqlalchemy import text

    from ecdesk.services.tickets.queries import get_ticket
    from ecdesk.views.tickets.ticket_dialogs import NewTicketDialog

    uow = context.uow()
    with uow:
        customer = uow.session.execute(text(
            "SELECT id, name FROM customers WHERE name != '' AND merged_into_id IS NULL "
            "ORDER BY id LIMIT 1")).one()
    dialog = NewTicketDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.customer.customer_id() is None  # nobody until searched
    dialog.customer.search.setText(customer.name)
    qtbot.keyClick(dialog.customer.search, Qt.Key.Key_Return)
    assert dialog.customer.choose(customer.id)
    dialog.subject.setText("Is the mug dishwasher safe?")
    dialog.save()
    assert message_boxes == [] and dialog.saved_id is not None
    detail = get_ticket(context.uow(), dialog.saved_id)
    assert detail.customer_id == customer.id and detail.order_id is None
    assert detail.row.customer == customer.name


def test_the_customer_search_finds_nobody_for_words_no_customer_has(
        qtbot: QtBot, context: ShopContext) -> None:
    from ecdesk.views.tickets.ticket_dialogs import NewTicketDialog

    dialog = NewTicketDialog(context)
    qtbot.addWidget(dialog)
    dialog.customer.search.setText("zzqx no such person")
    qtbot.keyClick(dialog.customer.search, Qt.Key.Key_Return)
    assert dialog.customer.combo.count() == 1 and dialog.customer.customer_id() is None


def test_service_settings_state_the_window_rule_and_save_a_channels_transit_days(
        qtbot: QtBot, context: ShopContext) -> None:
    from ecdesk.services.returns.window import return_windows
    from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor

    dialog = ServiceSettingsEditor(context)
    qtbot.addWidget(dialog)
    assert "after delivery" in dialog.window_rule.text()
    assert "transit days" in dialog.window_rule.text()
    channel_id, spin = next(iter(dialog.transit_spins.items()))
    spin.setValue(5)
    spin.editingFinished.emit()
    assert return_windows(context.uow())[channel_id][1] == 5


def test_the_tickets_service_settings_key_opens_the_editor_the_settings_page_shows(
        qtbot: QtBot, page: TicketsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    from ecdesk.views.tickets.service_settings_dialog import ServiceSettingsDialog
    from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor

    shown: list[object] = []
    monkeypatch.setattr(ServiceSettingsDialog, "exec", lambda dialog: shown.append(
        dialog.editor) or 0)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert len(shown) == 1 and isinstance(shown[0], ServiceSettingsEditor)


def test_a_new_channel_joins_the_channel_filter_and_the_chosen_channel_stays(
        qtbot: QtBot, page: TicketsPage, context: ShopContext) -> None:
    from ecdesk.services.channels import save_channel

    combo = page.channel_filter
    combo.setCurrentIndex(1)
    chosen = combo.currentData()
    context.broadcast(save_channel(context.uow(), name="抖音 Douyin", kind="other",
                                   currency="CNY"))
    page._refresh_channels()
    assert combo.itemText(0) == "All channels" and combo.currentData() == chosen
    assert "抖音 Douyin" in [combo.itemText(n) for n in range(combo.count())]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_at_1366_px_every_column_is_as_wide_as_its_heading_and_the_status_is_in_sight(
        qtbot: QtBot, qapp: QApplication, context: ShopContext, moment: datetime,
        language: str) -> None:
    install_language(qapp, language)
    try:
        context.clock.set_source(lambda: moment)
        page = TicketsPage(context)  # (the headings are translated when it is built)
        qtbot.addWidget(page)
        page.resize(1366 - 200, 700)  # the navigation takes ~200 px of the window
        page.show()
        page.load()
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
        table, header = page.table, page.table.horizontalHeader()
        for column in range(page.model.columnCount()):
            assert table.columnWidth(column) >= header.sectionSizeHint(column), column
        status = table.columnViewportPosition(7) + table.columnWidth(7)
        assert status <= table.viewport().width()
    finally:
        install_language(qapp, "en")
