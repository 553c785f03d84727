"""Backups that keep what matters: each kind by its own rule, rotated after every backup
whoever takes it, never two in one name, no unfinished copies left, for the owner alone."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecdesk.services.shop_file.backups import RotationPolicy, back_up, list_backups, rotate
from tests.lock_holder import REPO_ROOT

DAY = datetime(2026, 11, 1, 9, tzinfo=UTC)


def run(*args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=None if umask is None else (lambda: os.umask(umask)))


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    return path


def _reasons(shop: Path) -> list[tuple[int, str]]:
    return [(b.created_at.day, b.reason) for b in list_backups(shop)]


def test_rotation_keeps_safety_copies_and_manual_backups_by_their_own_rules(shop: Path) -> None:
    back_up(shop, "manual", now=DAY - timedelta(days=60))
    back_up(shop, "before-restore", now=DAY - timedelta(days=50))
    for offset in range(6):
        back_up(shop, "daily", now=DAY + timedelta(days=offset))
    removed = rotate(shop, RotationPolicy(daily=2, weekly=0, monthly=0),
                     now=DAY + timedelta(days=6))
    assert len(removed) == 4
    kinds = [reason for _day, reason in _reasons(shop)]
    assert kinds == ["daily", "daily", "before-restore", "manual"]


def test_the_copies_before_imports_keep_the_newest_three(shop: Path) -> None:
    for offset in range(5):
        back_up(shop, "before-bulk", now=DAY + timedelta(hours=offset))
    assert [b.created_at.hour for b in list_backups(shop)] == [13, 12, 11]


def test_the_safety_copies_before_a_restore_are_kept_a_month_and_the_newest_five_always(
        shop: Path) -> None:
    for offset in range(8):
        back_up(shop, "before-restore", now=DAY + timedelta(days=offset))
    rotate(shop, RotationPolicy(), now=DAY + timedelta(days=20))
    assert len(list_backups(shop)) == 8, "all younger than 30 days"
    rotate(shop, RotationPolicy(), now=DAY + timedelta(days=90))
    assert [day for day, _reason in _reasons(shop)] == [8, 7, 6, 5, 4]


def test_five_backups_in_the_same_second_are_five_files(shop: Path) -> None:
    taken = [back_up(shop, "manual", now=DAY).path for _ in range(5)]
    assert len(set(taken)) == 5 and all(path.exists() for path in taken)
    assert taken[1].name == "shop-20261101T090000Z-manual-2.ecdesk"
    assert len(list_backups(shop)) == 5


def test_a_backup_from_the_command_line_rotates_too(shop: Path) -> None:
    for offset in range(12):  # a year of old daily backups, as the window left them
        back_up(shop, "daily", now=DAY - timedelta(days=400 + offset))
    done = run("backup", "--db", str(shop))
    assert done.returncode == 0, done.stderr
    dailies = [b for b in list_backups(shop) if b.reason == "daily"]
    assert len(dailies) < 12, "the default policy keeps one a month for 12 months"


def test_unfinished_copies_left_by_a_killed_backup_are_removed(shop: Path) -> None:
    folder = shop.parent / "backups"
    folder.mkdir()
    leftovers = [folder / "shop-20261101T090000Z-daily.ecdesk.partial",
                 folder / "shop-20261101T090000Z-daily.ecdesk.partial-journal"]
    for path in leftovers:
        path.write_bytes(b"half")
        os.utime(path, (0, 0))  # long ago: no backup is writing it now
    back_up(shop, "manual")
    assert not any(path.exists() for path in leftovers)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_backups_exports_and_the_log_are_for_the_owner_alone_under_any_umask(
        shop: Path, tmp_path: Path) -> None:
    done = run("backup", "--db", str(shop), umask=0)
    assert done.returncode == 0, done.stderr
    exported = tmp_path / "out.csv"
    assert run("export", "products", "--db", str(shop), "--out", str(exported),
               umask=0).returncode == 0
    report = tmp_path / "sales.csv"
    reported = run("report", "sales", "--db", str(shop), "--from", "2026-01-01", "--to",
                   "2026-01-31", "--out", str(report), umask=0)
    assert reported.returncode == 0, reported.stderr
    (backup,) = list_backups(shop)
    assert _mode(backup.path) == 0o600
    assert _mode(backup.path.parent) == 0o700
    assert _mode(exported) == 0o600
    assert _mode(report) == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_windows_settings_and_its_log_are_for_the_owner_alone_under_any_umask(
        shop: Path, tmp_path: Path) -> None:
    """The real window (offscreen, started and quit by its start-up probe) under umask 0000:
    its data folder, window settings and log are created for the owner alone."""
    data = tmp_path / "app-data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECDESK_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--db", str(shop),
                           "--startup-probe"], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=120, preexec_fn=lambda: os.umask(0))
    assert done.returncode == 0, done.stderr
    assert "probe ready" in done.stdout
    assert _mode(data) == 0o700
    for name in ("window.ini", "ecdesk.log"):
        assert (data / name).exists(), name
        assert _mode(data / name) == 0o600, name
