"""Fixtures for the Inventory page and the stock dialogs: the hand-made stock shop of
tests/inventory_fixtures.py, built once per session and copied for every test.

(The figures that depend on today's date, velocity and days of cover, are checked by the
integration tests at a fixed time; these tests check what does not move with the clock.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ecdesk.db import Database, open_database
from ecdesk.models import StockMovement, Variant
from ecdesk.views.shell.shop_context import ShopContext
from tests.inventory_fixtures import StockShop, build_stock_shop
from tests.ui.conftest import finish_workers


@pytest.fixture(scope="session")
def stock_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, StockShop]:
    path = tmp_path_factory.mktemp("ui-stock-template") / "stock.ecdesk"
    db = open_database(path)
    try:
        shop = build_stock_shop(db)
    finally:
        db.close()
    return path, shop


@pytest.fixture
def stock_db(stock_template: tuple[Path, StockShop], tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "stock.ecdesk"
    shutil.copyfile(stock_template[0], copy)
    db = open_database(copy)
    try:
        yield db
    finally:
        finish_workers()
        db.close()


@pytest.fixture
def stock_context(qapp: Any, stock_db: Database) -> Iterator[ShopContext]:
    context = ShopContext(stock_db)
    yield context
    context.close()


@pytest.fixture
def ids(stock_template: tuple[Path, StockShop]) -> dict[str, int]:
    return stock_template[1].ids


def on_hand(db: Database, variant_id: int) -> int:
    with db.uow("test") as uow:
        return uow.session.get_one(Variant, variant_id).on_hand


def movements(db: Database, variant_id: int) -> list[tuple[str, int, str, str]]:
    """(kind, quantity, reason, reference) of a SKU's movements, oldest first."""
    with db.uow("test") as uow:
        rows = uow.session.execute(
            select(StockMovement.kind, StockMovement.quantity, StockMovement.reason,
                   StockMovement.reference)
            .where(StockMovement.variant_id == variant_id).order_by(StockMovement.id)).all()
    return [(kind.value, quantity, reason, reference) for kind, quantity, reason, reference in rows]
