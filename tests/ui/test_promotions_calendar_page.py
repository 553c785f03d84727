"""The Promotions page's calendar on the demo shop: a bar per promotion in its lane, a draft
dragged to new dates (saved), a scheduled promotion that does not move, and double-click asking
to edit."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion
from ecdesk.services.promotions.terms import PromotionInfo
from ecdesk.views.promotions.promotion_calendar import PromotionCalendar, View
from ecdesk.views.promotions.promotions_page import PromotionsPage
from ecdesk.views.shell.shop_context import ShopContext

TMALL = "天猫旗舰店 Tmall"


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> PromotionsPage:
    for name, starts, ends, status in (("Warm-up", "2030-11-04", "2030-11-08", "scheduled"),
                                       ("Flash draft", "2030-11-05", "2030-11-07", "draft")):
        save_promotion(context.uow(), PromotionDraft(
            name=name, kind="percent_off", channels=(TMALL,), starts=starts, ends=ends,
            rate="10", status=status))
    page = PromotionsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.load()
    page.show_calendar(True)
    page.calendar_panel.calendar.go_to(date(2030, 11, 5))
    qtbot.waitUntil(lambda: page.run_checks.isEnabled(), timeout=20_000)
    return page


def calendar(page: PromotionsPage) -> PromotionCalendar:
    return page.calendar_panel.calendar


def promotion(context: ShopContext, name: str) -> PromotionInfo:
    return next(p for p in list_promotions(context.uow()) if p.name == name)


def bar_centre(page: PromotionsPage, name: str) -> QPoint:
    bar = next(b for b in calendar(page).bars if b.promotion.name == name)
    return calendar(page).bar_rects(bar)[0].center().toPoint()


def drag(widget: PromotionCalendar, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, (start + end) / 2)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_overlapping_promotions_are_shown_in_separate_lanes(page: PromotionsPage) -> None:
    lanes = {bar.promotion.name: bar.lane for bar in calendar(page).bars}
    assert lanes == {"Warm-up": 0, "Flash draft": 1}
    warm_up, flash = bar_centre(page, "Warm-up"), bar_centre(page, "Flash draft")
    assert flash.y() > warm_up.y()


def test_dragging_a_draft_two_days_later_moves_its_dates(page: PromotionsPage,
                                                         context: ShopContext) -> None:
    before = promotion(context, "Flash draft")
    day = calendar(page).width() / 7
    start = bar_centre(page, "Flash draft")
    drag(calendar(page), start, start + QPoint(round(2 * day), 0))
    after = promotion(context, "Flash draft")
    assert after.starts_at - before.starts_at == timedelta(days=2)
    assert after.ends_at - before.ends_at == timedelta(days=2)
    zone = ZoneInfo(after.time_zone)
    assert after.starts_at.astimezone(zone) == datetime(2030, 11, 7, tzinfo=zone)


def test_dragging_a_drafts_end_changes_only_its_end(page: PromotionsPage,
                                                   context: ShopContext) -> None:
    before = promotion(context, "Flash draft")
    bar = next(b for b in calendar(page).bars if b.promotion.name == "Flash draft")
    rect = calendar(page).bar_rects(bar)[-1]
    grip = QPoint(round(rect.right()) - 2, round(rect.center().y()))
    drag(calendar(page), grip, grip + QPoint(round(calendar(page).width() / 7), 0))
    after = promotion(context, "Flash draft")
    assert after.starts_at == before.starts_at
    assert after.ends_at - before.ends_at == timedelta(days=1)


def test_a_scheduled_promotion_does_not_move(page: PromotionsPage,
                                             context: ShopContext) -> None:
    before = promotion(context, "Warm-up")
    start = bar_centre(page, "Warm-up")
    drag(calendar(page), start, start + QPoint(round(2 * calendar(page).width() / 7), 0))
    assert promotion(context, "Warm-up") == before


def test_clicking_a_bar_selects_it_in_the_list_and_double_click_asks_to_edit(
        qtbot: QtBot, page: PromotionsPage) -> None:
    QTest.mouseClick(calendar(page), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, bar_centre(page, "Warm-up"))
    assert page.current() is not None and page.current().name == "Warm-up"
    with qtbot.waitSignal(calendar(page).edit_requested) as asked:
        QTest.mouseDClick(calendar(page), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, bar_centre(page, "Flash draft"))
    assert asked.args == [page.current().id] and page.current().name == "Flash draft"


def test_navigation_and_the_week_view_show_the_range_asked_for(page: PromotionsPage) -> None:
    panel = page.calendar_panel
    panel.view.setCurrentIndex(panel.view.findData(View.WEEK.value))
    assert calendar(page).first_day() == date(2030, 11, 4)
    assert {b.promotion.name for b in calendar(page).bars} == {"Warm-up", "Flash draft"}
    panel.next.click()
    assert calendar(page).first_day() == date(2030, 11, 11)
    assert calendar(page).bars == []
    panel.today.click()
    assert calendar(page).anchor == page.context.clock.today()
