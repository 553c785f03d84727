"""Quitting while the daily backup of the large shop runs: how long until it has stopped.

`python -m tests.bench.backup_quit [SHOP] [--runs 3] [--before] [--json]` (default shop: the
cached large demo shop of tests/bench/shop.py). The daily backup's own code path
(`back_up(..., progress=...)`, as `daily_backup_if_due(keep_going=...)` calls it) copies into a
scratch folder; after `--delay` seconds the stop is set, as quitting does, and the time until
the backup has stopped is the figure (target 1 s). The baseline is one step of the raw sqlite3
online backup (COPY_PAGES pages), the least a stop between steps can wait. `--before` also
times the whole backup without steps, which is what quitting waited for before (once).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

from ecdesk.errors import CancelledError
from ecdesk.services.shop_file.backups import COPY_PAGES, back_up
from tests.bench.measure import median, time_once
from tests.bench.report import Row, Target, render

QUIT_TARGET = Target(1)  # s


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def stop_latency(shop: Path, delay: float) -> tuple[float, bool]:
    """Seconds from the stop to the backup's end; whether it left nothing in its folder."""
    stop = threading.Event()
    ended = threading.Event()
    with tempfile.TemporaryDirectory() as scratch:
        def run() -> None:
            try:
                back_up(shop, "daily", folder=Path(scratch),
                        progress=lambda _done, _total: not stop.is_set())
            except CancelledError:
                pass
            finally:
                ended.set()

        thread = threading.Thread(target=run)
        thread.start()
        time.sleep(delay)
        asked = time.perf_counter()
        stop.set()
        ended.wait()
        seconds = time.perf_counter() - asked
        thread.join()
        clean = not any(Path(scratch).iterdir())
    return seconds, clean


def raw_step(shop: Path) -> float:
    """One step of SQLite's online backup of COPY_PAGES pages, raw sqlite3."""
    with tempfile.TemporaryDirectory() as scratch:
        src = sqlite3.connect(f"{shop.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(Path(scratch) / "step.db")
        steps: list[float] = []
        last = [time.perf_counter()]

        def tick(_status: int, _remaining: int, _total: int) -> None:
            now = time.perf_counter()
            steps.append(now - last[0])
            last[0] = now
            if len(steps) >= 5:
                raise CancelledError("enough steps")

        try:
            src.backup(dst, pages=COPY_PAGES, progress=tick)
        except CancelledError:
            pass
        finally:
            dst.close()
            src.close()
    return median(steps)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.backup_quit", description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--delay", type=float, default=2.0)
    parser.add_argument("--before", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from tests.bench.shop import large_shop

    shop = args.shop or large_shop(1).path
    latencies, clean = [], True
    for _ in range(args.runs):
        seconds, left_nothing = stop_latency(shop, args.delay)
        latencies.append(seconds)
        clean = clean and left_nothing
        log(f"  stopped {seconds * 1000:.0f} ms after quitting; folder empty: {left_nothing}")
    step = raw_step(shop)
    log(f"  raw sqlite3 backup step of {COPY_PAGES} pages: {step * 1000:.0f} ms")
    rows = [Row("quit during the daily backup: until it has stopped", "s", median(latencies),
                step, f"raw backup step ({COPY_PAGES} pages)", QUIT_TARGET,
                f"median of {args.runs}, stop set {args.delay:g} s into the copy; partial "
                f"copy removed every time: {clean}")]
    if args.before:
        with tempfile.TemporaryDirectory() as scratch:
            whole = time_once(lambda: back_up(shop, "daily", folder=Path(scratch)))
        log(f"  the whole backup in one step (what quitting waited for): {whole:.1f} s")
        rows.append(Row("  before: the whole backup in one step (quit waited for it)", "s",
                        whole, note="copy and full check, no steps: once"))
    print(json.dumps([r.to_json() for r in rows]) if args.json else render(rows))
    return 0 if clean and all(r.verdict != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
