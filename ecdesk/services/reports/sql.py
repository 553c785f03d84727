"""Small helpers shared by the report queries: running SQL into frames, bucket tables."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.models.orders import SOLD_STATUSES
from ecdesk.services.common.period import Bucket, stored
from ecdesk.services.common.shop_time import day_start

if TYPE_CHECKING:
    import pandas as pd

SOLD_SQL = ", ".join(f"'{status.value}'" for status in SOLD_STATUSES)  # fixed enum values


def frame(session: Session, sql: str, params: dict[str, Any]) -> pd.DataFrame:
    """The query's rows as a frame, columns named as the query names them."""
    import pandas as pd

    result = session.execute(text(sql), params)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def one(session: Session, sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """The single row of an aggregate query, as a dict."""
    result = session.execute(text(sql), params)
    row = result.one()
    return dict(zip(result.keys(), row, strict=True))


def bucket_of(buckets: list[Bucket], zone: ZoneInfo, params: dict[str, Any],
              column: str = "p.ordered_at") -> str:
    """An SQL expression giving the number of the bucket `column` falls in (the buckets follow
    one another; `column` is within them): a balanced CASE tree, about log2(buckets)
    comparisons a row, where joining a table of buckets by range compares every row with every
    bucket (53 weeks x 700,000 orders for a year)."""
    starts = []
    for n, bucket in enumerate(buckets):
        params[f"bk{n}"] = stored(day_start(bucket.first, zone))
        starts.append(f":bk{n}")

    def tree(low: int, high: int) -> str:  # buckets low .. high - 1
        if high - low == 1:
            return str(low)
        middle = (low + high) // 2
        return (f"CASE WHEN {column} < {starts[middle]} THEN {tree(low, middle)} "
                f"ELSE {tree(middle, high)} END")
    return tree(0, len(buckets))


def buckets_cte(buckets: list[Bucket], zone: ZoneInfo, params: dict[str, Any]) -> str:
    """`buckets(n, label, start_at, end_at) AS (VALUES ...)`: each day or week as its stored UTC
    range, so that SQL groups by calendar days of the shop's zone (daylight saving included)."""
    rows = []
    for n, bucket in enumerate(buckets):
        params[f"b{n}_label"] = bucket.label()
        params[f"b{n}_start"] = stored(day_start(bucket.first, zone))
        params[f"b{n}_end"] = stored(day_start(bucket.last + timedelta(days=1), zone))
        rows.append(f"({n}, :b{n}_label, :b{n}_start, :b{n}_end)")
    return "buckets(n, label, start_at, end_at) AS (VALUES " + ", ".join(rows) + ")"

