"""Which automatic backups the rotation keeps: newest per day, ISO week and month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from ecdesk.services.shop_file.backups import BackupInfo, RotationPolicy, backups_to_keep


def _backup(when: datetime) -> BackupInfo:
    return BackupInfo(Path(f"shop-{when:%Y%m%dT%H%M%SZ}-daily.ecdesk"), when, "daily")


def test_the_newest_backup_of_each_of_the_last_seven_days_is_kept() -> None:
    start = datetime(2026, 11, 22, 9, tzinfo=UTC)
    backups = [_backup(start - timedelta(days=d)) for d in range(10)]
    keep = backups_to_keep(backups, RotationPolicy(daily=7, weekly=0, monthly=0))
    assert keep == {b.path for b in backups[:7]}


def test_two_backups_on_one_day_keep_only_the_later_one() -> None:
    morning = _backup(datetime(2026, 11, 22, 8, tzinfo=UTC))
    evening = _backup(datetime(2026, 11, 22, 20, tzinfo=UTC))
    keep = backups_to_keep([morning, evening], RotationPolicy(daily=7, weekly=0, monthly=0))
    assert keep == {evening.path}


def test_weekly_and_monthly_backups_reach_further_back_than_the_daily_ones() -> None:
    start = datetime(2026, 11, 22, 9, tzinfo=UTC)
    backups = [_backup(start - timedelta(days=d)) for d in range(400)]
    keep = backups_to_keep(backups, RotationPolicy(daily=7, weekly=4, monthly=12))
    oldest_kept = min(b.created_at for b in backups if b.path in keep)
    assert start - oldest_kept > timedelta(days=300)  # twelve months back
    assert len(keep) <= 7 + 4 + 12


def test_no_policy_keeps_nothing() -> None:
    backups = [_backup(datetime(2026, 11, 22, 9, tzinfo=UTC))]
    assert backups_to_keep(backups, RotationPolicy(daily=0, weekly=0, monthly=0)) == set()
