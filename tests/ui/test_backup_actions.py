"""File > Back up now and File > Restore: from the menu to the file and back."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.errors import DatabaseError
from ecdesk.services.shop_file import backups
from ecdesk.services.shop_file.backups import back_up, list_backups
from ecdesk.views.shell import backup_dialogs, launcher
from ecdesk.views.shell.backup_dialogs import RestoreDialog, start_backup
from ecdesk.views.shell.launcher import ShopController
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.widgets.operations import ProgressDialog
from tests.ui.background_writes import broadcasts, spy_on


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM products ORDER BY id LIMIT 5")]
    finally:
        conn.close()


@pytest.fixture
def controller(qtbot: QtBot, demo_copy: Path, tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch) -> ShopController:
    monkeypatch.setattr(launcher, "_daily_backup_job", _no_backup)  # a predictable folder
    control = ShopController(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    assert control.open(demo_copy)
    assert control.window is not None
    qtbot.addWidget(control.window)
    return control


def _no_backup(shop: Path, policy: object, stop: object = None) -> Callable[[], None]:
    return lambda: None


def test_back_up_now_writes_a_verified_copy_into_the_chosen_folder(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    assert controller.window is not None and controller.window.context is not None
    with qtbot.waitSignal(controller.window.context.changed, timeout=30_000) as told:
        controller.window.back_up_now()
    copies = list(stick.glob("*-manual.ecdesk"))
    assert len(copies) == 1
    assert told.args[0].message == f"Backed up to {copies[0]}"
    assert _titles(copies[0]) == _titles(controller.window.context.db.path)  # type: ignore


def _window(controller: ShopController) -> MainWindow:
    assert controller.window is not None and controller.window.context is not None
    return controller.window


def test_back_up_now_copies_and_checks_off_the_gui_thread_and_broadcasts_where_it_went_once(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(controller)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    copying = spy_on(monkeypatch, backup_dialogs, "back_up")
    checking = spy_on(monkeypatch, backups, "integrity_problems")
    seen = broadcasts(window.context)
    window.back_up_now()
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert copying.on_gui_thread == [False]
    assert checking.on_gui_thread == [False] and checking.results == [[]]
    assert seen == [copying.results[0].changed]
    assert not seen[0].areas  # a copy elsewhere changes nothing a page shows


def test_a_failed_backup_is_shown_in_the_services_words_and_broadcasts_nothing(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        message_boxes: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise DatabaseError("Could not write the backup to /media/stick: No space left on "
                            "device. Is the drive full, removed or read-only?")

    window = _window(controller)
    monkeypatch.setattr(backup_dialogs, "back_up", fail)
    seen = broadcasts(window.context)
    operation = start_backup(window, window.context, tmp_path)
    qtbot.waitUntil(lambda: not operation.running, timeout=30_000)
    assert message_boxes == [("warning", "Back up", "Could not write the backup to "
                              "/media/stick: No space left on device. Is the drive full, "
                              "removed or read-only?")]
    assert seen == []


def test_cancelling_a_backup_keeps_no_copy_and_broadcasts_nothing(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    real, reported = backup_dialogs.back_up, []

    def slow_backup(*args: object, progress: Callable[[int, int], bool], **kwargs: object):
        def slow(done: int, total: int) -> bool:  # pages are copied: wait for Cancel
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                reported.append(done)
                if not progress(done, total):
                    return False
                time.sleep(0.02)
            return True
        return real(*args, progress=slow, **kwargs)

    window = _window(controller)
    monkeypatch.setattr(backup_dialogs, "back_up", slow_backup)
    monkeypatch.setattr(backups, "COPY_PAGES", 1)
    seen = broadcasts(window.context)
    operation = start_backup(window, window.context, tmp_path / "stick")
    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=30_000)
    dialog = window.findChild(ProgressDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not operation.running, timeout=30_000)
    assert list((tmp_path / "stick").iterdir()) == []
    assert seen == []


def test_restoring_a_backup_brings_the_old_titles_back_and_keeps_a_safety_copy(
        controller: ShopController, monkeypatch: pytest.MonkeyPatch) -> None:
    assert controller.db is not None
    shop = controller.db.path
    backup = back_up(shop, "manual")
    original = _titles(shop)
    with controller.db.uow() as uow:
        uow.session.execute(text("UPDATE products SET title = 'changed' WHERE id <= 5"))
        uow.commit()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, message, *a: shown.append(message))
    controller.restore(backup.path)
    assert _titles(shop) == original
    assert [b.reason for b in list_backups(shop)].count("before-restore") == 1
    assert shown and "Restored" in shown[0]
    assert controller.db is not None and controller.window is not None  # reopened


def test_the_restore_dialog_compares_the_backup_with_the_current_shop(
        qtbot: QtBot, demo_copy: Path) -> None:
    from ecdesk.services.shop_file.backups import describe

    backup = back_up(demo_copy, "manual")
    dialog = RestoreDialog(describe(backup.path), describe(demo_copy))
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    areas = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "SKUs" in areas
    skus = areas.index("SKUs")
    assert table.item(skus, 1).text() == "800" and table.item(skus, 2).text() == "800"
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_restore_dialog_says_when_the_backup_was_taken_on_the_shops_clock(
        qtbot: QtBot, demo_copy: Path, computer_in: Callable[[str], None]) -> None:
    from ecdesk.services.shop_file.backups import describe

    computer_in("Europe/Berlin")  # 13:38 there; the demo shop keeps Shanghai time
    summary = describe(back_up(demo_copy, "manual").path)
    assert summary.timezone == "Asia/Shanghai"
    taken = replace(summary, created_at=datetime(2026, 12, 7, 12, 38, tzinfo=UTC))
    dialog = RestoreDialog(taken, describe(demo_copy))
    qtbot.addWidget(dialog)
    assert "taken 12/7/2026 8:38\u202fPM shop time)" in dialog.findChild(QLabel).text()


def test_choosing_a_backup_checks_both_files_off_the_gui_thread_then_asks_before_restoring(
        qtbot: QtBot, controller: ShopController, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(controller)
    window.restore_requested.disconnect()  # the restore itself is tested above
    backup = back_up(window.context.db.path, "manual")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup.path), ""))
    checking = spy_on(monkeypatch, backups, "integrity_problems")
    shown: list[RestoreDialog] = []

    def answer(dialog: RestoreDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", answer)
    seen = broadcasts(window.context)
    with qtbot.waitSignal(window.restore_requested, timeout=60_000) as asked:
        window.choose_backup()
    assert checking.on_gui_thread == [False, False] and checking.results == [[], []]
    assert asked.args == [backup.path] and len(shown) == 1
    assert not any(change.areas for change in seen)  # looking changes nothing a page shows


def test_a_damaged_backup_is_refused_in_plain_words_and_nothing_is_restored(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        message_boxes: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(controller)
    junk = tmp_path / "not-a-shop.ecdesk"
    junk.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    asked: list[Path] = []
    window.restore_requested.disconnect()
    window.restore_requested.connect(asked.append)
    window.choose_backup()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30_000)
    assert message_boxes[0][:2] == ("warning", "Restore")
    assert "not-a-shop.ecdesk" in message_boxes[0][2] and asked == []


def test_closing_the_shop_tells_the_daily_backup_to_stop_and_a_stopped_one_keeps_nothing(
        qtbot: QtBot, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stops: list[object] = []

    def spy(shop: Path, policy: object, stop: object = None) -> Callable[[], None]:
        stops.append(stop)
        return lambda: None

    monkeypatch.setattr(launcher, "_daily_backup_job", spy)
    control = ShopController(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    assert control.open(demo_copy) and control.window is not None
    qtbot.addWidget(control.window)
    (stop,) = stops
    assert not stop.is_set()  # type: ignore[attr-defined]

    control.shutdown()  # (what quitting does)

    assert stop.is_set()  # type: ignore[attr-defined]
    monkeypatch.undo()
    launcher._daily_backup_job(demo_copy, backups.RotationPolicy(), stop)()  # type: ignore[arg-type]
    assert list_backups(demo_copy) == []
    assert not any(backups.backups_dir(demo_copy).glob("*.partial"))
