"""Writing generated rows fast: stored timestamps from epoch seconds, executemany of tuples."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import Connection

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Stamps:
    """Epoch seconds (UTC) -> the text SQLAlchemy stores for a DateTime on SQLite.

    strftime costs ~1 µs a call and a million rows carry several timestamps each, so the date
    part is cached per day and the time of day is looked up in a table of 86,400 strings.
    """

    _times: ClassVar[list[str]] = []  # shared: built once per process

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        if not Stamps._times:
            Stamps._times = [f" {h:02d}:{m:02d}:{s:02d}.000000"
                             for h in range(24) for m in range(60) for s in range(60)]

    def text(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86_400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = self._days[day] = datetime.fromtimestamp(day * 86_400, UTC).strftime(
                "%Y-%m-%d")
        return prefix + self._times[rest]

    def optional(self, seconds: int | None) -> str | None:
        return None if seconds is None else self.text(seconds)


def epoch_seconds(moment: datetime) -> int:
    return int((moment - EPOCH).total_seconds())


def executemany(conn: Connection, sql: str, rows: Sequence[tuple]) -> None:
    if rows:
        conn.exec_driver_sql(sql, list(rows))


