"""What the shop sets for its SLA clocks: targets per ticket type and priority, in working
minutes (a type and priority without one uses the priority's default, services/tickets/sla.py),
the working days and hours, and its own holidays and make-up days. Each change recomputes the
due times of the tickets not yet done."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import ValidationError
from ecdesk.i18n import _
from ecdesk.models import Setting
from ecdesk.models.tickets import CalendarDay, SlaPolicy, Ticket, TicketPriority, TicketType
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.tickets.calendar_settings import (
    PREFIX,
    CalendarDayInfo,
    CalendarSettings,
    business_calendar,
    calendar_days,
    calendar_problems,
    hours_text,
    read_calendar_settings,
)
from ecdesk.services.tickets.dto import SlaPolicyRow
from ecdesk.services.tickets.due import read_policies, refresh_due
from ecdesk.services.tickets.sla import DEFAULT_TARGETS, DONE, target_problems


def list_sla_policies(uow: UnitOfWork) -> list[SlaPolicyRow]:
    """Every type and priority with its targets: the shop's where set, else the default."""
    with uow:
        stored = read_policies(uow.session)
    rows = []
    for kind in TicketType:
        for priority in TicketPriority:
            targets = stored.get((kind.value, priority.value))
            chosen = targets or DEFAULT_TARGETS[priority]
            rows.append(SlaPolicyRow(kind.value, priority.value,
                                     int(chosen.first_response.total_seconds() // 60),
                                     int(chosen.resolution.total_seconds() // 60),
                                     targets is not None))
    return rows


def save_sla_policy(uow: UnitOfWork, *, ticket_type: str, priority: str,
                    first_response_minutes: int, resolution_minutes: int) -> Changed:
    """Set the targets of one type and priority; the open tickets it covers get new due times."""
    problems = target_problems(ticket_type, priority, first_response_minutes,
                               resolution_minutes)
    if problems:
        raise ValidationError(problems)
    with uow:
        session = uow.session
        policy = session.scalar(select(SlaPolicy).where(SlaPolicy.ticket_type == ticket_type,
                                                        SlaPolicy.priority == priority))
        if policy is None:
            policy = SlaPolicy(ticket_type=ticket_type, priority=priority)
            session.add(policy)
        policy.first_response_minutes = first_response_minutes
        policy.resolution_minutes = resolution_minutes
        session.flush()
        refresh_open_tickets(session, ticket_type, priority)
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("SLA targets saved"))


def refresh_open_tickets(session: Session, ticket_type: str | None = None,
                         priority: str | None = None) -> int:
    """Recompute the stored due times of the tickets not done (of one type and priority)."""
    query = select(Ticket).where(Ticket.status.not_in([s.value for s in DONE]))
    if ticket_type is not None:
        query = query.where(Ticket.type == ticket_type, Ticket.priority == priority)
    tickets = session.scalars(query).all()
    if not tickets:
        return 0
    oldest = min(ticket.created_at for ticket in tickets)
    calendar = business_calendar(session, range(oldest.year - 1, datetime.now(UTC).year + 3))
    policies = read_policies(session)
    for ticket in tickets:
        refresh_due(session, ticket, calendar=calendar, policies=policies)
    return len(tickets)


def update_calendar_settings(uow: UnitOfWork, settings: CalendarSettings) -> Changed:
    problems = calendar_problems(settings)
    if problems:
        raise ValidationError(problems)
    values = {"weekdays": ",".join(str(d) for d in sorted(set(settings.weekdays))),
              "hours": hours_text(settings.hours), "country": settings.country}
    with uow:
        for name, text in values.items():
            row = uow.session.get(Setting, PREFIX + name)
            if row is None:
                uow.session.add(Setting(key=PREFIX + name, value=text))
            else:
                row.value = text
        uow.session.flush()
        refresh_open_tickets(uow.session)
        uow.commit()
    return Changed.of(ChangeArea.SETTINGS, ChangeArea.TICKETS,
                      message=_("Business calendar saved"))


def set_calendar_day(uow: UnitOfWork, day: date, *, working: bool | None,
                     name: str = "") -> Changed:
    """Mark a day off or a make-up working day the library does not know (working None:
    forget the shop's own entry, the library decides again)."""
    with uow:
        row = uow.session.get(CalendarDay, day)
        if working is None:
            if row is not None:
                uow.session.delete(row)
        elif row is None:
            uow.session.add(CalendarDay(day=day, working=working, name=name.strip()[:80]))
        else:
            row.working, row.name = working, name.strip()[:80]
        uow.session.flush()
        refresh_open_tickets(uow.session)
        uow.commit()
    return Changed.of(ChangeArea.SETTINGS, ChangeArea.TICKETS,
                      message=_("{day}: calendar changed").format(day=day.isoformat()))


def get_business_calendar(uow: UnitOfWork, year: int) -> tuple[CalendarSettings,
                                                                list[CalendarDayInfo]]:
    """The calendar's settings and the special days of `year` (the library's and the shop's)."""
    with uow:
        return (read_calendar_settings(uow.session),
                calendar_days(uow.session, range(year, year + 1)))
