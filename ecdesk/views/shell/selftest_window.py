"""The GUI half of `--selftest`: open a shop as the app does, then show and paint every page.

Pages are found by walking the main window's navigation list, so pages added later are checked
without a change here. A Python error in a slot, or any modal dialog (an error message, a
question), fails the check with its text, since nobody is there to answer it.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QObject,
    QThreadPool,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ecdesk.errors import EcdeskError
from ecdesk.i18n import current_language
from ecdesk.views.shell.app_icon import app_icon
from ecdesk.views.shell.languages import install_language
from ecdesk.views.shell.launcher import ShopController, window_settings

TIMEOUT_S = 60  # for the shop to open, and then for each page's background work
SETTLE_S = 0.2  # event-loop time each page gets to load and repaint after it is shown
# Said by Qt's offscreen platform for every top-level window; true, and of no interest here.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


class GuiCheckError(EcdeskError):
    """What went wrong, in one line, for the self-test's result."""


def open_every_page(shop: Path) -> list[str]:
    """Open `shop` in the main window and show each navigation page in turn; their names."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    icon = app_icon()
    if icon.isNull():
        raise GuiCheckError("the app icon is missing from resources/icons")
    app.setWindowIcon(icon)
    install_language(app, current_language())  # `--lang zh_CN --selftest` walks it in Chinese
    controller = ShopController(window_settings())
    with _Trouble() as trouble:
        try:
            return _walk_pages(controller, shop, trouble)
        finally:
            _close(controller)


def _walk_pages(controller: ShopController, shop: Path, trouble: _Trouble) -> list[str]:
    controller.start(shop)
    _wait(lambda: _attached(controller) or controller.exit_code != 0 or controller.cancelled,
          f"{shop.name} to open", trouble)
    trouble.raise_first("opening the shop")
    window = controller.window
    if window is None or not _attached(controller):
        raise GuiCheckError(f"the main window did not open {shop.name}")
    names = []
    for row in range(window.navigation.count()):
        name = window.navigation.item(row).text()
        window.navigation.setCurrentRow(row)
        page = window.pages.currentWidget()
        if page is None or window.pages.indexOf(page) != row:
            raise GuiCheckError(f"the navigation item {name!r} has no page")
        try:
            _settle()
            page.grab()  # paints the page (and its table's visible rows) into an image
            _settle()
        except GuiCheckError:
            raise
        except Exception as error:  # a Python override called from here raises to here
            trouble.record(type(error), error, error.__traceback__)
        trouble.raise_first(f"the {name} page")
        names.append(name)
    if not names:
        raise GuiCheckError("the main window has no pages")
    return names


def _attached(controller: ShopController) -> bool:
    return controller.window is not None and controller.window.context is not None


def _settle() -> None:
    """Let the page load: run the event loop, wait for its workers, deliver their results."""
    _run_events(SETTLE_S)
    if not QThreadPool.globalInstance().waitForDone(TIMEOUT_S * 1000):
        raise GuiCheckError(f"background work did not finish within {TIMEOUT_S} s")
    _run_events(SETTLE_S)


def _wait(condition: Callable[[], bool], what: str, trouble: _Trouble) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        trouble.raise_first(what)
        if time.monotonic() > deadline:
            raise GuiCheckError(f"waited {TIMEOUT_S} s for {what}")
        _run_events(0.02)


def _run_events(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def _close(controller: ShopController) -> None:
    """Close the window and the shop as quitting the app does (the lock is released)."""
    QThreadPool.globalInstance().waitForDone(TIMEOUT_S * 1000)
    if controller.window is not None:
        controller.window.close()
        controller.window.deleteLater()
    controller.shutdown()
    _run_events(0.05)


class _Trouble(QObject):
    """Collects what would have reached a person: unhandled errors and modal dialogs.

    Slots that raise do not unwind to the caller; Qt hands the error to sys.excepthook. A modal
    dialog would wait forever for a click: it is read, recorded and closed instead.
    """

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._hook = sys.excepthook
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._close_dialogs)

    def __enter__(self) -> _Trouble:
        sys.excepthook = self.record
        self._qt_handler = qInstallMessageHandler(_quiet_offscreen)
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()
        qInstallMessageHandler(self._qt_handler)
        sys.excepthook = self._hook

    def record(self, kind: type[BaseException], error: BaseException,
               tb: TracebackType | None) -> None:
        frames = traceback.extract_tb(tb)
        where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        self.found.append(f"{kind.__name__}: {error}{where}")

    def _close_dialogs(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        self.found.append(f"a dialog asked for the user: {dialog.windowTitle()}: {text}".strip())
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    def raise_first(self, during: str) -> None:
        if self.found:
            raise GuiCheckError(f"{during}: {self.found[0]}".replace("\n", " "))


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages go to stderr as usual, except the offscreen platform's known remarks."""
    if message not in OFFSCREEN_NOISE and kind != QtMsgType.QtDebugMsg and sys.stderr:
        print(message, file=sys.stderr)
