"""`python main.py alerts` as a script or a person at a terminal uses it, on demo shop copies."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ecdesk.db import open_database
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_acks import acknowledge_alerts

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    return copy


def test_alerts_prints_a_table_most_severe_first_with_the_counts(shop: Path) -> None:
    db = open_database(shop)
    try:
        report = compute_alerts(db.uow())
    finally:
        db.close()
    result = run("alerts", "--db", str(shop))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    critical, warning, info = (report.open_counts[s] for s in sorted(report.open_counts,
                                                                        reverse=True))
    assert lines[0] == (f"Inventory alerts for 演示小店 Demo Shop: {critical} critical, "
                        f"{warning} warning, {info} for information "
                        f"({report.skus_checked:,} SKUs checked)")
    assert lines[1].split() == ["severity", "SKU", "product", "alert", "order", "reason"]
    severities = [line.split()[0] for line in lines[2:]]
    assert len(severities) == len(report.open_alerts) > 0
    rank = {"critical": 0, "warning": 1, "info": 2}
    assert severities == sorted(severities, key=rank.__getitem__)
    first = report.open_alerts[0]
    assert first.sku in lines[2] and first.reason in lines[2]


def test_alerts_as_json_carry_every_figure_with_decimals_as_strings(shop: Path) -> None:
    result = run("alerts", "--db", str(shop), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["shop"] == "演示小店 Demo Shop"
    assert sum(data["open"].values()) == len(data["alerts"]) > 0
    assert list(data["open"]) == ["critical", "warning", "info"]
    for alert in data["alerts"]:
        figures = alert["figures"]
        assert isinstance(figures["velocity"], str)
        sold = Decimal(figures["velocity"]) * figures["window_days"]
        assert sold.to_integral_value() == figures["sold_in_window"]
        assert figures["available"] == figures["on_hand"] - figures["committed"]
        assert isinstance(figures["suggested_qty"], int) and not alert["hidden"]
    kinds = {alert["kind"] for alert in data["alerts"]}
    assert {"out_of_stock", "listed_unavailable", "dead_stock"} <= kinds


def test_acknowledged_alerts_are_left_out_unless_all_is_asked_for(shop: Path) -> None:
    db = open_database(shop)
    try:
        first = compute_alerts(db.uow()).open_alerts[0]
        acknowledge_alerts(db.uow(), [first])
    finally:
        db.close()
    plain = run("alerts", "--db", str(shop))
    assert "(1 acknowledged or snoozed not shown; --all shows them)" in plain.stdout
    assert not any(first.reason in line and first.sku in line
                   for line in plain.stdout.splitlines())
    every = run("alerts", "--db", str(shop), "--all")
    (line,) = [line for line in every.stdout.splitlines()
               if first.sku in line and first.reason in line]
    assert line.startswith(f"{first.severity.label} (ack)")
    data = json.loads(run("alerts", "--db", str(shop), "--json", "--all").stdout)
    hidden = [a for a in data["alerts"] if a["hidden"]]
    assert [(a["sku"], a["kind"]) for a in hidden] == [(first.sku, first.kind.value)]
    assert hidden[0]["acknowledged_at"] is not None


def test_a_shop_without_alerts_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ecdesk"
    open_database(empty).close()
    result = run("alerts", "--db", str(empty))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "No alerts: all 0 SKUs look fine."


def test_a_missing_shop_is_reported_in_one_line_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ecdesk"
    result = run("alerts", "--db", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"ecdesk: There is no shop at {missing}. Check --db")
    assert not missing.exists()


def test_an_unknown_option_is_a_usage_error() -> None:
    result = run("alerts", "--severity", "high")
    assert result.returncode == 2
    assert "unrecognized arguments: --severity high" in result.stderr
    assert "Traceback" not in result.stderr
