"""The SQL terms of a SKU's stock position (ecdesk.services.stock.position has the rest).

`on_order` is THE definition of units on order: every query, and through them every figure in
Inventory, Alerts, the command line and the reports, reads it. `reorder_point` is the reorder
point `position.levels_for` gives, for a whole table at once (tests check that both agree).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, func, literal_column, select
from sqlalchemy.dialects import sqlite

from ecdesk.models import PurchaseOrderLine, StockPolicy, Supplier, SupplierItem
from ecdesk.services.stock.defaults import StockDefaults


def on_order(variant_id: ColumnElement[int]) -> ColumnElement[int]:
    """Units that purchase orders still expect for the SKU whose id is `variant_id`: the sum of
    its lines' open quantity, which ecdesk.services.purchasing.lines keeps as ordered less
    cancelled less received while the order is sent or partly received, 0 otherwise (a
    correlated subquery on a partial index that holds only lines still expecting goods)."""
    lines = PurchaseOrderLine.__table__.alias("po_open")
    return (select(func.coalesce(func.sum(lines.c.open_quantity), 0))
            .where(lines.c.variant_id == variant_id, lines.c.open_quantity > 0)
            .scalar_subquery())


def _text(expression: object) -> str:
    return str(expression.compile(dialect=sqlite.dialect(),  # type: ignore[attr-defined]
                                  compile_kwargs={"literal_binds": True}))


def on_order_text(variant_id: str) -> str:
    """`on_order` as SQLite text, for the queries that stay raw text (the alerts' one pass);
    `variant_id` is that query's column, e.g. "v.id"."""
    return f"({_text(on_order(literal_column(variant_id, Integer)))})"


# The supply terms that apply to a SKU, in order: its own stock rules (stock_policies), else its
# preferred supplier's item (the item's lead time, else that supplier's), else the shop default.
# This subquery holds the middle step, one row per SKU with a preferred supplier; the readers
# outer-join it and coalesce (position.levels_for then falls back to the shop default).
SUPPLY_TERMS = (
    select(SupplierItem.variant_id.label("variant_id"),
           func.coalesce(SupplierItem.lead_time_days, Supplier.lead_time_days)
           .label("lead_time_days"),
           SupplierItem.pack_multiple.label("pack_multiple"),
           SupplierItem.min_order_qty.label("min_order_qty"))
    .join(Supplier, Supplier.id == SupplierItem.supplier_id)
    .where(SupplierItem.preferred.is_(True))
    .subquery("supply_terms"))
TERM_FIELDS = ("lead_time_days", "pack_multiple", "min_order_qty")


def supply_terms_text() -> str:
    """SUPPLY_TERMS as SQLite text, to outer-join in the raw alerts query."""
    return f"({_text(SUPPLY_TERMS.element)})"


def lead_time(policy_lead_time: Any) -> Any:
    """The SKU's lead time before the shop default: its own, else its preferred supplier's
    (the query must outer-join SUPPLY_TERMS)."""
    return func.coalesce(policy_lead_time, SUPPLY_TERMS.c.lead_time_days)


def _ceiling(units_x_days: Any, window_days: int) -> Any:
    """Whole units, rounded up, of (units sold x days) / window days: what `reorder.units_up`
    does to a daily rate times days, in integer SQL (units sold are never negative)."""
    return (units_x_days + (window_days - 1)) // window_days


def reorder_point(sold: Any, defaults: StockDefaults) -> Any:
    """The reorder point in force per SKU, in SQL: its own (stock_policies, which the query
    must outer-join, with SUPPLY_TERMS), else the sales over its lead time plus its safety
    stock, from `sold`, the units it sold in the sales window."""
    window = defaults.velocity_window_days
    lead = func.coalesce(lead_time(StockPolicy.lead_time_days), defaults.lead_time_days)
    safety = func.coalesce(StockPolicy.safety_stock, _ceiling(sold * defaults.safety_days, window))
    return func.coalesce(StockPolicy.reorder_point, _ceiling(sold * lead, window) + safety)
