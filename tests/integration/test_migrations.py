"""The Alembic revisions: each carries its own SQL, and every older shop upgrades to exactly the
schema a new shop gets.

A revision that imported its trigger or search SQL from ecdesk.models ran whatever the model said
today, not what it said when the revision was written: editing a model silently changed what an
old shop's upgrade did (issue #12). The revisions now hold their SQL as frozen text; these tests
keep it so, and check that the models' triggers (which bulk loads drop and re-create) are still
the ones the revisions made.
"""

from __future__ import annotations

import ast
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from ecdesk.db import MIGRATIONS_DIR, SCHEMA_HEAD, known_revisions, open_database
from ecdesk.models import cost_history, customer_rfm, order_search, order_totals, pricing, search
from tests.integration.order_fixtures import shop_at_revision

REVISIONS = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
# What a revision may import: it must run the same way whatever the rest of ecdesk becomes.
ALLOWED_TOP_LEVEL = {"alembic", "sqlalchemy", *sys.stdlib_module_names}


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, at any depth (relative imports named with their dots)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            names.append("." * node.level + (node.module or ""))
    return names


def schema(path: Path) -> dict[str, object]:
    """The file's schema as comparable data: every table (with its columns), index, trigger and
    FTS table of sqlite_master with its SQL (whitespace normalised), and the stored revision.

    SQLite's statistics tables are left out: `PRAGMA optimize` writes them on close, depending
    on the rows there, and they hold no part of the schema."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        objects = {(kind, name): (table, " ".join((sql or "").split()))
                   for kind, name, table, sql in conn.execute(
                       "SELECT type, name, tbl_name, sql FROM sqlite_master "
                       "WHERE name NOT LIKE 'sqlite_stat%'")}
        columns = {name: conn.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
                   for kind, name in objects if kind == "table"}
        [(revision,)] = conn.execute("SELECT version_num FROM alembic_version")
    finally:
        conn.close()
    return {"objects": objects, "columns": columns, "revision": revision}


@pytest.fixture(scope="module")
def new_shop_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    path = tmp_path_factory.mktemp("new-shop") / "new.ecdesk"
    open_database(path).close()
    return schema(path)


def test_the_checks_see_every_revision_alembic_knows() -> None:
    assert {path.stem for path in REVISIONS} == known_revisions()
    assert len(REVISIONS) >= 5


def test_the_import_reader_names_absolute_relative_and_nested_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from __future__ import annotations\nimport sqlalchemy as sa\n"
                      "from ecdesk.models import search\nfrom . import sibling\n"
                      "def upgrade():\n    import ecdesk.services.orders.totals\n",
                      encoding="utf-8")
    assert imported_modules(sample) == [
        "sqlalchemy", "ecdesk.models", ".", "ecdesk.services.orders.totals"]


@pytest.mark.parametrize("path", REVISIONS, ids=lambda path: path.stem)
def test_a_revision_imports_only_alembic_sqlalchemy_and_the_standard_library(path: Path) -> None:
    outside = [name for name in imported_modules(path)
               if name.split(".")[0] not in ALLOWED_TOP_LEVEL]
    assert outside == [], (f"{path.name} imports {outside}: copy the SQL it needs into the "
                           "revision, so that editing ecdesk never changes an old upgrade")


@pytest.mark.parametrize("revision", sorted(known_revisions() - {SCHEMA_HEAD}))
def test_a_shop_upgraded_from_an_earlier_revision_has_the_schema_of_a_new_shop(
        revision: str, tmp_path: Path, new_shop_schema: dict[str, object]) -> None:
    path = tmp_path / "old.ecdesk"
    shop_at_revision(path, revision).close()  # with one channel, as a used shop has rows

    open_database(path).close()

    upgraded = schema(path)
    assert upgraded["revision"] == SCHEMA_HEAD
    assert upgraded["objects"] == new_shop_schema["objects"]
    assert upgraded["columns"] == new_shop_schema["columns"]


def test_the_schema_comparison_sees_a_changed_trigger_and_a_missing_index(
        tmp_path: Path, new_shop_schema: dict[str, object]) -> None:
    path = tmp_path / "changed.ecdesk"
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP INDEX ix_orders_total")
        conn.execute("DROP TRIGGER trg_order_totals_delete")
        conn.execute("CREATE TRIGGER trg_order_totals_delete AFTER DELETE ON order_lines "
                     "BEGIN SELECT 1; END")
    conn.close()

    objects = schema(path)["objects"]
    expected = new_shop_schema["objects"]
    assert set(expected) - set(objects) == {("index", "ix_orders_total")}
    changed = ("trigger", "trg_order_totals_delete")
    assert objects[changed] != expected[changed]


def test_the_triggers_bulk_loads_put_back_are_the_ones_the_revisions_created(
        new_shop_schema: dict[str, object]) -> None:
    # Bulk loads drop these triggers and create them again from the models: a model whose
    # trigger SQL changed without a new revision would give the shop different triggers after
    # its first import. Change both together: a new revision that re-creates them.
    from_models = {}
    for statements in (search.create_trigger_statements(),
                       order_search.create_trigger_statements(),
                       order_totals.create_trigger_statements(),
                       pricing.create_trigger_statements(),
                       cost_history.create_trigger_statements(),
                       customer_rfm.create_trigger_statements()):
        for statement in statements:
            name = statement.split()[2]  # CREATE TRIGGER <name> ...
            from_models[("trigger", name)] = " ".join(statement.split())
    in_shop = {key: sql for key, (_, sql) in new_shop_schema["objects"].items()
               if key[0] == "trigger"}
    assert from_models == in_shop


def test_a_new_shop_writes_its_enum_checks_as_ors_and_still_refuses_a_value_outside_them(
        tmp_path: Path) -> None:
    # SQLite builds a temporary table per row to check `x IN (...)`: revision 0012 rewrote the
    # rules as ORs; a later revision that creates a table with an enum CHECK must write ORs too.
    path = tmp_path / "new.ecdesk"
    open_database(path).close()
    conn = sqlite3.connect(path)
    try:
        with_in = [name for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            if re.search(r"CHECK \(\w+ IN \(", sql)]
        assert with_in == []
        movements = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'stock_movements'").fetchone()[0]
        assert "kind = 'supplier_return'" in movements  # (0010's new kind kept)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, "
                         "reference) VALUES (1, '2026-01-01', 'stolen', 1, '', '')")
    finally:
        conn.close()


def test_the_or_rewrite_goes_back_to_in_lists_exactly() -> None:
    from importlib.util import module_from_spec, spec_from_file_location

    path = MIGRATIONS_DIR / "versions" / "0012_checks_as_ors.py"
    spec = spec_from_file_location("checks_as_ors", path)
    assert spec is not None and spec.loader is not None
    revision = module_from_spec(spec)
    spec.loader.exec_module(revision)
    sql = ("CREATE TABLE t (a VARCHAR(16) NOT NULL, b VARCHAR(8), CONSTRAINT ck_a "
           "CHECK (a IN ('x', 'y_z')), CONSTRAINT ck_b CHECK (b IN ('one')), CHECK (a != b))")
    ors = revision.as_ors(sql)
    assert "CHECK (a = 'x' OR a = 'y_z')" in ors and "CHECK (b = 'one')" in ors
    assert "CHECK (a != b)" in ors
    assert revision.as_in(ors) == sql
