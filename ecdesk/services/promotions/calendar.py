"""The promotion calendar's data: the promotions overlapping a range of days, each in a lane so
that overlapping windows sit one under the other, and moving or resizing a draft's window.

Lanes are given over the whole range asked for (not per week row), so a promotion keeps its
lane from one week to the next and the eye can follow it. Only drafts move: a scheduled
promotion may already be announced to buyers or on a platform's event calendar, and changing
its dates is an edit to be made on purpose (unschedule it first), never by a slip of the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.promotions.store import _get, read_promotions
from ecdesk.services.promotions.terms import Phase, PromotionInfo, Status


@dataclass(frozen=True)
class CalendarBar:
    """One promotion on the calendar, in its lane (0 is the top one)."""

    promotion: PromotionInfo
    phase: Phase
    lane: int

    @property
    def movable(self) -> bool:
        return self.promotion.status is Status.DRAFT


def calendar_bars(uow: UnitOfWork, start: datetime, end: datetime, now: datetime
                  ) -> list[CalendarBar]:
    """The promotions (cancelled ones too: greyed by the view) whose window meets [start, end),
    by start, each in the first lane free when it starts."""
    with uow:
        promotions = read_promotions(uow.session, overlapping=(start, end))
    lanes = assign_lanes([(p.starts_at, p.ends_at) for p in promotions])
    return [CalendarBar(p, p.phase(now), lane) for p, lane in zip(promotions, lanes, strict=True)]


def assign_lanes(windows: list[tuple[datetime, datetime]]) -> list[int]:
    """A lane per half-open window (given by start), the lowest not taken by a window still
    open when it starts: windows that touch ([a, b) then [b, c)) share a lane."""
    lane_ends: list[datetime] = []
    lanes: list[int] = []
    for starts, ends in windows:
        free = next((lane for lane, busy_until in enumerate(lane_ends) if busy_until <= starts),
                    None)
        if free is None:
            free = len(lane_ends)
            lane_ends.append(ends)
        else:
            lane_ends[free] = ends
        lanes.append(free)
    return lanes


def shift_wall_clock(moment: datetime, zone: ZoneInfo, delta: timedelta) -> datetime:
    """`moment` moved by `delta` on the wall clock of `zone` (a day later is the same time of
    day, across a daylight-saving change too), in UTC."""
    local = moment.astimezone(zone).replace(tzinfo=None) + delta
    return local.replace(tzinfo=zone).astimezone(UTC)


def move_draft(uow: UnitOfWork, promotion_id: int, starts_at: datetime, ends_at: datetime
               ) -> Changed:
    """Give a draft promotion the window [starts_at, ends_at) (aware times); refused for a
    promotion that is not a draft or an end not after the start, nothing written."""
    with uow:
        promotion = _get(uow.session, promotion_id)
        problems = []
        if promotion.status != Status.DRAFT.value:
            problems.append(Problem(_("Window"), _(
                "'{name}' is not a draft: only drafts move on the calendar (take it back to "
                "draft first)").format(name=promotion.name)))
        if ends_at <= starts_at:
            problems.append(Problem(_("Ends"), _("the end is not after the start")))
        if problems:
            raise ValidationError(problems)
        promotion.starts_at = starts_at.astimezone(UTC)
        promotion.ends_at = ends_at.astimezone(UTC)
        name = promotion.name
        uow.commit()
    return Changed.of(ChangeArea.PROMOTIONS, ids=(promotion_id,),
                      message=_("Promotion '{name}' moved").format(name=name))
