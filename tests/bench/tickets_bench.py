"""The service queue with 50,000 tickets, and the SLA computation for all of them.

Measured, on a shop file of its own (tickets need channels, not the large catalog):
- the Tickets page's first read once the shop is open: the first page of the open queue
  sorted by due time, and every row's time left; the best raw sqlite3 query of the same rows
  is the baseline. Target: ≤ 50 ms.
- the overdue and due-today counts (the navigation badge and the Dashboard tile).
- the SLA computation: both due times of every ticket with `sla.due_times` (the business
  calendar's working-time arithmetic, ticket by ticket, as the services store them), against
  the same arithmetic vectorized with pandas/numpy over the calendar's working-time line
  (`WorkingTimeline`: the work done before each span, then a binary search per ticket). Both
  must give the same due times; the ratio says what computing them one by one costs.

`python -m tests.bench.tickets_bench [--tickets N] [--runs N]` prints one table.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ecdesk.db import open_database
from ecdesk.services.channels import save_channel
from ecdesk.services.tickets.calendar import WorkingTimeline
from ecdesk.services.tickets.calendar_settings import business_calendar
from ecdesk.services.tickets.dto import TicketQuery
from ecdesk.services.tickets.queries import list_tickets, queue_counts
from ecdesk.services.tickets.sla import DEFAULT_TARGETS, DueTimes, due_times
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

TICKETS = 50_000
RUNS = 9
NOW = datetime(2026, 12, 7, 3, 30, tzinfo=UTC)  # a Monday, 11:30 in Shanghai
STORED = "%Y-%m-%d %H:%M:%S.%f"
STATUSES = (("new", 6), ("open", 10), ("waiting_customer", 4), ("waiting_supplier", 2),
            ("resolved", 10), ("closed", 68))
PRIORITIES = ("low", "normal", "normal", "normal", "high", "urgent")
# The best hand-written query: the page's ids from the (status, due_at) index, then their rows.
RAW_FIRST_PAGE = """
    SELECT t.id, t.number, t.subject, c.name, coalesce(nullif(cu.name, ''), o.customer_name, ''),
           coalesce(o.number, ''), t.type, t.priority, t.status, t.created_at,
           t.first_response_due_at, t.resolution_due_at, t.first_response_at, t.due_at
    FROM tickets t JOIN channels c ON c.id = t.channel_id
    LEFT JOIN customers cu ON cu.id = t.customer_id LEFT JOIN orders o ON o.id = t.order_id
    WHERE t.id IN (SELECT id FROM tickets
                   WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_supplier')
                   ORDER BY due_at IS NULL, due_at, id LIMIT 257)
    ORDER BY t.due_at IS NULL, t.due_at, t.id"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.tickets_bench",
                                     description=__doc__)
    parser.add_argument("--tickets", type=int, default=TICKETS)
    parser.add_argument("--runs", type=int, default=RUNS)
    return parser.parse_args(argv)


def make_tickets(count: int) -> list[tuple[datetime, str, str]]:
    """(created, priority, status) of `count` tickets over the last 120 days."""
    rng = random.Random(1)
    statuses = [name for name, weight in STATUSES for _ in range(weight)]
    tickets = []
    for _n in range(count):
        status = rng.choice(statuses)
        days = 6 if status in ("new", "open") else 120
        tickets.append((NOW - timedelta(minutes=rng.randint(10, days * 1440)),
                        rng.choice(PRIORITIES), status))
    return tickets


def one_by_one(calendar, tickets) -> list[DueTimes]:  # type: ignore[no-untyped-def]
    """The services' arithmetic: both due times of each ticket, one ticket at a time."""
    return [due_times(calendar, DEFAULT_TARGETS[priority], created, [])
            for created, priority, _status in tickets]


def vectorized(timeline: WorkingTimeline, tickets) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    """The same due times with pandas and numpy: worked seconds at creation, plus the
    target, found back on the working-time line with one searchsorted for all tickets."""
    import numpy as np
    import pandas as pd

    starts, ends, before = (np.asarray(a) for a in timeline.arrays)
    frame = pd.DataFrame({
        "created": [created.timestamp() for created, _p, _s in tickets],
        "first": [DEFAULT_TARGETS[p].first_response.total_seconds() for _c, p, _s in tickets],
        "resolve": [DEFAULT_TARGETS[p].resolution.total_seconds() for _c, p, _s in tickets]})
    created = frame["created"].to_numpy()
    span = np.clip(np.searchsorted(starts, created, side="right") - 1, 0, None)
    worked = np.where(created < starts[span], before[span],
                      before[span] + np.minimum(created, ends[span]) - starts[span])

    def moment(target: np.ndarray) -> np.ndarray:
        total = worked + target
        index = np.clip(np.searchsorted(before, total, side="left") - 1, 0, None)
        return starts[index] + total - before[index]

    return moment(frame["first"].to_numpy()), moment(frame["resolve"].to_numpy())


