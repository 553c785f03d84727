"""The Listings table's first rows, read at start-up with sqlite3 alone (catalog.first_rows).

They must be exactly the rows the normal query gives, read only from a file this ecdesk can open
as it is, without writing anything and without importing SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import SCHEMA_HEAD, Database
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.first_rows import (
    DEFAULT_QUERY,
    count_rows,
    read_first_rows,
    read_page,
)
from ecdesk.services.catalog.queries import count_matching, filter_options, list_variants
from ecdesk.services.channels import set_channel_archived
from ecdesk.services.settings import get_settings

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def awkward_shop(demo_shop: Database) -> Iterator[Database]:
    """The demo shop plus what the default filter and sort must get right: archived SKUs of
    live products, products sharing a title (ties broken by product id, then position), a
    product without a category, a SKU whose price is below its cost, an archived channel."""
    with demo_shop.uow() as uow:
        session = uow.session
        session.execute(text("UPDATE variants SET archived = 1 WHERE id % 7 = 0"))
        session.execute(text(
            "UPDATE products SET title = 'Aardvark mug' WHERE id IN (SELECT id FROM products "
            "WHERE status != 'archived' ORDER BY id DESC LIMIT 3)"))
        session.execute(text("UPDATE variants SET position = 5 - position WHERE product_id IN "
                             "(SELECT id FROM products WHERE title = 'Aardvark mug')"))
        session.execute(text(
            "UPDATE products SET category_id = NULL WHERE id = (SELECT min(id) FROM products "
            "WHERE title = 'Aardvark mug')"))
        session.execute(text("UPDATE variants SET unit_cost = price + 500 WHERE id = (SELECT "
                             "min(v.id) FROM variants v JOIN products p ON p.id = v.product_id "
                             "WHERE p.title = 'Aardvark mug')"))
        uow.commit()
    set_channel_archived(demo_shop.uow(), filter_options(demo_shop.uow()).channels[-1].id, True)
    yield demo_shop


def test_the_first_rows_are_the_rows_of_the_listings_query_with_its_default_sort(
        awkward_shop: Database) -> None:
    first = read_first_rows(awkward_shop.path, limit=40)

    assert first is not None
    normal = list_variants(awkward_shop.uow(), VariantQuery(), limit=40, count=False)
    assert first.page == normal
    assert [row.title for row in first.page.rows[:3]] == ["Aardvark mug"] * 3
    assert first.page.has_more
    assert first.channels == filter_options(awkward_shop.uow()).channels
    assert {row.min_margin for row in first.page.rows} == {
        get_settings(awkward_shop.uow()).min_margin}
    assert first.path == awkward_shop.path
    assert VariantQuery() == DEFAULT_QUERY


def test_further_pages_and_the_count_match_the_listings_query(awkward_shop: Database) -> None:
    total = count_matching(awkward_shop.uow(), VariantQuery())

    assert count_rows(awkward_shop.path) == total
    for offset in (40, 256, total - 10, total):
        assert read_page(awkward_shop.path, offset, 40) == list_variants(
            awkward_shop.uow(), VariantQuery(), offset=offset, limit=40, count=False), offset
    assert read_page(awkward_shop.path, total, 40).rows == []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_the_first_rows_writes_nothing(demo_shop: Database) -> None:
    demo_shop.close()  # (checkpointed: the file alone holds the shop)
    before = digest(demo_shop.path)

    assert read_first_rows(demo_shop.path) is not None
    assert digest(demo_shop.path) == before


def stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@pytest.mark.parametrize("revision", ["0001_catalog", "9999_from_a_newer_ecdesk"])
def test_a_file_at_another_schema_revision_is_left_to_the_normal_open(
        demo_shop: Database, revision: str) -> None:
    """Older: it is migrated (after a backup) before anything is shown; newer: it is refused."""
    demo_shop.close()
    assert revision != SCHEMA_HEAD
    stamp(demo_shop.path, revision)

    assert read_first_rows(demo_shop.path) is None


def test_a_shop_not_set_up_yet_is_left_to_the_first_run_questions(
        tmp_shop: Database) -> None:
    assert read_first_rows(tmp_shop.path) is None


@pytest.mark.parametrize("content", [None, b"", b"this is not a database" * 100])
def test_a_missing_empty_or_damaged_file_is_left_to_the_normal_open(
        tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "shop.ecdesk"
    if content is not None:
        path.write_bytes(content)

    assert read_first_rows(path) is None
    assert path.exists() == (content is not None)  # a missing file is not created


def test_the_modules_used_before_the_shop_is_open_do_not_import_sqlalchemy() -> None:
    modules = ["ecdesk.money", "ecdesk.schema_version", "ecdesk.services.catalog.first_rows",
               "ecdesk.views.catalog.listings_page", "ecdesk.views.shell.main_window",
               "ecdesk.views.shell.launcher"]
    probe = (f"import importlib, sys\nfor name in {modules!r}:\n"
             "    importlib.import_module(name)\n"
             "    loaded = [m for m in ('sqlalchemy', 'alembic') if m in sys.modules]\n"
             "    assert not loaded, (name, loaded)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
