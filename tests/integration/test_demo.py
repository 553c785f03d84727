"""The demo shop: deterministic, realistic, and built without leaving half-made files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ecdesk.db import SCHEMA_HEAD, open_database
from ecdesk.errors import EcdeskError
from ecdesk.services.catalog.barcodes import barcode_problem
from ecdesk.services.demo.shop import create_demo_shop, generated_at
from ecdesk.services.settings import get_settings

CATALOG_TABLES = ("categories", "tags", "channels", "products", "variants", "listings",
                  "product_tags", "settings")
SALES_TABLES = ("orders", "order_lines", "stock_movements", "stock_policies")


def catalog_dump(path: Path, tables: tuple[str, ...] = CATALOG_TABLES) -> dict[str, list[tuple]]:
    """Every catalog row, in key order: equal dumps mean equal shops (file bytes may differ)."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in tables}
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_dump(demo_shop_file: Path) -> dict[str, list[tuple]]:
    return catalog_dump(demo_shop_file)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory, demo_shop_file: Path):
    """The seed-1 demo built a second time for the same moment (its year of orders ends then),
    in a folder holding a stale '.partial' file left by an interrupted run."""
    folder = tmp_path_factory.mktemp("rebuilt")
    (folder / "demo.ecdesk.partial").write_bytes(b"half made")
    summary = create_demo_shop(folder / "demo.ecdesk", scale="small", seed=1,
                               now=generated_at(demo_shop_file))
    return folder, summary


@pytest.fixture(scope="module")
def seed_two(tmp_path_factory: pytest.TempPathFactory, demo_shop_file: Path) -> Path:
    return create_demo_shop(tmp_path_factory.mktemp("seed2") / "demo.ecdesk", scale="small",
                            seed=2, now=generated_at(demo_shop_file)).path


def test_the_same_seed_gives_the_same_shop(rebuilt, demo_dump) -> None:
    _, summary = rebuilt
    assert catalog_dump(summary.path) == demo_dump


def test_the_same_seed_and_moment_give_the_same_orders_and_stock(rebuilt,
                                                                 demo_shop_file: Path) -> None:
    _, summary = rebuilt
    again = catalog_dump(summary.path, SALES_TABLES)
    assert again == catalog_dump(demo_shop_file, SALES_TABLES)
    assert len(again["orders"]) > 5_000 and len(again["stock_movements"]) > 5_000


def test_a_different_seed_gives_a_different_shop(seed_two: Path, demo_dump) -> None:
    dump = catalog_dump(seed_two)
    assert dump["products"] != demo_dump["products"]
    assert dump["variants"] != demo_dump["variants"]
    assert dump["channels"] == demo_dump["channels"], "the same channels, a different catalog"


def test_a_different_seed_gives_different_orders(seed_two: Path, demo_shop_file: Path) -> None:
    ours, theirs = (query(path, "SELECT customer_key, sum(refunded) FROM orders")
                    for path in (demo_shop_file, seed_two))
    assert ours != theirs


def test_a_finished_demo_leaves_no_partial_file_even_after_an_interrupted_run(rebuilt) -> None:
    folder, _ = rebuilt
    assert sorted(p.name for p in folder.iterdir()) == ["demo.ecdesk"]


def test_the_summary_counts_what_is_in_the_file(rebuilt, demo_dump) -> None:
    _, summary = rebuilt
    assert summary.path.name == "demo.ecdesk"
    assert (summary.products, summary.variants, summary.listings) == (
        len(demo_dump["products"]), len(demo_dump["variants"]), len(demo_dump["listings"]))
    assert [(summary.orders, summary.order_lines)] == query(
        summary.path, "SELECT count(*), (SELECT count(*) FROM order_lines) FROM orders")
    assert summary.order_lines == 12_000


def test_an_existing_file_is_refused_without_force_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "mine.ecdesk"
    path.write_bytes(b"the owner's real shop")
    with pytest.raises(EcdeskError) as info:
        create_demo_shop(path, scale="small")
    assert str(info.value) == f"{path} already exists; choose another file or use --force"
    assert path.read_bytes() == b"the owner's real shop"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.ecdesk"]


