"""File > Back up now and File > Restore: from the menu to the file and back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.services.shop_file.backups import back_up, list_backups
from ecdesk.views.shell import launcher
from ecdesk.views.shell.backup_dialogs import RestoreDialog
from ecdesk.views.shell.launcher import ShopController


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


def _no_backup(shop: Path, policy: object) -> Callable[[], None]:
    return lambda: None


def test_back_up_now_writes_a_verified_copy_into_the_chosen_folder(
        controller: ShopController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    assert controller.window is not None
    controller.window.back_up_now()
    copies = list(stick.glob("*-manual.ecdesk"))
    assert len(copies) == 1
    assert _titles(copies[0]) == _titles(controller.window.context.db.path)  # type: ignore


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
