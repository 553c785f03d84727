"""For the order views' tests: a small shop with known orders (not the demo, whose orders
change with the demo generator), opened as the pages see it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text

from ecdesk.db import Database, open_database
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.order_fixtures import SmallShop, small_shop
from tests.ui.conftest import finish_workers


@contextmanager
def opened_order_shop(path: Path) -> Iterator[tuple[SmallShop, ShopContext]]:
    """Two channels, three SKUs with 10 each on hand; closed (workers done) on leaving."""
    db = open_database(path)
    context = None
    try:
        shop = small_shop(db, stock=10)
        context = ShopContext(db)
        yield shop, context
    finally:
        finish_workers()
        if context is not None:
            context.close()
        db.close()


def query(db: Database, statement: str, **params: object) -> list[Any]:
    with db.uow("test") as uow:
        return list(uow.session.execute(text(statement), params).all())


def on_hand(db: Database, sku: str) -> int:
    return query(db, "SELECT on_hand FROM variants WHERE sku = :s", s=sku)[0][0]
