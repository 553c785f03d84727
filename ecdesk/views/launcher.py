"""Starts the Qt application, opens shops into main windows, and catches what slips through."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ecdesk.config import data_dir
from ecdesk.db import Database, open_database
from ecdesk.errors import DatabaseError
from ecdesk.services.settings import get_settings, update_settings
from ecdesk.views.first_run_dialog import FirstRunDialog
from ecdesk.views.main_window import MainWindow
from ecdesk.views.shop_context import ShopContext

log = logging.getLogger("ecdesk")


def launch(path: Path, startup_probe: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ecdesk")
    app.setOrganizationName("ecdesk")
    _set_up_logging()
    sys.excepthook = _show_unhandled
    controller = ShopController(window_settings(), startup_probe)
    if not controller.open(path):
        return 0 if controller.cancelled else 1
    return app.exec()


def window_settings() -> QSettings:
    """Window geometry and recent shops, kept beside the data so tests can redirect them."""
    return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)


class ShopController(QObject):
    """Owns the open shop and its window; File > Open replaces both."""

    def __init__(self, settings: QSettings, startup_probe: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.window: MainWindow | None = None
        self.db: Database | None = None
        self.cancelled = False
        self._probe = startup_probe

    def open(self, path: Path) -> bool:
        parent = self.window
        is_new = not path.exists()
        try:
            db = open_database(path)
        except DatabaseError as error:
            QMessageBox.critical(parent, "ecdesk", str(error))
            return False
        if not get_settings(db.uow()).initialized and not _first_run(db, parent):
            db.close()
            if is_new:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            self.cancelled = True
            return False
        self._replace_window(db)
        return True

    def _replace_window(self, db: Database) -> None:
        old_window, old_db = self.window, self.db
        self.db = db
        self.window = MainWindow(ShopContext(db), self.settings)
        self.window.shop_requested.connect(self.open)
        FirstPaint(self.window, self._after_first_paint)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.close()
        self.window.show()

    def _after_first_paint(self) -> None:
        assert self.window is not None
        if self._probe:
            print("probe painted", flush=True)
            page = self.window.listings
            page.rows_shown.connect(lambda: FirstPaint(page.table.viewport(), self._probe_done))
        QTimer.singleShot(0, self.window.load_pages)

    def _probe_done(self) -> None:
        print("probe rows", flush=True)
        QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.db is not None:
            self.db.close()
        QApplication.quit()


class FirstPaint(QObject):
    """Calls back once, after the first time `widget` paints."""

    def __init__(self, widget: QWidget, callback: object) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # type: ignore[arg-type]
        return False


def _first_run(db: Database, parent: QWidget | None) -> bool:
    dialog = FirstRunDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    update_settings(db.uow("gui"), **dialog.form.values())  # type: ignore[arg-type]
    return True


def _set_up_logging() -> None:
    if log.handlers:
        return
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / "ecdesk.log", maxBytes=1_000_000, backupCount=3,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _show_unhandled(kind: type[BaseException], error: BaseException,
                    tb: TracebackType | None) -> None:
    """Log the traceback, tell the user in plain words, and keep the app running."""
    log.error("Unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    QMessageBox.critical(
        QApplication.activeWindow(), "ecdesk",
        f"Something went wrong: {error}\n\nNothing you saved before is lost. The details are in "
        f"{data_dir() / 'ecdesk.log'}.")
