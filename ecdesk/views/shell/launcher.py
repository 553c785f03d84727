"""Starts the Qt application, opens shops into main windows, and catches what slips through.

The main window is shown and painted first, so it appears as fast as a bare Qt window. Then the
Listings page shows the shop's first rows, read with sqlite3 alone (services.catalog.first_rows);
only after that is the database layer (SQLAlchemy, the services) imported and the shop opened,
and the page takes the open shop over. A file that cannot be read that way (new, at another
schema version, damaged) is opened directly after the first paint.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ecdesk.config import data_dir
from ecdesk.log_file import set_up_logging
from ecdesk.views.shell.app_icon import app_icon
from ecdesk.views.shell.languages import app_settings, chosen_language, install_language
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.widgets.damage_watch import damage_watch, report_damage

if TYPE_CHECKING:
    from ecdesk.db import Database
    from ecdesk.services.shop_file.backups import RotationPolicy
    from ecdesk.services.shop_file.shop_lock import ShopLock
    from ecdesk.views.catalog.listings_page import ListingsPage

log = logging.getLogger("ecdesk")
PRELOAD_POLL_MS = 10
FIRST_ROWS_PAINT_WAIT_MS = 300  # a table squeezed to nothing by a saved layout never paints


def launch(path: Path, startup_probe: bool = False, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ecdesk")
    app.setOrganizationName("ecdesk")
    app.setWindowIcon(app_icon())
    set_up_logging()
    sys.excepthook = _show_unhandled
    settings = window_settings()
    install_language(app, language or chosen_language(settings))
    controller = ShopController(settings, startup_probe)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start(path)
    return app.exec() or controller.exit_code


def _preload_database_layer() -> None:
    """Import SQLAlchemy and the services that opening a shop needs (about 0.5 s).

    Run on a thread once the first rows have painted, so that the window stays responsive
    meanwhile. Not earlier: the GUI thread would then share the GIL with it while it builds and
    paints, and painting a Python table model waits for the GIL at every cell.
    """
    import ecdesk.db
    import ecdesk.services.catalog.commands
    import ecdesk.services.catalog.queries
    import ecdesk.services.channels
    import ecdesk.services.settings
    import ecdesk.services.shop_file.backups
    import ecdesk.services.shop_file.shop_lock  # noqa: F401


def window_settings() -> QSettings:
    """Window geometry and recent shops, kept beside the data so tests can redirect them."""
    return app_settings()


class ShopController(QObject):
    """Owns the open shop and its window; File > Open replaces both."""

    def __init__(self, settings: QSettings, startup_probe: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.window: MainWindow | None = None
        self.db: Database | None = None
        self.lock: ShopLock | None = None
        self._pending_lock: ShopLock | None = None
        self._backup_stop = threading.Event()  # set: the running daily backup stops
        self.cancelled = False
        self.exit_code = 0
        self._probe = startup_probe
        self._probed_rows = False
        damage_watch().found.connect(self._offer_restore_after_damage)

    def start(self, path: Path) -> None:
        """Paint an empty main window at once, then open `path` into it."""
        self.window = self._new_window()
        FirstPaint(self.window, lambda: self._open_first(path))
        self.window.show()

    def _open_first(self, path: Path) -> None:
        if self._probe:
            print("probe painted", flush=True)
        # The Listings page can show its first rows before the shop is open; the start-up
        # probe measures that path, so it always starts there.
        window = self.window
        assert window is not None
        if self._probe:
            window.opening_page = "listings"
        page = self._show_first_rows(path) if window.start_page() == "listings" else None
        if page is None:
            self._open_first_or_quit(path)
        else:  # open the shop (SQLAlchemy, schema check, lock, pages) once those rows show
            window = self.window
            FirstPaint(page.table.viewport(), lambda: self._first_rows_painted(path, window),
                       at_latest_ms=FIRST_ROWS_PAINT_WAIT_MS)

    def _show_first_rows(self, path: Path) -> ListingsPage | None:
        """The Listings page with the shop's first rows, read without SQLAlchemy; None when
        the file must be opened the normal way first (new, older or newer schema, damaged)."""
        from ecdesk.services.catalog.first_rows import read_first_rows

        first = read_first_rows(path)
        if first is None or self.window is None:
            return None
        return self.window.show_first_rows(first)

    def _first_rows_painted(self, path: Path, window: MainWindow | None) -> None:
        self._probe_rows()
        preload = threading.Thread(target=_preload_database_layer, name="preload", daemon=True)
        preload.start()
        # The thread touches no Qt object: a timer notices when it has ended.
        poll = QTimer(self, interval=PRELOAD_POLL_MS)
        poll.timeout.connect(lambda: self._open_when_preloaded(preload, poll, path, window))
        poll.start()

    def _open_when_preloaded(self, preload: threading.Thread, poll: QTimer, path: Path,
                             window: MainWindow | None) -> None:
        if preload.is_alive():
            return
        poll.stop()
        poll.deleteLater()
        if window is not self.window:
            return  # File > Open chose another shop meanwhile: that one is open now
        self._open_first_or_quit(path)  # (a failed import fails again here, and is reported)

    def _open_first_or_quit(self, path: Path) -> None:
        if not self.open(path, self.window):
            self.exit_code = 0 if self.cancelled else 1
            self._quit()

    def open(self, path: Path, window: MainWindow | None = None) -> bool:
        """Open the shop at `path` into `window`, or into a new window replacing the current."""
        db = self._open_database(path)
        if db is None:
            return False
        from ecdesk.views.shell.shop_context import ShopContext

        old_window, old_db, old_lock = self.window, self.db, self.lock
        if old_window is not None and old_window.context is not None:
            old_window.context.close()
        target = window or self._new_window()
        self.window, self.db, self.lock = target, db, self._pending_lock
        target.attach(ShopContext(db))
        if self._probe:
            page = target.listings
            page.rows_shown.connect(lambda: FirstPaint(page.table.viewport(), self._probe_done))
        if old_window is not None and old_window is not target:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.close()
        if old_lock is not None:
            old_lock.release()  # (reopening the same shop: the new lock object shares it)
        damage_watch().reset()
        target.show()
        QTimer.singleShot(0, target.load_pages)
        if not db.read_only:
            self._daily_backup(db)
        return True

    def _new_window(self) -> MainWindow:
        window = MainWindow(None, self.settings)
        window.shop_requested.connect(self.open)
        window.restore_requested.connect(self.restore)
        return window

    def restore(self, backup: Path) -> None:
        """Close the shop, put the backup in its place (after a safety copy), open it again."""
        from ecdesk.errors import EcdeskError
        from ecdesk.services.shop_file.backups import restore

        if self.db is None or self.window is None:
            return
        shop = self.db.path
        self.db.close()
        self.db = None
        try:
            safety = restore(backup, shop)
        except EcdeskError as error:
            QMessageBox.critical(self.window, "ecdesk", str(error))
            safety = None
        else:
            QMessageBox.information(
                self.window, "ecdesk",
                self.tr("Restored %s.\nThe shop as it was is kept in %s.")
                % (backup.name, safety.path if safety else "—"))
        self.open(shop)

    def _offer_restore_after_damage(self, problem: str) -> None:
        """Damage found while the shop was in use: offer the newest good backup (once)."""
        from ecdesk.views.shell.shop_opener import ask_to_restore, good_backup_or_say_none

        if self.db is None or self.window is None:
            return
        backup = good_backup_or_say_none(self.db.path, problem, self.window)
        if backup is not None and ask_to_restore(backup, problem, self.window):
            self.restore(backup.path)

    def _daily_backup(self, db: Database) -> None:
        """The once-a-day backup, off the GUI thread: the large shop takes 12 s to copy and
        check. Closing the shop stops it within a step (see `shutdown`)."""
        from ecdesk.services.shop_file.backups import get_rotation_policy

        policy = get_rotation_policy(db.uow())
        self._backup_stop.set()  # (the backup of a shop opened before stops too)
        self._backup_stop = threading.Event()
        QThreadPool.globalInstance().start(_daily_backup_job(db.path, policy,
                                                             self._backup_stop))

    def _open_database(self, path: Path) -> Database | None:
        """The opened shop; None (after telling the user why) when it cannot be used."""
        from ecdesk.services.settings import get_settings
        from ecdesk.views.shell.shop_opener import open_shop

        is_new = not path.exists()
        opened = open_shop(path, self.window)
        self.cancelled = opened.cancelled
        db = opened.db
        if db is None:
            return None
        needs_setup = not get_settings(db.uow()).initialized
        if needs_setup and (db.read_only or not _first_run(db, self.window)):
            db.close()
            if opened.lock is not None:
                opened.lock.release()
            if is_new:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            self.cancelled = True
            return None
        self._pending_lock = opened.lock
        return db

    def _probe_rows(self) -> None:
        if self._probe and not self._probed_rows:
            self._probed_rows = True
            print("probe rows", flush=True)

    def _probe_done(self) -> None:
        """The open shop's Listings page has painted (its filters and actions work): quit."""
        self._probe_rows()  # (unless the first rows came before the shop was open)
        print("probe ready", flush=True)
        QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        if self.window is not None:
            self.window.close()
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> None:
        """Close the shop file and give up its lock (also when the last window closes).

        A daily backup still running is told to stop: quitting would otherwise wait for it
        (13 s on the large shop) while Qt's thread pool finishes."""
        self._backup_stop.set()
        if self.window is not None and self.window.context is not None:
            self.window.context.close()
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _daily_backup_job(shop: Path, policy: RotationPolicy,
                      stop: threading.Event | None = None) -> Callable[[], None]:
    """The daily backup as a plain callable for Qt's thread pool (see views/workers.py);
    setting `stop` ends it within a step, keeping no partial copy."""
    def run() -> None:
        from ecdesk.errors import CancelledError
        from ecdesk.services.shop_file.backups import daily_backup_if_due

        keep_going = None if stop is None else (lambda: not stop.is_set())
        try:
            daily_backup_if_due(shop, policy, keep_going=keep_going)
        except CancelledError:
            log.info("The daily backup of %s stopped as the shop closed; it runs at the next "
                     "open", shop)
        except Exception:  # a missed daily backup must not stop the shop; it is logged
            log.exception("The daily backup of %s failed", shop)
    return run


