"""Reorder suggestions: the SKUs the alerts say to order, as draft purchase orders grouped by
their preferred supplier, for the user to review before anything is created.

They build on the alerts' one SQL pass (alerts_figures.sku_rows judged by AlertRules), so a
suggestion and an alert never disagree: a SKU is suggested when it is out of stock, negative,
runs out within its lead time or is at or below its reorder point, and the alerts' order
quantity (up to the maximum level, at least the MOQ, in whole packs: the SKU's own rules, else
its preferred supplier's, else the shop's) is above zero. With an ordering cost in the stock
settings, the quantity is at least the economic order quantity (EOQ, on the SKU's unit cost
and the holding percentage), again rounded up to the MOQ and whole packs. The unit cost is the
preferred supplier's for that quantity (price breaks).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _, ngettext
from ecdesk.models.base import utc_now
from ecdesk.money import HUNDRED, ZERO, from_minor_units, round_line_total
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.settings import read_settings
from ecdesk.services.stock import reorder
from ecdesk.services.stock.alerts_dto import AlertKind
from ecdesk.services.stock.alerts_figures import count_skus, sku_rows
from ecdesk.services.stock.alerts_rules import AlertRules
from ecdesk.services.stock.defaults import StockDefaults, read_stock_defaults

REORDER_KINDS = frozenset({AlertKind.NEGATIVE_STOCK, AlertKind.OUT_OF_STOCK,
                           AlertKind.STOCKOUT_RISK, AlertKind.BELOW_REORDER})


@dataclass(frozen=True)
class SuggestedLine:
    variant_id: int
    sku: str
    title: str
    why: AlertKind  # the most severe reorder alert
    projected: int
    velocity: Decimal  # units a day, as the alerts have it
    max_level: int
    min_order_qty: int
    pack_multiple: int
    to_max: int  # the alerts' quantity: up to the maximum level, MOQ, packs
    eoq: int  # the economic order quantity (0: EOQ off or meaningless)
    quantity: int  # what to order: the larger, in whole packs
    unit_cost: Decimal | None  # the preferred supplier's, in its currency, at this quantity


@dataclass(frozen=True)
class SuggestedOrder:
    supplier_id: int
    supplier_name: str
    currency: str
    min_order_value: Decimal
    lines: tuple[SuggestedLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((round_line_total(line.quantity * (line.unit_cost or 0))
                    for line in self.lines), Decimal("0.00"))

    @property
    def below_minimum(self) -> bool:
        return self.total < self.min_order_value


@dataclass(frozen=True)
class Suggestions:
    orders: tuple[SuggestedOrder, ...]  # by supplier name
    without_supplier: tuple[SuggestedLine, ...]  # no preferred supplier: cannot be ordered yet
    skus_checked: int
    computed_at: datetime


def suggest_purchase_orders(uow: UnitOfWork, *, now: datetime | None = None) -> Suggestions:
    now = now or utc_now()
    with uow:
        session = uow.session
        defaults = read_stock_defaults(session)
        wanted = _wanted(sku_rows(session, defaults, now), defaults)
        items = _preferred_items(session, [line.variant_id for line in wanted])
        checked = count_skus(session)
    return _grouped(wanted, items, defaults, checked, now)


def _wanted(rows: Sequence[Sequence[object]], defaults: StockDefaults) -> list[SuggestedLine]:
    """The SKUs whose reorder alerts hold with something to order (the alerts' own loop)."""
    assess, wanted = AlertRules(defaults).assess, []
    for row in rows:
        assessed = assess(row)
        if assessed is None:
            continue
        found, figures = assessed
        why = next((kind for kind, _measure in found if kind in REORDER_KINDS), None)
        if why is None or figures.suggested_qty <= 0:
            continue
        wanted.append(SuggestedLine(
            row[0], row[1], row[2], why, figures.projected,  # type: ignore[arg-type]
            figures.velocity, figures.max_level, figures.min_order_qty, figures.pack_multiple,
            figures.suggested_qty, 0, figures.suggested_qty, None))
    return wanted


@dataclass(frozen=True)
class _Item:
    supplier_id: int
    supplier_name: str
    currency: str
    min_order_value: Decimal
    unit_cost: Decimal
    sku_cost: Decimal  # the SKU's own (shop currency), for the cost of holding it
    breaks: tuple[tuple[int, Decimal], ...]


_ITEMS_SQL = """
    SELECT si.variant_id, s.id, s.name, s.currency, s.min_order_value, si.unit_cost,
           v.unit_cost,
           (SELECT group_concat(b.min_quantity || ':' || b.unit_cost)
            FROM supplier_price_breaks AS b WHERE b.supplier_item_id = si.id)
    FROM supplier_items AS si JOIN suppliers AS s ON s.id = si.supplier_id
    JOIN variants AS v ON v.id = si.variant_id
    WHERE si.preferred = 1 AND si.variant_id IN (SELECT value FROM json_each(?))"""


def _preferred_items(session: Session, variant_ids: list[int]) -> dict[int, _Item]:
    items = {}
    for vid, sid, name, currency, minimum, cost, sku_cost, breaks in (
            session.connection().exec_driver_sql(_ITEMS_SQL, (json.dumps(variant_ids),))):
        parsed = tuple(sorted((int(q), from_minor_units(int(c)))  # type: ignore[misc]
                              for q, c in (part.split(":") for part in breaks.split(","))
                              )) if breaks else ()
        items[vid] = _Item(sid, name, currency, from_minor_units(minimum),  # type: ignore[arg-type]
                           from_minor_units(cost), from_minor_units(sku_cost),  # type: ignore[arg-type]
                           parsed)
    return items


def _grouped(wanted: list[SuggestedLine], items: dict[int, _Item], defaults: StockDefaults,
             checked: int, now: datetime) -> Suggestions:
    from ecdesk.services.suppliers.commands import unit_cost_at

    by_supplier: dict[int, list[SuggestedLine]] = {}
    without = []
    for line in wanted:
        item = items.get(line.variant_id)
        if item is None:
            without.append(line)
            continue
        line = raised_to_eoq(line, item.sku_cost, defaults)
        cost = unit_cost_at(item.unit_cost, item.breaks, line.quantity)
        by_supplier.setdefault(item.supplier_id, []).append(replace(line, unit_cost=cost))
    orders = []
    for supplier_id, lines in by_supplier.items():
        item = next(items[line.variant_id] for line in lines)
        orders.append(SuggestedOrder(supplier_id, item.supplier_name, item.currency,
                                     item.min_order_value,
                                     tuple(sorted(lines, key=lambda x: x.sku))))
    orders.sort(key=lambda order: order.supplier_name)
    return Suggestions(tuple(orders), tuple(without), checked, now)


def raised_to_eoq(line: SuggestedLine, sku_cost: Decimal,
                  defaults: StockDefaults) -> SuggestedLine:
    """The line's quantity raised to the EOQ (then to the MOQ and whole packs) when the stock
    settings give an ordering cost; `sku_cost` (shop currency) sets the cost of holding."""
    if defaults.ordering_cost <= 0:
        return line
    holding = sku_cost * defaults.holding_percent / HUNDRED
    eoq = reorder.economic_order_quantity(line.velocity, Decimal(defaults.ordering_cost), holding)
    if eoq <= line.to_max:
        return replace(line, eoq=eoq)
    return replace(line, eoq=eoq, quantity=reorder.in_packs(eoq, line.pack_multiple,
                                                            line.min_order_qty))



def create_draft_orders(uow: UnitOfWork, orders: Sequence[SuggestedOrder], *,
                        rates: dict[str, Decimal] | None = None,
                        now: datetime | None = None) -> tuple[list[str], Changed]:
    """The reviewed suggestions as draft purchase orders, one per supplier, in one
    transaction. A supplier in another currency takes its rate from `rates`, else from its
    currency's newest purchase order; lines the user set to 0 are left out."""
    from ecdesk.services.purchasing.purchase_orders import (
        LineDraft,
        PurchaseOrderDraft,
        add_purchase_order,
        check_costs,
        check_lines,
        last_rate,
    )

    rates = rates or {}
    drafts = [PurchaseOrderDraft(order.supplier_id, tuple(
        LineDraft(line.variant_id, line.quantity, line.unit_cost or Decimal(0))
        for line in order.lines if line.quantity)) for order in orders]
    drafts = [draft for draft in drafts if draft.lines]
    problems = [problem for draft in drafts for problem in check_lines(draft.lines)]
    problems += [problem for rate in rates.values() for problem in check_costs(rate, ZERO, ZERO)]
    if problems:
        raise ValidationError(problems)
    numbers = []
    with uow:
        session = uow.session
        shop_currency = read_settings(session).currency
        for order, draft in zip(orders, drafts, strict=False):
            rate = None
            if order.currency != shop_currency:
                rate = rates.get(order.currency) or last_rate(session, order.currency)
                if rate is None:
                    raise ValidationError([Problem(_("Exchange rate"), _(
                        "{supplier} sells in {currency}: give its rate to {shop}").format(
                        supplier=order.supplier_name, currency=order.currency,
                        shop=shop_currency))])
            numbers.append(add_purchase_order(session, replace(draft, exchange_rate=rate), now))
        uow.commit()
    return numbers, Changed.of(ChangeArea.PURCHASING, message=ngettext(
        "{count} draft purchase order created", "{count} draft purchase orders created",
        len(numbers)).format(count=len(numbers)))
