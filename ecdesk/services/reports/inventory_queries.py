"""Inventory valuation figures: the stock ledger read once with conditional sums.

For each SKU, in one pass over the movements up to the period's end: opening stock (movements
before the first day), the period's movements by kind, and closing stock (all movements up to the
end). Opening + the period's movements = closing holds by construction, per SKU and in total, and
the report checks it. Values are units x the SKU's unit cost as it stood at the period's end
(integer minor units, from the cost history: services/purchasing/cost_history.py), so a
valuation made once is the same made again after later receipts or cost changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.models.stock import MovementKind
from ecdesk.services.common.period import Period
from ecdesk.services.purchasing.cost_history import cost_as_of_sql
from ecdesk.services.reports.sql import frame, one

if TYPE_CHECKING:
    import pandas as pd

KINDS = tuple(kind.value for kind in MovementKind)  # received, sold, ..., written_off
UNIT_FIGURES = ("opening", *KINDS, "closing")
VALUE_FIGURES = tuple(f"{name}_value" for name in UNIT_FIGURES)

_PER_SKU = "SELECT m.variant_id AS variant_id, " + ", ".join(
    ["COALESCE(SUM(CASE WHEN m.at < :start THEN m.quantity END), 0) AS opening"]
    + [f"COALESCE(SUM(CASE WHEN m.at >= :start AND m.kind = '{kind}' THEN m.quantity END), 0) "
       f"AS {kind}" for kind in KINDS]
    + ["COALESCE(SUM(m.quantity), 0) AS closing"]
    # "+ 0": read the table in one sequential pass and group in a temporary B-tree, twice as
    # fast as walking the (variant_id, at) index, which does not hold kind and quantity.
) + " FROM stock_movements m WHERE m.at < :end GROUP BY m.variant_id + 0"

_OPTIONS = "trim(v.option1 || ' ' || v.option2 || ' ' || v.option3)"
_FILL = f"""CREATE TEMP TABLE report_stock AS
    SELECT cat.path AS category, v.sku AS sku,
           pr.title || CASE WHEN {_OPTIONS} <> '' THEN ' (' || {_OPTIONS} || ')' ELSE '' END
               AS product,
           s.unit_cost AS unit_cost, {", ".join(f"s.{n}" for n in UNIT_FIGURES)},
           {", ".join(f"s.{n} * s.unit_cost AS {n}_value" for n in UNIT_FIGURES)}
    FROM (SELECT k.*, {cost_as_of_sql("k.variant_id", ":end")} AS unit_cost
          FROM ({_PER_SKU}) AS k) AS s JOIN variants v ON v.id = s.variant_id
    JOIN products pr ON pr.id = v.product_id LEFT JOIN categories cat ON cat.id = pr.category_id
    WHERE s.opening <> 0 OR s.closing <> 0 OR {" OR ".join(f"s.{k} <> 0" for k in KINDS)}"""

_SUMS = ", ".join(f"COALESCE(SUM({name}), 0) AS {name}"
                  for name in (*UNIT_FIGURES, *VALUE_FIGURES))
NO_CATEGORY = "(no category)"


@dataclass(frozen=True)
class StockScope:
    period: Period
    zone: ZoneInfo

    def params(self) -> dict[str, Any]:
        start, end = self.period.stored_range(self.zone)
        return {"start": start, "end": end}


@contextmanager
def stock_figures(session: Session, scope: StockScope) -> Iterator[StockFigures]:
    """Read the ledger once into a temporary table (this connection's own, dropped after);
    the SKU rows, the category subtotals and the totals are then GROUP BYs over it."""
    session.execute(text("DROP TABLE IF EXISTS temp.report_stock"))
    session.execute(text(_FILL), scope.params())
    try:
        yield StockFigures(session)
    finally:
        session.execute(text("DROP TABLE IF EXISTS temp.report_stock"))


class StockFigures:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_sku(self) -> pd.DataFrame:
        """One row per SKU that had stock or movements, by category path then SKU."""
        return frame(self.session, f"""
            SELECT COALESCE(category, '{NO_CATEGORY}') AS category, sku, product, unit_cost,
                   {", ".join((*UNIT_FIGURES, *VALUE_FIGURES))}
            FROM temp.report_stock ORDER BY category IS NULL, category, sku""", {})

    def by_category(self) -> pd.DataFrame:
        """The same figures summed by category, in the same order as `by_sku`."""
        return frame(self.session, f"""
            SELECT COALESCE(category, '{NO_CATEGORY}') AS category, COUNT(*) AS skus,
                   SUM(closing > 0) AS skus_in_stock, {_SUMS}
            FROM temp.report_stock GROUP BY category
            ORDER BY category IS NULL, category""", {})

    def totals(self) -> dict[str, int]:
        row = one(self.session, f"""SELECT COUNT(*) AS skus,
            COALESCE(SUM(closing > 0), 0) AS skus_in_stock, {_SUMS} FROM temp.report_stock""",
                  {})
        return {key: int(value) for key, value in row.items()}
