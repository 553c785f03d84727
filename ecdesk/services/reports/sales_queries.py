"""The sales and margin figures, each one SQL GROUP BY over orders and their lines.

Which orders count: status in SOLD_STATUSES (paid, shipped, completed, refunded; pending and
cancelled orders are not sales), placed (`ordered_at`) within the period's calendar days in the
shop's time zone, in the shop's currency (orders in another currency are listed apart, never
added in), on one channel when the report is for a channel.

Per order, the lines are summed first and the order's own amounts (shipping, fees, refund) are
added once, so that an order with three lines never counts its shipping three times. All
amounts are integer minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.services.common.period import Period
from ecdesk.services.reports.sql import SOLD_SQL, bucket_of, buckets_cte, frame, one

if TYPE_CHECKING:
    import pandas as pd

FIGURES = ("orders", "units", "gross", "discounts", "sales", "shipping", "refunds",
           "refunded_orders", "fees", "cogs", "margin", "tax", "sales_excl_tax",
           "sales_incl_tax")

_FIGURES_SQL = """
    COUNT(p.id) AS orders,
    COALESCE(SUM(p.units), 0) AS units,
    COALESCE(SUM(p.sales + p.discounts), 0) AS gross,
    COALESCE(SUM(p.discounts), 0) AS discounts,
    COALESCE(SUM(p.sales), 0) AS sales,
    COALESCE(SUM(p.shipping), 0) AS shipping,
    COALESCE(SUM(p.refunds), 0) AS refunds,
    COALESCE(SUM(p.refunds > 0), 0) AS refunded_orders,
    COALESCE(SUM(p.fees), 0) AS fees,
    COALESCE(SUM(p.cogs), 0) AS cogs,
    COALESCE(SUM(p.sales - p.refunds - p.cogs - p.fees), 0) AS margin,
    COALESCE(SUM(p.tax), 0) AS tax,
    COALESCE(SUM(p.sales - CASE WHEN p.tax_included THEN p.tax ELSE 0 END), 0)
        AS sales_excl_tax,
    COALESCE(SUM(p.sales + CASE WHEN p.tax_included THEN 0 ELSE p.tax END), 0)
        AS sales_incl_tax"""


@dataclass(frozen=True)
class SalesScope:
    """Which orders a sales query reads."""

    period: Period
    zone: ZoneInfo
    currency: str
    channel_id: int | None = None

    def params(self) -> dict[str, Any]:
        start, end = self.period.stored_range(self.zone)
        params: dict[str, Any] = {"start": start, "end": end, "currency": self.currency}
        if self.channel_id is not None:
            params["channel"] = self.channel_id
        return params

    def order_filter(self, alias: str = "o") -> str:
        where = (f"{alias}.status IN ({SOLD_SQL}) AND {alias}.ordered_at >= :start "
                 f"AND {alias}.ordered_at < :end AND {alias}.currency = :currency")
        if self.channel_id is not None:
            where += f" AND {alias}.channel_id = :channel"
        return where

    def per_order_cte(self) -> str:
        return f"""per_order AS (
            SELECT o.id, o.channel_id, o.ordered_at, o.shipping, o.platform_fees AS fees,
                   o.refunded AS refunds, o.tax, o.tax_included,
                   COALESCE(SUM(l.quantity), 0) AS units,
                   COALESCE(SUM(l.line_total), 0) AS sales,
                   COALESCE(SUM(l.discount), 0) AS discounts,
                   COALESCE(SUM(l.quantity * l.unit_cost), 0) AS cogs
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
            WHERE {self.order_filter()}
            GROUP BY o.id)"""


def sales_totals(session: Session, scope: SalesScope) -> dict[str, int]:
    sql = f"WITH {scope.per_order_cte()} SELECT {_FIGURES_SQL} FROM per_order p"
    return {key: int(value) for key, value in one(session, sql, scope.params()).items()}


def sales_by_channel(session: Session, scope: SalesScope) -> pd.DataFrame:
    sql = f"""WITH {scope.per_order_cte()}
        SELECT c.name AS channel, {_FIGURES_SQL}
        FROM per_order p JOIN channels c ON c.id = p.channel_id
        GROUP BY c.id ORDER BY c.position, c.name"""
    return frame(session, sql, scope.params())


def sales_by_bucket(session: Session, scope: SalesScope) -> pd.DataFrame:
    """Every day (or week) of the period, with zeros where nothing sold."""
    params = scope.params()
    buckets = buckets_cte(scope.period.buckets(), scope.zone, params)
    sql = f"""WITH {scope.per_order_cte()}, {buckets}
        SELECT b.label AS bucket, {_FIGURES_SQL}
        FROM buckets b LEFT JOIN per_order p
             ON p.ordered_at >= b.start_at AND p.ordered_at < b.end_at
        GROUP BY b.n ORDER BY b.n"""
    return frame(session, sql, params)


def sales_by_bucket_and_channel(session: Session, scope: SalesScope) -> pd.DataFrame:
    """The figures of every day (or week) and channel of the period in one pass over the
    orders: `n` (the bucket's number; its label in `attrs["labels"]`), `channel_id` and FIGURES,
    for the buckets and channels that sold.
    Every figure is a sum over orders, so the period's totals, its channels and its buckets
    are sums of these rows (`totals_of`, `by_channel_of`, `by_bucket_of`): the Dashboard
    reads its orders once instead of three times."""
    params = scope.params()
    buckets = scope.period.buckets()
    sql = f"""WITH {scope.per_order_cte()}
        SELECT {bucket_of(buckets, scope.zone, params)} AS n, p.channel_id AS channel_id,
               {_FIGURES_SQL}
        FROM per_order p GROUP BY n, p.channel_id ORDER BY n"""
    cells = frame(session, sql, params)
    cells.attrs["labels"] = [bucket.label() for bucket in buckets]
    return cells


def totals_of(cells: pd.DataFrame) -> dict[str, int]:
    """`sales_totals` from the rows of `sales_by_bucket_and_channel`."""
    return {key: int(cells[key].sum()) if len(cells) else 0 for key in FIGURES}


def by_bucket_of(cells: pd.DataFrame) -> pd.DataFrame:
    """`sales_by_bucket` from the rows of `sales_by_bucket_and_channel`: every bucket, with
    zeros where nothing sold."""
    labels = cells.attrs["labels"]
    summed = cells.groupby("n")[list(FIGURES)].sum().reindex(range(len(labels)), fill_value=0)
    summed.insert(0, "bucket", labels)
    return summed.reset_index(drop=True).astype({key: "int64" for key in FIGURES})


def by_channel_of(session: Session, cells: pd.DataFrame) -> pd.DataFrame:
    """`sales_by_channel` from the rows of `sales_by_bucket_and_channel`: the channels that
    sold, in the channels' order."""
    import pandas as pd

    sold = cells.dropna(subset=["channel_id"])
    summed = sold.groupby("channel_id")[list(FIGURES)].sum()
    channels = frame(session, "SELECT id, name AS channel FROM channels ORDER BY position, name",
                     {})
    rows = [{"channel": name, **{k: int(summed.at[cid, k]) for k in FIGURES}}
            for cid, name in zip(channels["id"], channels["channel"], strict=True)
            if cid in summed.index]
    return pd.DataFrame(rows, columns=["channel", *FIGURES])


_CATEGORY_FIGURES = """
    COALESCE(SUM(l.quantity), 0) AS units,
    COALESCE(SUM(l.line_total + l.discount), 0) AS gross,
    COALESCE(SUM(l.discount), 0) AS discounts,
    COALESCE(SUM(l.line_total), 0) AS sales,
    COALESCE(SUM(l.quantity * l.unit_cost), 0) AS cogs,
    COALESCE(SUM(l.line_total - l.quantity * l.unit_cost), 0) AS product_margin"""

_CATEGORY_FROM = """
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
    LEFT JOIN categories cat ON cat.id = pr.category_id"""


def sales_by_category(session: Session, scope: SalesScope) -> pd.DataFrame:
    """Line figures by the product's category (refunds and fees belong to whole orders, so
    they are not split over categories)."""
    sql = f"""SELECT COALESCE(cat.path, '(no category)') AS category, {_CATEGORY_FIGURES}
        {_CATEGORY_FROM} WHERE {scope.order_filter()}
        GROUP BY cat.path ORDER BY sales DESC, category"""
    return frame(session, sql, scope.params())


def category_totals(session: Session, scope: SalesScope) -> dict[str, int]:
    sql = f"SELECT {_CATEGORY_FIGURES} {_CATEGORY_FROM} WHERE {scope.order_filter()}"
    return {key: int(value) for key, value in one(session, sql, scope.params()).items()}


def _returns_sql(scope: SalesScope, group: str) -> str:
    """Refunds and cancellations by the order's date; goods back on the shelf by the day they
    came back (a `returned` stock movement in the period)."""
    channel = " AND o.channel_id = :channel" if scope.channel_id is not None else ""
    period = "o.ordered_at >= :start AND o.ordered_at < :end AND o.currency = :currency"
    return f"""
        WITH refunds AS (
            SELECT o.channel_id, SUM(o.refunded > 0) AS refunded_orders,
                   SUM(o.refunded) AS refunds
            FROM orders o WHERE {scope.order_filter()} GROUP BY o.channel_id),
        cancels AS (
            SELECT o.channel_id, COUNT(*) AS cancelled_orders
            FROM orders o WHERE o.status = 'cancelled' AND {period}{channel}
            GROUP BY o.channel_id),
        back AS (
            SELECT o.channel_id, SUM(m.quantity) AS returned_units
            FROM stock_movements m JOIN orders o ON o.id = m.order_id
            WHERE m.kind = 'returned' AND m.at >= :start AND m.at < :end
                  AND o.currency = :currency{channel}
            GROUP BY o.channel_id)
        SELECT {group}
               COALESCE(SUM(r.refunded_orders), 0) AS refunded_orders,
               COALESCE(SUM(r.refunds), 0) AS refunds,
               COALESCE(SUM(b.returned_units), 0) AS returned_units,
               COALESCE(SUM(x.cancelled_orders), 0) AS cancelled_orders
        FROM channels c
        LEFT JOIN refunds r ON r.channel_id = c.id
        LEFT JOIN back b ON b.channel_id = c.id
        LEFT JOIN cancels x ON x.channel_id = c.id"""


def returns_by_channel(session: Session, scope: SalesScope) -> pd.DataFrame:
    # Filtered outside the grouping: in a HAVING, SQLite reads `returned_units` as the joined
    # table's column (NULL for a channel with nothing back), not as the COALESCEd result, and a
    # channel with refunds but no goods back lost its row.
    grouped = _returns_sql(scope, "c.position, c.name AS channel,") + " GROUP BY c.id"
    sql = f"""SELECT channel, refunded_orders, refunds, returned_units, cancelled_orders
        FROM ({grouped})
        WHERE refunded_orders <> 0 OR refunds <> 0 OR returned_units <> 0
              OR cancelled_orders <> 0
        ORDER BY position, channel"""
    return frame(session, sql, scope.params())


def returns_totals(session: Session, scope: SalesScope) -> dict[str, int]:
    return {key: int(value) for key, value
            in one(session, _returns_sql(scope, ""), scope.params()).items()}


def other_currencies(session: Session, scope: SalesScope) -> pd.DataFrame:
    """Sold orders in currencies other than the shop's: shown apart, not converted."""
    channel = " AND o.channel_id = :channel" if scope.channel_id is not None else ""
    sql = f"""SELECT o.currency AS currency, COUNT(DISTINCT o.id) AS orders,
               COALESCE(SUM(l.line_total), 0) AS sales
        FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
        WHERE o.status IN ({SOLD_SQL}) AND o.ordered_at >= :start AND o.ordered_at < :end
              AND o.currency <> :currency{channel}
        GROUP BY o.currency ORDER BY o.currency"""
    return frame(session, sql, scope.params())
