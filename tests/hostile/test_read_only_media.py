"""A shop on read-only media (a locked USB stick: a read-only bind mount here, since root
ignores file permissions): reading commands work, writing ones say why, the window opens it
read-only with a word of why, and nothing on the stick changes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ecdesk.errors import DatabaseError
from ecdesk.services.settings import update_settings
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.shell.shop_opener import open_shop
from tests.hostile.conditions import fingerprint, immutable, read_only_view
from tests.hostile.test_cli_against_an_open_shop import PRODUCTS, run

EXIT_OK, EXIT_FAILURE, EXIT_PROBLEMS = 0, 1, 3


@pytest.fixture
def stick(demo_shop_file: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo shop on a read-only stick; yields the shop's path as seen through it."""
    folder = tmp_path / "stick-files"
    folder.mkdir()
    shutil.copyfile(demo_shop_file, folder / "shop.ecdesk")
    with read_only_view(folder, tmp_path / "stick") as mount:
        yield mount / "shop.ecdesk"


READING = [["info"], ["inventory", "--limit", "3"], ["alerts"], ["check"],
           ["report", "sales", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "{out}"],
           ["export", "products", "--out", "{out_csv}"]]


@pytest.mark.parametrize("argv", READING, ids=lambda argv: argv[0])
def test_reading_commands_work_on_a_read_only_stick(stick: Path, tmp_path: Path,
                                                    argv: list[str]) -> None:
    before = fingerprint(*stick.parent.iterdir())
    args = [a.format(out=tmp_path / "sales.pdf", out_csv=tmp_path / "p.csv") for a in argv]
    done = run(*args, "--db", str(stick))
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    assert "damaged" not in done.stdout + done.stderr
    assert fingerprint(*stick.parent.iterdir()) == before


def test_an_import_onto_a_read_only_stick_says_so_and_changes_nothing(stick: Path,
                                                                      tmp_path: Path) -> None:
    products = tmp_path / "products.csv"
    products.write_text(PRODUCTS, encoding="utf-8")
    before = fingerprint(*stick.parent.iterdir())
    done = run("import", "products", str(products), "--db", str(stick))
    assert done.returncode == EXIT_FAILURE, done.stdout + done.stderr
    assert "read-only" in done.stderr and "not an ecdesk shop file" not in done.stderr
    assert "Traceback" not in done.stderr
    assert fingerprint(*stick.parent.iterdir()) == before


def test_the_window_opens_a_shop_on_a_read_only_stick_for_viewing(
        qapp: object, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: told.append(text))
    opened = open_shop(stick, None)
    assert opened.db is not None and opened.db.read_only and opened.lock is None
    assert "is read-only" in told[0]
    try:
        with pytest.raises(DatabaseError, match="read-only: nothing was saved"):
            update_settings(opened.db.uow(), shop_name="X", currency="CNY", timezone="UTC",
                            min_margin="0.1")
    finally:
        opened.db.close()


@pytest.mark.parametrize("argv", READING[:3] + READING[-1:], ids=lambda argv: argv[0])
def test_reading_commands_work_on_a_read_only_file(demo_shop_file: Path, tmp_path: Path,
                                                  argv: list[str]) -> None:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    with immutable(shop):
        before = fingerprint(shop)
        args = [a.format(out_csv=tmp_path / "p.csv") for a in argv]
        done = run(*args, "--db", str(shop))
        imported = run("import", "products", str(_products(tmp_path)), "--db", str(shop))
        assert fingerprint(shop) == before
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    assert imported.returncode == EXIT_FAILURE and "read-only" in imported.stderr


def _products(folder: Path) -> Path:
    path = folder / "products.csv"
    path.write_text(PRODUCTS, encoding="utf-8")
    return path


def test_the_window_shows_a_read_only_banner_above_every_page(
        qtbot: QtBot, stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    opened = open_shop(stick, None)
    assert opened.db is not None
    window = MainWindow(ShopContext(opened.db),
                        QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        window.show()
        assert window.read_only_banner.isVisible()
        assert "Read-only" in window.read_only_banner.text()
        window.grab().save(str(tmp_path / "read-only.png"))
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        window.close()
        opened.db.close()
