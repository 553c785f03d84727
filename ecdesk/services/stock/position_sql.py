"""The SQL terms of a SKU's stock position (ecdesk.services.stock.position has the rest).

`on_order` is THE definition of units on order: every query, and through them every figure in
Inventory, Alerts, the command line and the reports, reads it. `reorder_point` is the reorder
point `position.levels_for` gives, for a whole table at once (tests check that both agree).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, func, literal, literal_column
from sqlalchemy.dialects import sqlite

from ecdesk.models import StockPolicy
from ecdesk.services.stock.defaults import StockDefaults


def on_order(variant_id: ColumnElement[int]) -> ColumnElement[int]:
    """Units that purchase orders still expect for the SKU whose id is `variant_id`.

    ecdesk has no purchase orders yet, so nothing is on order. Purchasing replaces this body,
    and only it, with the sum over the lines of the SKU's sent and partly received purchase
    orders of what was ordered less what was received (a correlated subquery on an index of
    those lines' variant id): Inventory, Alerts, reorder quantities and the command line then
    count it, in projected stock, without another change."""
    del variant_id  # (no purchase-order lines to look up yet)
    # A bound 0, not the text 0: SQLite reads ORDER BY 0 as "the 0th column" and refuses it.
    return literal(0, Integer)


def on_order_text(variant_id: str) -> str:
    """`on_order` as SQLite text, for the queries that stay raw text (the alerts' one pass);
    `variant_id` is that query's column, e.g. "v.id"."""
    expression = on_order(literal_column(variant_id, Integer))
    return str(expression.compile(dialect=sqlite.dialect(),
                                  compile_kwargs={"literal_binds": True}))


def _ceiling(units_x_days: Any, window_days: int) -> Any:
    """Whole units, rounded up, of (units sold x days) / window days: what `reorder.units_up`
    does to a daily rate times days, in integer SQL (units sold are never negative)."""
    return (units_x_days + (window_days - 1)) // window_days


def reorder_point(sold: Any, defaults: StockDefaults) -> Any:
    """The reorder point in force per SKU, in SQL: its own (stock_policies, which the query
    must outer-join), else the sales over its lead time plus its safety stock, from `sold`,
    the units it sold in the sales window."""
    window = defaults.velocity_window_days
    lead = func.coalesce(StockPolicy.lead_time_days, defaults.lead_time_days)
    safety = func.coalesce(StockPolicy.safety_stock, _ceiling(sold * defaults.safety_days, window))
    return func.coalesce(StockPolicy.reorder_point, _ceiling(sold * lead, window) + safety)
