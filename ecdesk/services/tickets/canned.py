"""Canned replies: text kept for reuse, with placeholders filled from the ticket when inserted.

Placeholders: {customer}, {order}, {sku}, {ticket}, {today}, {due}. A placeholder the ticket has
no value for is left as typed, so the reply box shows what still needs writing; any other
brace text is kept as it is (a customer's "{" is not an error).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _, format_date
from ecdesk.models.tickets import CannedReply
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.text_search import contains
from ecdesk.services.tickets.dto import CannedReplyRow, TicketDetail

PLACEHOLDERS = ("customer", "order", "sku", "ticket", "today", "due")
TITLE_LIMIT = 80
_FIELD = re.compile(r"\{(\w+)\}")


def placeholder_values(ticket: TicketDetail, now: datetime, zone: ZoneInfo) -> dict[str, str]:
    """What each placeholder stands for on this ticket (empty when it does not know), dates
    on the shop's calendar."""
    due = ticket.row.due_at
    return {
        "customer": ticket.row.customer, "order": ticket.row.order_number,
        "sku": ", ".join(dict.fromkeys(line.sku for line in ticket.lines)),
        "ticket": ticket.row.number, "today": format_date(now.astimezone(zone).date()),
        "due": format_date(due.astimezone(zone).date()) if due else "",
    }


def fill(body: str, values: Mapping[str, str]) -> str:
    """`body` with every known placeholder that has a value replaced by it."""
    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return value if value else match.group(0)
    return _FIELD.sub(replace, body)


def list_canned_replies(uow: UnitOfWork, search: str = "") -> list[CannedReplyRow]:
    """The replies not archived, by title; `search` matches the title or the text."""
    with uow:
        query = select(CannedReply).where(CannedReply.archived.is_(False))
        if search.strip():
            query = query.where(contains(CannedReply.title, search.strip())
                                | contains(CannedReply.body, search.strip()))
        return [CannedReplyRow(r.id, r.title, r.body)
                for r in uow.session.scalars(query.order_by(CannedReply.title))]


def save_canned_reply(uow: UnitOfWork, *, title: str, body: str,
                      reply_id: int | None = None) -> Changed:
    """Create (reply_id None) or change a canned reply; its title is unique."""
    title, body = title.strip(), body.strip()
    problems = []
    if not title:
        problems.append(Problem(_("Title"), _("is required")))
    elif len(title) > TITLE_LIMIT:
        problems.append(Problem(_("Title"), _("is longer than {most} characters").format(
            most=TITLE_LIMIT)))
    if not body:
        problems.append(Problem(_("Text"), _("is empty")))
    unknown = sorted({name for name in _FIELD.findall(body) if name not in PLACEHOLDERS})
    if unknown:
        problems.append(Problem(_("Text"), _("{names} is not a placeholder; use {known}").format(
            names=", ".join("{" + n + "}" for n in unknown),
            known=", ".join("{" + n + "}" for n in PLACEHOLDERS))))
    with uow:
        session = uow.session
        clash = select(CannedReply.id).where(func.lower(CannedReply.title) == title.lower())
        if reply_id is not None:
            clash = clash.where(CannedReply.id != reply_id)
        if title and session.scalar(clash) is not None:
            problems.append(Problem(_("Title"), _("a canned reply named '{title}' already "
                                                  "exists").format(title=title)))
        if problems:
            raise ValidationError(problems)
        if reply_id is None:
            reply = CannedReply(title=title, body=body, archived=False)
            session.add(reply)
        else:
            reply = session.get(CannedReply, reply_id)
            if reply is None:
                raise NotFoundError(_("That canned reply no longer exists"))
            reply.title, reply.body = title, body
        session.flush()
        new_id = reply.id
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Canned reply '{title}' saved").format(
        title=title), ids=(new_id,))


def archive_canned_reply(uow: UnitOfWork, reply_id: int) -> Changed:
    with uow:
        reply = uow.session.get(CannedReply, reply_id)
        if reply is None:
            raise NotFoundError(_("That canned reply no longer exists"))
        reply.archived = True
        title = reply.title
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Canned reply '{title}' archived").format(
        title=title), ids=(reply_id,))
