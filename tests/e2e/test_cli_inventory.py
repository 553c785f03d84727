"""`python main.py inventory`: the Inventory table and a SKU's movements, through the real entry
point, on the hand-made stock shop of tests/inventory_fixtures.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecdesk.db import open_database
from tests.e2e.test_cli import assert_one_readable_line, run
from tests.inventory_fixtures import MUG_BARCODE, build_stock_shop


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-stock") / "stock shop.ecdesk"
    db = open_database(path)
    try:
        build_stock_shop(db)
    finally:
        db.close()
    return path


def test_the_table_lists_every_sku_for_sale_with_its_stock(shop: Path) -> None:
    result = run("inventory", "--db", shop, "--sort", "sku")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Inventory of Stock test shop: 4 SKUs, 16 units on hand, "
                        "value 60.50 CNY")
    assert lines[1].split() == ["SKU", "product", "on", "hand", "committed", "available", "on",
                                "order", "projected", "sold/day", "cover", "days", "reorder",
                                "pt", "value"]
    assert [line.split()[0] for line in lines[2:6]] == ["MUG-1", "MUG-2", "TEE-M", "TEE-S"]
    assert lines[6] == "* reorder point suggested from sales (the others are set by hand)"
    mug = lines[2].split()
    # on hand, committed, available, on order (none: no purchase orders yet), projected
    assert mug[:8] == ["MUG-1", "Tea", "mug", "15", "5", "10", "0", "10"] and mug[-1] == "60.00"
    assert lines[4].split()[3] == "-2"  # TEE-M: negative stock
    assert lines[5].split()[-2] == "10"  # TEE-S: reorder point set by hand (no star)
    assert result.stderr == ""


def test_filters_sorting_and_limit_follow_the_page(shop: Path) -> None:
    result = run("inventory", "--db", shop, "--stock", "out_of_stock", "--sort", "available",
                 "--desc", "--limit", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Inventory of Stock test shop: 3 SKUs")
    assert lines[1] == "(the first 2; --limit 0 prints every row)"
    assert [line.split()[0] for line in lines[3:5]] == ["TEE-S", "MUG-2"]


def test_json_gives_every_figure_with_amounts_as_strings(shop: Path) -> None:
    result = run("inventory", "--db", shop, "--search", "mug", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["skus"], report["units"], report["value"]) == (2, 18, "76.50")
    mug = next(row for row in report["rows"] if row["sku"] == "MUG-1")
    assert (mug["on_hand"], mug["committed"], mug["available"], mug["stock_value"],
            mug["unit_cost"]) == (15, 5, 10, "60.00", "4.00")
    assert isinstance(mug["velocity"], str)


def test_a_skus_movements_are_listed_newest_first_by_sku_or_barcode(shop: Path) -> None:
    result = run("inventory", "--db", shop, "--sku", MUG_BARCODE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "MUG-1 · Tea mug · 350ml: 15 on hand, 3 movements, newest first"
    assert [line.split()[2:5] for line in lines[2:]] == [
        ["sold", "-4", "15"], ["sold", "-1", "19"], ["received", "+20", "20"]]
    history = json.loads(run("inventory", "--db", shop, "--sku", "mug-1", "--json").stdout)
    assert [m["balance"] for m in history["movements"]] == [15, 19, 20]


def test_an_unknown_sku_is_one_readable_line(shop: Path) -> None:
    result = run("inventory", "--db", shop, "--sku", "NOPE-1")
    assert result.returncode == 1
    assert assert_one_readable_line(result.stderr) == (
        "ecdesk: No SKU or barcode 'NOPE-1' in the shop.")


def test_a_missing_shop_is_reported_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ecdesk"
    result = run("inventory", "--db", missing)
    assert result.returncode == 1
    assert "There is no shop at" in assert_one_readable_line(result.stderr)
    assert not missing.exists()


@pytest.mark.parametrize("args", [("--stock", "lots"), ("--sort", "colour"),
                                  ("--limit", "many")])
def test_a_bad_option_is_a_usage_error(shop: Path, args: tuple[str, str]) -> None:
    result = run("inventory", "--db", shop, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "invalid" in result.stderr
