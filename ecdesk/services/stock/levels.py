"""A SKU's stock levels from its own rules, the shop defaults and its sales pace.

The shared definitions: a rule set by hand wins; a blank one is suggested from the velocity
(ecdesk.services.stock.reorder). Pure functions, so that a dialog can show the suggestion
change as the user types a lead time.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecdesk.services.stock import reorder
from ecdesk.services.stock.commands import PolicyDraft
from ecdesk.services.stock.defaults import StockDefaults


@dataclass(frozen=True)
class Levels:
    safety_stock: int
    reorder_point: int
    max_stock: int
    reorder_point_manual: bool


def _first(value: int | None, fallback: int) -> int:
    return fallback if value is None else value


def levels_for(daily: Decimal, policy: PolicyDraft, defaults: StockDefaults) -> Levels:
    """Safety stock, reorder point and maximum level in force for a SKU."""
    lead = _first(policy.lead_time_days, defaults.lead_time_days)
    safety = _first(policy.safety_stock, reorder.safety_stock(daily, defaults.safety_days))
    point = _first(policy.reorder_point, reorder.reorder_point(daily, lead, safety))
    maximum = _first(policy.max_stock, reorder.max_level(point, daily, defaults.cover_days))
    return Levels(safety, point, maximum, policy.reorder_point is not None)


def suggested_for(daily: Decimal, policy: PolicyDraft, defaults: StockDefaults
                  ) -> tuple[int, int, int]:
    """(safety stock, reorder point, max stock) each would get if its own field were blank."""
    lead = _first(policy.lead_time_days, defaults.lead_time_days)
    safety = reorder.safety_stock(daily, defaults.safety_days)
    point = reorder.reorder_point(daily, lead, _first(policy.safety_stock, safety))
    maximum = reorder.max_level(_first(policy.reorder_point, point), daily, defaults.cover_days)
    return safety, point, maximum
