"""The Promotions page on the demo shop: the promotions in the shop's time with their phase,
filtered by phase, channel and words; scheduling a draft; the checks panel listing an overlap."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion
from ecdesk.services.promotions.terms import Status
from ecdesk.views.promotions.promotions_page import PromotionsPage
from ecdesk.views.shell.languages import install_language
from ecdesk.views.shell.shop_context import ShopContext


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> PromotionsPage:
    uow = context.uow
    save_promotion(uow(), PromotionDraft(
        name="Double 11 spend and save", kind="basket_tiers", channels=("天猫旗舰店 Tmall",),
        starts="2030-11-11", ends="2030-11-12", tiers="200:30, 300:50",
        stacking="stackable", status="scheduled"))
    save_promotion(uow(), PromotionDraft(
        name="Flash sale", kind="percent_off", channels=("天猫旗舰店 Tmall",), starts="2030-11-11",
        ends="2030-11-12", daily_from="10:00", daily_to="12:00", rate="20",
        coupon_code="FLASH20"))
    page = PromotionsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    return page


def names(page: PromotionsPage) -> list[str]:
    return [page.table.item(row, 0).text() for row in range(page.table.rowCount())]


def test_the_list_shows_each_promotion_in_the_shops_time_with_its_phase(
        page: PromotionsPage) -> None:
    assert "Flash sale" in names(page)
    row = names(page).index("Flash sale")
    starts = page.table.item(row, 1).text()  # ("shop time" when this computer's zone differs)
    assert starts.startswith("11/11/2030 12:00\u202fAM") and starts.endswith(
        "\n(10:00\u202fAM–12:00\u202fPM)")  # the daily hours the language's way
    assert page.table.item(row, 3).text() == "Draft"


def test_the_filters_narrow_the_list_by_phase_and_words(page: PromotionsPage) -> None:
    page.phase.setCurrentIndex(page.phase.findData("draft"))
    assert names(page) == ["Flash sale"]
    page.phase.setCurrentIndex(0)
    page.search.setText("flash20")
    assert names(page) == ["Flash sale"]
    page.search.setText("nothing like it")
    assert names(page) == []


def test_scheduling_a_draft_is_saved(page: PromotionsPage, context: ShopContext) -> None:
    page.table.selectRow(names(page).index("Flash sale"))
    page.schedule_action.trigger()
    flash = next(p for p in list_promotions(context.uow()) if p.name == "Flash sale")
    assert flash.status is Status.SCHEDULED


def test_the_checks_panel_lists_the_overlap_with_its_skus(qtbot: QtBot,
                                                         page: PromotionsPage) -> None:
    qtbot.waitUntil(lambda: page.run_checks.isEnabled(), timeout=20_000)
    texts = [page.findings.item(row).text() for row in range(page.findings.count())]
    overlaps = [text for text in texts if text.startswith("Overlap")]
    assert any("Double 11 spend and save" in text for text in overlaps)  # (and the demo's own)
    assert "finding(s)" in page.checks_state.text()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_at_1366_px_every_column_is_as_wide_as_its_heading_and_the_channels_are_in_sight(
        qtbot: QtBot, qapp: QApplication, context: ShopContext, language: str) -> None:
    install_language(qapp, language)
    try:
        page = PromotionsPage(context)  # (the headings are translated when it is built)
        qtbot.addWidget(page)
        page.resize(1366 - 200, 700)  # the navigation takes ~200 px of the window
        page.show()
        page.load()
        qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=5000)
        table, header = page.table, page.table.horizontalHeader()
        for column in range(table.columnCount()):
            assert table.columnWidth(column) >= header.sectionSizeHint(column), column
        if language == "zh_CN":  # (English dates are longer: its Channels may need a scroll)
            channels = table.columnViewportPosition(5) + table.columnWidth(5)
            assert channels <= table.viewport().width()
    finally:
        install_language(qapp, "en")
