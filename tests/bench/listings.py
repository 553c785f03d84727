"""The Listings table model in process, on the large shop, against raw sqlite3 baselines.

Run as a child of `python -m tests.bench` (`python -m tests.bench.listings SHOP`) so that the
memory figures are this process's alone: progress goes to stderr, the result rows to stdout as
JSON. Memory is measured first, before the timing loops grow the heap.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ecdesk.db import Database, open_database
from ecdesk.services.catalog import queries
from ecdesk.services.catalog.dto import VariantQuery, VariantRow
from ecdesk.services.catalog.queries import filter_options, list_variants
from ecdesk.services.common.page import Page
from ecdesk.views.catalog.listings_model import PAGE_SIZE, ListingsTableModel
from tests.bench.measure import current_rss_mib, median, time_once, time_repeated
from tests.bench.report import Row, Target

Loader = Callable[[VariantQuery, int, int], Page[VariantRow]]
FAST = Target(50)
MEMORY = Target(150)
SCROLL_PAGES = 10
FETCH_OFFSETS = (PAGE_SIZE, 10_000, 50_000)
TYPED = {  # word -> what the search box holds after each keystroke
    "Cotton": ["C", "Co", "Cot", "Cott", "Cotto", "Cotton"],
    "保温杯": ["保", "保温", "保温杯"],
    "SKU-012": ["S", "SK", "SKU", "SKU-", "SKU-0", "SKU-01", "SKU-012"],
}

# The first page the Listings table asks for, written by hand: same filters (not archived),
# same order, same columns; the count the model needs beside it.
_WHERE = ("FROM variants v JOIN products p ON p.id = v.product_id "
          "WHERE v.archived = 0 AND p.status != 'archived'")
PAGE_SQL = ("SELECT v.id, v.product_id, p.title, v.sku, v.option1, v.option2, v.option3, "
            "p.status, p.category_id, v.price, v.unit_cost, v.on_hand, v.barcode "
            f"{_WHERE} ORDER BY p.title, p.id, v.position, v.id LIMIT {PAGE_SIZE} OFFSET ?")
COUNT_SQL = f"SELECT count(*) {_WHERE}"
FTS_SQL = "SELECT rowid FROM catalog_search WHERE body LIKE ?"


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


# -- loaders and baselines ----------------------------------------------------------------------
def counting_loader(db: Database) -> Loader:
    """A page and its total counted in the same call (for comparison)."""
    return lambda q, off, lim: list_variants(db.uow(), q, offset=off, limit=lim)


def page_loader(db: Database) -> Loader:
    """The loader as the Listings page calls it: the page now, the count on a worker thread."""
    return lambda q, off, lim: list_variants(db.uow(), q, offset=off, limit=lim, count=False)


def make_model(db: Database, loader: Loader) -> ListingsTableModel:
    channels = filter_options(db.uow()).channels
    return ListingsTableModel(loader, channels)


def raw_median(conn: sqlite3.Connection, sql: str, *params: object, repeats: int = 7) -> float:
    return median(time_repeated(lambda: conn.execute(sql, params).fetchall(), repeats))


# -- memory -------------------------------------------------------------------------------------
def memory_row(db: Database) -> Row:
    filter_options(db.uow())
    gc.collect()
    before = current_rss_mib()
    model = make_model(db, counting_loader(db))
    model.set_query(VariantQuery())
    for _ in range(SCROLL_PAGES):
        model.fetchMore()
    gc.collect()
    after = current_rss_mib()
    log(f"Memory: {before:.0f} MiB before the model, {after:.0f} MiB with "
        f"{model.rowCount():,} rows loaded")
    return Row(f"RSS, model after {SCROLL_PAGES} fetchMore pages", "MiB", after, before,
               "same process before the model", MEMORY,
               f"{model.rowCount():,} rows loaded; the model and its rows add "
               f"{after - before:.0f} MiB")


# -- first page ---------------------------------------------------------------------------------
def first_page_rows(db: Database, raw: sqlite3.Connection) -> list[Row]:
    """The first page as the Listings page shows it (its count follows on a worker thread)."""
    model = make_model(db, page_loader(db))
    times = time_repeated(lambda: model.set_query(VariantQuery()))
    baseline = raw_median(raw, PAGE_SQL, 0)
    log(f"First page: median {ms(median(times))}, worst {ms(max(times))}; raw sqlite3 page "
        f"{ms(baseline)}")
    count = time_repeated(lambda: queries.count_matching(db.uow(), VariantQuery()))
    counted = make_model(db, counting_loader(db))
    with_count = time_repeated(lambda: counted.set_query(VariantQuery()))
    return [
        Row("first Listings page, set_query()", "ms", median(times), baseline,
            "raw sqlite3 page", FAST, f"median of {len(times)} after a warm-up (worst "
            f"{ms(max(times))}); as the page: list_variants(count=False)"),
        Row("  its count, on a worker thread", "ms", median(count), raw_median(raw, COUNT_SQL),
            "raw sqlite3 count(*)", note="count_matching(); the table does not wait for it"),
        Row("  page and count in one call", "ms", median(with_count),
            raw_median(raw, PAGE_SQL, 0) + raw_median(raw, COUNT_SQL),
            "raw sqlite3 page + count(*)", note="list_variants(count=True)"),
    ]


# -- search as you type -------------------------------------------------------------------------
FTS_BASELINE = "raw FTS5 LIKE '%Cotton%'"


def search_rows(db: Database, raw: sqlite3.Connection) -> list[Row]:
    """Keystrokes as the Listings page makes them: the page at once, its count on a worker."""
    baseline = raw_median(raw, FTS_SQL, "%Cotton%")
    log(f"Search keystrokes ({FTS_BASELINE}: {ms(baseline)}):")
    typed = type_words(make_model(db, page_loader(db)))
    every = [seconds for medians in typed.values() for seconds in medians.values()]
    rows = [Row("search keystroke, median", "ms", median(every), baseline, FTS_BASELINE, FAST,
                f"median over the {len(every)} prefixes typed (each the median of its "
                "repeats); as the page: list_variants(count=False)")]
    for word, medians in typed.items():
        detail = ", ".join(f"{p} {t * 1000:,.0f}" for p, t in medians.items())
        rows.append(Row(f"search keystroke, slowest of '{word}'", "ms", max(medians.values()),
                        baseline, FTS_BASELINE, FAST, f"median keystroke "
                        f"{ms(median(list(medians.values())))}; per prefix (ms): {detail}"))
    return rows


def type_words(model: ListingsTableModel) -> dict[str, dict[str, float]]:
    """Median seconds of each keystroke: word -> prefix -> median of its repeats."""
    model.set_query(VariantQuery())
    return {word: {prefix: _keystroke(model, prefix) for prefix in prefixes}
            for word, prefixes in TYPED.items()}


def _keystroke(model: ListingsTableModel, prefix: str) -> float:
    query = VariantQuery(search=prefix)
    times = time_repeated(lambda: model.set_query(query), repeats=7, budget_s=5)
    matches = f"{model.total:,} matches" if model.total_known else "count follows"
    log(f"  {prefix!r:>11}: median {ms(median(times))}, worst {ms(max(times))}, {matches}")
    return median(times)


# -- scrolling deep -----------------------------------------------------------------------------
def fetch_more_rows(db: Database, raw: sqlite3.Connection) -> list[Row]:
    note = "count=False, as the Listings page"
    rows = []
    for offset in FETCH_OFFSETS:
        seconds = _fetch_more_at(db, offset)
        baseline = raw_median(raw, PAGE_SQL, offset)
        log(f"fetchMore at offset {offset:,}: {ms(seconds)} (raw sqlite3 page {ms(baseline)})")
        rows.append(Row(f"fetchMore at offset {offset:,}", "ms", seconds, baseline,
                        "raw sqlite3 page at offset", note=f"{note}; OFFSET paging"))
    return rows


def _fetch_more_at(db: Database, offset: int, repeats: int = 5) -> float:
    """Median time of the model's own fetchMore when it asks for rows from `offset` on.

    The loader is shifted so that the first page already ends at `offset`: then fetchMore is
    the real call, without loading every page before it.
    """
    loader = page_loader(db)
    base = offset - PAGE_SIZE
    model = make_model(db, lambda q, off, lim: loader(q, base + off, lim))
    times = []
    for _ in range(repeats + 1):
        model.set_query(VariantQuery())
        times.append(time_once(model.fetchMore))
        assert model.rowCount() == 2 * PAGE_SIZE, "fetchMore did not add a page"
    return median(times[1:])


def main(argv: list[str]) -> int:
    shop = Path(argv[0])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when QApplication is made
    app = QApplication(sys.argv[:1])
    db = open_database(shop)
    raw = sqlite3.connect(shop)
    try:
        rows = [memory_row(db), *first_page_rows(db, raw), *search_rows(db, raw),
                *fetch_more_rows(db, raw)]
    finally:
        raw.close()
        db.close()
    app.quit()
    json.dump([row.to_json() for row in rows], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
