"""`tickets`: the service queue, headless — open tickets due first (or only the overdue ones),
as a table or JSON, with the time left or overdue against now.

Exits 0 whether or not tickets are overdue (a late ticket is news, not a failure); 1 when the
shop cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecdesk.i18n import _

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from ecdesk.services.tickets.dto import QueueCounts, TicketRow

EXIT_OK = 0
SUBJECT_WIDTH = 36
LIMIT = 500  # a terminal table longer than this is not read; --json has them all


def add_tickets_arguments(tickets: argparse.ArgumentParser) -> None:
    tickets.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                         help=_("shop file (default: your shop)"))
    tickets.add_argument("--overdue", action="store_true",
                         help=_("only the tickets past their SLA due time"))
    tickets.add_argument("--json", action="store_true",
                         help=_("print JSON with every ticket's times (ISO 8601, UTC)"))
    tickets.set_defaults(handler=_tickets)


def _tickets(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.settings import get_settings
    from ecdesk.services.tickets.dto import TicketQuery
    from ecdesk.services.tickets.queries import list_tickets, queue_counts

    now = datetime.now(UTC)
    db = open_for_reading(existing_shop(args))  # a read-only shop can be looked at
    try:
        query = TicketQuery(filter="overdue" if args.overdue else "open")
        rows, offset = [], 0
        while True:  # every page (the JSON has them all)
            page = list_tickets(db.uow("cli"), query, now=now, offset=offset, count=False)
            rows += page.rows
            offset += len(page.rows)
            if not page.has_more or (not args.json and offset >= LIMIT):
                break
        counts = queue_counts(db.uow("cli"), now=now)
        settings = get_settings(db.uow("cli"))
    finally:
        db.close()
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(settings.timezone)
    text = (json.dumps(as_json(rows, counts, now), ensure_ascii=False, indent=1) if args.json
            else "\n".join(as_table(rows, counts, now, zone, settings.shop_name)))
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
    return EXIT_OK


def summary(counts: QueueCounts) -> str:
    return _("{open} open ({waiting} waiting), {overdue} overdue, {today} more due today").format(
        open=counts.open, waiting=counts.waiting, overdue=counts.overdue,
        today=counts.due_today)


def left_text(row: TicketRow, now: datetime) -> str:
    """'-2h05m' overdue, '3h10m' left (in Chinese '-2时05分', '3时10分'), 'paused', '' when
    done."""
    if row.due_at is None:
        return _("paused") if row.status.startswith("waiting") else ""
    seconds = int((row.due_at - now).total_seconds())
    minutes = abs(seconds) // 60
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    text = (_("{days}d{hours}h").format(days=days, hours=f"{hours:02d}") if days
            else _("{hours}h{minutes}m").format(hours=hours, minutes=f"{minutes:02d}"))
    return ("-" if seconds < 0 else "") + text


def as_table(rows: list[TicketRow], counts: QueueCounts, now: datetime, zone: ZoneInfo,
             shop_name: str) -> list[str]:
    from ecdesk.cli.columns import columns, shorten
    from ecdesk.services.common.shop_time import shop_stamp
    from ecdesk.services.tickets.labels import label

    lines = [_("Tickets of {shop}: {summary}").format(shop=shop_name or _("your shop"),
                                                       summary=summary(counts))]
    if not rows:
        lines.append(_("No tickets to show."))
        return lines
    table = [[_("ticket"), _("due"), _("left"), _("priority"), _("status"), _("channel"),
              _("customer"), _("subject")]]
    for row in rows[:LIMIT]:
        table.append([row.number, shop_stamp(row.due_at, zone) if row.due_at else "",
                      left_text(row, now), label(row.priority), label(row.status), row.channel,
                      shorten(row.customer, 16), shorten(row.subject, SUBJECT_WIDTH)])
    lines += columns(table, right=range(2, 3))
    if len(rows) > LIMIT:
        lines.append(_("… {more} more: --json lists them all").format(more=len(rows) - LIMIT))
    return lines


def _time(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def as_json(rows: list[TicketRow], counts: QueueCounts, now: datetime) -> dict[str, Any]:
    return {
        "now": _time(now), "open": counts.open, "waiting": counts.waiting,
        "overdue": counts.overdue, "due_today": counts.due_today,
        "tickets": [{
            "number": row.number, "subject": row.subject, "channel": row.channel,
            "customer": row.customer, "order": row.order_number, "type": row.type,
            "priority": row.priority, "status": row.status, "created_at": _time(row.created_at),
            "first_response_at": _time(row.first_response_at),
            "first_response_due_at": _time(row.first_response_due_at),
            "resolution_due_at": _time(row.resolution_due_at), "due_at": _time(row.due_at),
            "overdue": row.due_at is not None and row.due_at < now,
        } for row in rows],
    }