def fill(path: Path, tickets: list[tuple[datetime, str, str]], due: list[DueTimes]) -> None:
    db = open_database(path)
    try:
        for name, kind in (("天猫 Tmall", "tmall"), ("京东 JD", "jd"), ("Shopify", "shopify")):
            save_channel(db.uow(), name=name, kind=kind, currency="CNY")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    rows = []
    for n, ((created, priority, status), times) in enumerate(zip(tickets, due, strict=True), 1):
        answered = status not in ("new",)
        current = None if status not in ("new", "open") else (
            times.resolution if answered else times.first_response)
        stamp = created.strftime(STORED)
        rows.append((f"T-{n:06d}", 1 + n % 3, ("pre_sale", "order", "return")[n % 3], priority,
                     status, f"Question {n}", stamp, stamp,
                     (created + timedelta(minutes=30)).strftime(STORED) if answered else None,
                     times.first_response.strftime(STORED) if times.first_response else None,
                     times.resolution.strftime(STORED) if times.resolution else None,
                     current.strftime(STORED) if current else None))
    with conn:
        conn.executemany(
            "INSERT INTO tickets (number, channel_id, type, priority, status, subject, tags, "
            "created_at, updated_at, first_response_at, first_response_due_at, "
            "resolution_due_at, due_at, reopened, satisfaction_comment) "
            "VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 0, '')", rows)
    conn.execute("ANALYZE")
    conn.close()


def first_read(path: Path) -> tuple[float, float, float, int]:
    """Open the shop; then read the open queue's first page and write each row's time left
    (what the page shows first): (seconds to open, seconds for the page, rows)."""
    from ecdesk.cli.tickets import left_text

    start = time.perf_counter()
    db = open_database(path)
    opened = time.perf_counter()
    try:
        page = list_tickets(db.uow(), TicketQuery(filter="open"), now=NOW, count=False)
        texts = [left_text(row, NOW) for row in page.rows]
        done = time.perf_counter()
        list_tickets(db.uow(), TicketQuery(filter="open"), now=NOW, count=False)
        again = time.perf_counter() - done
    finally:
        db.close()
    return opened - start, done - opened, again, len(texts)


def raw_first_page(path: Path) -> float:
    """The same rows with sqlite3 on an open connection (as the page reads an open shop)."""
    conn = sqlite3.connect(path)
    conn.execute("SELECT 1 FROM tickets LIMIT 1").fetchall()  # the schema is read at open
    start = time.perf_counter()
    rows = conn.execute(RAW_FIRST_PAGE).fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    assert rows
    return elapsed


def counts_read(path: Path) -> float:
    db = open_database(path)
    try:
        start = time.perf_counter()
        counts = queue_counts(db.uow(), now=NOW)
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    assert counts.open > 0
    return elapsed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    tickets = make_tickets(args.tickets)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tickets.ecdesk"
        open_database(path).close()
        db = open_database(path)
        with db.uow() as uow:
            calendar = business_calendar(uow.session, range(2025, 2028))
        db.close()
        timeline = WorkingTimeline(calendar, date(2026, 7, 1), date(2027, 6, 30))
        timeline.arrays  # noqa: B018 (built once, outside the timings: both sides use it)
        python_times, pandas_times, due = [], [], []
        for _run in range(max(3, args.runs // 3)):  # alternate, keep the medians
            calendar._spans.clear()  # each run works its calendar days out again
            start = time.perf_counter()
            due = one_by_one(calendar, tickets)
            python_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            first, resolve = vectorized(timeline, tickets)
            pandas_times.append(time.perf_counter() - start)
        worst = max(max(abs(d.first_response.timestamp() - f), abs(d.resolution.timestamp() - r))
                    for d, f, r in zip(due, first, resolve, strict=True))  # type: ignore[call-overload]
        assert worst < 1e-3, f"the two computations disagree by {worst} s"
        fill(path, tickets, due)
        opens, reads, agains, raws = [], [], [], []
        for _run in range(args.runs):
            opened, elapsed, again, shown = first_read(path)
            opens.append(opened)
            reads.append(elapsed)
            agains.append(again)
            raws.append(raw_first_page(path))
        counts = [counts_read(path) for _run in range(args.runs)]
    n = f"{args.tickets:,}"
    rows = [
        Row(f"Tickets: first page of {n} and its due texts, after open", "ms",
            median(reads), median(raws), "raw sqlite3, same rows", Target(50.0),
            note=f"{shown} rows of the open queue sorted by due time; opening the shop "
            f"before it took {median(opens) * 1000:.0f} ms (not in the figure)"),
        Row("Tickets: the same page read again (minute refresh, re-sort)", "ms",
            median(agains), median(raws), "raw sqlite3, same rows", Target(50.0)),
        Row("Tickets: overdue / due-today / open / waiting counts", "ms", median(counts),
            note="the navigation badge and the Dashboard tile"),
        Row(f"SLA due times of {n} tickets, one by one (services)", "ms", median(python_times),
            median(pandas_times), "same arithmetic, vectorized pandas",
            note=f"both due times per ticket; results equal (worst {worst:.1e} s)"),
    ]
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
