"""Shared fixtures for the non-GUI suites. No Qt here: tests/ui/conftest.py has the Qt fixtures."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database, open_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test (and every subprocess it starts) uses a fresh data folder, never the user's."""
    folder = tmp_path_factory.mktemp("data-dir")
    monkeypatch.setenv("ECDESK_DATA_DIR", str(folder))
    # The command line follows the environment's language: tests read its English unless
    # they ask for Chinese (--lang), whatever the developer's own locale.
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return folder


@pytest.fixture
def computer_in() -> Iterator[Callable[[str], None]]:
    """Set this computer's own time zone (the TZ variable) for one test: computer_in("Europe/
    Berlin") makes a Shanghai shop's clock read differently from the computer's."""
    with pytest.MonkeyPatch.context() as patch:
        def set_zone(name: str) -> None:
            patch.setenv("TZ", name)
            time.tzset()
        yield set_zone
    time.tzset()


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    """The data folder ECDESK_DATA_DIR points at for this test."""
    return _isolated_data_dir


@pytest.fixture(scope="session")
def empty_shop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new shop file, migrated once per session (migrating costs ~60 ms a file)."""
    path = tmp_path_factory.mktemp("empty-template") / "empty.ecdesk"
    open_database(path).close()
    return path


@pytest.fixture
def tmp_shop(empty_shop_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, empty shop in tmp_path, opened. (Tests of creating and migrating a file call
    open_database on a new path themselves.)"""
    db = open_copy(empty_shop_file, tmp_path / "shop.ecdesk")
    try:
        yield db
    finally:
        db.close()


def open_copy(template: Path, target: Path) -> Database:
    shutil.copyfile(template, target)
    return open_database(target)


@pytest.fixture(scope="session")
def demo_shop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo shop built per test session; tests get copies, never this file."""
    from ecdesk.services.demo.shop import create_demo_shop

    path = tmp_path_factory.mktemp("demo-template") / "demo.ecdesk"
    create_demo_shop(path, scale="small", seed=1)
    return path


@pytest.fixture
def demo_shop(demo_shop_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the small demo shop, opened; changes do not leak between tests."""
    db = open_copy(demo_shop_file, tmp_path / "demo-copy.ecdesk")
    try:
        yield db
    finally:
        db.close()


def _audit_mark(db: Database) -> tuple[int, int]:
    with db.uow() as uow:
        return tuple(uow.session.execute(text(
            "SELECT coalesce(max(id), 0), (SELECT count(*) FROM variants) FROM audit_log")).one())


@pytest.fixture(scope="module")
def demo_read_only(demo_shop_file: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[Database]:
    """One opened copy of the demo shop shared by a module's read-only tests (faster).

    Tests that write must use `demo_shop`; a write here fails the module at teardown.
    """
    db = open_copy(demo_shop_file, tmp_path_factory.mktemp("demo-read-only") / "demo.ecdesk")
    before = _audit_mark(db)
    try:
        yield db
        assert _audit_mark(db) == before, "a test wrote to demo_read_only: use demo_shop"
    finally:
        db.close()
