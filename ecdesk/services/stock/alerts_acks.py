"""Acknowledge, snooze or bring back alerts: each one transaction returning a stock Changed.

An acknowledgement remembers the alert's measure: the alert stays hidden until the measure
grows past it (the situation got worse). A snooze also hides it until the start of the chosen
day in the shop's time zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import AlertAck, Variant
from ecdesk.models.audit import record_bulk
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.shop_time import shop_today
from ecdesk.services.settings import get_settings
from ecdesk.services.stock.alerts_dto import Alert, AlertKey, AlertKind

BATCH = 400  # keys per statement (two variables each, well under SQLite's limit)
MAX_SNOOZE_DAYS = 366


def acknowledge_alerts(uow: UnitOfWork, alerts: Sequence[Alert]) -> Changed:
    """Hide these alerts until they get worse than they are now."""
    _check_alerts(alerts)
    return _store(uow, alerts, None, f"{_count(alerts)} acknowledged")


def snooze_alerts(uow: UnitOfWork, alerts: Sequence[Alert], until: date,
                  *, today: date | None = None) -> Changed:
    """Hide these alerts until the start of `until` (shop time), or sooner if they get worse."""
    zone = ZoneInfo(get_settings(uow).timezone)
    today = today or shop_today(zone)
    problems = check_snooze_date(until, today)
    _check_alerts(alerts, problems)
    start = datetime(until.year, until.month, until.day, tzinfo=zone)
    return _store(uow, alerts, start, f"{_count(alerts)} snoozed until {until.isoformat()}")


def check_snooze_date(until: date, today: date) -> list[Problem]:
    if until <= today:
        return [
            Problem(
                N_("Snooze until"),
                _("{isoformat} is not after today ({isoformat2}): choose a later day").format(
                    isoformat=until.isoformat(), isoformat2=today.isoformat()
                ),
            )
        ]
    if (until - today).days > MAX_SNOOZE_DAYS:
        return [Problem(N_("Snooze until"), _("can be at most a year from today"))]
    return []


def unacknowledge_alerts(uow: UnitOfWork, keys: Sequence[AlertKey]) -> Changed:
    """Show these alerts again (forget their acknowledgement or snooze)."""
    if not keys:
        raise ValidationError([Problem(N_("Alerts"), _("choose at least one alert"))])
    with uow:
        removed = _delete(uow.session, keys)
        record_bulk(uow.session, "alert_acks", {"action": "show again", "alerts": removed})
        uow.commit()
    return Changed.of(ChangeArea.STOCK, message=_("{removed} alert(s) shown again")
                                                .format(removed=removed),
                      ids=tuple(sorted({key.variant_id for key in keys})))


def _count(alerts: Sequence[Alert]) -> str:
    return f"{len(alerts)} alert" + ("" if len(alerts) == 1 else "s")


def _check_alerts(alerts: Sequence[Alert], problems: list[Problem] | None = None) -> None:
    problems = problems or []
    if not alerts:
        problems.append(Problem(N_("Alerts"), _("choose at least one alert")))
    for row, alert in enumerate(alerts, start=1):
        if not _is_kind(alert.kind):
            problems.append(Problem(N_("Kind"), _("'{kind}' is not an alert kind")
                                            .format(kind=alert.kind), row))
        if isinstance(alert.measure, bool) or not isinstance(alert.measure, int) \
                or alert.measure < 0:
            problems.append(Problem(N_("Measure"),
                                    _("'{measure}' is not a whole number of at least 0")
                                    .format(measure=alert.measure), row))
    if problems:
        raise ValidationError(problems)


def _is_kind(kind: object) -> bool:
    try:
        AlertKind(kind)
    except ValueError:
        return False
    return True


def _store(uow: UnitOfWork, alerts: Sequence[Alert], until: datetime | None,
           message: str) -> Changed:
    ids = sorted({alert.variant_id for alert in alerts})
    with uow:
        session = uow.session
        missing = len(ids) - _existing(session, ids)
        if missing:
            raise NotFoundError(
                _(
                    "{missing} of these SKUs no longer exist (removed elsewhere?); nothing was "
                    "acknowledged"
                ).format(missing=missing)
            )
        _delete(session, [alert.key for alert in alerts])
        now = utc_now()
        latest = {alert.key: alert for alert in alerts}  # one row per SKU and kind
        session.execute(insert(AlertAck), [
            {"variant_id": a.variant_id, "kind": str(a.kind), "acknowledged_at": now,
             "snoozed_until": until, "severity_measure": a.measure} for a in latest.values()])
        record_bulk(session, "alert_acks", {
            "action": "snooze" if until else "acknowledge", "alerts": len(latest),
            "until": until.isoformat() if until else None})
        uow.commit()
    return Changed.of(ChangeArea.STOCK, message=message, ids=tuple(ids))


def _existing(session: Session, ids: list[int]) -> int:
    found = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found += session.scalar(select(func.count()).select_from(Variant)
                                .where(Variant.id.in_(chunk))) or 0
    return found


def _delete(session: Session, keys: Sequence[AlertKey]) -> int:
    removed = 0
    unique = sorted({(key.variant_id, str(key.kind)) for key in keys})
    for start in range(0, len(unique), BATCH):
        chunk = unique[start:start + BATCH]
        result = session.execute(delete(AlertAck).where(or_(
            *(and_(AlertAck.variant_id == vid, AlertAck.kind == kind) for vid, kind in chunk))))
        removed += result.rowcount  # type: ignore[attr-defined]
    return removed
