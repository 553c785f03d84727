"""`python -m tests.bench`: every benchmark, then one table of results.

Exit code 0 when every figure with a target meets it, 1 when one misses it (or could not be
measured), 2 when the large shop could not be generated.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.report import Row, not_available, render
from tests.bench.shop import GENERATE_TARGET, ROOT, generation_row, large_shop
from tests.bench.startup import probe_env, startup_rows


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5,
                        help="timed process starts of the app and of the bare window (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the large demo shop")
    parser.add_argument("--regenerate", action="store_true",
                        help="generate the large shop again even when the cached one is current")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds to wait for each startup probe line (default 60)")
    parser.add_argument("--skip-startup", action="store_true",
                        help="leave out the process-start benchmarks")
    parser.add_argument("--skip-import", action="store_true",
                        help="leave out the 100,000-row catalog import benchmark")
    parser.add_argument("--skip-reports", action="store_true",
                        help="leave out the PDF reports (inventory valuation, accountant pack)")
    parser.add_argument("--skip-orders-import", action="store_true",
                        help="leave out the 100,000-line order import benchmark")
    parser.add_argument("--skip-promotions", action="store_true",
                        help="leave out the checks before 200 promotions start (minutes)")
    return parser.parse_args(argv)


def describe_setup() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    dirty = " + uncommitted changes in ecdesk/" if git("status", "--porcelain", "ecdesk") else ""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"ecdesk {git('rev-parse', '--short', 'HEAD')}{dirty}; Python "
            f"{platform.python_version()}; {os.cpu_count()} CPUs, load average {load}")


def listings_rows(shop: Path) -> list[Row]:
    """Run tests/bench/listings.py in a process of its own; its rows come back as JSON."""
    print("Listings model (in process, offscreen):", flush=True)
    command = [sys.executable, "-m", "tests.bench.listings", str(shop)]
    done = subprocess.run(command, cwd=ROOT, env=probe_env(), stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        reason = f"the listings benchmarks failed (exit code {done.returncode}; see above)"
        return [not_available("Listings model benchmarks", "ms", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout)]


def import_rows() -> list[Row]:
    """Run tests/bench/import_bench.py in a process of its own; its rows come back as JSON."""
    print("Catalog import (100,000 rows):", flush=True)
    command = [sys.executable, "-m", "tests.bench.import_bench", "--json"]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the import benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("import 100,000-row product CSV", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def orders_import_rows(shop: Path) -> list[Row]:
    """Run tests/bench/orders_import_bench.py on a copy of the large shop, in its own process."""
    print("Order import (100,000 lines):", flush=True)
    command = [sys.executable, "-m", "tests.bench.orders_import_bench", "--json", "--shop",
               str(shop)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the order import benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("import 100k-line Shopify order CSV", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def reports_rows(shop: Path) -> list[Row]:
    """Run tests/bench/reports_bench.py on the large shop in its own process (rows as JSON)."""
    print("PDF reports (inventory valuation, accountant pack):", flush=True)
    command = [sys.executable, "-m", "tests.bench.reports_bench", "--json", "--shop", str(shop)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the reports benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("inventory valuation PDF", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def alerts_rows(shop: Path) -> list[Row]:
    """Run tests/bench/alerts_bench.py on the large shop in its own process (rows as JSON)."""
    print("Inventory alerts (every SKU, one pass over the order lines):", flush=True)
    command = [sys.executable, "-m", "tests.bench.alerts_bench", "--json", str(shop)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the alerts benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("alerts: compute all", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def pricing_rows(shop: Path) -> list[Row]:
    """Run tests/bench/pricing_bench.py on copies of the large shop in its own process."""
    print("Pricing rules (preview of every rule, apply of 100,000 changes):", flush=True)
    command = [sys.executable, "-m", "tests.bench.pricing_bench", "--json", str(shop)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the pricing benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("pricing: preview all rules", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def promotions_rows(shop: Path) -> list[Row]:
    """Run tests/bench/promotions_bench.py on a copy of the large shop in its own process."""
    print("Promotion checks (200 promotions over 100,000 SKUs):", flush=True)
    command = [sys.executable, "-m", "tests.bench.promotions_bench", "--json", "--runs", "1",
               str(shop)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        reason = f"the promotions benchmark failed (exit code {done.returncode}; see above)"
        return [not_available("promotion checks", "s", reason)]
    return [Row.from_json(data) for data in json.loads(done.stdout.strip().splitlines()[-1])]


def in_order(rows: list[Row]) -> list[Row]:
    """Times first, then memory, each group in the order measured."""
    return sorted(rows, key=lambda row: row.unit == "MiB")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    print(f"ecdesk benchmarks — {describe_setup()}", flush=True)
    try:
        shop = large_shop(args.seed, args.regenerate)
    except subprocess.CalledProcessError as error:
        print(render([not_available("generate demo shop: 100k SKUs, 1M order lines", "s",
                                    f"failed with exit code {error.returncode}",
                                    GENERATE_TARGET)]))
        return 2
    rows = [generation_row(shop)]
    if not args.skip_startup:
        rows += startup_rows(shop.path, args.runs, args.timeout)
    rows += listings_rows(shop.path)
    rows += alerts_rows(shop.path)
    rows += pricing_rows(shop.path)
    if not args.skip_promotions:
        rows += promotions_rows(shop.path)
    if not args.skip_reports:
        rows += reports_rows(shop.path)
    if not args.skip_import:
        rows += import_rows()
    if not args.skip_orders_import:
        rows += orders_import_rows(shop.path)
    print(f"\nResults (shop {shop.path.relative_to(ROOT)}; whole run "
          f"{time.perf_counter() - started:.0f} s):")
    print(render(in_order(rows)))
    return 1 if any(row.verdict in ("FAIL", "n/a") and row.target for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
