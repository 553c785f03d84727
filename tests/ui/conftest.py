"""Qt fixtures for the GUI tests: an isolated data folder, demo shop copies, open shop contexts.

Every test gets its own copy of one small demo shop built per session, so that writes never leak
between tests. Widgets are registered with `qtbot.addWidget` by the tests, which closes them.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.db import Database, open_database
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.shell.shop_context import ShopContext

SCREEN_CONFIG = Path(__file__).with_name("offscreen-screen.json")


def pytest_configure(config: pytest.Config) -> None:
    """Qt's offscreen screen is 800 x 800 unless told otherwise: smaller than the main window's
    minimum width, so restoring a saved geometry would be clamped. Give it a 1920 x 1080 desktop
    (before any QApplication exists; started subprocesses inherit it too)."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """Numbers and dates written the English way, as the app writes them after
    install_language (a test of another language sets its own and this puts English back);
    the machine's C locale would write 1234567 and 5 03 2026."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo shop, built once per session; tests only ever get copies of it."""
    from ecdesk.services.demo.shop import create_demo_shop

    path = tmp_path_factory.mktemp("ui-demo-template") / "demo.ecdesk"
    create_demo_shop(path, scale="small")
    return path


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo shop file, not opened."""
    copy = tmp_path / "demo-copy.ecdesk"
    shutil.copyfile(demo_template, copy)
    return copy


def finish_workers() -> None:
    """Counts and backups run on Qt's thread pool: let them end before their shop closes.

    The garbage of the tests so far is then collected while no worker runs. Twice a full run
    crashed while "Garbage-collecting" during the next test's first reads, after a test had
    closed its page with a read still held (fixed in that test); collecting here keeps a
    test's leftovers from being freed while the next test's workers run.
    """
    assert QThreadPool.globalInstance().waitForDone(10_000), "a worker is still running"
    gc.collect()


@pytest.fixture
def demo_db(demo_copy: Path) -> Iterator[Database]:
    db = open_database(demo_copy)
    try:
        yield db
    finally:
        finish_workers()
        db.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "empty.ecdesk")
    try:
        yield db
    finally:
        finish_workers()
        db.close()


@pytest.fixture
def context(qapp: Any, demo_db: Database) -> Iterator[ShopContext]:
    """The demo shop as the pages see it; its clock stops with the test (a page kept alive by
    Qt would otherwise read a deleted shop at the next minute, during another test)."""
    context = ShopContext(demo_db)
    yield context
    context.close()


@pytest.fixture
def empty_context(qapp: Any, empty_db: Database) -> Iterator[ShopContext]:
    context = ShopContext(empty_db)
    yield context
    context.close()


@pytest.fixture
def window_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Record QMessageBox.warning/critical/information instead of opening them: (kind, title,
    text). A test that expects none asserts the list stays empty."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, title: str, message: str, *_args: object,
                 **_kwargs: object) -> QMessageBox.StandardButton:
            shown.append((kind, title, message))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return shown


@pytest.fixture
def answer_questions(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], list[str]]:
    """Patch QMessageBox.question to answer Yes or No; returns the questions asked."""
    def answer(yes: bool) -> list[str]:
        asked: list[str] = []

        def question(_parent: object, _title: str, message: str, *_args: object,
                     **_kwargs: object) -> QMessageBox.StandardButton:
            asked.append(message)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked
    return answer


@pytest.fixture
def wait_counted(qtbot: QtBot) -> Callable[[ListingsPage], None]:
    """The first page shows at once and is counted on a worker thread: wait for that, and for
    every count still running, so that no page is deleted while a count reports to it."""
    def wait(page: ListingsPage) -> None:
        qtbot.waitUntil(lambda: page.model.total_known, timeout=5000)
        finish_workers()  # counts of queries typed past may still run: let them end first
    return wait


@pytest.fixture
def listings_page(qtbot: QtBot, context: ShopContext,
                  wait_counted: Callable[[ListingsPage], None]) -> ListingsPage:
    """A Listings page on the demo shop, loaded and counted."""
    page = ListingsPage(context)
    # A write at the end of a test reloads the page: let that count finish within the test
    # (pytest-qt closes and deletes registered widgets before fixtures are torn down).
    qtbot.addWidget(page, before_close_func=wait_counted)
    page.resize(1200, 700)
    page.load()
    wait_counted(page)
    return page


@pytest.fixture
def sql() -> Callable[..., list[Any]]:
    """sql(db, statement, **params): rows of a read-only query, to check what the GUI wrote."""
    def run(db: Database, statement: str, **params: object) -> list[Any]:
        with db.uow("test") as uow:
            return list(uow.session.execute(text(statement), params).all())
    return run
