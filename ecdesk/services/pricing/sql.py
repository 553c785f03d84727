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


# The margin floor in SQL: `margin.margin_after_fees` under the floor, in integer cents and
# millionths. Each rate's fee is rounded half up to the cent as its own bill ((cents x rate
# millionths + 500,000) / 1,000,000 with SQLite's integer division of non-negative numbers),
# the fixed fees added exact: the same figure as the Python function, to the cent
# (tests/integration/test_pricing_rules.py checks they agree on every listing of the demo shop).
def fees_cents_text(price: str, channel: str) -> str:
    return (f"(({price}) * {channel}.commission_rate + 500000) / 1000000 + "
            f"(({price}) * {channel}.payment_fee_rate + 500000) / 1000000 + "
            f"{channel}.per_order_fee + {channel}.per_unit_fee")


def below_floor_text(price: str, cost: str, fees: str, floor_micro: str) -> str:
    """A cost entered and the margin after `fees` under the floor (no price counts as under)."""
    return (f"({cost} > 0 AND ({price} <= 0 OR "
            f"(({price}) - ({cost}) - ({fees})) * 1000000 < ({price}) * {floor_micro}))")