class FirstPaint(QObject):
    """Calls back once, on the next event-loop turn after `widget` first paints, or after
    `at_latest_ms` without a paint when that is given."""

    def __init__(self, widget: QWidget, callback: Callable[[], object],
                 at_latest_ms: int | None = None) -> None:
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        widget.update()
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def _first_run(db: Database, parent: QWidget | None) -> bool:
    """Name the new shop and create its channels; False when cancelled or refused (the caller
    then removes the new file)."""
    from ecdesk.errors import ValidationError
    from ecdesk.services.channels import add_channels
    from ecdesk.services.settings import update_settings
    from ecdesk.views.shell.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        if dialog.channels():  # first: the shop is not set up until both are written
            add_channels(db.uow("gui"), dialog.channels())
        update_settings(db.uow("gui"), **dialog.form.values())  # type: ignore[arg-type]
    except ValidationError as error:
        QMessageBox.warning(parent, dialog.windowTitle(),
                            "\n".join(str(problem) for problem in error.problems))
        return False
    return True


def _show_unhandled(kind: type[BaseException], error: BaseException,
                    tb: TracebackType | None) -> None:
    """Log the traceback, tell the user in plain words, and keep the app running."""
    log.error("Unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if report_damage(error):  # the controller offers the newest good backup
        return
    QMessageBox.critical(
        QApplication.activeWindow(), "ecdesk",
        QCoreApplication.translate(
            "Launcher", "Something went wrong: %1\n\nNothing you saved before is lost. The "
            "details are in %2.").replace("%1", str(error)).replace(
                "%2", str(data_dir() / "ecdesk.log")))
