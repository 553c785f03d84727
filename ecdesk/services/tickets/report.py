"""The Service report (响应速度, 解决率, 满意度): tickets opened in the period, their first-
response and resolution times in working time, SLA met, reopen rate and satisfaction, by type
and by channel; returns received in the period by SKU and by reason, with the return rate
against the units sold; and the refunds paid in the period, which the accountant pack shows too.

Counts and amounts come from SQL with their totals from their own query (checked to the cent
by the framework); the working times are computed per ticket on the business calendar, as the
queue's due times are.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from statistics import mean, median
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _, pgettext
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    RATE,
    ROW_KIND,
    TEXT,
    UNITS,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
    rate,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps
from ecdesk.services.tickets.calendar_settings import business_calendar
from ecdesk.services.tickets.labels import label
from ecdesk.services.tickets.sla import pauses_of, worked

if TYPE_CHECKING:
    pass

TITLE = N_("Service")
DEFINITIONS = (
    N_("Tickets count in the period they were opened (the shop's calendar days). First "
       "response time runs from the ticket's opening to the first reply sent; resolution time "
       "to the moment it was resolved. Both are working time on the business calendar "
       "(Settings: working days and hours, public holidays and make-up days), without the "
       "time the ticket waited on the customer or a supplier."),
    N_("SLA met: the first reply, or the resolution, came by its due time (the ticket's type "
       "and priority set its targets). Reopen rate: the share of tickets reopened after being "
       "resolved. Satisfaction: the average of the ratings (1 to 5) given at closing."),
    N_("Returns count the units received back in the period, by SKU and reason; the return "
       "rate is those units over the SKU's units sold in the period. Refunds are the amounts "
       "paid back in the period, each refund once, whatever its order's date."),
)


class _Figures:
    """One read of the period's tickets, their status changes and the working times."""

    def __init__(self, session: Session, scope: ReportScope) -> None:
        start, end = scope.period.stored_range(scope.zone)
        conn = session.connection()
        self.tickets = conn.exec_driver_sql(
            "SELECT t.id, t.type, c.name, t.created_at, t.first_response_at, t.resolved_at, "
            "t.first_response_due_at, t.resolution_due_at, t.reopened, t.satisfaction "
            "FROM tickets t JOIN channels c ON c.id = t.channel_id "
            "WHERE t.created_at >= ? AND t.created_at < ? ORDER BY t.id", (start, end)).all()
        changes: dict[int, list[tuple[datetime, str, str]]] = defaultdict(list)
        for ticket_id, at, before, after in conn.exec_driver_sql(
                "SELECT e.ticket_id, e.at, e.status_from, e.status_to FROM ticket_entries e "
                "JOIN tickets t ON t.id = e.ticket_id WHERE e.kind = 'status' "
                "AND t.created_at >= ? AND t.created_at < ?", (start, end)):
            changes[ticket_id].append((_aware(at), before, after))
        first, last = scope.period.utc_range(scope.zone)
        calendar = business_calendar(session, range(first.year - 1, last.year + 2))
        self.rows = []
        for row in self.tickets:
            created = _aware(row.created_at)
            pauses = pauses_of(changes[row.id])
            self.rows.append({
                "type": row.type, "channel": row.name,
                "first": worked(calendar, created, _aware(row.first_response_at), pauses)
                if row.first_response_at else None,
                "resolve": worked(calendar, created, _aware(row.resolved_at), pauses)
                if row.resolved_at else None,
                "first_met": _met(row.first_response_at, row.first_response_due_at),
                "resolve_met": _met(row.resolved_at, row.resolution_due_at),
                "reopened": row.reopened > 0, "satisfaction": row.satisfaction})


def _aware(stored: Any) -> datetime:
    from datetime import UTC

    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return moment.replace(tzinfo=UTC)


def _met(done: Any, due: Any) -> bool | None:
    """Whether it was done by its due time (None: not done yet, or no due time)."""
    if done is None or due is None:
        return None
    return _aware(done) <= _aware(due)


