"""The Receive / Adjust / Write off dialog and the Stock rules dialog, on the hand-made stock
shop (MUG-1: 15 on hand; TEE-S: a reorder point of 10 by hand; TEE-M: -2, negative allowed)."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.models import MovementKind
from ecdesk.services.changes import Changed
from ecdesk.services.stock.commands import PolicyDraft, adjust_stock
from ecdesk.services.stock.queries import sku_stock
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.stock_adjust_dialog import (
    ADJUSTED,
    RECEIVED,
    WRITTEN_OFF,
    StockAdjustDialog,
    parse_quantity,
)
from ecdesk.views.stock.stock_rules_dialog import StockRulesDialog
from tests.ui import stock_ui_fixtures as fixtures
from tests.ui.stock_ui_fixtures import movements, on_hand

# The hand-made stock shop, copied for each test (tests/ui/stock_ui_fixtures.py).
stock_template, stock_db, stock_context, ids = (
    fixtures.stock_template, fixtures.stock_db, fixtures.stock_context, fixtures.ids)


def adjust_dialog(qtbot: QtBot, context: ShopContext, variant_id: int,
                  kind: str) -> StockAdjustDialog:
    dialog = StockAdjustDialog(context, variant_id, kind)
    qtbot.addWidget(dialog)
    return dialog


def save_enabled(dialog: QDialog) -> bool:
    return dialog.buttons.button(  # type: ignore[attr-defined, no-any-return]
        QDialogButtonBox.StandardButton.Save).isEnabled()


def broadcasts(context: ShopContext) -> list[Changed]:
    seen: list[Changed] = []
    context.changed.connect(seen.append)
    return seen


# -- the quantity as typed ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("5", RECEIVED, (5, None)),
    (" 1,200 ", RECEIVED, (1200, None)),
    ("-5", RECEIVED, (None, "is added to stock: type the units without a minus")),
    ("5", WRITTEN_OFF, (-5, None)),
    ("\u22125", WRITTEN_OFF, (-5, None)),
    ("+3", ADJUSTED, (3, None)),
    ("\u22122", ADJUSTED, (-2, None)),
    ("3", ADJUSTED, (None, "needs a sign: + to add to stock, − to take from it (e.g. −2)")),
    ("0", RECEIVED, (None, "must not be zero")),
    ("2.5", RECEIVED, (None, "'2.5' is not a whole number")),
    ("abc", WRITTEN_OFF, (None, "'abc' is not a whole number")),
    ("", RECEIVED, (None, "is required")),
    ("2000000", RECEIVED, (None, "more than 1,000,000 units at once: please check the number")),
])
def test_the_quantity_means_what_the_kind_says(text: str, kind: str,
                                              expected: tuple[int | None, str | None]) -> None:
    assert parse_quantity(text, kind) == expected


# -- receive, adjust, write off -----------------------------------------------------------------


def test_receiving_stock_adds_it_with_its_reference(
        qtbot: QtBot, stock_context: ShopContext, stock_db: Database, ids: dict[str, int]) -> None:
    seen = broadcasts(stock_context)
    dialog = adjust_dialog(qtbot, stock_context, ids["MUG-1"], RECEIVED)
    assert dialog.windowTitle() == "Receive stock" and not save_enabled(dialog)
    qtbot.keyClicks(dialog.quantity, "12")
    dialog.reference.setText("PO-2026-0007")
    assert dialog.after.text() == "15 → 27 (+12)"
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert on_hand(stock_db, ids["MUG-1"]) == 27
    assert movements(stock_db, ids["MUG-1"])[-1] == ("received", 12, "", "PO-2026-0007")
    assert [change.ids for change in seen] == [(ids["MUG-1"],)]


def test_an_adjustment_needs_a_sign_and_a_reason_before_it_can_be_saved(
        qtbot: QtBot, stock_context: ShopContext, stock_db: Database, ids: dict[str, int]) -> None:
    dialog = adjust_dialog(qtbot, stock_context, ids["MUG-1"], ADJUSTED)
    qtbot.keyClicks(dialog.quantity, "2")
    assert dialog.quantity_problem.text().startswith("needs a sign")
    assert dialog.reason_problem.text() == "An adjustment needs a reason, for the stock history"
    assert not save_enabled(dialog)
    dialog.save()  # (Ctrl+S does the same) refused: nothing written
    assert len(movements(stock_db, ids["MUG-1"])) == 3
    dialog.quantity.setText("\u22122")
    qtbot.keyClicks(dialog.reason, "Missing after the move")
    assert save_enabled(dialog) and dialog.quantity_problem.text() == ""
    dialog.save()
    assert on_hand(stock_db, ids["MUG-1"]) == 13
    assert movements(stock_db, ids["MUG-1"])[-1] == ("adjusted", -2, "Missing after the move", "")


def test_writing_off_more_than_on_hand_is_refused_where_negative_stock_is_not_allowed(
        qtbot: QtBot, stock_context: ShopContext, stock_db: Database, ids: dict[str, int]) -> None:
    dialog = adjust_dialog(qtbot, stock_context, ids["MUG-1"], WRITTEN_OFF)
    qtbot.keyClicks(dialog.quantity, "16")
    assert "15 → \u22121" in dialog.after.text()
    assert "Negative stock is not allowed" in dialog.after.text()
    assert not save_enabled(dialog)
    allowed = adjust_dialog(qtbot, stock_context, ids["TEE-M"], WRITTEN_OFF)
    qtbot.keyClicks(allowed.quantity, "1")
    assert save_enabled(allowed)  # TEE-M's rule allows negative stock
    allowed.save()
    assert on_hand(stock_db, ids["TEE-M"]) == -3


def test_a_movement_the_ledger_refuses_is_explained_in_the_dialog_which_stays_open(
        qtbot: QtBot, stock_context: ShopContext, stock_db: Database, ids: dict[str, int]) -> None:
    dialog = adjust_dialog(qtbot, stock_context, ids["MUG-1"], WRITTEN_OFF)
    # Meanwhile most of the stock is written off elsewhere (another window, an order shipping).
    adjust_stock(stock_db.uow(), variant_id=ids["MUG-1"], kind=MovementKind.WRITTEN_OFF,
                 quantity=-14, reason="Flood")
    qtbot.keyClicks(dialog.quantity, "5")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "SKU MUG-1: 1 on hand; this would take it to -4" in dialog.problems.text()
    assert on_hand(stock_db, ids["MUG-1"]) == 1


def test_changing_the_kind_changes_the_hint_and_the_sign(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = adjust_dialog(qtbot, stock_context, ids["MUG-1"], RECEIVED)
    dialog.quantity.setText("4")
    assert dialog.quantity_value() == 4
    dialog.kind.setCurrentIndex(dialog.kind.findData(WRITTEN_OFF))
    assert dialog.quantity_value() == -4
    assert dialog.quantity_hint.text().startswith("Units damaged, lost or expired")
    assert dialog.after.text() == "15 → 11 (\u22124)"


# -- stock rules --------------------------------------------------------------------------------


def rules_dialog(qtbot: QtBot, context: ShopContext, variant_id: int) -> StockRulesDialog:
    dialog = StockRulesDialog(context, variant_id)
    qtbot.addWidget(dialog)
    return dialog


def test_blank_rules_show_the_shop_defaults_and_the_suggestions_as_placeholders(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = rules_dialog(qtbot, stock_context, ids["MUG-1"])
    stock = sku_stock(stock_context.uow(), ids["MUG-1"])
    placeholders = {name: edit.placeholderText() for name, edit in dialog.edits.items()}
    assert placeholders["lead_time_days"] == "shop default: 14"
    assert placeholders["pack_multiple"] == placeholders["min_order_qty"] == "shop default: 1"
    assert placeholders["reorder_point"] == f"suggested: {stock.suggested.reorder_point}"
    assert all(edit.text() == "" for edit in dialog.edits.values())
    assert dialog.allow_negative.currentText() == "Shop default (no)"


def test_a_longer_lead_time_raises_the_suggested_reorder_point_as_it_is_typed(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = rules_dialog(qtbot, stock_context, ids["MUG-1"])
    dialog.edits["safety_stock"].setText("0")
    figures = sku_stock(stock_context.uow(), ids["MUG-1"]).figures
    dialog.edits["lead_time_days"].setText("100")
    # units sold in 100 days at the current pace, rounded up (no safety stock)
    expected = math.ceil(Fraction(figures.units_sold * 100, figures.window_days))
    assert dialog.edits["reorder_point"].placeholderText() == f"suggested: {expected}"


def test_rules_that_make_no_sense_are_named_under_their_field_and_cannot_be_saved(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = rules_dialog(qtbot, stock_context, ids["MUG-1"])
    dialog.edits["reorder_point"].setText("abc")
    dialog.edits["pack_multiple"].setText("0")
    dialog.edits["lead_time_days"].setText("-3")
    problems = {name: label.text() for name, label in dialog.problem_labels.items()}
    assert problems["reorder_point"] == "'abc' is not a whole number"
    assert problems["pack_multiple"] == "must be at least 1"
    assert problems["lead_time_days"] == "must not be negative"
    assert not save_enabled(dialog)
    dialog.edits["reorder_point"].setText("20")
    dialog.edits["max_stock"].setText("5")
    dialog.edits["pack_multiple"].setText("6")
    dialog.edits["lead_time_days"].setText("")
    assert dialog.problem_labels["max_stock"].text() == "must not be below the reorder point"
    assert not save_enabled(dialog)


def test_saving_rules_stores_what_was_typed_and_blank_keeps_the_default(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = rules_dialog(qtbot, stock_context, ids["MUG-1"])
    dialog.edits["reorder_point"].setText("8")
    dialog.edits["pack_multiple"].setText("12")
    dialog.allow_negative.setCurrentIndex(dialog.allow_negative.findData(True))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stock = sku_stock(stock_context.uow(), ids["MUG-1"])
    assert stock.policy == PolicyDraft(reorder_point=8, pack_multiple=12, allow_negative=True)
    assert stock.figures.reorder_point == 8 and stock.allows_negative


def test_use_shop_defaults_clears_a_skus_own_rules(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    dialog = rules_dialog(qtbot, stock_context, ids["TEE-S"])
    assert dialog.edits["reorder_point"].text() == "10"
    dialog.reset_button.click()
    assert dialog.edits["reorder_point"].text() == ""
    dialog.save()
    assert sku_stock(stock_context.uow(), ids["TEE-S"]).policy == PolicyDraft()
