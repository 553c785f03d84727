"""The promotion results report: for one promotion, or every promotion that ended in the period,
what sold during its window against the same length of time just before it — orders, units,
sales, average order value, the promotion's discounts and the seller's part of them (by who
funds the promotion), margin after fees — by channel and its top SKUs.

The figures are results_queries.py's; totals come from their own SQL and are checked against
the rows by the framework. The seller's discount cost is the discount on the promotion's lines
times the seller's part (all of it when the seller funds it, none when the platform does),
rounded to the cent per channel; the promotion's cost is the sum of its channels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.services.common.period import Period
from ecdesk.services.common.shop_time import shop_stamp
from ecdesk.services.promotions.results_queries import (
    ResultsScope,
    before,
    clipped,
    coupon_uses,
    results_by_channel,
    results_totals,
    slots,
    top_skus,
)
from ecdesk.services.promotions.store import read_promotions
from ecdesk.services.promotions.terms import FUNDING_LABELS, KIND_LABELS, PromotionInfo, Status
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    RATE,
    TEXT,
    UNITS,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
    comparison_rows,
    rate,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps

if TYPE_CHECKING:
    import pandas as pd

TITLE = N_("Promotion results")
TOP_SKUS = 20

DEFINITIONS = (
    N_("Which orders count for a promotion: orders paid, shipped, completed or refunded, in "
       "{currency}, on one of the promotion's channels, placed inside its window (and inside "
       "its daily hours, for a flash sale), with at least one SKU the promotion covers. Such an "
       "order counts whole, as in the sales report. Before is the same length of time just "
       "before the window."),
    N_("Promo discounts are the discounts on the lines of the SKUs the promotion covers. The "
       "seller's cost (the seller's discount cost) is the part of them the seller pays: all "
       "when the seller funds the promotion, none when the platform does, the seller's share "
       "when shared; rounded to the cent per channel."),
    N_("Margin after fees = sales - refunds - cost of goods - platform fees; the margin rate "
       "is that over sales; the average order value is sales over orders. Coupon uses are the "
       "orders that carried the promotion's coupon code."),
)


@dataclass(frozen=True)
class _Results:
    promotion: PromotionInfo
    during: dict[str, Any]
    previous: dict[str, Any]
    channels: pd.DataFrame
    channel_totals: dict[str, Any]
    skus: pd.DataFrame


def ended_promotions(session: Session, scope: ReportScope) -> list[PromotionInfo]:
    """The promotion asked for, or the scheduled ones whose window ended in the period, by
    the time the report is made."""
    if scope.promotion_id is not None:
        found = [p for p in read_promotions(session) if p.id == scope.promotion_id]
        if not found:
            raise NotFoundError(_("There is no promotion {id}").format(id=scope.promotion_id))
        return found
    start, end = scope.period.utc_range(scope.zone)
    return [p for p in read_promotions(session, overlapping=(start, end),
                                       statuses=(Status.SCHEDULED,))
            if start < p.ends_at <= min(end, scope.generated_at)]


def build_promotions_report(session: Session, scope: ReportScope, step: Step = no_steps
                            ) -> Report:
    promotions = ended_promotions(session, scope)
    results = []
    for promotion in promotions:
        results.append(_read(session, scope, promotion))
        step()
    sections = [Section(_("Promotions"), (_overview(results, scope),))]
    if not results:
        sections.append(Section(_("Promotions"), (Paragraph(
            _("No promotion ended between {first} and {last}.").format(
                first=scope.period.first, last=scope.period.last)),)))
    for n, result in enumerate(results):
        sections.append(_promotion_section(result, scope, n))
    sections.append(Section(_("How these figures are made"), tuple(
        Paragraph(_(text).format(currency=scope.currency), small=True) for text in DEFINITIONS)))
    return Report("promotions", _(TITLE), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, scope.scope_label, scope.generated_at, tuple(sections))


def _read(session: Session, scope: ReportScope, promotion: PromotionInfo) -> _Results:
    window = slots(promotion)
    during = ResultsScope(promotion.id, tuple(window), scope.currency)
    earlier = ResultsScope(promotion.id, tuple(before(window, promotion)), scope.currency)
    channels = results_by_channel(session, during)
    channels["discount_cost"] = [seller_cost(cents, promotion.seller_rate)
                                 for cents in channels["promo_discounts"]]
    totals = results_totals(session, during)
    cost = int(channels["discount_cost"].sum()) if len(channels) else 0
    return _Results(promotion, {**totals, "discount_cost": cost,
                                "coupon_uses": _coupon_uses(session, during, promotion)},
                    {**results_totals(session, earlier), "discount_cost": None,
                     "coupon_uses": None},
                    channels, {**totals, "discount_cost": cost}, top_skus(session, during,
                                                                          TOP_SKUS))


def _coupon_uses(session: Session, scope: ResultsScope, promotion: PromotionInfo
                 ) -> int | None:
    """Orders in the window that carried the promotion's coupon code (None: it has none)."""
    if not promotion.coupon_code:
        return None
    return coupon_uses(session, scope, promotion.coupon_code)


