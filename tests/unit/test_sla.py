"""SLA due times: targets by type and priority, the clock paused while waiting, and the
policies that are refused (a target of zero)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ecdesk.models.tickets import TicketPriority, TicketType
from ecdesk.services.tickets.calendar import BusinessCalendar
from ecdesk.services.tickets.sla import (
    DEFAULT_TARGETS,
    Targets,
    due_at,
    due_times,
    pauses_of,
    target_problems,
    targets_for,
    worked,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
CALENDAR = BusinessCalendar(SHANGHAI)
HOURS = timedelta(hours=1)


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_waiting_on_the_customer_stops_the_clock_until_they_answer() -> None:
    # Created Tuesday 10:00, 4 working hours; one worked before waiting from 11:00 until
    # Wednesday 10:00; the three left run to Wednesday 13:00.
    pauses = pauses_of([(cst(2026, 3, 3, 11), "open", "waiting_customer"),
                        (cst(2026, 3, 4, 10), "waiting_customer", "open")])
    assert pauses == [(cst(2026, 3, 3, 11), cst(2026, 3, 4, 10))]
    assert due_at(CALENDAR, cst(2026, 3, 3, 10), 4 * HOURS, pauses) == cst(2026, 3, 4, 13)


def test_a_ticket_still_waiting_has_no_due_time() -> None:
    pauses = pauses_of([(cst(2026, 3, 3, 11), "open", "waiting_supplier")])
    assert due_at(CALENDAR, cst(2026, 3, 3, 10), 4 * HOURS, pauses) is None


def test_a_pause_after_the_target_was_reached_changes_nothing() -> None:
    pauses = [(cst(2026, 3, 3, 16), cst(2026, 3, 5, 9))]
    assert due_at(CALENDAR, cst(2026, 3, 3, 10), 4 * HOURS, pauses) == cst(2026, 3, 3, 14)


def test_moving_between_the_two_waiting_statuses_is_one_pause() -> None:
    pauses = pauses_of([(cst(2026, 3, 3, 11), "open", "waiting_customer"),
                        (cst(2026, 3, 3, 15), "waiting_customer", "waiting_supplier"),
                        (cst(2026, 3, 3, 17), "waiting_supplier", "open")])
    assert pauses == [(cst(2026, 3, 3, 11), cst(2026, 3, 3, 17))]
    # Worked 10-11, then 17-18 and Wednesday 09:00-11:00: four hours.
    assert due_at(CALENDAR, cst(2026, 3, 3, 10), 4 * HOURS, pauses) == cst(2026, 3, 4, 11)
    assert worked(CALENDAR, cst(2026, 3, 3, 10), cst(2026, 3, 4, 11), pauses) == 4 * HOURS


def test_a_ticket_resolved_while_waiting_is_judged_with_its_pause_ended_then() -> None:
    pauses = [(cst(2026, 3, 3, 11), None)]
    due = due_times(CALENDAR, Targets(HOURS, 4 * HOURS), cst(2026, 3, 3, 10), pauses,
                    resolved_at=cst(2026, 3, 3, 15))
    assert due.first_response == cst(2026, 3, 3, 11)
    assert due.resolution == cst(2026, 3, 3, 18)  # 1 hour before, 3 after 15:00


def test_targets_come_from_the_shops_policy_else_from_the_priority() -> None:
    policies = {("return", "high"): Targets(2 * HOURS, 16 * HOURS)}
    assert targets_for(policies, TicketType.RETURN, TicketPriority.HIGH).resolution == 16 * HOURS
    assert targets_for(policies, TicketType.COMPLAINT, "high") == DEFAULT_TARGETS["high"]


def test_a_target_of_zero_or_less_is_refused() -> None:
    problems = target_problems("return", "high", 0, -5)
    assert [p.field for p in problems] == ["First response", "Resolution"]
    assert "above zero, not '0'" in problems[0].message


def test_unknown_types_priorities_and_a_first_response_after_the_resolution_are_refused() -> None:
    assert [p.field for p in target_problems("gift", "asap", 10, 20)] == ["Type", "Priority"]
    assert [p.message for p in target_problems("return", "low", 120, 60)] == [
        "the first response cannot be due after the resolution"]
    assert target_problems("return", "low", 60, 60) == []


def test_the_time_a_ticket_stood_resolved_before_it_was_reopened_does_not_count() -> None:
    pauses = pauses_of([(cst(2026, 3, 3, 11), "open", "resolved"),
                        (cst(2026, 3, 4, 11), "resolved", "open")])
    assert due_at(CALENDAR, cst(2026, 3, 3, 10), 4 * HOURS, pauses) == cst(2026, 3, 4, 14)


def test_the_due_time_that_matters_is_the_first_response_until_answered() -> None:
    due = due_times(CALENDAR, Targets(HOURS, 4 * HOURS), cst(2026, 3, 3, 10), [])
    assert due.current("new", answered=False) == cst(2026, 3, 3, 11)
    assert due.current("open", answered=True) == cst(2026, 3, 3, 14)
    assert due.current("waiting_customer", answered=True) is None
