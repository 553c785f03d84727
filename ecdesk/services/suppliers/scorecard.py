"""Supplier scorecards over a period (质量、交货、价格、服务、研发与创新能力), with weights the user
sets.

Per supplier, for its purchase orders sent in the period (days in the shop's time zone):
- on-time delivery: units accepted by the order's expected day / units ordered;
- fill rate: units accepted / units ordered (at most 100 %);
- lead time: the average days from sending to each delivery (weighted by units accepted), and
  the promised days (sending to the expected day), also weighted by units;
- rejection rate: units rejected at receiving / units delivered (accepted + rejected);
- price variance: how far the unit costs paid differ between its orders for the same SKU, as
  the quantity-weighted mean absolute difference from the SKU's average cost / that average;
- customer return rate: units customers returned in the period (order_returns received in it)
  of the SKUs whose preferred supplier it is / units of those SKUs sold in the period (orders
  placed in it that count as sales). The rule: a SKU's returns are its preferred supplier's,
  whoever delivered the unit sold; ecdesk does not trace which delivery a unit came from;
- service and innovation: the ratings (1-5) set by hand on the supplier.

Each part becomes a mark from 0 to 1 (on time, fill rate, promised / actual lead time capped at
1, 1 - rejection rate, 1 - return rate, 1 - price variance, rating / 5); the score is their
average weighted by the user's weights (a part without data is left out and the weights of the
others count), times 100.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, NC_, _
from ecdesk.models import Setting, Supplier
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.period import Period
from ecdesk.services.common.shop_time import shop_zone

PREFIX = "scorecard.weight."
ONE, ZERO = Decimal(1), Decimal(0)


@dataclass(frozen=True)
class ScoreWeights:
    on_time: int = 25
    fill_rate: int = 15
    lead_time: int = 10
    quality: int = 20  # 1 - rejection rate
    returns: int = 10  # 1 - customer return rate
    price: int = 10  # 1 - price variance
    service: int = 5
    innovation: int = 5


WEIGHT_LABELS = {"on_time": N_("On-time delivery"), "fill_rate": N_("Fill rate"),
                 "lead_time": N_("Lead time"), "quality": N_("Quality (not rejected)"),
                 "returns": N_("Customer returns"), "price": N_("Price stability"),
                 "service": NC_("supplier rating", "Service"), "innovation": N_("Innovation")}


def read_score_weights(session: Session) -> ScoreWeights:
    stored = dict(session.execute(select(Setting.key, Setting.value)
                                  .where(Setting.key.startswith(PREFIX))).tuples().all())
    return ScoreWeights(**{f.name: int(stored[PREFIX + f.name]) for f in fields(ScoreWeights)
                           if PREFIX + f.name in stored})


def update_score_weights(uow: UnitOfWork, weights: ScoreWeights) -> Changed:
    problems = [Problem(_(WEIGHT_LABELS[name]), _("must be a whole number of at least 0"))
                for name, value in asdict(weights).items()
                if not isinstance(value, int) or value < 0]
    if not problems and not any(asdict(weights).values()):
        problems.append(Problem(_("Weights"), _("at least one must be above 0")))
    if problems:
        raise ValidationError(problems)
    with uow:
        for name, value in asdict(weights).items():
            row = uow.session.get(Setting, PREFIX + name)
            if row is None:
                uow.session.add(Setting(key=PREFIX + name, value=str(value)))
            else:
                row.value = str(value)
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, message=_("Scorecard weights saved"))


@dataclass(frozen=True)
class Scorecard:
    supplier_id: int
    supplier_name: str
    orders: int
    units_ordered: int
    units_accepted: int
    units_rejected: int
    on_time: Decimal | None  # rates as Decimal fractions (0.95)
    fill_rate: Decimal | None
    lead_days_actual: Decimal | None
    lead_days_promised: Decimal | None
    rejection_rate: Decimal | None
    price_variance: Decimal | None
    units_sold: int
    units_returned: int
    return_rate: Decimal | None
    service_rating: int | None
    innovation_rating: int | None
    score: Decimal | None  # 0-100


_ORDER_LINES_SQL = """
    SELECT po.supplier_id, po.id, po.sent_at, po.expected_on, l.id, l.variant_id, l.quantity,
           l.unit_cost, po.exchange_rate
    FROM purchase_orders AS po JOIN purchase_order_lines AS l ON l.order_id = po.id
    WHERE po.sent_at >= ? AND po.sent_at < ? AND po.status != 'draft'"""
_RECEIPTS_SQL = """
    SELECT rl.order_line_id, r.received_at, rl.accepted, rl.rejected
    FROM purchase_receipt_lines AS rl JOIN purchase_receipts AS r ON r.id = rl.receipt_id
    JOIN purchase_order_lines AS l ON l.id = rl.order_line_id
    JOIN purchase_orders AS po ON po.id = l.order_id
    WHERE po.sent_at >= ? AND po.sent_at < ?"""
# Sold and returned units grouped by SKU once, then by preferred supplier (a subquery per
# supplier item took 200 ms a call on the small demo shop; this takes 30, and the scorecard's
# monthly trend makes a call a month).
_RETURNS_SQL = """
    SELECT si.supplier_id, coalesce(sum(sold.units), 0), coalesce(sum(back.units), 0)
    FROM supplier_items AS si
    LEFT JOIN (SELECT ol.variant_id, sum(ol.quantity) AS units
               FROM order_lines AS ol JOIN orders AS o ON o.id = ol.order_id
               WHERE o.ordered_at >= ? AND o.ordered_at < ?
               AND o.status IN ('paid', 'shipped', 'completed', 'refunded')
               GROUP BY ol.variant_id) AS sold ON sold.variant_id = si.variant_id
    LEFT JOIN (SELECT ol.variant_id, sum(r.quantity) AS units
               FROM order_returns AS r JOIN order_lines AS ol ON ol.id = r.order_line_id
               WHERE r.received_at >= ? AND r.received_at < ?
               GROUP BY ol.variant_id) AS back ON back.variant_id = si.variant_id
    WHERE si.preferred = 1
    GROUP BY si.supplier_id"""


def supplier_scorecards(session: Session, period: Period,
                        weights: ScoreWeights | None = None) -> list[Scorecard]:
    """Every supplier's scorecard for `period`, best score first (then by name)."""
    zone = shop_zone(session)
    start, end = period.stored_range(zone)
    weights = weights or read_score_weights(session)
    conn = session.connection()
    lines = conn.exec_driver_sql(_ORDER_LINES_SQL, (start, end)).all()
    receipts = defaultdict(list)
    for line_id, at, accepted, rejected in conn.exec_driver_sql(
            _RECEIPTS_SQL, (start, end)):
        receipts[line_id].append((_stored(at), accepted, rejected))
    returns = {}
    for supplier_id, sold, returned in conn.exec_driver_sql(
            _RETURNS_SQL, (start, end, start, end)):
        was = returns.get(supplier_id, (0, 0))
        returns[supplier_id] = (was[0] + int(sold), was[1] + int(returned))
    suppliers = session.execute(select(Supplier.id, Supplier.name, Supplier.service_rating,
                                       Supplier.innovation_rating)).all()
    cards = [_card(row, [line for line in lines if line[0] == row.id], receipts,
                   returns.get(row.id, (0, 0)), zone, weights) for row in suppliers]
    return sorted(cards, key=lambda c: (-(c.score or -1), c.supplier_name))


