"""The inventory report's alerts, as they stand at the report's stated time (its generation time,
not the period's end: alerts are about what to do then). The sales window and the open orders
end at that time, so a report stated in the past does not count the sales made since; stock on
hand is the shop's now (the note says so).

Critical and warning alerts are listed one by one. Information alerts (overstock, dead stock) run
to tens of thousands in a big catalog, so they are counted by kind, with the stock they concern;
the Alerts page lists each SKU. Acknowledged and snoozed alerts are left out, as on that page.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _, format_integer
from ecdesk.services.reports.model import COUNT, MONEY, TEXT, UNITS, Block, Column, Table
from ecdesk.services.reports.sql import frame
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_dto import KIND_LABELS, SEVERITY, Alert, AlertKind, Severity

if TYPE_CHECKING:
    import pandas as pd

LISTED_FROM = Severity.WARNING  # alerts at least this severe are listed SKU by SKU


def current_alerts(uow: UnitOfWork, at: datetime) -> tuple[Block, ...]:
    computed = compute_alerts(uow, now=at, forget_resolved=False, as_of=True)
    shown = computed.open_alerts
    with uow:
        by_kind = _by_kind(uow.session, shown)
    listed = [alert for alert in shown if alert.severity >= LISTED_FROM]
    note = _("{count} open alerts; {hidden} acknowledged or snoozed not shown. Sales and open "
             "orders are those placed before the report's time; stock on hand is as it stands "
             "now").format(count=format_integer(len(shown)),
                           hidden=format_integer(computed.hidden_count))
    return (_summary(by_kind, note), _listed(listed))


def _by_kind(session: Session, alerts: tuple[Alert, ...]) -> pd.DataFrame:
    """Alerts, units on hand and their value at current cost by kind (a SQL GROUP BY over the
    alerts, written to a temporary table of this connection and dropped after)."""
    session.execute(text("DROP TABLE IF EXISTS temp.report_alerts"))
    session.execute(text("CREATE TEMP TABLE report_alerts (variant_id INTEGER NOT NULL, "
                         "kind TEXT NOT NULL)"))
    try:
        if alerts:
            session.connection().exec_driver_sql(
                "INSERT INTO temp.report_alerts VALUES (?, ?)",
                [(alert.variant_id, alert.kind.value) for alert in alerts])
        return frame(session, """
            SELECT a.kind AS kind, COUNT(*) AS alerts,
                   COALESCE(SUM(v.on_hand), 0) AS units,
                   COALESCE(SUM(v.on_hand * v.unit_cost), 0) AS value
            FROM temp.report_alerts a JOIN variants v ON v.id = a.variant_id
            GROUP BY a.kind""", {})
    finally:
        session.execute(text("DROP TABLE IF EXISTS temp.report_alerts"))


def _summary(by_kind: pd.DataFrame, note: str) -> Table:
    import pandas as pd

    found = {row.kind: row for row in by_kind.itertuples(index=False)}
    rows = [{"severity": _(SEVERITY[kind].label), "alert": _(KIND_LABELS[kind]),
             "alerts": found[kind].alerts, "units": found[kind].units,
             "value": found[kind].value} for kind in AlertKind if kind.value in found]
    columns = (Column("severity", _("Severity"), TEXT, 1.0), Column("alert", _("Alert"), TEXT, 2.6),
               Column("alerts", _("SKUs"), COUNT, 1.0),
               Column("units", _("Units on hand"), UNITS, 1.2),
               Column("value", _("Value at current cost"), MONEY, 1.8))
    frame_ = pd.DataFrame(rows, columns=[c.key for c in columns])
    return Table("alerts-by-kind", _("Open alerts by kind"), columns, frame_, note=note, width=0.75)


def _listed(alerts: list[Alert]) -> Table:
    import pandas as pd

    columns = (Column("severity", _("Severity"), TEXT, 0.8), Column("alert", _("Alert"), TEXT, 1.7),
               Column("sku", _("SKU"), TEXT, 1.5), Column("product", _("Product"), TEXT, 3.0),
               Column("reason", _("Why"), TEXT, 5.0))
    rows = [(_(alert.severity.label), _(KIND_LABELS[alert.kind]), alert.sku, alert.title,
             alert.reason) for alert in alerts]
    return Table("alerts", _("Critical and warning alerts"), columns,
                 pd.DataFrame(rows, columns=[c.key for c in columns]),
                 note=_("Overstock and dead stock are counted above, not listed"))
