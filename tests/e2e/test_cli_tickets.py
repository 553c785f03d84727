"""`python main.py tickets` as a script or a person at a terminal uses it, on the demo shop."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    return copy


def test_tickets_lists_the_open_queue_with_its_counts(shop: Path) -> None:
    result = run("tickets", "--db", str(shop))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Tickets of 演示小店 Demo Shop: ") and " overdue" in lines[0]
    assert lines[1].split()[:3] == ["ticket", "due", "left"]
    assert all(line.startswith("T-") for line in lines[2:])


def test_tickets_overdue_json_lists_only_tickets_past_their_due_time(
        shop: Path) -> None:
    result = run("tickets", "--db", str(shop), "--overdue", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    now = datetime.fromisoformat(data["now"])
    assert len(data["tickets"]) == data["overdue"] > 0  # the demo has some overdue
    assert all(datetime.fromisoformat(t["due_at"]) < now and t["overdue"]
               for t in data["tickets"])
    assert [t["due_at"] for t in data["tickets"]] == sorted(t["due_at"] for t in data["tickets"])


def test_tickets_in_chinese_write_the_time_left_in_chinese_units(shop: Path) -> None:
    result = run("--lang", "zh_CN", "tickets", "--db", str(shop))
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[2:]
    assert rows and any(re.search(r" -?\d+(天\d\d时|时\d\d分) ", row) for row in rows)
    assert not any(re.search(r" -?\d+(d\d\dh|h\d\dm) ", row) for row in rows)
