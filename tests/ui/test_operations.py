"""The shop's one background write (ShopContext.run_operation): what it broadcasts and when."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.operations import ProgressDialog
from tests.ui.background_writes import broadcasts
from tests.ui.conftest import finish_workers


@dataclass(frozen=True)
class Written:
    changed: Changed


WRITTEN = Written(Changed.of(ChangeArea.STOCK, message="3 SKU(s) counted", ids=(1, 2, 3)))


def gated_work(gate: threading.Event):
    def work(_progress: object) -> Written:
        assert gate.wait(10), "the test never opened the gate"
        return WRITTEN
    return work


def test_a_write_whose_window_closed_meanwhile_is_still_broadcast_once(
        qtbot: QtBot, empty_context: ShopContext) -> None:
    window, gate, done = QWidget(), threading.Event(), []
    seen = broadcasts(empty_context)
    operation = empty_context.run_operation(window, "Stock count", gated_work(gate), done.append)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    qtbot.waitUntil(lambda: not operation.job.running, timeout=10_000)
    finish_workers()
    assert seen == [WRITTEN.changed]
    assert done == []  # the window that asked is gone: nobody is told but the pages


def test_a_write_that_cannot_be_cancelled_has_no_cancel_and_ignores_escape(
        qtbot: QtBot, empty_context: ShopContext) -> None:
    window, gate, done = QWidget(), threading.Event(), []
    qtbot.addWidget(window)
    seen = broadcasts(empty_context)
    operation = empty_context.run_operation(window, "Stock count", gated_work(gate), done.append,
                                            cancellable=False)
    dialog = window.findChild(ProgressDialog)
    assert dialog is not None and dialog.cancel_button.isHidden()
    dialog.reject()  # what Escape and closing the window do
    assert not operation.job.cancelling
    gate.set()
    qtbot.waitUntil(lambda: done == [WRITTEN], timeout=10_000)
    assert seen == [WRITTEN.changed]
    assert window.findChild(ProgressDialog) is None or not dialog.isVisible()
