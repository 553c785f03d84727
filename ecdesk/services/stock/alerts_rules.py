"""Which alerts hold for one SKU, by the shared alert definitions, and how bad each is.

Per non-archived SKU, with the shop's stock defaults wherever its policy says None:
- velocity v = units sold in the window / window days; available = on hand - committed;
  projected = available + on order (0 until purchase orders exist);
- safety, reorder point R and maximum level M: set by hand on the SKU, else from v;
- negative_stock: on hand < 0 (measure: units below zero);
- out_of_stock: available <= 0, not negative, and it sold in the window or is listed
  (measure: units promised beyond the stock);
- listed_unavailable: listed on a channel while available <= 0 (measure: channels);
- stockout_risk: v > 0, available > 0 and days of cover < lead time (measure: days short);
- below_reorder: R > 0, projected <= R, available > 0 and not stockout_risk
  (measure: units short of R);
- overstock: v > 0 and days of cover > overstock days (measure: units above that level);
- dead_stock: on hand > 0, no sale within the dead-stock period, and the product is older
  than that period (measure: units on hand).

The arithmetic is ecdesk.services.stock.reorder's. A SKU's levels depend only on its sales and
policy (its "plan") and its available stock, so results are cached per plan and per available
quantity: 100,000 SKUs cost a few dictionary look-ups each rather than Decimal work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ecdesk.services.stock import reorder
from ecdesk.services.stock.alerts_dto import AlertKind, StockFigures
from ecdesk.services.stock.alerts_figures import NAME_SEPARATOR, PLAN_KEY
from ecdesk.services.stock.defaults import StockDefaults

Finding = tuple[AlertKind, int]  # a kind that holds, with its measure
Levels = tuple[Decimal | None, tuple[Finding, ...], int]
NEGATIVE, OUT, LISTED = (AlertKind.NEGATIVE_STOCK, AlertKind.OUT_OF_STOCK,
                         AlertKind.LISTED_UNAVAILABLE)
RISK, BELOW, OVER, DEAD = (AlertKind.STOCKOUT_RISK, AlertKind.BELOW_REORDER,
                           AlertKind.OVERSTOCK, AlertKind.DEAD_STOCK)


@dataclass
class Plan:
    """What a SKU's sales and policy make of its stock levels, with the level alerts found so
    far per available quantity (a cache: the same plan and stock give the same answer)."""

    velocity: Decimal
    lead_time_days: int
    safety_stock: int
    reorder_point: int
    max_level: int
    pack_multiple: int
    min_order_qty: int
    reorder_point_set: bool
    overstock_level: int  # units that last the overstock period at this velocity
    # Per available quantity: days of cover, the level alerts and the order to place.
    levels: dict[int, Levels] = field(default_factory=dict)


class AlertRules:
    """Judges SKUs against one set of shop defaults."""

    def __init__(self, defaults: StockDefaults) -> None:
        self.defaults = defaults
        self._plans: dict[tuple[Any, ...], Plan] = {}

    def assess(self, row: Sequence[Any]) -> tuple[list[Finding], StockFigures] | None:
        """The alerts that hold for one SKU (a row laid out as alerts_figures.SkuRow), most
        severe first, and the numbers behind them; None when all is well."""
        (_vid, _sku, _title, on_hand, committed, last_sold_at, sold_recently, established,
         listed_on, sold) = row[:PLAN_KEY.start + 1]
        available = on_hand - committed
        plan = self._plan(row[PLAN_KEY])
        cover, level_findings, suggested = self._levels(plan, available, sold)
        found: list[Finding] = []
        listed = tuple(listed_on.split(NAME_SEPARATOR)) if listed_on else ()
        if on_hand < 0:
            found.append((NEGATIVE, -on_hand))
        elif available <= 0 and (sold > 0 or listed):
            found.append((OUT, -available))
        if available <= 0 and listed:
            found.append((LISTED, len(listed)))
        found += level_findings
        if on_hand > 0 and not sold_recently and established:
            found.append((DEAD, on_hand))
        if not found:
            return None
        return found, self._figures(plan, cover, suggested, on_hand, committed, sold,
                                    last_sold_at, listed)

    def _plan(self, key: tuple[Any, ...]) -> Plan:
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._make_plan(*key)
        return plan

    def _make_plan(self, sold: int, reorder_point: int | None, safety: int | None,
                   max_stock: int | None, lead: int | None, pack: int | None,
                   moq: int | None) -> Plan:
        d = self.defaults
        daily = reorder.velocity(sold, d.velocity_window_days)
        lead_days = d.lead_time_days if lead is None else lead
        safety_units = reorder.safety_stock(daily, d.safety_days) if safety is None else safety
        point = (reorder.reorder_point(daily, lead_days, safety_units)
                 if reorder_point is None else reorder_point)
        level = reorder.max_level(point, daily, d.cover_days) if max_stock is None else max_stock
        return Plan(daily, lead_days, safety_units, point, level,
                    d.pack_multiple if pack is None else pack,
                    d.min_order_qty if moq is None else moq,
                    reorder_point is not None, reorder.units_up(daily * d.overstock_days))

    def _levels(self, plan: Plan, available: int, sold: int) -> Levels:
        """Days of cover, the alerts about levels (risk, reorder, overstock) and the order to
        place: the same for every SKU with this plan and this much available, so cached."""
        known = plan.levels.get(available)
        if known is None:
            cover = reorder.days_of_cover(available, plan.velocity) if sold else None
            projected = available  # + units on order, once purchase orders exist
            known = plan.levels[available] = (
                cover, self._level_findings(plan, cover, available),
                reorder.order_quantity(plan.max_level, projected, plan.pack_multiple,
                                       plan.min_order_qty))
        return known

    def _level_findings(self, plan: Plan, cover: Decimal | None,
                        available: int) -> tuple[Finding, ...]:
        found: list[Finding] = []
        projected = available  # + units on order, once purchase orders exist
        if cover is not None and available > 0 and cover < plan.lead_time_days:
            found.append((RISK, reorder.units_up(plan.lead_time_days - cover)))
        elif plan.reorder_point > 0 and projected <= plan.reorder_point and available > 0:
            found.append((BELOW, plan.reorder_point - projected))
        if cover is not None and cover > self.defaults.overstock_days:
            found.append((OVER, max(available - plan.overstock_level, 0)))
        return tuple(found)

    def _figures(self, plan: Plan, cover: Decimal | None, suggested: int, on_hand: int,
                 committed: int, sold: int, last_sold_at: str | None,
                 listed: tuple[str, ...]) -> StockFigures:
        available = on_hand - committed
        projected = available  # + units on order, once purchase orders exist
        return StockFigures._make((  # (_make: a tuple in C, no Python __new__ in between)
            on_hand, committed, available, 0, projected, sold,
            self.defaults.velocity_window_days, plan.velocity, cover, plan.lead_time_days,
            plan.safety_stock, plan.reorder_point, plan.max_level, suggested,
            plan.pack_multiple, plan.min_order_qty, plan.reorder_point_set,
            stored_time(last_sold_at), listed))


def stored_time(value: str | None) -> datetime | None:
    """A timestamp as SQLite holds it (naive UTC text) as an aware UTC datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)
