"""Kill a batch write at a random moment and check the shop: whole batch or none of it.

Each run forks a child that opens the shop afresh (its own engine and connections) and performs
one real user batch through the services (an import, a bulk edit, a product save, a stocktake
of every SKU); the parent kills it with SIGKILL after a random delay drawn over the batch's
measured duration, then checks the file (`PRAGMA integrity_check`, foreign keys, on-hand
against the stock ledger) and that the batch is entirely present or entirely absent. POSIX only
(fork and SIGKILL).

    python -m tests.crash.harness --kills 200     # on demand; prints the figures
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ecdesk.services.demo.shop import DemoScale, create_demo_shop
from ecdesk.services.shop_file.backups import integrity_problems

# The demo's catalog with a lighter year of orders: batches as large as the demo's, and a file
# small enough that the integrity check after every kill stays quick.
TEMPLATE_SCALE = DemoScale(skus=800, order_lines=3_000)


@dataclass(frozen=True)
class Batch:
    """A user batch: `prepare` sets the start state, `run` does it in the child, `state` reads
    the outcome as "none", "all" or a description of a half-written state."""

    name: str
    prepare: Callable[[Path], None]
    run: Callable[[Path], None]
    state: Callable[[Path], str]


def _sql(path: Path, *statements: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows: list[tuple] = []
        for statement in statements:
            rows = conn.execute(statement).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def _prepare_bulk_edit(path: Path) -> None:
    _sql(path, "UPDATE listings SET status = 'listed' WHERE channel_id = 1")


def _run_bulk_edit(path: Path) -> None:
    from ecdesk.db import open_database
    from ecdesk.services.catalog.commands import set_listing_status

    db = open_database(path)
    ids = [row[0] for row in _sql(path, "SELECT id FROM variants")]
    set_listing_status(db.uow("harness"), ids, 1, "paused")


def _bulk_edit_state(path: Path) -> str:
    variants = _sql(path, "SELECT count(*) FROM variants")[0][0]
    paused = _sql(path, "SELECT count(*) FROM listings WHERE channel_id = 1 "
                        "AND status = 'paused'")[0][0]
    audited = _sql(path, "SELECT count(*) FROM audit_log WHERE actor = 'harness' "
                         "AND action = 'bulk'")[0][0]
    if paused == 0 and audited == 0:
        return "none"
    if paused == variants and audited == 1:
        return "all"
    return f"half: {paused} of {variants} paused, {audited} audit rows"


def _prepare_product(path: Path) -> None:
    """Nothing to set: the batch creates a product that is not there yet."""


def _run_save_product(path: Path) -> None:
    from ecdesk.db import open_database
    from ecdesk.services.catalog.commands import save_product
    from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft

    variants = tuple(VariantDraft(sku=f"KILL-{i}", price="19.90", unit_cost="8.00")
                     for i in range(40))
    listings = tuple(ListingDraft(variant_index=i, channel_id=1, status="listed",
                                  channel_item_id=f"K{i}") for i in range(40))
    draft = ProductDraft(title="Kill test 断电测试", category_path="Tests > Kill",
                         tags=("kill",), status="active", variants=variants, listings=listings)
    save_product(open_database(path).uow("harness"), draft)


def _save_product_state(path: Path) -> str:
    counts = _sql(path, "SELECT (SELECT count(*) FROM products WHERE title LIKE 'Kill test%'), "
                        "(SELECT count(*) FROM variants WHERE sku LIKE 'KILL-%'), "
                        "(SELECT count(*) FROM listings WHERE channel_item_id LIKE 'K%' "
                        "AND channel_id = 1 AND variant_id IN "
                        "(SELECT id FROM variants WHERE sku LIKE 'KILL-%')), "
                        "(SELECT count(*) FROM catalog_search_docs WHERE body LIKE '%KILL-%')")[0]
    if counts == (0, 0, 0, 0):
        return "none"
    if counts == (1, 40, 40, 40):
        return "all"
    return f"half: products, SKUs, listings, search rows = {counts}"


_IMPORT_ROWS = 600


def _import_file(path: Path) -> Path:
    return path.with_name("kill-import.csv")


def _prepare_import(path: Path) -> None:
    """A Shopify product CSV of new SKUs (600 rows), beside the shop."""
    lines = ["Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Cost per item,"
             "Status"]
    lines += [f"kill-{i // 4},Kill import {i // 4},Size,S{i % 4},KILLIMP-{i},19.90,7.50,active"
              for i in range(_IMPORT_ROWS)]
    _import_file(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run_import(path: Path) -> None:
    from ecdesk.db import open_database
    from ecdesk.services.catalog_io import import_products, read_import_file

    parsed = read_import_file(_import_file(path))
    import_products(open_database(path).uow("harness"), parsed)


def _import_state(path: Path) -> str:
    variants = _sql(path, "SELECT count(*) FROM variants WHERE sku LIKE 'KILLIMP-%'")[0][0]
    products = _sql(path, "SELECT count(*) FROM products WHERE title LIKE 'Kill import %'")[0][0]
    if (variants, products) == (0, 0):
        return "none"
    if (variants, products) == (_IMPORT_ROWS, _IMPORT_ROWS // 4):
        return "all"
    return f"half: {variants} SKUs, {products} products"


_COUNT_REFERENCE = "Kill stocktake"


def _count_file(path: Path) -> Path:
    return path.with_name("kill-count.json")


def _prepare_stocktake(path: Path) -> None:
    """Counts of every SKU (a full stocktake) beside the shop: most differ from the shelf's
    on-hand by a few units either way, never below zero."""
    shelf = _sql(path, "SELECT id, on_hand FROM variants ORDER BY id")
    counts = {vid: max(0, on_hand + (0 if vid % 3 == 0 else vid % 7 - 3))
              for vid, on_hand in shelf}
    changed = sum(counts[vid] != on_hand for vid, on_hand in shelf)
    _count_file(path).write_text(json.dumps({"counts": counts, "changed": changed}))


def _planned_count(path: Path) -> tuple[dict[int, int], int]:
    plan = json.loads(_count_file(path).read_text())
    return {int(vid): units for vid, units in plan["counts"].items()}, plan["changed"]


def _run_stocktake(path: Path) -> None:
    from ecdesk.db import open_database
    from ecdesk.services.stock.commands import post_stock_count

    counts, _ = _planned_count(path)
    post_stock_count(open_database(path).uow("harness"), counts, reference=_COUNT_REFERENCE)


def _stocktake_state(path: Path) -> str:
    counts, changed = _planned_count(path)
    mismatched = _sql(path, """
        SELECT count(*) FROM variants v LEFT JOIN (SELECT variant_id, sum(quantity) AS total
            FROM stock_movements GROUP BY variant_id) ledger ON ledger.variant_id = v.id
        WHERE v.on_hand != coalesce(ledger.total, 0)""")[0][0]
    posted = _sql(path, "SELECT count(*) FROM stock_movements WHERE kind = 'counted' "
                        f"AND reference = '{_COUNT_REFERENCE}'")[0][0]
    audited = _sql(path, "SELECT count(*) FROM audit_log WHERE actor = 'harness' "
                         "AND action = 'bulk' AND entity = 'stock_movements'")[0][0]
    shelf = dict(_sql(path, "SELECT id, on_hand FROM variants"))
    as_counted = sum(shelf[vid] == units for vid, units in counts.items())
    if mismatched:
        return f"half: {mismatched} SKUs' on-hand differs from their ledger"
    if (posted, audited) == (0, 0) and as_counted == len(counts) - changed:
        return "none"
    if (posted, audited, as_counted) == (changed, 1, len(counts)):
        return "all"
    return (f"half: {posted} of {changed} counted movements, {audited} audit rows, "
            f"{as_counted} of {len(counts)} SKUs as counted")


BATCHES = {
    "import": Batch("import", _prepare_import, _run_import, _import_state),
    "stocktake": Batch("stocktake", _prepare_stocktake, _run_stocktake, _stocktake_state),
    "bulk-edit": Batch("bulk-edit", _prepare_bulk_edit, _run_bulk_edit, _bulk_edit_state),
    "save-product": Batch("save-product", _prepare_product, _run_save_product,
                          _save_product_state),
}


def make_template(path: Path) -> Path:
    """The shop every kill starts from (a fresh copy each time)."""
    return create_demo_shop(path, scale=TEMPLATE_SCALE).path


def _fork_and_run(batch: Batch, path: Path) -> int:
    pid = os.fork()
    if pid == 0:  # the child: do the batch, leave without running the parent's cleanup
        try:
            batch.run(path)
            os._exit(0)
        except BaseException:
            os._exit(1)
    return pid


def measure_duration(batch: Batch, template: Path, folder: Path) -> float:
    """How long one uninterrupted batch takes in a child, start to exit."""
    path = folder / "calibrate.ecdesk"
    shutil.copyfile(template, path)
    batch.prepare(path)
    started = time.perf_counter()
    status = _wait(_fork_and_run(batch, path), timeout=60)
    if status != 0 or batch.state(path) != "all":
        raise RuntimeError(f"the {batch.name} batch does not complete when left alone")
    return time.perf_counter() - started


def _wait(pid: int, timeout: float) -> int:
    """The child's exit code; a child still running after `timeout` is killed (a hang fails)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise RuntimeError(f"the child did not finish within {timeout} s")


