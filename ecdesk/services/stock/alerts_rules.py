"""Which alerts hold for one SKU, by the shared alert definitions, and how bad each is.

Per non-archived SKU, with the shop's stock defaults wherever its policy says None:
- velocity v = units sold in the window / window days; available, on order and projected
  stock (available + on order) as ecdesk.services.stock.position defines them;
- lead time, safety, reorder point R and maximum level M: `position.levels_for`;
- negative_stock: on hand < 0 (measure: units below zero);
- out_of_stock: available <= 0, not negative, and it sold in the window or is listed
  (measure: units promised beyond the stock);
- listed_unavailable: listed on a channel while available <= 0 (measure: channels);
- stockout_risk: v > 0, available > 0 and the days of cover of projected stock < lead time
  (measure: days short);
- below_reorder: R > 0, projected <= R, available > 0 and not stockout_risk
  (measure: units short of R);
  (both on projected stock: a SKU whose order is on its way stops asking to be ordered)
- overstock: v > 0 and days of cover > overstock days (measure: units above that level);
- dead_stock: on hand > 0, no sale within the dead-stock period, and the product is older
  than that period (measure: units on hand).

The arithmetic is ecdesk.services.stock.reorder's. A SKU's levels depend only on its sales and
policy (its "plan") and its available and on-order stock, so results are cached per plan and
per (available, on order): 100,000 SKUs cost a few dictionary look-ups each rather than
Decimal work.
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
from ecdesk.services.stock.commands import PolicyDraft
from ecdesk.services.stock.defaults import StockDefaults
from ecdesk.services.stock.position import (
    at_or_below_reorder_point,
    available,
    levels_for,
    projected,
)

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
    # Per (available, on order): days of cover, the level alerts and the order to place.
    levels: dict[tuple[int, int], Levels] = field(default_factory=dict)


class AlertRules:
    """Judges SKUs against one set of shop defaults."""

    def __init__(self, defaults: StockDefaults) -> None:
        self.defaults = defaults
        self._plans: dict[tuple[Any, ...], Plan] = {}

    def assess(self, row: Sequence[Any]) -> tuple[list[Finding], StockFigures] | None:
        """The alerts that hold for one SKU (a row laid out as alerts_figures.SkuRow), most
        severe first, and the numbers behind them; None when all is well."""
        (_vid, _sku, _title, on_hand, committed, on_order, last_sold_at, sold_recently,
         established, listed_on, sold) = row[:PLAN_KEY.start + 1]
        free = available(on_hand, committed)
        plan = self._plan(row[PLAN_KEY])
        cover, level_findings, suggested = self._levels(plan, free, on_order, sold)
        found: list[Finding] = []
        listed = tuple(listed_on.split(NAME_SEPARATOR)) if listed_on else ()
        if on_hand < 0:
            found.append((NEGATIVE, -on_hand))
        elif free <= 0 and (sold > 0 or listed):
            found.append((OUT, -free))
        if free <= 0 and listed:
            found.append((LISTED, len(listed)))
        found += level_findings
        if on_hand > 0 and not sold_recently and established:
            found.append((DEAD, on_hand))
        if not found:
            return None
        return found, self._figures(plan, cover, suggested, on_hand, committed, on_order, sold,
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
        levels = levels_for(daily, PolicyDraft(reorder_point, safety, max_stock, lead), d)
        return Plan(daily, levels.lead_time_days, levels.safety_stock, levels.reorder_point,
                    levels.max_stock, d.pack_multiple if pack is None else pack,
                    d.min_order_qty if moq is None else moq, levels.reorder_point_manual,
                    reorder.units_up(daily * d.overstock_days))

    def _levels(self, plan: Plan, free: int, on_order: int, sold: int) -> Levels:
        """Days of cover, the alerts about levels (risk, reorder, overstock) and the order to
        place: the same for every SKU with this plan, this much available and this much on
        order, so cached."""
        known = plan.levels.get((free, on_order))
        if known is None:
            cover = reorder.days_of_cover(free, plan.velocity) if sold else None
            ahead = projected(free, on_order)
            cover_ahead = (cover if ahead == free or cover is None
                           else reorder.days_of_cover(ahead, plan.velocity))
            known = plan.levels[(free, on_order)] = (
                cover, self._level_findings(plan, cover, cover_ahead, free, ahead),
                reorder.order_quantity(plan.max_level, ahead, plan.pack_multiple,
                                       plan.min_order_qty))
        return known

    def _level_findings(self, plan: Plan, cover: Decimal | None, cover_ahead: Decimal | None,
                        free: int, ahead: int) -> tuple[Finding, ...]:
        """Risk and reorder on projected stock (`ahead`, with its days of cover), overstock
        on the stock that is there (`free`, with its days of cover)."""
        found: list[Finding] = []
        if cover_ahead is not None and free > 0 and cover_ahead < plan.lead_time_days:
            found.append((RISK, reorder.units_up(plan.lead_time_days - cover_ahead)))
        elif free > 0 and at_or_below_reorder_point(ahead, plan.reorder_point):
            found.append((BELOW, plan.reorder_point - ahead))
        if cover is not None and cover > self.defaults.overstock_days:
            found.append((OVER, max(free - plan.overstock_level, 0)))
        return tuple(found)

    def _figures(self, plan: Plan, cover: Decimal | None, suggested: int, on_hand: int,
                 committed: int, on_order: int, sold: int, last_sold_at: str | None,
                 listed: tuple[str, ...]) -> StockFigures:
        free = available(on_hand, committed)
        return StockFigures._make((  # (_make: a tuple in C, no Python __new__ in between)
            on_hand, committed, free, on_order, projected(free, on_order), sold,
            self.defaults.velocity_window_days, plan.velocity, cover, plan.lead_time_days,
            plan.safety_stock, plan.reorder_point, plan.max_level, suggested,
            plan.pack_multiple, plan.min_order_qty, plan.reorder_point_set,
            stored_time(last_sold_at), listed))


def stored_time(value: str | None) -> datetime | None:
    """A timestamp as SQLite holds it (naive UTC text) as an aware UTC datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)
