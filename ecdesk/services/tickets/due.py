"""A ticket's due times, stored: computed from its policy, the business calendar and its
status changes whenever one of them changes, so the queue reads them from an index."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.models.tickets import EntryKind, SlaPolicy, Ticket
from ecdesk.services.tickets.calendar import BusinessCalendar
from ecdesk.services.tickets.calendar_settings import business_calendar
from ecdesk.services.tickets.sla import Policies, Targets, due_times, pauses_of, targets_for


def read_policies(session: Session) -> Policies:
    rows = session.execute(select(SlaPolicy.ticket_type, SlaPolicy.priority,
                                  SlaPolicy.first_response_minutes,
                                  SlaPolicy.resolution_minutes))
    return {(kind, priority): Targets(timedelta(minutes=first), timedelta(minutes=resolve))
            for kind, priority, first, resolve in rows}


def calendar_around(session: Session, moment: datetime) -> BusinessCalendar:
    """The shop's calendar for the years a ticket of `moment` can fall due in."""
    return business_calendar(session, range(moment.year - 1, moment.year + 3))


def refresh_due(session: Session, ticket: Ticket, *, calendar: BusinessCalendar | None = None,
                policies: Policies | None = None) -> None:
    """Store `ticket`'s due times as its entries, status and policy now say."""
    calendar = calendar or calendar_around(session, ticket.created_at)
    policies = read_policies(session) if policies is None else policies
    changes = [(e.at, e.status_from, e.status_to) for e in ticket.entries
               if e.kind == EntryKind.STATUS]
    due = due_times(calendar, targets_for(policies, ticket.type, ticket.priority),
                    ticket.created_at, pauses_of(changes), ticket.resolved_at)
    ticket.first_response_due_at = due.first_response
    ticket.resolution_due_at = due.resolution
    ticket.due_at = due.current(ticket.status, ticket.first_response_at is not None)