def test_force_replaces_an_existing_file_and_its_sqlite_companions(seed_two: Path,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "demo.ecdesk"
    path.write_bytes(b"an old file")
    path.with_name("demo.ecdesk-wal").write_bytes(b"stale")
    path.with_name("demo.ecdesk-shm").write_bytes(b"stale")
    summary = create_demo_shop(path, scale="small", seed=2, force=True,
                               now=generated_at(seed_two))
    assert summary.path == path
    assert catalog_dump(path) == catalog_dump(seed_two)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.ecdesk"]


def test_an_unknown_scale_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EcdeskError) as info:
        create_demo_shop(tmp_path / "demo.ecdesk", scale="huge")
    assert str(info.value) == "Unknown scale 'huge': use small or large"
    assert list(tmp_path.iterdir()) == []


def test_the_demo_has_a_few_channels_and_a_few_hundred_products(demo_dump) -> None:
    assert 3 <= len(demo_dump["channels"]) <= 5
    assert 200 <= len(demo_dump["products"]) <= 500
    assert len(demo_dump["variants"]) == 800
    assert len(demo_dump["listings"]) > len(demo_dump["variants"])
    assert len(demo_dump["categories"]) >= 10
    assert len(demo_dump["tags"]) >= 3


def test_the_demo_has_products_of_every_status_and_chinese_titles(demo_shop_file: Path) -> None:
    statuses = dict(query(demo_shop_file, "SELECT status, count(*) FROM products GROUP BY 1"))
    assert set(statuses) == {"active", "draft", "archived"}
    assert statuses["active"] > statuses["draft"] > 0
    titles = [t for (t,) in query(demo_shop_file, "SELECT title FROM products")]
    assert sum(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in titles) == len(titles)


def test_every_demo_barcode_is_a_valid_gtin(demo_shop_file: Path) -> None:
    barcodes = [b for (b,) in query(demo_shop_file, "SELECT barcode FROM variants")]
    assert len(barcodes) == 800
    assert {code: barcode_problem(code) for code in barcodes
            if barcode_problem(code) is not None} == {}
    assert len(set(barcodes)) == len(barcodes)


def test_demo_prices_are_positive_whole_cents(demo_shop_file: Path) -> None:
    rows = query(demo_shop_file, "SELECT typeof(price), typeof(unit_cost), min(price), "
                 "min(unit_cost) FROM variants GROUP BY 1, 2")
    assert len(rows) == 1
    price_type, cost_type, min_price, min_cost = rows[0]
    assert (price_type, cost_type) == ("integer", "integer")
    assert min_price > 0 and min_cost > 0


def test_the_search_index_has_one_document_per_variant(demo_shop_file: Path) -> None:
    conn = sqlite3.connect(demo_shop_file)
    try:
        variants = conn.execute("SELECT count(*) FROM variants").fetchone()[0]
        docs = conn.execute("SELECT count(*) FROM catalog_search_docs").fetchone()[0]
        orphans = conn.execute("SELECT count(*) FROM catalog_search_docs d "
                               "LEFT JOIN variants v ON v.id = d.rowid "
                               "WHERE v.id IS NULL").fetchone()[0]
        conn.execute("INSERT INTO catalog_search(catalog_search, rank) "
                     "VALUES('integrity-check', 1)")
        triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'trg_search_%'").fetchone()[0]
    finally:
        conn.close()
    assert docs == variants == 800
    assert orphans == 0
    assert triggers == 7, "the triggers are back after the bulk load"


def test_the_demo_opens_as_a_named_shop_at_the_current_schema(demo_shop_file: Path,
                                                              tmp_path: Path) -> None:
    copy = tmp_path / "copy.ecdesk"
    copy.write_bytes(demo_shop_file.read_bytes())
    db = open_database(copy)
    try:
        settings = get_settings(db.uow())
    finally:
        db.close()
    assert settings.initialized
    assert settings.shop_name == "演示小店 Demo Shop"
    assert query(copy, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_clothes_come_in_sizes_and_flasks_and_mugs_in_capacities(demo_shop_file: Path) -> None:
    option_names = dict(query(demo_shop_file, """
        SELECT CASE WHEN title LIKE '%flask%' OR title LIKE '%mug%' THEN 'drinkware'
                    WHEN title LIKE '% tee%' OR title LIKE '%jeans%' THEN 'clothes' END AS kind,
               group_concat(DISTINCT option2_name) FROM products WHERE kind IS NOT NULL
        GROUP BY kind"""))
    assert option_names == {"drinkware": "容量 Capacity", "clothes": "尺码 Size"}
