"""`alerts`: the shop's inventory alerts, headless — a table sorted by severity, or JSON.

Exits 0 whether or not there are alerts (an alert is news, not a failure); 1 when the shop
cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecdesk.i18n import _, format_integer

if TYPE_CHECKING:
    from ecdesk.services.stock.alerts_dto import Alert, AlertReport

EXIT_OK = 0
TITLE_WIDTH = 34


def add_alerts_arguments(alerts: argparse.ArgumentParser) -> None:
    alerts.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    alerts.add_argument("--json", action="store_true",
                        help=_("print JSON with every figure (amounts and rates as strings)"))
    alerts.add_argument("--all", action="store_true",
                        help=_("include the alerts acknowledged or snoozed in the app"))
    alerts.set_defaults(handler=_alerts)


def _alerts(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.settings import get_settings
    from ecdesk.services.stock.alerts import compute_alerts

    db = open_for_reading(existing_shop(args))  # a read-only shop can be looked at
    try:
        report = compute_alerts(db.uow("cli"))
        shop_name = get_settings(db.uow("cli")).shop_name
    finally:
        db.close()
    shown = report.alerts if args.all else report.open_alerts
    text = (json.dumps(as_json(report, shown, shop_name), ensure_ascii=False, indent=1)
            if args.json else as_table(report, shown, shop_name, args.all))
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
    return EXIT_OK


def as_table(report: AlertReport, shown: tuple[Alert, ...], shop_name: str,
             include_hidden: bool) -> str:
    from ecdesk.cli.columns import width

    lines = [_("Inventory alerts for {shop}: {summary}").format(
        shop=shop_name or _("your shop"), summary=summary(report))]
    if report.hidden_count and not include_hidden:
        lines.append(_("({count} acknowledged or snoozed not shown; --all shows them)")
                     .format(count=report.hidden_count))
    if not shown:
        lines.append(_("No alerts: all {count} SKUs look fine.").format(
            count=format_integer(report.skus_checked)))
        return "\n".join(lines)
    header = [_("severity"), _("SKU"), _("product"), _("alert"), _("order"), _("reason")]
    rows = [_cells(alert, include_hidden) for alert in shown]
    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for cells in [header, *rows]:
        lines.append("  ".join([*(_pad(c, w, right=i == 4) for i, (c, w) in
                                  enumerate(zip(cells, widths, strict=False))), cells[-1]]))
    return "\n".join(lines)


def summary(report: AlertReport) -> str:
    from ecdesk.services.stock.alerts_dto import Severity

    counts = report.open_counts
    return _("{critical} critical, {warning} warning, {info} for information ({count} SKUs "
             "checked)").format(critical=counts.get(Severity.CRITICAL, 0),
                                warning=counts.get(Severity.WARNING, 0),
                                info=counts.get(Severity.INFO, 0),
                                count=format_integer(report.skus_checked))


def _cells(alert: Alert, include_hidden: bool) -> list[str]:
    from ecdesk.cli.columns import shorten
    from ecdesk.services.stock.alerts_dto import KIND_LABELS

    severity = _(alert.severity.label) + (_(" (ack)") if include_hidden and alert.hidden else "")
    order = str(alert.figures.suggested_qty) if alert.figures.suggested_qty else ""
    return [severity, alert.sku, shorten(alert.title, TITLE_WIDTH), _(KIND_LABELS[alert.kind]),
            order, alert.reason]


def _pad(text: str, columns: int, right: bool = False) -> str:
    from ecdesk.cli.columns import width

    fill = " " * (columns - width(text))
    return fill + text if right else text + fill


def as_json(report: AlertReport, shown: tuple[Alert, ...], shop_name: str) -> dict[str, Any]:
    return {
        "shop": shop_name, "computed_at": report.computed_at.isoformat(),
        "skus_checked": report.skus_checked,
        "open": {severity.label: report.open_counts.get(severity, 0)
                 for severity in sorted(report.open_counts, reverse=True)},
        "acknowledged_or_snoozed": report.hidden_count,
        "alerts": [_alert_json(alert) for alert in shown],
    }


def _alert_json(alert: Alert) -> dict[str, Any]:
    figures = {name: _plain(value) for name, value in alert.figures._asdict().items()}
    return {
        "variant_id": alert.variant_id, "sku": alert.sku, "title": alert.title,
        "kind": alert.kind.value, "severity": alert.severity.label, "reason": alert.reason,
        "measure": alert.measure, "hidden": alert.hidden,
        "acknowledged_at": _plain(alert.acknowledged_at),
        "snoozed_until": _plain(alert.snoozed_until), "figures": figures,
    }


def _plain(value: Any) -> Any:
    """JSON values: Decimals as strings (exact), times as ISO 8601, tuples as lists."""
    from datetime import datetime
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