def seller_cost(discount_cents: int, seller_rate: Decimal) -> int:
    """The seller's part of a discount in cents, rounded half up."""
    return int((Decimal(int(discount_cents)) * seller_rate).quantize(Decimal(1),
                                                                      rounding=ROUND_HALF_UP))


def _average(figures: dict[str, Any]) -> int | None:
    if not figures["orders"]:
        return None
    return int((Decimal(figures["sales"]) / figures["orders"]).quantize(
        Decimal(1), rounding=ROUND_HALF_UP))


def window_text(promotion: PromotionInfo, scope: ReportScope) -> str:
    text = _("{start} to {end}").format(start=shop_stamp(promotion.starts_at, scope.zone),
                                        end=shop_stamp(promotion.ends_at, scope.zone))
    if promotion.daily_from and promotion.daily_to:
        text += f" ({promotion.daily_from:%H:%M}-{promotion.daily_to:%H:%M})"
    return text


def _overview(results: list[_Results], scope: ReportScope) -> Table:
    import pandas as pd

    rows = [{"promotion": r.promotion.name, "window": window_text(r.promotion, scope),
             "orders": r.during["orders"], "sales": r.during["sales"],
             "promo_discounts": r.during["promo_discounts"],
             "discount_cost": r.during["discount_cost"], "margin": r.during["margin"],
             "margin_before": r.previous["margin"]} for r in results]
    columns = (Column("promotion", _("Promotion"), TEXT, 1.8),
               Column("window", _("Window"), TEXT, 3.0),
               Column("orders", _("Orders"), COUNT, 0.7),
               Column("sales", _("Sales"), MONEY, 1.3),
               Column("promo_discounts", _("Promo discounts"), MONEY, 1.9),
               Column("discount_cost", _("Seller's cost"), MONEY, 1.8),
               Column("margin", _("Gross margin after fees"), MONEY, 2.1),
               Column("margin_before", _("Margin before"), MONEY, 1.5))
    frame = pd.DataFrame(rows, columns=[c.key for c in columns])
    total = {"promo_discounts": sum(r.during["promo_discounts"] for r in results),
             "discount_cost": sum(r.during["discount_cost"] for r in results)}
    return Table("promotions", _("Promotions that ended in the period"), columns, frame, total,
                 note=_("Margin after fees; before: the time just before each window"))


SUMMARY_ROWS = (
    ("orders", N_("Orders"), COUNT),
    ("units", N_("Units sold"), UNITS),
    ("sales", N_("Sales (GMV)"), MONEY),
    ("average", N_("Average order value"), MONEY),
    ("promo_discounts", N_("Promo discounts"), MONEY),
    ("discount_cost", N_("Seller's discount cost"), MONEY),
    ("fees", N_("Platform fees"), MONEY),
    ("refunds", N_("Refunds"), MONEY),
    ("cogs", N_("Cost of goods"), MONEY),
    ("margin", N_("Gross margin after fees"), MONEY),
    ("margin_rate", N_("Margin rate"), RATE),
    ("coupon_uses", N_("Coupon uses"), COUNT),
)


def _summary(result: _Results, key: str) -> Table:
    import pandas as pd

    now = {**result.during, "average": _average(result.during),
           "margin_rate": rate(result.during["margin"], result.during["sales"])}
    then = {**result.previous, "average": _average(result.previous),
            "margin_rate": rate(result.previous["margin"], result.previous["sales"])}
    rows = comparison_rows(SUMMARY_ROWS, now, then, ("during", "before"))
    columns = (Column("figure", _("Figure"), TEXT, 3.0),
               Column("during", _("During"), MONEY, 1.6),
               Column("before", _("Before"), MONEY, 1.6),
               Column("change", _("Change"), MONEY, 1.6))
    return Table(f"{key}-summary", _("{name}: key figures").format(name=result.promotion.name),
                 columns, pd.DataFrame(rows, dtype=object), width=0.7)


def _by_channel(result: _Results, key: str) -> Table:
    frame = result.channels.copy()
    frame["margin_rate"] = [rate(m, s) for m, s in zip(frame["margin"], frame["sales"],
                                                        strict=True)]
    totals = {**result.channel_totals,
              "margin_rate": rate(result.channel_totals["margin"],
                                  result.channel_totals["sales"])}
    columns = (Column("channel", _("Channel"), TEXT, 2.0),
               Column("orders", _("Orders"), COUNT, 0.8),
               Column("units", _("Units"), UNITS, 0.8),
               Column("sales", _("Sales"), MONEY, 1.3),
               Column("promo_discounts", _("Promo discounts"), MONEY, 1.7),
               Column("discount_cost", _("Seller's cost"), MONEY, 1.4),
               Column("fees", _("Platform fees"), MONEY, 1.5),
               Column("margin", _("Gross margin after fees"), MONEY, 1.7),
               Column("margin_rate", _("Margin"), RATE, 0.8))
    return Table(f"{key}-channels", _("{name}: by channel, during the window").format(
        name=result.promotion.name), columns, frame, totals)


