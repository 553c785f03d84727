"""The promotion editor on the demo shop: a promotion created through the dialog is saved with
its fields; a refused save keeps the dialog open, shows the problems at their fields and writes
nothing; the checks' findings ask for confirmation first; a running promotion opens read-only
saying why; a duplicate is a new draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion
from ecdesk.services.promotions.terms import Kind, Status
from ecdesk.views.promotions.promotion_editor import MOMENT, PromotionEditor
from ecdesk.views.promotions.promotions_page import PromotionsPage
from ecdesk.views.shell.shop_context import ShopContext

TMALL = "天猫旗舰店 Tmall"


@pytest.fixture
def sku(context: ShopContext) -> str:
    with context.uow() as uow:
        return uow.session.execute(text(
            "SELECT v.sku FROM variants v JOIN listings l ON l.variant_id = v.id "
            "JOIN channels c ON c.id = l.channel_id WHERE c.name = :name AND v.archived = 0 "
            "ORDER BY v.id LIMIT 1"), {"name": TMALL}).scalar_one()


def editor(qtbot: QtBot, context: ShopContext, **options: object) -> PromotionEditor:
    dialog = PromotionEditor(context, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def fill_flash_sale(dialog: PromotionEditor, sku: str, name: str = "Flash 2031") -> None:
    dialog.name.setText(name)
    for row in range(dialog.channels.count()):
        if dialog.channels.item(row).text() == TMALL:
            dialog.channels.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.starts.setDateTime(QDateTime.fromString("2031-06-18 00:00", MOMENT))
    dialog.ends.setDateTime(QDateTime.fromString("2031-06-19 00:00", MOMENT))
    dialog.daily.setChecked(True)
    dialog.scope.setCurrentIndex(dialog.scope.findData("sku"))
    dialog.scope_value.setText(sku)
    dialog.kind.setCurrentIndex(dialog.kind.findData(Kind.PERCENT_OFF.value))
    dialog.terms.percent_rate.setText("1")
    dialog.coupon.setText("F2031")


def names(context: ShopContext) -> list[str]:
    return [p.name for p in list_promotions(context.uow())]


def test_a_promotion_created_in_the_dialog_is_saved_with_its_fields(
        qtbot: QtBot, context: ShopContext, sku: str,
        answer_questions: Callable[[bool], list[str]]) -> None:
    answer_questions(True)
    dialog = editor(qtbot, context)
    fill_flash_sale(dialog, sku)
    assert dialog.check() == []
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)
    saved = next(p for p in list_promotions(context.uow()) if p.name == "Flash 2031")
    assert saved.id == dialog.saved_id
    assert (saved.kind, saved.terms.rate, saved.scope_text, saved.coupon_code) == (
        Kind.PERCENT_OFF, 1 / __import__("decimal").Decimal(100), sku, "F2031")
    assert saved.channel_names == (TMALL,)
    assert (f"{saved.daily_from:%H:%M}", f"{saved.daily_to:%H:%M}") == ("10:00", "12:00")
    assert saved.status is Status.DRAFT


def test_a_refused_save_keeps_the_dialog_open_shows_the_problems_and_writes_nothing(
        qtbot: QtBot, context: ShopContext, sku: str, message_boxes: list[object]) -> None:
    before = names(context)
    dialog = editor(qtbot, context)
    fill_flash_sale(dialog, sku, name="")
    dialog.terms.percent_rate.setText("abc")
    dialog.ends.setDateTime(QDateTime.fromString("2031-06-17 00:00", MOMENT))
    dialog.check()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.save()  # Ctrl+S still reaches save(): the service refuses
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=20_000)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.problems["Name"].text() == "a promotion needs a name"
    assert "not after the start" in dialog.problems["Ends"].text()
    assert "is not a percentage" in dialog.terms.problems[Kind.PERCENT_OFF]["Percent off"].text()
    assert names(context) == before
    assert message_boxes == []  # shown at the fields, not in a message box


def test_the_checks_findings_are_confirmed_before_saving(
        qtbot: QtBot, context: ShopContext, sku: str,
        answer_questions: Callable[[bool], list[str]]) -> None:
    save_promotion(context.uow(), PromotionDraft(
        name="Whole shop 618", kind="percent_off", channels=(TMALL,), starts="2031-06-18",
        ends="2031-06-19", rate="1", status="scheduled"))
    asked = answer_questions(False)
    dialog = editor(qtbot, context)
    fill_flash_sale(dialog, sku)
    dialog.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "Overlap" in asked[0] and "Whole shop 618" in asked[0] and sku in asked[0]
    assert "Flash 2031" not in names(context) and dialog.isVisible() is not None
    assert dialog.result() != dialog.DialogCode.Accepted

    asked = answer_questions(True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)
    assert "Flash 2031" in names(context)


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> PromotionsPage:
    now = datetime.now(context.zone)
    save_promotion(context.uow(), PromotionDraft(
        name="Running now", kind="percent_off", channels=(TMALL,),
        starts=f"{now - timedelta(days=1):%Y-%m-%d %H:%M}",
        ends=f"{now + timedelta(days=1):%Y-%m-%d %H:%M}", rate="5", status="scheduled"))
    page = PromotionsPage(context)
    qtbot.addWidget(page)
    page.load()
    return page


def select(page: PromotionsPage, name: str) -> None:
    rows = [page.table.item(row, 0).text() for row in range(page.table.rowCount())]
    page.table.selectRow(rows.index(name))


def test_a_running_promotion_opens_read_only_saying_why(qtbot: QtBot, page: PromotionsPage,
                                                       context: ShopContext) -> None:
    select(page, "Running now")
    dialog = page.editor("edit")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "is running" in dialog.banner.text() and not dialog.banner.isHidden()
    assert not dialog.name.isEnabled() and not dialog.terms.percent_rate.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isHidden()
    dialog.name.setText("Renamed")
    dialog.save()  # Ctrl+S on a read-only form does nothing
    assert dialog.job is None and "Renamed" not in names(context)


def test_duplicating_a_promotion_opens_a_new_draft_copy(qtbot: QtBot,
                                                        page: PromotionsPage) -> None:
    select(page, "Running now")
    dialog = page.editor("duplicate")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.promotion_id is None and not dialog.locked
    draft = dialog.draft()
    assert (draft.name, draft.status, draft.rate, draft.channels) == (
        "Running now (copy)", "draft", "5", (TMALL,))
    assert replace(draft, name="x") != draft


def test_edit_on_the_page_opens_the_editor_over_it_without_blocking(
        qtbot: QtBot, page: PromotionsPage) -> None:
    select(page, "Running now")
    page.edit_action.trigger()
    dialog = page.open_editor
    assert dialog is not None and dialog.isVisible() and dialog.promotion_id is not None
    dialog.reject()


def test_an_event_fills_the_window_channels_and_name_and_its_dates_can_be_kept(
        qtbot: QtBot, context: ShopContext) -> None:
    from ecdesk.services.promotions.events import event_presets
    from ecdesk.views.promotions.event_presets import EventPresetsDialog

    events = EventPresetsDialog(context)
    qtbot.addWidget(events)
    events.year.setValue(2031)
    row = next(r for r, e in enumerate(events.events) if e.key == "double_11")
    events.table.item(row, 1).setText("2031-10-20 20:00")
    events.table.selectRow(row)
    events.use()
    assert events.chosen is not None and events.chosen.starts == "2031-10-20 20:00"
    kept = next(e for e in event_presets(context.uow(), 2031) if e.key == "double_11")
    assert kept.edited

    dialog = editor(qtbot, context)
    dialog.use_event(events.chosen)
    draft = dialog.draft()
    assert (draft.starts, draft.ends) == ("2031-10-20 20:00", "2031-11-12 00:00")
    assert draft.name == "双11 2031" and TMALL in draft.channels
    assert "官网 Own site" not in draft.channels  # an own site has no 双11


def test_event_dates_that_are_wrong_are_shown_and_not_kept(
        qtbot: QtBot, context: ShopContext) -> None:
    from ecdesk.views.promotions.event_presets import EventPresetsDialog

    events = EventPresetsDialog(context)
    qtbot.addWidget(events)
    events.year.setValue(2031)
    events.table.item(0, 2).setText("someday")
    events.table.selectRow(0)
    events.use()
    assert events.chosen is None and "'someday' is not a time" in events.problems.text()


def test_a_search_hit_shows_its_promotion_selected_in_the_list(page: PromotionsPage,
                                                               context: ShopContext) -> None:
    from ecdesk.services.search_providers import search_everything

    page.search.setText("nothing like it")
    [group] = [g for g in search_everything(context.uow(), "running now")
               if g.provider.key == "promotion"]
    page.show_target(group.hits[0])
    assert page.current() is not None and page.current().name == "Running now"


def test_a_bundles_items_are_typed_in_a_table_with_sku_suggestions(
        qtbot: QtBot, context: ShopContext, sku: str) -> None:
    dialog = editor(qtbot, context)
    dialog.kind.setCurrentIndex(dialog.kind.findData(Kind.BUNDLE.value))
    items = dialog.terms.items
    items.add_row(sku, "1")
    items.add_row(sku[:-1] + "2", "")  # half-filled: kept, and refused with its reason
    assert items.text() == f"{sku}:1, {sku[:-1]}2:"
    cell = items.table.itemDelegateForColumn(0).createEditor(
        items.table.viewport(), None, items.table.model().index(0, 0))  # type: ignore[arg-type]
    assert cell.completer() is not None
    dialog.terms.bundle_price.setText("99")
    assert "Bundle items" in {p.field for p in dialog.check()}
