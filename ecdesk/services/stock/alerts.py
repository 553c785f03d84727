"""Inventory alerts: compute every SKU's alerts in one SQL pass and apply acknowledgements.

`compute_alerts` reads each SKU's stock, sales and policy in one aggregation (alerts_figures),
judges it (alerts_rules) and words the reasons (alerts_reasons). An acknowledged or snoozed
alert is hidden until its measure grows past the one acknowledged, or the snooze ends. An
acknowledgement whose alert no longer holds is forgotten, so a later recurrence shows again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, tzinfo
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, or_, select

from ecdesk.db import UnitOfWork
from ecdesk.errors import DatabaseError
from ecdesk.models import AlertAck
from ecdesk.models.base import utc_now
from ecdesk.services.settings import read_settings
from ecdesk.services.stock.alerts_dto import (
    SEVERITY,
    Alert,
    AlertKind,
    AlertReport,
    Severity,
)
from ecdesk.services.stock.alerts_figures import count_skus, sku_rows
from ecdesk.services.stock.alerts_reasons import reason
from ecdesk.services.stock.alerts_rules import AlertRules
from ecdesk.services.stock.defaults import read_stock_defaults

log = logging.getLogger("ecdesk")
BY_SKU, BY_MEASURE = attrgetter("sku"), attrgetter("measure")
BATCH = 400  # acknowledgements deleted per statement (two variables each)


class Ack:
    """An acknowledgement as read for one computation."""

    __slots__ = ("at", "measure", "until")

    def __init__(self, at: datetime, until: datetime | None, measure: int) -> None:
        self.at, self.until, self.measure = at, until, measure

    def hides(self, measure: int, now: datetime) -> bool:
        """Hidden while not worse than when acknowledged and (if snoozed) until the date."""
        if measure > self.measure:
            return False
        return self.until is None or now < self.until

    def apply(self, alert: Alert, now: datetime) -> Alert:
        return alert._replace(acknowledged_at=self.at, snoozed_until=self.until,
                              hidden=self.hides(alert.measure, now))


def compute_alerts(uow: UnitOfWork, *, now: datetime | None = None,
                   forget_resolved: bool = True, as_of: bool = False) -> AlertReport:
    """Every alert of every non-archived SKU, most severe first (then worst first, then by SKU),
    with acknowledgements applied.

    `as_of` counts only the orders placed before `now` (a report stated at a past time).
    `forget_resolved` deletes acknowledgements of alerts that no longer hold (a small write of
    its own, skipped quietly when the shop is read-only or busy: the next computation does it).
    """
    now = now or utc_now()
    with uow:
        defaults = read_stock_defaults(uow.session)
        zone = ZoneInfo(read_settings(uow.session).timezone)
        acks = _read_acks(uow)
        rows = sku_rows(uow.session, defaults, now, as_of=as_of)
        checked = count_skus(uow.session)
    by_kind = _judge(rows, AlertRules(defaults), acks, zone, now)
    alerts = [alert for kind in AlertKind for alert in _worst_first(by_kind[kind])]
    if forget_resolved and acks:
        _forget(uow, acks.keys() - {(a.variant_id, a.kind) for a in alerts}, now)
    return AlertReport(tuple(alerts), now, checked, _open_counts(by_kind, acks),
                       sum(alert.hidden for alert in alerts) if acks else 0)


def _judge(rows: Sequence[Sequence[Any]], rules: AlertRules, acks: dict[tuple[int, str], Ack],
           zone: tzinfo, now: datetime) -> dict[AlertKind, list[Alert]]:
    """Each SKU's alerts, by kind (a tight loop: 100,000 rows, most of them fine)."""
    by_kind: dict[AlertKind, list[Alert]] = {kind: [] for kind in AlertKind}
    defaults, assess, make = rules.defaults, rules.assess, Alert._make
    for row in rows:
        assessed = assess(row)
        if assessed is None:
            continue
        found, figures = assessed
        variant_id, sku, title = row[0], row[1], row[2]
        for kind, measure in found:
            alert = make((variant_id, sku, title, kind, reason(kind, figures, defaults, zone),
                          measure, figures, None, None, False))
            ack = acks.get((variant_id, kind)) if acks else None
            by_kind[kind].append(alert if ack is None else ack.apply(alert, now))
    return by_kind


def _worst_first(alerts: list[Alert]) -> list[Alert]:
    """One kind's alerts by measure, worst first, then by SKU (two stable sorts in C)."""
    alerts.sort(key=BY_SKU)
    alerts.sort(key=BY_MEASURE, reverse=True)
    return alerts


def _open_counts(by_kind: dict[AlertKind, list[Alert]],
                 acks: dict[tuple[int, str], Ack]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for kind, alerts in by_kind.items():
        hidden = sum(alert.hidden for alert in alerts) if acks else 0
        counts[SEVERITY[kind]] += len(alerts) - hidden
    return counts


def _read_acks(uow: UnitOfWork) -> dict[tuple[int, str], Ack]:
    rows = uow.session.execute(select(AlertAck.variant_id, AlertAck.kind,
                                      AlertAck.acknowledged_at, AlertAck.snoozed_until,
                                      AlertAck.severity_measure))
    return {(vid, kind): Ack(at, until, measure) for vid, kind, at, until, measure in rows}


def _forget(uow: UnitOfWork, resolved: set[tuple[int, str]], before: datetime) -> None:
    """Delete the acknowledgements of alerts that no longer hold (made before `before`, so an
    acknowledgement given while this computation ran is kept)."""
    if not resolved:
        return
    keys = sorted(resolved)
    try:
        with uow:
            for start in range(0, len(keys), BATCH):
                chunk = keys[start:start + BATCH]
                uow.session.execute(delete(AlertAck).where(
                    AlertAck.acknowledged_at < before,
                    or_(*(and_(AlertAck.variant_id == vid, AlertAck.kind == kind)
                          for vid, kind in chunk))))
            uow.commit()
    except DatabaseError as error:  # read-only or busy: harmless, tried again next time
        log.info("Acknowledgements of resolved alerts not cleared yet: %s", error)