def _hours(spans: list[timedelta]) -> str:
    if not spans:
        return "—"
    return _("{mean} (median {median})").format(mean=_duration(mean(s.total_seconds()
                                                                     for s in spans)),
                                                median=_duration(median(s.total_seconds()
                                                                        for s in spans)))


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return _("{hours} h {minutes:02d} min").format(hours=minutes // 60, minutes=minutes % 60)


def _share(flags: list[bool | None]) -> Decimal | None:
    judged = [flag for flag in flags if flag is not None]
    return rate(sum(judged), len(judged)) if judged else None


def _score(values: list[int | None]) -> str:
    given = [v for v in values if v is not None]
    return f"{Decimal(sum(given)) / len(given):.2f} ({len(given)})" if given else "—"


def _key_figures(rows: list[dict[str, Any]]) -> Table:
    import pandas as pd

    figures = [
        (_("Tickets opened"), len(rows), COUNT),
        (_("Answered"), sum(r["first"] is not None for r in rows), COUNT),
        (_("Resolved"), sum(r["resolve"] is not None for r in rows), COUNT),
        (_("First response, working time"), _hours([r["first"] for r in rows
                                                    if r["first"] is not None]), TEXT),
        (_("Resolution, working time"), _hours([r["resolve"] for r in rows
                                               if r["resolve"] is not None]), TEXT),
        (_("First response SLA met"), _share([r["first_met"] for r in rows]), RATE),
        (_("Resolution SLA met"), _share([r["resolve_met"] for r in rows]), RATE),
        (_("Reopen rate"), rate(sum(r["reopened"] for r in rows), len(rows)), RATE),
        (_("Satisfaction (ratings)"), _score([r["satisfaction"] for r in rows]), TEXT),
    ]
    frame = pd.DataFrame([{"figure": name, "value": value, ROW_KIND: kind}
                          for name, value, kind in figures], dtype=object)
    return Table("service-summary", _("Key figures"), (
        Column("figure", _("Figure"), TEXT, 3.0), Column("value", _("Value"), RATE, 2.4)),
        frame, width=0.7)


def _grouped(rows: list[dict[str, Any]], key: str, title: str, heading: str,
             labels: bool) -> Table:
    import pandas as pd

    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    frame = pd.DataFrame([{
        "group": label(name) if labels else name, "opened": len(group),
        "resolved": sum(r["resolve"] is not None for r in group),
        "first": _hours([r["first"] for r in group if r["first"] is not None]),
        "resolve": _hours([r["resolve"] for r in group if r["resolve"] is not None]),
        "met": _share([r["resolve_met"] for r in group]),
        "reopened": rate(sum(r["reopened"] for r in group), len(group)),
        "satisfaction": _score([r["satisfaction"] for r in group]),
    } for name, group in sorted(groups.items())],
        columns=["group", "opened", "resolved", "first", "resolve", "met", "reopened",
                 "satisfaction"])
    total = {"opened": len(rows), "resolved": sum(r["resolve"] is not None for r in rows)}
    return Table(f"service-by-{key}", title, (
        Column("group", heading, TEXT, 1.6), Column("opened", _("Opened"), COUNT, 0.8),
        Column("resolved", _("Resolved"), COUNT, 0.8),
        Column("first", _("First response"), TEXT, 1.9),
        Column("resolve", _("Resolution"), TEXT, 1.9),
        Column("met", _("Resolution SLA met"), RATE, 1.0),
        Column("reopened", _("Reopened"), RATE, 0.9),
        Column("satisfaction", _("Satisfaction"), TEXT, 1.0)), frame, total)


RETURNS_BY_SKU = """
    WITH back AS (
        SELECT l.variant_id, sum(r.quantity) AS units, count(*) AS receipts
        FROM order_returns r JOIN order_lines l ON l.id = r.order_line_id
        WHERE r.received_at >= :start AND r.received_at < :end GROUP BY l.variant_id),
    top_reason AS (
        SELECT variant_id, reason FROM (
            SELECT l.variant_id, r.reason, row_number() OVER (
                PARTITION BY l.variant_id ORDER BY sum(r.quantity) DESC, r.reason) AS n
            FROM order_returns r JOIN order_lines l ON l.id = r.order_line_id
            WHERE r.received_at >= :start AND r.received_at < :end
            GROUP BY l.variant_id, r.reason) WHERE n = 1),
    sold AS (
        SELECT l.variant_id, sum(l.quantity) AS units FROM order_lines l
        JOIN orders o ON o.id = l.order_id
        WHERE o.ordered_at >= :start AND o.ordered_at < :end
        AND o.status IN ('paid', 'shipped', 'completed', 'refunded')
        AND l.variant_id IN (SELECT variant_id FROM back) GROUP BY l.variant_id)
    SELECT v.sku, p.title, back.units, coalesce(sold.units, 0) AS sold, top_reason.reason
    FROM back JOIN variants v ON v.id = back.variant_id JOIN products p ON p.id = v.product_id
    LEFT JOIN sold ON sold.variant_id = back.variant_id
    LEFT JOIN top_reason ON top_reason.variant_id = back.variant_id
    ORDER BY back.units DESC, v.sku"""


def _returns(session: Session, scope: ReportScope) -> tuple[Table, Table]:
    import pandas as pd
    from sqlalchemy import text

    start, end = scope.period.stored_range(scope.zone)
    params = {"start": start, "end": end}
    rows = session.execute(text(RETURNS_BY_SKU), params).all()
    skus = pd.DataFrame([{"sku": r.sku, "product": r.title, "units": int(r.units),
                          "sold": int(r.sold), "rate": rate(int(r.units), int(r.sold)),
                          "reason": label(r.reason or "")} for r in rows],
                        columns=["sku", "product", "units", "sold", "rate", "reason"])
    total = session.execute(text(
        "SELECT coalesce(sum(quantity), 0) FROM order_returns "
        "WHERE received_at >= :start AND received_at < :end"), params).scalar_one()
    reasons = session.execute(text(
        "SELECT reason, sum(quantity) AS units, count(*) AS receipts FROM order_returns "
        "WHERE received_at >= :start AND received_at < :end GROUP BY reason "
        "ORDER BY units DESC, reason"), params).all()
    by_reason = pd.DataFrame([{"reason": label(r.reason), "units": int(r.units),
                               "receipts": int(r.receipts),
                               "share": rate(int(r.units), int(total))} for r in reasons],
                             columns=["reason", "units", "receipts", "share"])
    receipts = sum(int(r.receipts) for r in reasons)
    return (Table("returns-by-sku", _("Returns by SKU"), (
        Column("sku", _("SKU"), TEXT, 1.5), Column("product", _("Product"), TEXT, 3.0),
        Column("units", _("Units returned"), UNITS, 1.0),
        Column("sold", _("Units sold"), UNITS, 1.0), Column("rate", _("Return rate"), RATE, 1.0),
        Column("reason", _("Main reason"), TEXT, 1.8)), skus, {"units": int(total)},
        note=_("Units sold: the SKU's units on orders placed in the period")),
        Table("returns-by-reason", _("Returns by reason"), (
            Column("reason", _("Reason"), TEXT, 2.4), Column("units", _("Units"), UNITS, 1.0),
            Column("receipts", _("Receipts"), COUNT, 1.0),
            Column("share", _("Share"), RATE, 1.0)), by_reason,
            {"units": int(total), "receipts": receipts}, width=0.6))


def refunds_table(session: Session, scope: ReportScope) -> Table:
    """Every refund paid in the period (by its own date), with the total from SQL."""
    import pandas as pd
    from sqlalchemy import text

    from ecdesk.services.common.shop_time import shop_stamp

    start, end = scope.period.stored_range(scope.zone)
    params: dict[str, Any] = {"start": start, "end": end, "channel": scope.channel_id}
    where = ("r.refunded_at >= :start AND r.refunded_at < :end "
             "AND (:channel IS NULL OR o.channel_id = :channel)")
    rows = session.execute(text(
        "SELECT r.refunded_at, o.number, c.name, r.reference, r.reason, r.amount "
        "FROM order_refunds r JOIN orders o ON o.id = r.order_id "
        f"JOIN channels c ON c.id = o.channel_id WHERE {where} ORDER BY r.refunded_at, r.id"),
        params).all()
    total = session.execute(text(
        "SELECT coalesce(sum(r.amount), 0), count(*) FROM order_refunds r "
        f"JOIN orders o ON o.id = r.order_id WHERE {where}"), params).one()
    frame = pd.DataFrame([{"at": shop_stamp(_aware(r.refunded_at), scope.zone),
                           "order": r.number, "channel": r.name, "reference": r.reference,
                           "reason": r.reason, "amount": int(r.amount)} for r in rows],
                         columns=["at", "order", "channel", "reference", "reason", "amount"])
    return Table("refunds", _("Refunds paid in the period"), (
        Column("at", pgettext("when", "Refunded"), TEXT, 1.4),
        Column("order", _("Order"), TEXT, 1.9),
        Column("channel", _("Channel"), TEXT, 1.4),
        Column("reference", _("Reference"), TEXT, 1.0),
        Column("reason", _("Reason"), TEXT, 2.2), Column("amount", _("Amount"), MONEY, 1.1)),
        frame, {"amount": int(total[0])},
        note=_("{count} refund(s)").format(count=int(total[1])))


def service_sections(session: Session, scope: ReportScope,
                     step: Step = no_steps) -> tuple[Section, ...]:
    figures = _Figures(session, scope)
    step()
    by_sku, by_reason = _returns(session, scope)
    step()
    refunds = refunds_table(session, scope)
    step()
    return (
        Section(_("Key figures"), (_key_figures(figures.rows),)),
        Section(_("By type and channel"), (
            _grouped(figures.rows, "type", _("By ticket type"), _("Type"), labels=True),
            _grouped(figures.rows, "channel", _("By channel"), _("Channel"), labels=False))),
        Section(_("Returns"), (by_reason, by_sku)),
        Section(_("Refunds"), (refunds,)),
        Section(_("How these figures are made"), tuple(
            Paragraph(_(text), small=True) for text in DEFINITIONS)),
    )


def build_service_report(session: Session, scope: ReportScope,
                         step: Step = no_steps) -> Report:
    return Report("service", _(TITLE), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, scope.scope_label, scope.generated_at,
                  service_sections(session, scope, step))
