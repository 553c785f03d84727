"""The Dashboard's customers tile: how many high-value (高价值) customers the shop has at the
end of the period, against the end of the previous one, with every segment in its note. The
segments are rfm.py's: the stored ones for now while they hold, else computed as of each moment
(an ended period's end)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ecdesk.i18n import _
from ecdesk.models.base import utc_now
from ecdesk.services.customers.rfm import segment_counts
from ecdesk.services.customers.rfm_store import rfm_is_stale, stored_counts
from ecdesk.services.customers.segments import segment_label
from ecdesk.services.dashboard.model import DashboardScope, Tile


def customer_segment_tiles(session: Session, scope: DashboardScope) -> list[Tile]:
    from ecdesk.services.dashboard.build import change  # (build imports the providers)

    now = scope.now or utc_now()
    # As of the end of each period, or now for the period still running.
    at_end = min(scope.period.utc_range(scope.zone)[1], now)
    before_end = min(scope.previous.utc_range(scope.zone)[1], now)
    counts = _counts_at(session, at_end, now)
    before = _counts_at(session, before_end, now)
    high, high_before = counts["high_value"], before["high_value"]
    parts = " · ".join(f"{segment_label(key)} {value:,}" for key, value in counts.items())
    return [Tile("customer_segments", _("High-value customers"), f"{high:,}",
                 change(high, high_before),
                 note=_("Customers by RFM segment at the end of the period: {parts}. Previous "
                        "period: {before:,} high-value.").format(parts=parts, before=high_before))]



def _counts_at(session: Session, moment: datetime, now: datetime) -> dict[str, int]:
    if moment == now and not rfm_is_stale(session, now):
        return stored_counts(session)
    return segment_counts(session, moment)
