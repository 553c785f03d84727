"""Opening a shop file with a person at the keyboard: locks, read-only files, damaged files.

Each problem gets a plain explanation and a way forward: a shop open elsewhere can be looked at
read-only; a read-only file opens for viewing; a damaged or unreadable file can be replaced by
the newest backup that passes the integrity check (the damaged file is kept aside).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QMessageBox, QWidget

from ecdesk.db import Database, open_database, writable
from ecdesk.errors import DamagedShopError, DatabaseError, ShopUnreachableError
from ecdesk.services.shop_file.backups import (
    BackupInfo,
    file_timezone,
    newest_good_backup,
    restore,
)
from ecdesk.services.shop_file.shop_lock import ShopLock
from ecdesk.views.shell.shop_clock import shop_time_text
from ecdesk.views.widgets.operations import ProgressDialog
from ecdesk.views.widgets.workers import Job

Button = QMessageBox.StandardButton

translate = QCoreApplication.translate


@dataclass
class OpenedShop:
    db: Database | None
    lock: ShopLock | None = None  # None when open read-only (someone else may hold it)
    cancelled: bool = False


def open_shop(path: Path, parent: QWidget | None) -> OpenedShop:
    lock: ShopLock | None = ShopLock(path, "ecdesk (window)")
    read_only = False
    try:
        other = lock.acquire() if path.parent.is_dir() else None
    except ShopUnreachableError as error:
        if error.reason != "read_only":  # a full or removed disk: the file is not damaged
            QMessageBox.critical(parent, "ecdesk", str(error))
            return OpenedShop(None)
        other, lock = None, None
        read_only = _tell_read_only(path, parent)
    if other is not None:
        if not _ask(parent, translate(
                "ShopOpener", "This shop is open in %s.\n\nOpen it read-only to look things up? "
                "Changes can only be made there.") % other.describe(),
                translate("ShopOpener", "Open read-only")):
            return OpenedShop(None, cancelled=True)
        read_only, lock = True, None
    elif lock is not None and path.exists() and not writable(path):
        read_only = _tell_read_only(path, parent)
        lock.release()
        lock = None
    try:
        return OpenedShop(open_database(path, read_only=read_only), lock)
    except DatabaseError as error:
        if lock is not None:
            lock.release()
        if not isinstance(error, DamagedShopError):  # a full or removed disk: the file is fine
            QMessageBox.critical(parent, "ecdesk", str(error))
            return OpenedShop(None)
        return _offer_restore(path, str(error), parent)


def _tell_read_only(path: Path, parent: QWidget | None) -> bool:
    QMessageBox.information(parent, "ecdesk", translate(
        "ShopOpener",
        "%s is read-only (a locked USB stick, a read-only folder or a file without write "
        "permission). ecdesk opens it for viewing; changes cannot be saved.") % path.name)
    return True


def _offer_restore(path: Path, problem: str, parent: QWidget | None) -> OpenedShop:
    backup = good_backup_or_say_none(path, problem, parent)
    if backup is None:
        return OpenedShop(None)
    if not ask_to_restore(backup, problem, parent):
        return OpenedShop(None, cancelled=True)
    try:
        restore(backup.path, path)
        return open_shop(path, parent)
    except DatabaseError as error:
        QMessageBox.critical(parent, "ecdesk", str(error))
        return OpenedShop(None)


def good_backup_or_say_none(path: Path, problem: str, parent: QWidget | None
                            ) -> BackupInfo | None:
    """The newest backup of `path` that passes its check; None after explaining `problem` and
    that there is none."""
    backup = _search_off_the_gui_thread(path, parent) if path.parent.is_dir() else None
    if backup is None:
        QMessageBox.critical(parent, "ecdesk", problem)
    return backup


def _search_off_the_gui_thread(path: Path, parent: QWidget | None) -> BackupInfo | None:
    """`newest_good_backup` on a worker, with progress and Cancel: each backup's full check
    takes seconds on a large shop and froze the window. The caller goes on when the search
    has ended (a local event loop keeps the window painting meanwhile); None when cancelled
    or failed (the caller then explains the damage without an offer)."""
    dialog = ProgressDialog(parent, "ecdesk", translate(  # type: ignore[arg-type]
        "ShopOpener", "Looking for the newest good backup…"), cancellable=True)
    job = Job(lambda progress: newest_good_backup(path, progress), dialog)
    dialog.cancel_requested.connect(job.cancel)
    job.signals.progress.connect(dialog.show_progress)
    found: list[BackupInfo | None] = []
    waiting = QEventLoop()
    job.signals.finished.connect(lambda backup: (found.append(backup), waiting.quit()))
    for ended in (job.signals.failed, job.signals.cancelled):
        ended.connect(waiting.quit)
    job.start()
    waiting.exec()
    dialog.finish()
    return found[0] if found else None


def ask_to_restore(backup: BackupInfo, problem: str, parent: QWidget | None) -> bool:
    """Explain the damage and offer `backup` (taken when, on the shop's clock)."""
    taken = shop_time_text(backup.created_at, ZoneInfo(file_timezone(backup.path)), day=True)
    question = translate("ShopOpener", "%s\n\nRestore the newest good backup, taken %s? The "
                         "file as it is now is kept beside it.") % (problem, taken)
    return _ask(parent, question, translate("ShopOpener", "Restore backup"))


def _ask(parent: QWidget | None, text: str, yes_label: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "ecdesk", text, parent=parent)
    yes = box.addButton(yes_label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(Button.Cancel)
    box.exec()
    return box.clickedButton() is yes