def kill_once(batch: Batch, template: Path, folder: Path, delay: float) -> str:
    """Run the batch, kill it after `delay` seconds, and return the state found."""
    path = folder / "shop.ecdesk"
    for leftover in folder.glob("shop.ecdesk*"):
        leftover.unlink()
    shutil.copyfile(template, path)
    batch.prepare(path)
    pid = _fork_and_run(batch, path)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    problems = integrity_problems(path)
    if problems:
        return f"corrupt: {problems[0]}"
    return batch.state(path)


def run_kills(batch: Batch, template: Path, kills: int, seed: int = 7) -> Counter[str]:
    """Kill `kills` runs at random moments over the batch's duration; count the outcomes."""
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="ecdesk-kill-") as tmp:
        folder = Path(tmp)
        duration = measure_duration(batch, template, folder)
        for n in range(kills):
            # Every other kill lands in the last 30 % of the run, where the transaction writes
            # and commits; the others anywhere, start-up and backup included.
            start = 0.7 if n % 2 else 0.0
            delay = rng.uniform(duration * start, duration * 1.05)
            outcomes[kill_once(batch, template, folder, delay)] += 1
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="kills per batch kind")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ecdesk-kill-template-") as tmp:
        template = make_template(Path(tmp) / "demo.ecdesk")
        failed = False
        for batch in BATCHES.values():
            started = time.perf_counter()
            outcomes = run_kills(batch, template, args.kills, args.seed)
            bad = {k: v for k, v in outcomes.items() if k not in ("none", "all")}
            failed |= bool(bad)
            print(f"{batch.name}: {args.kills} kills in {time.perf_counter() - started:.0f} s: "
                  f"{outcomes['none']} left nothing, {outcomes['all']} left the whole batch, "
                  f"{sum(bad.values())} bad {bad or ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
