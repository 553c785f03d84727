"""Settings > Stock defaults: shown, checked as typed, saved, and followed by the other pages."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ecdesk.services.stock.defaults import StockDefaults, get_stock_defaults, update_stock_defaults
from ecdesk.views.settings.settings_page import SettingsPage
from ecdesk.views.settings.stock_defaults_box import NUMBER_FIELDS, StockDefaultsBox, check_number
from ecdesk.views.shell.shop_context import ShopContext


@pytest.fixture
def box(qtbot: QtBot, context: ShopContext) -> StockDefaultsBox:
    page = SettingsPage(context)
    qtbot.addWidget(page)
    return page.stock_defaults


def test_the_box_shows_the_shops_stock_defaults(box: StockDefaultsBox) -> None:
    shown = {name: box.edits[name].text() for name in NUMBER_FIELDS}
    assert shown == {"lead_time_days": "14", "safety_days": "7", "cover_days": "30",
                     "velocity_window_days": "28", "overstock_days": "180",
                     "dead_stock_days": "90", "pack_multiple": "1", "min_order_qty": "1",
                     "ordering_cost": "0", "holding_percent": "25"}
    assert not box.allow_negative.isChecked()
    assert box.save_button.isEnabled()


@pytest.mark.parametrize(("text", "lowest", "expected"), [
    ("14", 0, (14, None)), (" 1,000 ", 0, (1000, None)), ("0", 0, (0, None)),
    ("0", 1, (None, "must be at least 1")), ("-2", 0, (None, "must be at least 0")),
    ("", 0, (None, "is required")), ("7.5", 0, (None, "'7.5' is not a whole number")),
    ("two", 1, (None, "'two' is not a whole number")),
    ("200000", 0, (None, "must be at most 100,000")),
])
def test_each_default_must_be_a_whole_number_in_range(
        text: str, lowest: int, expected: tuple[int | None, str | None]) -> None:
    assert check_number(text, lowest) == expected


def test_bad_defaults_are_named_under_their_field_and_cannot_be_saved(
        box: StockDefaultsBox, context: ShopContext) -> None:
    box.edits["lead_time_days"].setText("two weeks")
    box.edits["velocity_window_days"].setText("0")
    box.edits["pack_multiple"].setText("")
    problems = {name: label.text() for name, label in box.problem_labels.items()
                if label.text()}
    assert problems == {"lead_time_days": "'two weeks' is not a whole number",
                        "velocity_window_days": "must be at least 1",
                        "pack_multiple": "is required"}
    assert not box.save_button.isEnabled()
    box.save()
    assert get_stock_defaults(context.uow()) == StockDefaults()


def test_good_defaults_are_saved_and_broadcast(box: StockDefaultsBox,
                                               context: ShopContext) -> None:
    seen = []
    context.changed.connect(seen.append)
    box.edits["lead_time_days"].setText("21")
    box.edits["pack_multiple"].setText("6")
    box.allow_negative.setChecked(True)
    box.save_button.click()
    assert get_stock_defaults(context.uow()) == StockDefaults(
        lead_time_days=21, pack_multiple=6, allow_negative=True)
    assert [sorted(change.areas) for change in seen] == [["stock"]]


def test_the_box_follows_defaults_saved_elsewhere(box: StockDefaultsBox,
                                                  context: ShopContext) -> None:
    context.write(box, update_stock_defaults, StockDefaults(cover_days=45))
    assert box.edits["cover_days"].text() == "45"
