"""A flipped byte in a table page, found while the window shows the shop: one plain message,
the offer of the newest good backup, and the window goes on (no raw database error, no hang)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ecdesk.services.shop_file.backups import back_up
from ecdesk.views.shell import shop_opener
from ecdesk.views.shell.launcher import ShopController
from tests.damaged_shops import trample_table_page
from tests.hostile.conditions import contents


@pytest.fixture
def controller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ShopController:
    control = ShopController(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(control, "_quit", lambda: None)
    yield control
    QThreadPool.globalInstance().waitForDone(10_000)
    control.shutdown()
    if control.window is not None:
        control.window.close()


@pytest.mark.parametrize("restore", [True, False])
def test_damage_found_by_a_page_offers_the_newest_good_backup_once(
        qtbot: QtBot, controller: ShopController, demo_shop_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, restore: bool) -> None:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    backup = back_up(shop, "daily").path
    trample_table_page(shop, "variants")  # the header and the schema still read
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(shop_opener, "_ask", lambda _p, text, _l: asked.append(text) or restore)
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text: told.append(text))
    controller.start(shop)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "shop.ecdesk is damaged" in asked[0]
    assert "Restore the newest good backup" in asked[0]
    assert not any("SELECT" in text or "sqlalche.me" in text for text in asked + told)
    assert not any("Something went wrong" in text for text in told)
    if restore:
        qtbot.waitUntil(lambda: controller.db is not None and contents(shop) == contents(backup),
                        timeout=20_000)
        assert list(tmp_path.glob("shop.damaged-*.ecdesk")), "the damaged file is kept aside"
    else:
        qtbot.wait(500)
        assert len(asked) == 1, "asked once, not at every read that fails"
        assert controller.window is not None and controller.window.isVisible()


def test_invalid_utf8_in_a_cell_the_window_reads_offers_the_newest_good_backup_and_no_hang(
        qtbot: QtBot, controller: ShopController, demo_shop_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One byte that is not UTF-8 in a product's title (a disk or another program wrote it):
    the Listings page reads that row at once. The window said nothing and hung before."""
    import sqlite3

    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    back_up(shop, "daily")
    conn = sqlite3.connect(shop)
    first = conn.execute("SELECT min(id) FROM products").fetchone()[0]
    conn.execute("UPDATE products SET title = CAST(X'4142FF43' AS TEXT) WHERE id = ?", (first,))
    conn.commit()
    conn.close()
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(shop_opener, "_ask", lambda _p, text, _l: asked.append(text) or False)
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text: told.append(text))
    controller.start(shop)
    qtbot.waitUntil(lambda: bool(asked or told), timeout=30_000)
    qtbot.wait(500)
    said = asked + told
    assert any("shop.ecdesk is damaged" in text for text in said), said
    assert any("Restore the newest good backup" in text for text in asked), said
    assert not any("SELECT" in text or "sqlalche.me" in text or "codec" in text
                   for text in said)
    assert controller.window is not None and controller.window.isVisible()
    qtbot.wait(50)  # the event loop still turns: no hang
