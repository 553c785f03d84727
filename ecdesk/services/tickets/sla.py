"""SLA targets and due times: first response and resolution, in working time on the business
calendar, with the clock paused while a ticket waits on the customer or a supplier.

Pure functions over plain values (no database): the ticket services store what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.models.tickets import TicketPriority, TicketStatus, TicketType
from ecdesk.services.tickets.calendar import BusinessCalendar

PAUSED = frozenset({TicketStatus.WAITING_CUSTOMER, TicketStatus.WAITING_SUPPLIER})
DONE = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})
STOPPED = PAUSED | DONE
MAX_MINUTES = 60 * 24 * 90  # a target of more than 90 days of working time is a typo


@dataclass(frozen=True)
class Targets:
    first_response: timedelta
    resolution: timedelta


def _hours(first: float, resolve: float) -> Targets:
    return Targets(timedelta(hours=first), timedelta(hours=resolve))


# Working hours by priority when the shop has set nothing for a type: what a marketplace's
# service rules ask of a small seller (reply within the working day, resolve in two to five).
DEFAULT_TARGETS: Mapping[TicketPriority, Targets] = {
    TicketPriority.URGENT: _hours(0.5, 4), TicketPriority.HIGH: _hours(1, 9),
    TicketPriority.NORMAL: _hours(4, 18), TicketPriority.LOW: _hours(8, 45),
}

Policies = Mapping[tuple[str, str], Targets]  # (ticket type, priority): targets


def targets_for(policies: Policies, ticket_type: TicketType | str,
                priority: TicketPriority | str) -> Targets:
    found = policies.get((str(ticket_type), str(priority)))
    return found if found is not None else DEFAULT_TARGETS[TicketPriority(priority)]


def target_problems(ticket_type: str, priority: str, first_response_minutes: object,
                    resolution_minutes: object) -> list[Problem]:
    """Why an SLA policy cannot be saved: unknown type or priority, a target of zero or less,
    not whole minutes, beyond 90 days, or a first response later than the resolution."""
    problems = []
    if ticket_type not in {t.value for t in TicketType}:
        problems.append(Problem(_("Type"), _("'{value}' is not a ticket type").format(
            value=ticket_type)))
    if priority not in {p.value for p in TicketPriority}:
        problems.append(Problem(_("Priority"), _("'{value}' is not a priority").format(
            value=priority)))
    for label, value in ((_("First response"), first_response_minutes),
                         (_("Resolution"), resolution_minutes)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(Problem(label, _("a target must be a whole number of minutes above "
                                             "zero, not '{value}'").format(value=value)))
        elif value > MAX_MINUTES:
            problems.append(Problem(label, _("{value} minutes is more than 90 days").format(
                value=value)))
    if not problems and first_response_minutes > resolution_minutes:  # type: ignore[operator]
        problems.append(Problem(_("First response"), _(
            "the first response cannot be due after the resolution")))
    return problems


Pause = tuple[datetime, datetime | None]  # [from, until); until None: still waiting


def pauses_of(changes: Iterable[tuple[datetime, str, str]]) -> list[Pause]:
    """The spells the clock stood still, from a ticket's status changes (at, from, to) in
    time order: waiting on the customer or a supplier, and resolved until reopened."""
    pauses: list[Pause] = []
    since: datetime | None = None
    for at, _before, after in sorted(changes, key=lambda change: change[0]):
        waiting = after in STOPPED
        if waiting and since is None:
            since = at
        elif not waiting and since is not None:
            pauses.append((since, at))
            since = None
    if since is not None:
        pauses.append((since, None))
    return pauses


def due_at(calendar: BusinessCalendar, start: datetime, target: timedelta,
           pauses: Sequence[Pause]) -> datetime | None:
    """When `target` of working time since `start` is used up, not counting the pauses;
    None while a pause that began before then has not ended (the clock is stopped)."""
    left, cursor = target, start
    for pause_start, pause_end in pauses:
        if pause_end is not None and pause_end <= cursor:
            continue
        if pause_start > cursor:
            worked = calendar.between(cursor, pause_start)
            if worked >= left:
                break
            left -= worked
        if pause_end is None:
            return None
        cursor = max(cursor, pause_end)
    return calendar.add(cursor, left)


def worked(calendar: BusinessCalendar, start: datetime, end: datetime,
           pauses: Sequence[Pause]) -> timedelta:
    """Working time from `start` to `end` outside the pauses (first response, resolution time)."""
    total = calendar.between(start, end)
    for pause_start, pause_end in pauses:
        total -= calendar.between(max(pause_start, start), min(pause_end or end, end))
    return total


@dataclass(frozen=True)
class DueTimes:
    first_response: datetime | None
    resolution: datetime | None

    def current(self, status: str, answered: bool) -> datetime | None:
        """The due time that matters now: none when paused or done, the first response
        until the customer had an answer, then the resolution."""
        if status in STOPPED:
            return None
        return self.resolution if answered else self.first_response


def due_times(calendar: BusinessCalendar, targets: Targets, created_at: datetime,
              pauses: Sequence[Pause], resolved_at: datetime | None = None) -> DueTimes:
    """Both due times of a ticket. A resolved ticket's open pause ends at its resolution, so
    a ticket resolved while waiting still has the due time its resolution is judged by."""
    if resolved_at is not None and pauses and pauses[-1][1] is None:
        pauses = [*pauses[:-1], (pauses[-1][0], max(resolved_at, pauses[-1][0]))]
    return DueTimes(due_at(calendar, created_at, targets.first_response, pauses),
                    due_at(calendar, created_at, targets.resolution, pauses))
