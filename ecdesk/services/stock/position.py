"""A SKU's stock position: the one definition that Inventory, Alerts, the command line and the
reports read.

    on hand        what the stock ledger holds (variants.on_hand, the sum of the movements)
    committed      units on lines of open orders (pending, paid): promised, not shipped yet
    available      on hand - committed
    on order       units that purchase orders still expect (`position_sql.on_order`: 0 until
                   ecdesk has purchasing)
    projected      available + on order: what reordering looks at, so that a SKU already on
                   order stops asking to be ordered
    reorder point  set by hand in the SKU's stock rules, else the sales expected over the lead
                   time plus the safety stock (`levels_for`)
    max level      set by hand, else the reorder point plus the days of cover's sales

The arithmetic below takes plain ints or SQLAlchemy column expressions alike (`-`, `+`, `<=`,
`&` build SQL on columns), so that the Python figures and the queries' SQL are one definition;
the SQL-only terms (on order, the suggested reorder point from summed sales) are in
position_sql. No SQLAlchemy here: the command line imports this module at start. Levels are
pure functions, so that a dialog can show the suggestion change as the user types a lead time.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from ecdesk.services.stock import reorder

if TYPE_CHECKING:
    from ecdesk.services.stock.commands import PolicyDraft
    from ecdesk.services.stock.defaults import StockDefaults

Units = TypeVar("Units", int, Any)  # an int, or a SQL expression of integer units


def available(on_hand: Units, committed: Units) -> Units:
    """What can be sold now: on hand less what open orders were promised."""
    return on_hand - committed


def projected(available: Units, on_order: Units) -> Units:
    """Available stock once what is on order has arrived."""
    return available + on_order


def at_or_below_reorder_point(projected: Units, reorder_point: Units) -> Any:
    """Time to order: a SKU with a reorder point whose projected stock has fallen to it.
    (`&`, not `and`: on SQL expressions it builds AND; on ints it is the same truth.)"""
    return (reorder_point > 0) & (projected <= reorder_point)


@dataclass(frozen=True)
class Levels:
    lead_time_days: int
    safety_stock: int
    reorder_point: int
    max_stock: int
    reorder_point_manual: bool


def _first(value: int | None, fallback: int) -> int:
    return fallback if value is None else value


def levels_for(daily: Decimal, policy: PolicyDraft, defaults: StockDefaults) -> Levels:
    """Lead time, safety stock, reorder point and maximum level in force for a SKU selling
    `daily` units a day: a rule set by hand wins, a blank one is suggested from the sales."""
    lead = _first(policy.lead_time_days, defaults.lead_time_days)
    safety = _first(policy.safety_stock, reorder.safety_stock(daily, defaults.safety_days))
    point = _first(policy.reorder_point, reorder.reorder_point(daily, lead, safety))
    maximum = _first(policy.max_stock, reorder.max_level(point, daily, defaults.cover_days))
    return Levels(lead, safety, point, maximum, policy.reorder_point is not None)


def suggested_for(daily: Decimal, policy: PolicyDraft, defaults: StockDefaults
                  ) -> tuple[int, int, int]:
    """(safety stock, reorder point, max stock) each would get if its own field were blank."""
    lead = _first(policy.lead_time_days, defaults.lead_time_days)
    safety = reorder.safety_stock(daily, defaults.safety_days)
    point = reorder.reorder_point(daily, lead, _first(policy.safety_stock, safety))
    maximum = reorder.max_level(_first(policy.reorder_point, point), daily, defaults.cover_days)
    return safety, point, maximum
