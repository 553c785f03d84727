"""The Suppliers report: every supplier's scorecard for the period (with the weights used), the
purchase orders still open, and how the figures are made. PDF, CSV or XLSX through the reports
framework (totals checked to the cent, the same bytes for the same shop and time)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _, pgettext
from ecdesk.models import PurchaseOrder
from ecdesk.money import to_minor_units
from ecdesk.services.purchasing.queries import OPEN_STATUSES, order_rows, orders_query
from ecdesk.services.reports.charts import figure_png
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    RATE,
    TEXT,
    UNITS,
    Chart,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps
from ecdesk.services.suppliers.score_trend import (
    build_score_trend_figure,
    supplier_score_trends,
)
from ecdesk.services.suppliers.scorecard import (
    WEIGHT_LABELS,
    read_score_weights,
    supplier_scorecards,
)

DEFINITIONS = (
    N_("Per supplier, over its purchase orders sent in the period (days in the shop's time zone): "
    "on time is the units accepted by the order's expected day over the units ordered; fill "
    "rate the units accepted over the units ordered; lead time the average days from sending "
    "to delivery, weighted by units, against the days promised (sending to the expected day)."),
    N_("Rejected is the units refused at receiving over the units delivered. Price variance is "
    "how far the unit costs paid (in the shop's currency) differ between its orders for the "
    "same SKU: the quantity-weighted mean difference from the SKU's average, over the average."),
    N_("Customer returns: the units customers returned in the period of the SKUs whose preferred "
    "supplier it is, over the units of those SKUs sold in the period. A SKU's returns are "
    "counted to its preferred supplier whoever delivered the unit sold: ecdesk does not trace "
    "which delivery a sold unit came from."),
    N_("Service and innovation are the ratings (1 to 5) set on the supplier. Each part becomes a "
    "mark from 0 to 1 and the score (0 to 100) is their average weighted by the weights "
    "below; a part without data is left out and the others' weights count."),
)


def build_suppliers_report(session: Session, scope: ReportScope,
                           step: Step = no_steps) -> Report:
    import pandas as pd

    weights = read_score_weights(session)
    cards = supplier_scorecards(session, scope.period, weights)
    step()
    rows = pd.DataFrame([{
        "supplier": c.supplier_name, "score": "" if c.score is None else str(c.score),
        "orders": c.orders, "ordered": c.units_ordered, "accepted": c.units_accepted,
        "rejected": c.units_rejected, "on_time": c.on_time, "fill_rate": c.fill_rate,
        "lead": "" if c.lead_days_actual is None
        else f"{c.lead_days_actual} / {c.lead_days_promised}",
        "rejection_rate": c.rejection_rate, "return_rate": c.return_rate,
        "price_variance": c.price_variance,
        "ratings": f"{c.service_rating or '—'} / {c.innovation_rating or '—'}"}
        for c in cards], columns=["supplier", "score", "orders", "ordered", "accepted",
                                  "rejected", "on_time", "fill_rate", "lead", "rejection_rate",
                                  "return_rate", "price_variance", "ratings"])
    totals = {key: int(rows[key].sum()) if len(rows) else 0
              for key in ("orders", "ordered", "accepted", "rejected")}
    scorecards = Table("scorecards", _("Supplier scorecards"), (
        Column("supplier", _("Supplier"), TEXT, 2.6), Column("score", _("Score"), TEXT, 0.7),
        Column("orders", pgettext("purchase orders", "Orders"), COUNT, 0.7),
        Column("ordered", _("Ordered"), UNITS, 0.9),
        Column("accepted", _("Accepted"), UNITS, 0.9),
        Column("rejected", _("Refused"), UNITS, 0.8),
        Column("on_time", _("On time"), RATE, 0.8), Column("fill_rate", _("Fill rate"), RATE, 0.8),
        Column("lead", _("Lead days"), TEXT, 1.0),
        Column("rejection_rate", _("Rejected"), RATE, 0.9),
        Column("return_rate", pgettext("return rate", "Returns"), RATE, 0.9),
        Column("price_variance", _("Price var."), RATE, 0.9),
        Column("ratings", _("Ratings"), TEXT, 0.8)), rows, totals,
        note=_("Lead days: actual / promised; ratings: service / innovation"))
    step()
    weights_table = Table("weights", _("Weights of the score"), (
        Column("part", _("Part"), TEXT, 2.0), Column("weight", _("Weight"), COUNT, 1.0)),
        pd.DataFrame([{"part": _(WEIGHT_LABELS[name]), "weight": value}
                      for name, value in asdict(weights).items()]),
        {"weight": sum(asdict(weights).values())}, width=0.4)
    trends = _trend_charts(session, scope)
    open_orders = _open_orders(session, scope)
    step()
    sections = (
        Section(_("Scorecards"), (scorecards, weights_table)),
        Section(_("Scores by month"), trends),
        Section(_("Open purchase orders"), (open_orders,)),
        Section(_("How these figures are made"), tuple(
            Paragraph(_(text), small=True) for text in DEFINITIONS)),
    )
    return Report("suppliers", _("Suppliers"), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, _("All suppliers"), scope.generated_at, sections)


def _trend_charts(session: Session, scope: ReportScope) -> tuple[Chart | Paragraph, ...]:
    """Each supplier with orders sent in the period: its score, on-time and fill rates by
    month, the chart the Suppliers page shows."""
    trends = [t for t in supplier_score_trends(session, scope.period) if t.has_orders]
    if not trends:
        return (Paragraph(_("No purchase orders were sent in the period.")),)
    return tuple(Chart(trend.supplier_name, figure_png(build_score_trend_figure(
        trend, width_cm=24.0, height_cm=6.0)), width_cm=24.0, height_cm=6.0)
        for trend in trends)


def _open_orders(session: Session, scope: ReportScope) -> Table:
    import pandas as pd

    today = scope.generated_at.astimezone(scope.zone).date()
    orders = order_rows(session, orders_query().where(
        PurchaseOrder.status.in_(OPEN_STATUSES)), today)
    rows = pd.DataFrame([{
        "number": o.number, "supplier": o.supplier_name, "status": o.status.value.replace(
            "_", " ") + (" (late)" if o.late else ""),
        "expected": o.expected_on.isoformat() if o.expected_on else "", "units": o.units,
        "received": o.received, "currency": o.currency,
        "goods": to_minor_units(o.goods_total)} for o in orders],
        columns=["number", "supplier", "status", "expected", "units", "received", "currency",
                 "goods"])
    return Table("open-orders", _("Open purchase orders"), (
        Column("number", _("Number"), TEXT, 1.2), Column("supplier", _("Supplier"), TEXT, 2.4),
        Column("status", _("Status"), TEXT, 1.3), Column("expected", _("Expected"), TEXT, 1.0),
        Column("units", _("Units"), UNITS, 0.8), Column("received", _("Received"), UNITS, 0.8),
        Column("currency", _("Currency"), TEXT, 0.7),
        Column("goods", _("Goods (order currency)"), MONEY, 1.3)), rows,
        note=_("Amounts are in each order's own currency, so they are not totalled."))
