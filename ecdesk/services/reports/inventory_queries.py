"""Inventory valuation figures: the stock ledger read once with conditional sums.

For each SKU, in one pass over its movements up to the period's end: opening stock (movements
before the first day), the period's movements by kind, and closing stock (all movements up to the
end). Opening + the period's movements = closing holds by construction, per SKU and in total, and
the report checks it. Values are units x the SKU's *current* unit cost (integer minor units);
the ledger keeps no cost history, so a cost changed since the period shows at today's cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.models.stock import MovementKind
from ecdesk.services.reports.period import Period
from ecdesk.services.reports.sql import frame, one

if TYPE_CHECKING:
    import pandas as pd

KINDS = tuple(kind.value for kind in MovementKind)  # received, sold, ..., written_off
UNIT_FIGURES = ("opening", *KINDS, "closing")
VALUE_FIGURES = tuple(f"{name}_value" for name in UNIT_FIGURES)

_PER_SKU = "per_sku AS (SELECT m.variant_id, " + ", ".join(
    ["COALESCE(SUM(CASE WHEN m.at < :start THEN m.quantity END), 0) AS opening"]
    + [f"COALESCE(SUM(CASE WHEN m.at >= :start AND m.kind = '{kind}' THEN m.quantity END), 0) "
       f"AS {kind}" for kind in KINDS]
    + ["COALESCE(SUM(m.quantity), 0) AS closing"]
) + """
    FROM stock_movements m WHERE m.at < :end GROUP BY m.variant_id),
    valued AS (
        SELECT s.*, v.sku, v.unit_cost, v.product_id, v.option1, v.option2, v.option3,
               """ + ", ".join(f"s.{name} * v.unit_cost AS {name}_value"
                               for name in UNIT_FIGURES) + """
        FROM per_sku s JOIN variants v ON v.id = s.variant_id
        WHERE s.opening <> 0 OR s.closing <> 0 OR """ + " OR ".join(
    f"s.{kind} <> 0" for kind in KINDS) + ")"

_SUMS = ", ".join(f"COALESCE(SUM(s.{name}), 0) AS {name}"
                  for name in (*UNIT_FIGURES, *VALUE_FIGURES))
_CATEGORY_FROM = """FROM valued s JOIN products pr ON pr.id = s.product_id
    LEFT JOIN categories cat ON cat.id = pr.category_id"""
NO_CATEGORY = "(no category)"


@dataclass(frozen=True)
class StockScope:
    period: Period
    zone: ZoneInfo

    def params(self) -> dict[str, Any]:
        start, end = self.period.stored_range(self.zone)
        return {"start": start, "end": end}


def stock_by_sku(session: Session, scope: StockScope) -> pd.DataFrame:
    """One row per SKU that had stock or movements, by category path then SKU."""
    options = "trim(s.option1 || ' ' || s.option2 || ' ' || s.option3)"
    sql = f"""WITH {_PER_SKU}
        SELECT COALESCE(cat.path, '{NO_CATEGORY}') AS category, s.sku AS sku,
               pr.title || CASE WHEN {options} <> '' THEN ' (' || {options} || ')' ELSE '' END
                   AS product,
               s.unit_cost AS unit_cost, {", ".join(f"s.{n}" for n in UNIT_FIGURES)},
               {", ".join(f"s.{n}" for n in VALUE_FIGURES)}
        {_CATEGORY_FROM}
        ORDER BY cat.path IS NULL, cat.path, s.sku"""
    return frame(session, sql, scope.params())


def stock_by_category(session: Session, scope: StockScope) -> pd.DataFrame:
    """The same figures summed by category, in the same order as `stock_by_sku`."""
    sql = f"""WITH {_PER_SKU}
        SELECT COALESCE(cat.path, '{NO_CATEGORY}') AS category, COUNT(*) AS skus,
               SUM(s.closing > 0) AS skus_in_stock, {_SUMS}
        {_CATEGORY_FROM}
        GROUP BY cat.path ORDER BY cat.path IS NULL, cat.path"""
    return frame(session, sql, scope.params())


def stock_totals(session: Session, scope: StockScope) -> dict[str, int]:
    sql = f"""WITH {_PER_SKU}
        SELECT COUNT(*) AS skus, COALESCE(SUM(s.closing > 0), 0) AS skus_in_stock, {_SUMS}
        FROM valued s"""
    return {key: int(value) for key, value in one(session, sql, scope.params()).items()}
