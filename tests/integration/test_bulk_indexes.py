"""Plain indexes are built once after a big load, and come back exactly as they were."""

from __future__ import annotations

import pytest

from ecdesk.db import Database
from ecdesk.services.shop_file.bulk_indexes import indexes_built_after, plain_indexes


def index_sql(db: Database, table: str) -> list[tuple[str, str]]:
    with db.uow() as uow:
        return plain_indexes(uow.session.connection(), table)


def all_indexes(db: Database, table: str) -> list[str]:
    with db.uow() as uow:
        return [name for (name,) in uow.session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "ORDER BY name", (table,))]


def insert_products(conn, count: int, start: int = 1) -> None:
    conn.exec_driver_sql(
        "INSERT INTO products (id, title, handle, description, brand, status, option1_name, "
        "option2_name, option3_name, created_at, updated_at) "
        "VALUES (?, ?, ?, '', '', 'active', '', '', '', '2026-12-01', '2026-12-01')",
        [(i, f"Tee {i}", f"tee-{i}") for i in range(start, start + count)])


def test_plain_indexes_lists_create_index_statements_and_leaves_unique_ones_out(tmp_shop):
    names = [name for name, _ in index_sql(tmp_shop, "variants")]
    assert "ix_variants_price" in names
    assert all(sql.startswith("CREATE INDEX") for _, sql in index_sql(tmp_shop, "variants"))
    assert not any(name.startswith("sqlite_autoindex") for name in names)


def test_a_big_load_drops_the_plain_indexes_and_recreates_them_identically(tmp_shop):
    before = index_sql(tmp_shop, "products")
    every_index = all_indexes(tmp_shop, "products")
    with tmp_shop.uow() as uow:
        conn = uow.session.connection()
        with indexes_built_after(conn, {"products": 50}):
            held = {name for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'products' "
                "AND type = 'index'")}
            assert held.isdisjoint(name for name, _ in before)  # dropped during the load
            assert any(name.startswith("sqlite_autoindex") for name in held)  # unique handle
            insert_products(conn, 50)
        uow.commit()
    assert index_sql(tmp_shop, "products") == before
    assert all_indexes(tmp_shop, "products") == every_index


def test_a_unique_rule_is_still_enforced_during_the_load(tmp_shop):
    with tmp_shop.uow() as uow:
        conn = uow.session.connection()
        with pytest.raises(Exception, match="UNIQUE"), indexes_built_after(conn, {"products": 2}):
            insert_products(conn, 1)
            insert_products(conn, 1, start=2)
            conn.exec_driver_sql("UPDATE products SET handle = 'tee-1' WHERE id = 2")


def test_a_small_load_into_a_bigger_table_keeps_its_indexes(tmp_shop):
    with tmp_shop.uow() as uow:
        insert_products(uow.session.connection(), 20)
        uow.commit()
    before = index_sql(tmp_shop, "products")
    with tmp_shop.uow() as uow:
        conn = uow.session.connection()
        with indexes_built_after(conn, {"products": 5}):
            assert plain_indexes(conn, "products") == before
            insert_products(conn, 5, start=21)
        uow.commit()
    assert index_sql(tmp_shop, "products") == before


def test_a_failed_load_rolled_back_leaves_every_index_in_place(tmp_shop):
    before = index_sql(tmp_shop, "variants")
    with (pytest.raises(RuntimeError), tmp_shop.uow() as uow,
          indexes_built_after(uow.session.connection(), {"variants": 10})):
        raise RuntimeError("cancelled halfway")
    assert index_sql(tmp_shop, "variants") == before


def test_an_import_into_a_new_shop_leaves_every_index_as_it_was(tmp_shop, tmp_path):
    from ecdesk.services.catalog_io import import_products, read_import_file

    tables = ("products", "variants", "stock_movements", "product_tags", "listings")
    before = {t: (index_sql(tmp_shop, t), all_indexes(tmp_shop, t)) for t in tables}
    path = tmp_path / "products.csv"
    path.write_text("Handle,Title,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
                    "Variant Inventory Qty\n"
                    "tee,Tee,cotton,Size,S,TEE-S,19.00,4\n"
                    "tee,,,,M,TEE-M,19.00,2\n", encoding="utf-8")
    import_products(tmp_shop.uow(), read_import_file(path))
    assert {t: (index_sql(tmp_shop, t), all_indexes(tmp_shop, t)) for t in tables} == before
    with tmp_shop.uow() as uow:
        plan = uow.session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM variants WHERE price > 100").all()
    assert "ix_variants_price" in " ".join(str(step) for step in plan)