def _stored(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=ZoneInfo("UTC"))


def _rate(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    return None if not whole else (Decimal(part) / Decimal(whole)).quantize(
        Decimal("0.0001"), ROUND_HALF_UP)


def _card(supplier: object, lines: list[tuple], receipts: dict[int, list[tuple]],
          sold_returned: tuple[int, int], zone: ZoneInfo, weights: ScoreWeights) -> Scorecard:
    ordered = accepted = rejected = on_time = 0
    lead_actual = lead_promised = ZERO
    costs: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    orders = set()
    for _sid, order_id, sent_at, expected_on, line_id, variant_id, quantity, cost, rate in lines:
        orders.add(order_id)
        ordered += quantity
        sent = _stored(sent_at)
        costs[variant_id].append((quantity, Decimal(int(cost)) * Decimal(int(rate)) / 10**8))
        expected = (datetime.fromisoformat(str(expected_on)).date()
                    if expected_on else None)
        for at, units, refused in receipts.get(line_id, ()):
            accepted += units
            rejected += refused
            arrived = at.astimezone(zone).date()
            if expected is not None and arrived <= expected:
                on_time += units
            lead_actual += units * (arrived - sent.astimezone(zone).date()).days
            if expected is not None:
                lead_promised += units * (expected - sent.astimezone(zone).date()).days
    actual = (lead_actual / accepted).quantize(Decimal("0.1")) if accepted else None
    promised = (lead_promised / accepted).quantize(Decimal("0.1")) if accepted else None
    sold, returned = sold_returned
    parts = {
        "on_time": _rate(on_time, ordered), "fill_rate": _capped(_rate(accepted, ordered)),
        "lead_time": _lead_mark(actual, promised),
        "quality": _complement(_rate(rejected, accepted + rejected)),
        "returns": _complement(_rate(returned, sold)),
        "price": _complement(_price_variance(costs)),
        "service": _rating(supplier.service_rating),  # type: ignore[attr-defined]
        "innovation": _rating(supplier.innovation_rating),  # type: ignore[attr-defined]
    }
    return Scorecard(
        supplier.id, supplier.name, len(orders), ordered, accepted, rejected,  # type: ignore[attr-defined]
        parts["on_time"], parts["fill_rate"], actual, promised,
        _rate(rejected, accepted + rejected), _price_variance(costs), sold, returned,
        _rate(returned, sold), supplier.service_rating,  # type: ignore[attr-defined]
        supplier.innovation_rating, _score(parts, weights))  # type: ignore[attr-defined]


def _capped(rate: Decimal | None) -> Decimal | None:
    return None if rate is None else min(rate, ONE)


def _complement(rate: Decimal | None) -> Decimal | None:
    return None if rate is None else max(ONE - rate, ZERO)


def _rating(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value) / 5


def _lead_mark(actual: Decimal | None, promised: Decimal | None) -> Decimal | None:
    """1 when delivered as fast as promised or faster, else promised / actual."""
    if actual is None or promised is None:
        return None
    if actual <= promised or actual <= 0:
        return ONE
    return (max(promised, ZERO) / actual).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _price_variance(costs: dict[int, list[tuple[int, Decimal]]]) -> Decimal | None:
    """Quantity-weighted mean absolute difference of each unit cost (shop currency) from its
    SKU's average in the period, over the average."""
    spread = base = ZERO
    for lines in costs.values():
        units = sum(quantity for quantity, _cost in lines)
        average = sum(quantity * cost for quantity, cost in lines) / units
        spread += sum(quantity * abs(cost - average) for quantity, cost in lines)
        base += units * average
    return None if base == 0 else (spread / base).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _score(parts: dict[str, Decimal | None], weights: ScoreWeights) -> Decimal | None:
    weighted = [(Decimal(getattr(weights, name)), mark) for name, mark in parts.items()
                if mark is not None and getattr(weights, name) > 0]
    total = sum(weight for weight, _mark in weighted)
    if not total:
        return None
    return (sum(weight * mark for weight, mark in weighted) * 100 / total).quantize(
        Decimal("0.1"), ROUND_HALF_UP)


def get_scorecards(uow: UnitOfWork, period: Period) -> list[Scorecard]:
    with uow:
        return supplier_scorecards(uow.session, period)