def _top_skus(result: _Results, key: str) -> Table:
    columns = (Column("sku", _("SKU"), TEXT, 1.4),
               Column("product", _("Product"), TEXT, 3.0),
               Column("units", _("Units"), UNITS, 0.8),
               Column("sales", _("Sales"), MONEY, 1.3),
               Column("discounts", _("Discounts"), MONEY, 1.2),
               Column("cogs", _("Cost of goods"), MONEY, 1.2),
               Column("product_margin", _("Product margin"), MONEY, 1.3))
    return Table(f"{key}-skus", _("{name}: top {count} SKUs during the window").format(
        name=result.promotion.name, count=TOP_SKUS), columns, result.skus,
                 note=_("Product margin = sales - cost of goods"))


def _promotion_section(result: _Results, scope: ReportScope, n: int) -> Section:
    promotion, key = result.promotion, f"p{n + 1}"
    facts = _("{kind} · {channels} · {window} · funded by {funding}").format(
        kind=_(KIND_LABELS[promotion.kind]), channels=", ".join(promotion.channel_names),
        window=window_text(promotion, scope), funding=_(FUNDING_LABELS[promotion.funded_by]))
    if promotion.coupon_code:
        facts += " · " + _("coupon code {code}").format(code=promotion.coupon_code)
    return Section(promotion.name, (Paragraph(facts), _summary(result, key),
                                    _by_channel(result, key), _top_skus(result, key)))


def discount_cost_section(session: Session, scope: ReportScope) -> Section:
    """The accountant pack's discount cost by promotion: for each scheduled promotion whose
    window meets the period, its discounts on the period's orders (of the pack's channel) and
    the seller's part of them."""
    import pandas as pd

    start, end = scope.period.utc_range(scope.zone)
    rows = []
    for promotion in read_promotions(session, overlapping=(start, end),
                                     statuses=(Status.SCHEDULED,)):
        part = ResultsScope(promotion.id, tuple(clipped(slots(promotion), start, end)),
                            scope.currency, scope.channel_id)
        channels = results_by_channel(session, part)
        rows.append({"promotion": promotion.name, "window": window_text(promotion, scope),
                     "funded_by": _(FUNDING_LABELS[promotion.funded_by]),
                     "orders": int(channels["orders"].sum()) if len(channels) else 0,
                     "promo_discounts": int(channels["promo_discounts"].sum())
                     if len(channels) else 0,
                     "discount_cost": sum(seller_cost(cents, promotion.seller_rate)
                                          for cents in channels["promo_discounts"])})
    columns = (Column("promotion", _("Promotion"), TEXT, 2.4),
               Column("window", _("Window"), TEXT, 3.4),
               Column("funded_by", _("Funded by"), TEXT, 1.0),
               Column("orders", _("Orders"), COUNT, 0.8),
               Column("promo_discounts", _("Promo discounts"), MONEY, 1.7),
               Column("discount_cost", _("Seller's cost"), MONEY, 1.5))
    frame = pd.DataFrame(rows, columns=[c.key for c in columns])
    total = {key: sum(row[key] for row in rows) for key in ("promo_discounts", "discount_cost")}
    table = Table("discount-cost", _("Discount cost by promotion"), columns, frame, total,
                  note=_("Orders of the period inside each window; the seller's cost is the "
                         "part of the discounts the seller funds"))
    return Section(_("Discount cost by promotion"), (table,), level=2)


def resolve_promotion(session: Session, text: str) -> int:
    """A promotion named by its id or its name (exactly, any case)."""
    wanted = text.strip()
    for promotion in read_promotions(session):
        if str(promotion.id) == wanted or promotion.name.casefold() == wanted.casefold():
            return promotion.id
    raise ValidationError([Problem(_("Promotion"), _("there is no promotion '{text}'").format(
        text=text))])


def window_period(uow: UnitOfWork, text: str, zone: ZoneInfo) -> Period:
    """The shop's calendar days the window of the promotion `text` (id or name) covers."""
    with uow:
        promotion_id = resolve_promotion(uow.session, text)
        promotion = next(p for p in read_promotions(uow.session) if p.id == promotion_id)
    first = promotion.starts_at.astimezone(zone).date()
    last = (promotion.ends_at.astimezone(zone) - timedelta(microseconds=1)).date()  # end excluded
    return Period(first, max(first, last))
