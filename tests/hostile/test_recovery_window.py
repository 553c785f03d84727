"""The window on a full disk: it says so, and offers no restore of a shop that is not damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ecdesk.db import open_database
from ecdesk.services.settings import get_settings, update_settings
from ecdesk.services.shop_file.backups import back_up
from ecdesk.views.shell import shop_opener
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.shell.shop_opener import open_shop
from tests.hostile.conditions import fill, fingerprint


def test_a_full_disk_is_explained_and_no_restore_is_offered(
        qapp: object, shop_on_disk: Path, disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    back_up(shop_on_disk, "daily")  # a good backup lies beside it
    fill(disk)
    before = fingerprint(shop_on_disk)
    shown: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(shop_opener, "_ask", lambda _p, text, _l: asked.append(text) or True)
    opened = open_shop(shop_on_disk, None)
    assert opened.db is None
    assert asked == [], "no restore is offered for a shop that is not damaged"
    assert "is full" in shown[0]
    assert fingerprint(shop_on_disk) == before
    assert not list(disk.glob("*.damaged-*"))


def test_a_write_on_a_full_disk_is_explained_and_the_window_goes_on(
        qtbot: QtBot, shop_on_disk: Path, disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(shop_on_disk)
    context = ShopContext(db)
    widget = QWidget()
    qtbot.addWidget(widget)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    settings = {"currency": "CNY", "timezone": "Asia/Shanghai", "min_margin": "0.1"}
    try:
        filler = fill(disk)
        assert context.write(widget, update_settings, shop_name="Full", **settings) is None
        assert "is full: nothing was saved" in told[0]
        filler.unlink()  # room again: the same window saves
        assert context.write(widget, update_settings, shop_name="Roomy", **settings)
        assert get_settings(context.uow()).shop_name == "Roomy"
    finally:
        db.close()
