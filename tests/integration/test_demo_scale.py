"""The large demo's generator (100,000 SKUs and a million order lines) at a size the fast suite
can afford: the same code path, chunked writes, indexes rebuilt after the bulk load, ANALYZE."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecdesk.db import open_database
from ecdesk.services.demo.shop import SCALES, DemoScale, DemoSummary, create_demo_shop, generated_at
from ecdesk.services.shop_file.backups import integrity_problems
from ecdesk.services.stock.ledger import on_hand_mismatches
from tests.integration.demo_checks import (
    alert_kinds,
    busier_than_the_median_day,
    query,
    stock_dips_below_zero,
)

# Mid-year, so the year holds last November's Double 11 and this June's 618.
RUNS = [(DemoScale(2500, 30_000), datetime(2026, 7, 1, 4, 30, tzinfo=UTC))]


@pytest.fixture(scope="module", params=RUNS, ids=lambda run: f"{run[0].skus}-skus")
def scaled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[DemoSummary, DemoScale, datetime]:
    scale, now = request.param
    path = tmp_path_factory.mktemp("scaled") / "scaled.ecdesk"
    return create_demo_shop(path, scale=scale, seed=5, now=now), scale, now


def index_names(path: Path) -> set[str]:
    return {name for (name,) in query(path, "SELECT name FROM sqlite_master WHERE type = "
                                            "'index' AND sql IS NOT NULL")}


def triggers(path: Path) -> set[tuple[str, str]]:
    return set(query(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def test_the_large_scale_is_a_hundred_thousand_skus_and_a_million_lines() -> None:
    assert SCALES["large"] == DemoScale(skus=100_000, order_lines=1_000_000)


def test_exactly_the_asked_number_of_skus_and_order_lines_is_written(scaled) -> None:
    summary, scale, now = scaled
    assert (summary.variants, summary.order_lines) == (scale.skus, scale.order_lines)
    assert query(summary.path, "SELECT count(*) FROM order_lines") == [(scale.order_lines,)]
    assert generated_at(summary.path) == now


def test_the_file_is_whole_and_every_index_is_back_after_the_bulk_load(scaled,
                                                                       empty_shop_file: Path
                                                                       ) -> None:
    summary, _, _ = scaled
    assert integrity_problems(summary.path) == []
    assert index_names(summary.path) == index_names(empty_shop_file)
    conn = sqlite3.connect(summary.path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        analyzed = {table for (table,) in conn.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}
    finally:
        conn.close()
    assert {"orders", "order_lines", "stock_movements", "variants"} <= analyzed


def test_the_triggers_are_back_and_the_text_indexes_hold_every_row(scaled,
                                                                   empty_shop_file: Path
                                                                   ) -> None:
    summary, _, _ = scaled
    assert triggers(summary.path) == triggers(empty_shop_file)
    text_indexes = query(summary.path, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
    assert text_indexes
    conn = sqlite3.connect(summary.path)
    try:
        for (index,) in text_indexes:  # raises if an index disagrees with its table
            conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def test_the_ledger_adds_up_and_only_the_allowed_sku_went_negative(scaled) -> None:
    summary, _, _ = scaled
    db = open_database(summary.path, read_only=True)
    try:
        with db.uow() as uow:
            assert on_hand_mismatches(uow.session) == []
    finally:
        db.close()
    allowed = {vid for (vid,) in query(summary.path, "SELECT variant_id FROM stock_policies "
                                                     "WHERE allow_negative")}
    assert set(stock_dips_below_zero(summary.path)) == allowed


def test_last_double_11_and_this_618_stand_out(scaled) -> None:
    summary, _, _ = scaled
    assert busier_than_the_median_day(summary.path, "2025-11-11", 4)
    assert busier_than_the_median_day(summary.path, "2026-06-18", 3)


def test_every_alert_kind_holds_at_this_scale_too(scaled) -> None:
    summary, _, now = scaled
    assert set(alert_kinds(summary.path, now)) == {
        "negative_stock", "out_of_stock", "listed_unavailable", "stockout_risk",
        "below_reorder", "overstock", "dead_stock"}


def test_a_day_with_no_hours_gone_yet_adds_no_orders_from_the_future(tmp_path: Path) -> None:
    now = datetime(2026, 3, 2, 16, 0, 20, tzinfo=UTC)  # 00:00:20 in Shanghai
    summary = create_demo_shop(tmp_path / "midnight.ecdesk", scale=DemoScale(200, 2_000),
                               now=now)
    latest = query(summary.path, "SELECT max(ordered_at), max(paid_at), max(shipped_at), "
                                 "max(updated_at), (SELECT max(at) FROM stock_movements) "
                                 "FROM orders")[0]
    assert max(latest) <= "2026-03-02 16:00:20.000000"
