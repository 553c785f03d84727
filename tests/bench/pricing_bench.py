"""Pricing rules on the large shop: the preview of every rule and the apply of 100,000 changes,
each against a raw baseline measured in the same run on the same file.

The rules (replacing the demo's, on a copy of the shop): every SKU's list price at cost plus
80 % ending .90; Tmall at a 35 % margin after its fees ending .90; JD 2 % under the list price
ending .90; Pinduoduo 5 % under Tmall; all with the shop's margin floor (25 % after fees).

- Preview: `build_price_preview` (read the SKUs, listings and fees, price every target, write
  the preview table) against pandas doing the same arithmetic vectorized in integer cents (read
  with read_sql through sqlite3, compute, write the same rows with to_sql through sqlite3). The
  two must agree on every price, or the benchmark fails.
- Apply: `apply_price_preview` of 100,000 preview rows (without its backup, which is timed on
  its own and given in the note) against raw sqlite3 executemany of the same updates plus the
  same history rows, on a second copy of the same file, each in one transaction.

`python -m tests.bench.pricing_bench [SHOP]` prints the table (`--json` the rows).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ecdesk.db import open_database
from ecdesk.services.pricing.apply import apply_price_preview
from ecdesk.services.pricing.preview import build_price_preview
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import save_rule
from ecdesk.services.shop_file.backups import back_up
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(2.0, on_ratio=True)
APPLIED = 100_000
M = 1_000_000  # rates are stored in millionths
FLOOR = 250_000  # the demo shop's minimum margin, 25 %


def rules(channels: dict[str, int]) -> list[RuleDraft]:
    tmall, jd, pdd = (next(name for name in channels if key in name)
                      for key in ("Tmall", "JD", "Pinduoduo"))
    return [
        RuleDraft(name="bench list", method="cost_plus", rate="80", ending=".90"),
        RuleDraft(name="bench tmall", method="target_margin", rate="35", channel=tmall,
                  ending=".90"),
        RuleDraft(name="bench jd", method="relative", channel=jd, base="list_price", rate="2",
                  ending=".90"),
        RuleDraft(name="bench pdd", method="relative", channel=pdd, base="channel",
                  base_channel=tmall, rate="5")]


def prepare(shop: Path, folder: Path) -> Path:
    copy = folder / "pricing.ecdesk"
    shutil.copyfile(shop, copy)
    db = open_database(copy)
    try:
        with db.uow("bench") as uow:
            conn = uow.session.connection()
            conn.exec_driver_sql("DELETE FROM price_rules")
            channels = dict(conn.exec_driver_sql("SELECT name, id FROM channels").fetchall())
            uow.commit()
        for draft in rules(channels):
            save_rule(db.uow("bench"), draft)
    finally:
        db.close()
    return copy


# -- the same prices with pandas, in integer cents ------------------------------------------------
def _half_up_div(numerator: Any, denominator: Any) -> Any:
    """round_half_up(numerator / denominator) for non-negative integer arrays."""
    return (2 * numerator + denominator) // (2 * denominator)


def _fees(price: Any, commission: int, payment: int, fixed: int) -> Any:
    return _half_up_div(price * commission, M) + _half_up_div(price * payment, M) + fixed


def _keeps(price: Any, cost: Any, fees: tuple[int, int, int], margin: int) -> Any:
    kept = price - cost - _fees(price, *fees)
    return (price > 0) & (kept * M >= price * margin)


def _floor(cost: Any, fees: tuple[int, int, int], margin: int) -> Any:
    import numpy as np

    commission, payment, fixed = fees
    price = np.maximum(_half_up_div((cost + fixed) * M, M - margin - commission - payment), 1)
    for _step in range(5):  # the rounded fees take a cent or two more: go up while short
        price = np.where(_keeps(price, cost, fees, margin), price, price + 1)
    return price


def _ending_90(price: Any, rounding: str) -> Any:
    import numpy as np

    shifted = price - 90
    if rounding == "nearest":
        steps = np.floor_divide(2 * shifted + 100, 200)
    else:  # at least
        steps = -np.floor_divide(-shifted, 100)
    return 90 + np.maximum(steps, 0) * 100


def _clamped(price: Any, cost: Any, fees: tuple[int, int, int], ending: bool) -> Any:
    import numpy as np

    lowest = _floor(cost, fees, FLOOR)
    raised = _ending_90(lowest, "at least") if ending else lowest
    return np.where((cost > 0) & (price < lowest), raised, price)


def pandas_prices(shop: Path, out: sqlite3.Connection | None = None) -> Any:
    import numpy as np
    import pandas as pd

    conn = sqlite3.connect(shop)
    try:
        skus = pd.read_sql_query(
            "SELECT v.id AS variant_id, v.sku, v.unit_cost AS cost, v.price AS list_price "
            "FROM variants v JOIN products p ON p.id = v.product_id "
            "WHERE v.archived = 0 AND p.status != 'archived'", conn)
        listings = pd.read_sql_query(
            "SELECT l.variant_id, l.channel_id, l.channel_price AS own FROM listings l "
            "JOIN channels c ON c.id = l.channel_id WHERE c.archived = 0", conn)
        channels = pd.read_sql_query("SELECT id, name, commission_rate, payment_fee_rate, "
                                     "per_order_fee + per_unit_fee AS fixed FROM channels", conn)
    finally:
        conn.close()
    fees = {row.name: (row.id, (int(row.commission_rate), int(row.payment_fee_rate),
                                int(row.fixed))) for row in channels.itertuples()}
    cost = skus["cost"].to_numpy(np.int64)
    raw = _half_up_div(cost * 180, 100)
    new_list = _clamped(_ending_90(raw, "nearest"), cost, (0, 0, 0), True)
    new_list = np.where(cost > 0, new_list, skus["list_price"].to_numpy(np.int64))
    priced = cost > 0  # without a cost a rule from the cost gives no price (flagged)
    frames = [pd.DataFrame({"variant_id": skus["variant_id"][priced], "channel_id": pd.NA,
                            "new_price": new_list[priced]})]
    by_sku = pd.Series(new_list, index=skus["variant_id"])
    old_list = pd.Series(skus["list_price"].to_numpy(np.int64), index=skus["variant_id"])
    cost_of = pd.Series(cost, index=skus["variant_id"])
    tmall_id, tmall_fees = next(v for k, v in fees.items() if "Tmall" in k)
    jd_id, jd_fees = next(v for k, v in fees.items() if "JD" in k)
    pdd_id, pdd_fees = next(v for k, v in fees.items() if "Pinduoduo" in k)

    def listed(channel_id: int) -> Any:
        ids = listings.loc[listings["channel_id"] == channel_id, "variant_id"]
        return ids[ids.isin(skus["variant_id"])].to_numpy()

    tmall = listed(tmall_id)
    t_cost = cost_of.loc[tmall].to_numpy()
    solved = _floor(t_cost, tmall_fees, 350_000)
    t_price = _clamped(_ending_90(solved, "nearest"), t_cost, tmall_fees, True)
    own = listings.set_index(["variant_id", "channel_id"])["own"]
    t_old = own.loc[list(zip(tmall, [tmall_id] * len(tmall), strict=True))].to_numpy()
    t_old = np.where(pd.isna(t_old), old_list.loc[tmall].to_numpy(), t_old).astype(np.int64)
    t_effective = np.where(t_cost > 0, t_price, t_old)  # no price: it keeps its price
    jd = listed(jd_id)
    j_cost = cost_of.loc[jd].to_numpy()
    j_raw = _ending_90(_half_up_div(by_sku.loc[jd].to_numpy() * 98, 100), "nearest")
    j_price = _clamped(j_raw, j_cost, jd_fees, True)
    pdd = listed(pdd_id)
    tmall_new = pd.Series(t_effective, index=tmall)
    on_tmall = np.isin(pdd, tmall)
    pdd = pdd[on_tmall]  # without a Tmall price the rule cannot price it
    p_cost = cost_of.loc[pdd].to_numpy()
    p_price = _clamped(_half_up_div(tmall_new.loc[pdd].to_numpy() * 95, 100), p_cost,
                       pdd_fees, False)
    own_id, own_fees = next(v for k, v in fees.items() if "Own site" in k)
    site = listed(own_id)
    s_own = own.loc[list(zip(site, [own_id] * len(site), strict=True))].to_numpy()
    s_cost = cost_of.loc[site].to_numpy()
    follows = pd.isna(s_own)  # no price of its own: it follows the new list price
    s_price = np.where(follows, by_sku.loc[site].to_numpy(),
                       _clamped(_ending_90(_half_up_div(s_cost * 180, 100), "nearest"),
                                s_cost, own_fees, True))
    site_priced = follows | (s_cost > 0)
    tmall_priced = t_cost > 0
    for ids, prices, channel in ((tmall[tmall_priced], t_price[tmall_priced], tmall_id),
                                 (jd, j_price, jd_id), (pdd, p_price, pdd_id),
                                 (site[site_priced], s_price[site_priced], own_id)):
        frames.append(pd.DataFrame({"variant_id": ids, "channel_id": channel,
                                    "new_price": prices}))
    result = pd.concat(frames, ignore_index=True)
    if out is not None:
        result.to_sql("pandas_preview", out, if_exists="replace", index=False)
    return result


# -- the measurements -----------------------------------------------------------------------------
def preview_rows(shop: Path, folder: Path, runs: int) -> Row:
    copy = prepare(shop, folder)
    db = open_database(copy)
    ours: list[float] = []
    theirs: list[float] = []
    out = sqlite3.connect(folder / "pandas.sqlite")
    try:
        for _ in range(runs):
            started = time.perf_counter()
            summary = build_price_preview(db.uow("bench"))
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            expected = pandas_prices(copy, out)
            out.commit()
            theirs.append(time.perf_counter() - started)
        mismatches = compare(copy, expected)
    finally:
        out.close()
        db.close()
    if mismatches:
        raise SystemExit(f"the engine and pandas disagree on {mismatches} prices")
    note = (f"{summary.rows:,} preview rows ({summary.changes:,} changes, "
            f"{summary.flagged_changes:,} flagged), every price equal to pandas'; medians of "
            f"{runs} alternating runs (best {min(ours):.2f} s vs {min(theirs):.2f} s)")
    return Row("pricing: preview all rules (100k SKUs x 4 channels)", "s", median(ours),
               median(theirs), "pandas, vectorized in integer cents", RATIO, note)


def compare(copy: Path, expected: Any) -> int:
    import pandas as pd

    conn = sqlite3.connect(copy)
    try:
        engine = pd.read_sql_query("SELECT variant_id, channel_id, new_price FROM price_preview "
                                   "WHERE flags & 16 = 0", conn)
    finally:
        conn.close()
    key = ["variant_id", "channel_id"]
    for frame in (engine, expected):
        frame["channel_id"] = frame["channel_id"].astype("Int64").fillna(0).astype("int64")
    merged = engine.merge(expected, on=key, how="outer", suffixes=("_engine", "_pandas"))
    return int((merged["new_price_engine"] != merged["new_price_pandas"]).sum())


def apply_rows(shop: Path, folder: Path) -> Row:
    copy = prepare(shop, folder)
    db = open_database(copy)
    try:
        build_price_preview(db.uow("bench"))
        with db.uow("bench") as uow:
            chosen = [row_id for (row_id,) in uow.session.connection().exec_driver_sql(
                "SELECT id FROM price_preview WHERE writes = 1 ORDER BY id LIMIT ?",
                (APPLIED,))]
        raw_copy = folder / "raw.ecdesk"
        shutil.copyfile(copy, raw_copy)
        started = time.perf_counter()
        backup = back_up(copy, "bench", folder=folder / "backups", quick=True)
        backup_s = time.perf_counter() - started
        started = time.perf_counter()
        result = apply_price_preview(db.uow("bench"), row_ids=chosen, back_up_first=False)
        ours = time.perf_counter() - started
    finally:
        db.close()
    theirs = raw_apply(raw_copy, chosen)
    note = (f"{result.prices:,} prices written with their history rows in one transaction; "
            f"the backup before it (not in the figure) took {backup_s:.2f} s "
            f"({backup.path.stat().st_size / 2**20:,.0f} MiB)")
    return Row(f"pricing: apply {len(chosen) // 1000}k changes", "s", ours, theirs,
               "raw sqlite3 executemany (updates + history)", RATIO, note)


def raw_apply(path: Path, chosen: list[int]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        rows = conn.execute(
            "SELECT variant_id, channel_id, old_price, new_price, rule_name FROM price_preview "
            "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(chosen),)).fetchall()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S.000000")
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO price_change_source (id, source, apply_id, self_recorded) "
                     "VALUES (1, 'rule', NULL, 1)")  # the history is written below, as ours
        conn.executemany("UPDATE variants SET price = ? WHERE id = ?",
                         [(new, vid) for vid, ch, _old, new, _r in rows if ch is None])
        conn.executemany("UPDATE listings SET channel_price = ?, changed_at = ? "
                         "WHERE variant_id = ? AND channel_id = ?",
                         [(new, stamp, vid, ch) for vid, ch, _old, new, _r in rows
                          if ch is not None])
        conn.executemany("INSERT INTO price_history (variant_id, channel_id, old_price, "
                         "new_price, source, rule_name, apply_id, at) "
                         "VALUES (?, ?, ?, ?, 'rule', ?, 1, ?)",
                         [(vid, ch, old, new, rule, stamp) for vid, ch, old, new, rule in rows])
        conn.execute("DELETE FROM price_change_source")
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.pricing_bench",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path,
                        help="shop file (default: the cached large demo shop)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.shop is None:
        from tests.bench.shop import large_shop

        args.shop = large_shop(1).path
    with tempfile.TemporaryDirectory(prefix="pricing-bench-") as folder:
        rows = [preview_rows(args.shop, Path(folder), args.runs),
                apply_rows(args.shop, Path(folder))]
    if args.json:
        print(json.dumps([row.to_json() for row in rows]))
    else:
        print(render(rows))
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
