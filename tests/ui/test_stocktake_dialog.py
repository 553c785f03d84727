"""The stock count dialog on the hand-made stock shop (MUG-1 15 on hand, MUG-2 3, TEE-S 0,
TEE-M -2 with negative stock allowed, CAP-1 archived): what is counted, what is refused and
named by row, what is posted, and that a blank count is never a zero."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.services.changes import ChangeArea
from ecdesk.services.common.shop_time import shop_today
from ecdesk.services.stock.inventory_dto import CountLine, InventoryQuery
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock import stocktake_dialog
from ecdesk.views.stock.stocktake_dialog import SCANNED, StocktakeDialog
from ecdesk.views.stock.stocktake_model import COUNTED, ERROR_BACKGROUND, parse_count
from tests.inventory_fixtures import MUG_BARCODE
from tests.ui import stock_ui_fixtures as fixtures
from tests.ui.background_writes import broadcasts, spy_on
from tests.ui.conftest import finish_workers
from tests.ui.stock_ui_fixtures import movements, on_hand

# The hand-made stock shop, copied for each test (tests/ui/stock_ui_fixtures.py).
stock_template, stock_db, stock_context, ids = (
    fixtures.stock_template, fixtures.stock_db, fixtures.stock_context, fixtures.ids)

Answer = Callable[[bool], list[str]]
SORTED_BY_SKU = InventoryQuery(sort="sku")  # MUG-1, MUG-2, TEE-M, TEE-S


@pytest.fixture
def dialog(qtbot: QtBot, stock_context: ShopContext) -> StocktakeDialog:
    """A count of every SKU for sale, its sheet loaded."""
    count = StocktakeDialog(stock_context, SORTED_BY_SKU, "All stock · 4 SKUs")
    qtbot.addWidget(count, before_close_func=lambda _w: finish_workers())
    qtbot.waitUntil(lambda: not count.loading, timeout=5000)
    return count


def sheet(dialog: StocktakeDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.data(model.index(r, c)) for c in (0, 3, 4, 5)]
            for r in range(model.rowCount())]


def count(dialog: StocktakeDialog, sku: str, text: str) -> None:
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.line_at(r).sku == sku)
    assert model.setData(model.index(row, COUNTED), text)


# -- counts as typed ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("12", (12, None)), (" 0 ", (0, None)), ("1,200", (1200, None)), ("１２", (12, None)),
    ("", (None, None)), ("   ", (None, None)),
    ("-3", (None, "'-3' is below zero")), ("2.5", (None, "'2.5' is not a whole number")),
    ("abc", (None, "'abc' is not a whole number")),
    ("99999999", (None, "'99999999' is more than 10,000,000: please check the number")),
])
def test_a_count_is_a_whole_number_of_at_least_zero_and_blank_is_not_counted(
        text: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_count(text) == expected


def test_the_count_model_passes_the_model_tester(qtmodeltester: object,
                                                 dialog: StocktakeDialog) -> None:
    count(dialog, "MUG-1", "abc")
    count(dialog, "MUG-2", "3")
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]


# -- the sheet ----------------------------------------------------------------------------------


def test_the_sheet_holds_the_pages_skus_with_what_the_shop_expects(
        dialog: StocktakeDialog, stock_context: ShopContext) -> None:
    assert sheet(dialog) == [["MUG-1", "15", "", ""], ["MUG-2", "3", "", ""],
                             ["TEE-M", "\u22122", "", ""], ["TEE-S", "0", "", ""]]
    assert dialog.reference.text() == f"Count {shop_today(stock_context.zone).isoformat()}"
    assert dialog.summary.text().startswith("0 SKU(s) counted")
    assert not dialog.post_button.isEnabled()  # nothing counted yet
    assert "All stock · 4 SKUs" in dialog.scope.currentText()


def test_the_counted_column_alone_is_editable(dialog: StocktakeDialog) -> None:
    model = dialog.model
    editable = [bool(model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable)
                for c in range(model.columnCount())]
    assert editable == [False, False, False, False, True, False]


def test_the_summary_says_how_many_were_counted_how_many_differ_and_by_how_much(
        dialog: StocktakeDialog) -> None:
    count(dialog, "MUG-1", "12")  # -3
    count(dialog, "MUG-2", "3")  # as expected
    count(dialog, "TEE-S", "1")  # +1
    assert dialog.summary.text() == (
        "3 SKU(s) counted, 2 differ, net \u22122 units · 1 not counted (left as they are)")
    assert sheet(dialog)[0] == ["MUG-1", "15", "12", "\u22123"]
    assert dialog.post_button.isEnabled()


# -- bad input ----------------------------------------------------------------------------------


def test_bad_counts_are_named_by_row_and_sku_and_nothing_can_be_posted(
        dialog: StocktakeDialog, stock_db: Database, ids: dict[str, int]) -> None:
    count(dialog, "MUG-1", "14")
    count(dialog, "MUG-2", "abc")
    count(dialog, "TEE-S", "-3")
    assert dialog.problems.text() == ("Row 2 (MUG-2): 'abc' is not a whole number\n"
                                      "Row 4 (TEE-S): '-3' is below zero")
    model = dialog.model
    assert model.data(model.index(1, COUNTED), Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert model.data(model.index(1, COUNTED), Qt.ItemDataRole.ToolTipRole) == (
        "'abc' is not a whole number")
    assert not dialog.post_button.isEnabled()
    dialog.post()  # Ctrl+S: refused as well
    assert on_hand(stock_db, ids["MUG-1"]) == 15
    assert [m for m in movements(stock_db, ids["MUG-1"]) if m[0] == "counted"] == []


def test_many_bad_counts_are_summed_up_after_the_first_few(dialog: StocktakeDialog) -> None:
    dialog.model.set_lines([CountLine(n, f"X-{n}", "Thing", "", None, 0) for n in range(1, 9)])
    for row in range(8):
        dialog.model.set_counted(row, "x")
    lines = dialog.problems.text().split("\n")
    assert lines[0] == "Row 1 (X-1): 'x' is not a whole number"
    assert len(lines) == 6 and lines[-1] == "… and 3 more"


# -- posting ------------------------------------------------------------------------------------


def test_a_good_count_is_posted_with_its_reference_and_blank_skus_stay_as_they_are(
        qtbot: QtBot, dialog: StocktakeDialog, stock_context: ShopContext, stock_db: Database,
        ids: dict[str, int], answer_questions: Answer) -> None:
    asked = answer_questions(True)
    seen = broadcasts(stock_context)
    count(dialog, "MUG-1", "12")
    count(dialog, "MUG-2", "3")
    dialog.reference.setText("Count shelf A")
    dialog.note.setText("year end")
    dialog.post()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert asked == ["Post the count? 2 SKU(s) counted; 1 differ and change on hand by "
                     "\u22123 units. SKUs left blank are not changed."]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert on_hand(stock_db, ids["MUG-1"]) == 12
    assert movements(stock_db, ids["MUG-1"])[-1] == (
        "counted", -3, "Counted 12 (was 15): year end", "Count shelf A")
    assert on_hand(stock_db, ids["MUG-2"]) == 3  # counted as expected: no movement
    assert [m[0] for m in movements(stock_db, ids["MUG-2"])] == ["received"]
    assert on_hand(stock_db, ids["TEE-M"]) == -2  # left blank: not set to zero
    assert on_hand(stock_db, ids["TEE-S"]) == 0
    assert [ChangeArea.STOCK in change.areas for change in seen] == [True]


def test_answering_no_posts_nothing(dialog: StocktakeDialog, stock_db: Database,
                                   ids: dict[str, int], answer_questions: Answer) -> None:
    answer_questions(False)
    count(dialog, "MUG-1", "1")
    dialog.post()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert on_hand(stock_db, ids["MUG-1"]) == 15


def test_a_count_is_posted_off_the_gui_thread_and_broadcasts_the_services_changed_once(
        qtbot: QtBot, dialog: StocktakeDialog, stock_context: ShopContext, stock_db: Database,
        ids: dict[str, int], answer_questions: Answer, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = spy_on(monkeypatch, stocktake_dialog, "post_stock_count")
    seen = broadcasts(stock_context)
    answer_questions(True)
    count(dialog, "MUG-1", "20")
    count(dialog, "TEE-S", "4")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=10_000)
    assert spy.on_gui_thread == [False]
    assert seen == [dialog.posted.changed] and dialog.posted is spy.results[0]
    assert (dialog.posted.counted, dialog.posted.differing, dialog.posted.units) == (2, 2, 9)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (on_hand(stock_db, ids["MUG-1"]), on_hand(stock_db, ids["TEE-S"])) == (20, 4)


def test_a_count_refused_on_the_worker_is_explained_in_the_dialog(
        qtbot: QtBot, dialog: StocktakeDialog, stock_db: Database, ids: dict[str, int],
        answer_questions: Answer, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError([Problem("SKU MUG-1", "was archived meanwhile")])

    monkeypatch.setattr(stocktake_dialog, "post_stock_count", refuse)
    seen = broadcasts(dialog.context)
    answer_questions(True)
    count(dialog, "MUG-1", "20")
    dialog.post()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.problems.text() == "SKU MUG-1: was archived meanwhile"
    assert dialog.posted is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.post_button.isEnabled()  # the count is still there to post again
    assert on_hand(stock_db, ids["MUG-1"]) == 15
    assert seen == []


def test_a_count_that_fails_on_the_worker_is_reported_plainly(
        qtbot: QtBot, dialog: StocktakeDialog, answer_questions: Answer,
        message_boxes: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise NotFoundError("1 counted SKU(s) no longer exist; nothing was posted")

    monkeypatch.setattr(stocktake_dialog, "post_stock_count", fail)
    seen = broadcasts(dialog.context)
    answer_questions(True)
    count(dialog, "MUG-1", "20")
    dialog.post()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert message_boxes == [("warning", "Not posted",
                              "1 counted SKU(s) no longer exist; nothing was posted")]
    assert seen == []


# -- scanning -----------------------------------------------------------------------------------


def test_scanned_codes_put_their_skus_on_the_sheet_and_count_one_each(
        qtbot: QtBot, dialog: StocktakeDialog, answer_questions: Answer) -> None:
    dialog.scope.setCurrentIndex(dialog.scope.findData(SCANNED))
    assert dialog.model.rowCount() == 0
    dialog.each_scan_adds.setChecked(True)
    for code in (MUG_BARCODE, MUG_BARCODE, "tee-m", MUG_BARCODE):
        qtbot.keyClicks(dialog.scan, code)
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert sheet(dialog) == [["MUG-1", "15", "3", "\u221212"], ["TEE-M", "\u22122", "1", "+3"]]
    assert dialog.scan.text() == ""


def test_an_unknown_code_is_reported_and_adds_nothing(qtbot: QtBot,
                                                      dialog: StocktakeDialog) -> None:
    dialog.scope.setCurrentIndex(dialog.scope.findData(SCANNED))
    qtbot.keyClicks(dialog.scan, "NOPE-42")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.scan_problem.text() == "No SKU or barcode 'NOPE-42' in the shop"
    assert dialog.model.rowCount() == 0


def test_a_scan_without_counting_one_opens_the_count_of_that_row(
        qtbot: QtBot, dialog: StocktakeDialog) -> None:
    qtbot.keyClicks(dialog.scan, "TEE-S")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.table.currentIndex().row() == 3
    assert dialog.table.currentIndex().column() == COUNTED
    assert dialog.model.rowCount() == 4  # already on the sheet: not added twice


def test_after_a_scan_the_next_scan_goes_to_the_scan_box(
        qtbot: QtBot, dialog: StocktakeDialog, answer_questions: Answer) -> None:
    answer_questions(True)  # (closing at the end asks whether to drop the counts)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.scan.setFocus()
    dialog.each_scan_adds.setChecked(True)
    qtbot.keyClicks(dialog.scan, "MUG-1")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.table.state() != QAbstractItemView.State.EditingState
    assert dialog.focusWidget() is dialog.scan
    dialog.each_scan_adds.setChecked(False)
    qtbot.keyClicks(dialog.scan, "MUG-2")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.table.state() == QAbstractItemView.State.EditingState  # type the count
    editor = dialog.table.viewport().findChild(QLineEdit)  # the open count
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # (Qt commits the typed count a moment later)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)
    assert (dialog.model.counted_text(0), dialog.model.counted_text(1)) == ("1", "3")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.scan)


# -- leaving ------------------------------------------------------------------------------------


def test_closing_with_counts_typed_asks_first(dialog: StocktakeDialog,
                                              answer_questions: Answer) -> None:
    asked = answer_questions(False)
    dialog.show()
    count(dialog, "MUG-1", "3")
    dialog.reject()  # Esc, Cancel or the window's close button
    assert asked == ["Close without posting? The counts typed are dropped."]
    assert dialog.isVisible()
    answer_questions(True)
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_switching_the_sheet_with_counts_typed_asks_first(dialog: StocktakeDialog,
                                                          answer_questions: Answer) -> None:
    answer_questions(False)
    count(dialog, "MUG-1", "3")
    dialog.scope.setCurrentIndex(dialog.scope.findData(SCANNED))
    assert dialog.scope.currentData() != SCANNED and dialog.model.rowCount() == 4
    assert dialog.model.counted_text(0) == "3"
