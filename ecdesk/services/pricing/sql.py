"""The pricing rules as SQLAlchemy Core expressions, for queries that page, filter and sort
in SQL. Each mirrors a Python function of `price` or `margin` (tests/unit/test_pricing.py and
tests/integration/test_pricing_queries.py check they agree)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, case, cast, func
from sqlalchemy.sql.elements import ColumnElement


def effective_price_sql(channel_price: Any, list_price: Any) -> ColumnElement[Any]:
    """`price.effective_price` over two columns (of any table or alias)."""
    return func.coalesce(channel_price, list_price)


def margin_before_fees_sort_key(price: Any, cost: Any) -> ColumnElement[Any]:
    """`margin.margin_before_fees` as a REAL, for ORDER BY only (shown margins are Decimal);
    NULL without a positive price, as the Python function's None."""
    return case((price > 0, cast(price - cost, Float) / price))
