"""The stored RFM (customer_rfm): rfm.py's rule run once by one INSERT...SELECT and read by the
Customers list, its counts, the CLI and the Dashboard tile, instead of ranking every order of
the shop for each page (some 22 s on a shop of 471,000 customers).

The stored rows are stale when orders or the live customers changed after them (a counter the
triggers of migration 0016 bump on every such write, compared with the one the refresh saw),
when the shop's currency changed, or when the shop's day turned since they were computed
(recency counts days). A stale table is still read, as of its stamp, while the refresh runs off
the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.models import CustomerRfmState
from ecdesk.models.base import utc_now
from ecdesk.services.changes import Changed
from ecdesk.services.common.progress import Progress
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.customers.rfm import LISTED_CTE, rfm_params, rfm_query
from ecdesk.services.customers.segments import SEGMENTS
from ecdesk.services.settings import read_settings

_STORED_COLUMNS = "customer_id, orders, spent, last_order_at, recency_days, r, f, m, segment"
FILL_SQL = (f"INSERT INTO customer_rfm ({_STORED_COLUMNS}) "
            "SELECT id, orders, spent, last_order_at, recency_days, r, f, m, segment "
            "FROM listed")


@dataclass(frozen=True)
class RfmRefreshed:
    """What a refresh did: how many customers it stored, as of when. It changes nothing a page
    shows by area (the Customers page reloads itself on it), so `changed` names no area."""

    customers: int
    as_of: datetime
    changed: Changed = field(default_factory=lambda: Changed(frozenset()))


def _state(session: Session) -> CustomerRfmState:
    return session.get_one(CustomerRfmState, 1)


def rfm_is_stale(session: Session, now: datetime | None = None) -> bool:
    """True when the stored RFM no longer holds (see the module's note)."""
    state = _state(session)
    if state.as_of is None or state.computed_changes != state.changes:
        return True
    if state.currency != read_settings(session).currency:
        return True
    zone = shop_zone(session)
    return shop_today(zone, state.as_of) != shop_today(zone, now)


def stored_as_of(session: Session) -> datetime | None:
    """When the stored RFM was computed; None before the first refresh."""
    return _state(session).as_of


def refresh_rfm(session: Session, as_of: datetime | None = None) -> int:
    """Replace the stored RFM by rfm.py's rule as of now (or `as_of`) in the caller's
    transaction: one DELETE, one INSERT...SELECT, the stamp. Returns the customers stored."""
    params = rfm_params(session, as_of)
    session.execute(text("DELETE FROM customer_rfm"))
    session.execute(rfm_query(FILL_SQL, LISTED_CTE), params)
    # (sqlite3 gives no rowcount for a statement that starts with WITH)
    stored = session.execute(text("SELECT count(*) FROM customer_rfm")).scalar_one()
    # The same transaction reads the counter: no write of orders can fall between.
    state = _state(session)
    session.refresh(state)  # the counter as this transaction sees it
    state.computed_changes = state.changes
    state.as_of = params["as_of"]  # type: ignore[assignment]
    state.currency = str(params["currency"])
    session.flush()
    return int(stored)


def refresh_customer_rfm(uow: UnitOfWork, progress: Progress | None = None) -> RfmRefreshed:
    """The stored RFM recomputed now, in one transaction (run it on a worker: it ranks every
    sold order of the shop). `progress` is accepted for run_operation; the work is one
    statement and reports only its end."""
    now = utc_now()
    with uow:
        stored = refresh_rfm(uow.session, now)
        uow.commit()
    if progress is not None:
        progress(1, 1)
    return RfmRefreshed(stored, now)


def scores_are_stale(uow: UnitOfWork) -> bool:
    """rfm_is_stale in its own unit of work (the page asks it before it reads)."""
    with uow:
        return rfm_is_stale(uow.session)


def refresh_if_stale(uow: UnitOfWork) -> bool:
    """Refresh when stale (the CLI before it lists); True when it refreshed."""
    stale = scores_are_stale(uow)
    if stale:
        refresh_customer_rfm(uow)
    return stale


def stored_counts(session: Session) -> dict[str, int]:
    """Customers per segment in the stored table (every segment named, 0 when empty)."""
    rows = session.execute(text(
        "SELECT segment, count(*) FROM customer_rfm WHERE segment != '' GROUP BY segment")
    ).tuples().all()
    found = dict(rows)
    return {segment: int(found.get(segment, 0)) for segment in SEGMENTS}
