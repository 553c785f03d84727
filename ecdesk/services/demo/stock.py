"""The demo's stock ledger around its orders: opening stock, supplier deliveries, a stock count,
write-offs, and the SKUs' own stock rules.

Every product has a delivery day that comes round every 30 days. The planner knows every
movement the orders cause (it is told by the order writer), so each delivery brings what the
coming period needs plus a buffer: stock never goes below zero, except on the one SKU whose
policy allows it. The last delivery is sized to end the year at the SKU's target (see
demo_targets). A stock count 40 days ago found a few differences; a few units were written off.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import Connection

from ecdesk.services.common.numbering import PURCHASE_ORDER
from ecdesk.services.demo.catalog import ShopCatalog
from ecdesk.services.demo.orders import DAY, FADE_DAYS, HOUR, MOVEMENT_SQL, DemoClock
from ecdesk.services.demo.rows import Stamps, executemany
from ecdesk.services.demo.targets import DORMANT, NEGATIVE, NEW, NORMAL, Targets

PERIOD = 30 * DAY
DRAFTS_CREATED_DAYS_AGO = 14  # draft products are new ones, delivered but not on sale yet
COUNT_DAYS_AGO = 40
COUNT_DIFFERENCES = (-3, -2, -1, -1, 1, 1, 2)
COUNT_DIFFERENCE_SHARE = 0.025  # of the SKUs on sale
WRITE_OFF_SHARE = 0.01
WRITE_OFF_REASONS = ("Damaged in storage 仓储破损", "Water damage 受潮", "Lost in transit 运输丢失",
                     "Sample for photos 拍摄样品")
POLICY_SQL = ("INSERT INTO stock_policies (variant_id, reorder_point, safety_stock, max_stock, "
              "lead_time_days, pack_multiple, min_order_qty, allow_negative) "
              "VALUES (?, ?, NULL, ?, NULL, ?, ?, ?)")


class StockPlanner:
    """Per SKU and delivery period: units going out (sales, write-offs, count losses) and
    coming back (returns, count gains)."""

    def __init__(self, rng: random.Random, catalog: ShopCatalog, clock: DemoClock) -> None:
        self.rng, self.catalog, self.clock = rng, catalog, clock
        days = clock.days()
        self.opening_at = clock.local(days[0] - timedelta(days=2), 10 * HOUR)
        self.count_day = clock.today - timedelta(days=COUNT_DAYS_AGO)
        self.count_at = clock.local(self.count_day, 19 * HOUR)
        offsets: dict[int, int] = {}
        self.first = [clock.local(days[0] + timedelta(days=offsets.setdefault(
            product, rng.randrange(30))), 8 * HOUR) for product in catalog.product_ids]
        earliest = min(self.first, default=clock.now)
        self.periods = 2 + max(0, clock.now - earliest) // PERIOD
        size = len(catalog) * self.periods
        self.outflow, self.inflow = [0] * size, [0] * size
        self.before_count = [0] * len(catalog)
        self.on_hand = [0] * len(catalog)  # the ledger's sum so far
        self.count_changes: dict[int, int] = {}
        self.write_offs: list[tuple[int, int, int]] = []  # index, at, units

    def add(self, index: int, at: int, delta: int) -> None:
        self.on_hand[index] += delta
        slot = index * self.periods + self._period(index, at)
        if delta < 0:
            self.outflow[slot] -= delta
        else:
            self.inflow[slot] += delta
        if at < self.count_at:
            self.before_count[index] += delta

    def _period(self, index: int, at: int) -> int:
        first = self.first[index]
        return 0 if at < first else min(1 + (at - first) // PERIOD, self.periods - 1)

    def _start(self, index: int, period: int) -> int:
        return self.opening_at if period == 0 else self.first[index] + (period - 1) * PERIOD

    def plan_losses(self) -> None:
        """Choose the count differences and write-offs, so deliveries can cover them."""
        rng, year_start = self.rng, self.opening_at + 2 * DAY
        for index, popularity in enumerate(self.catalog.popularity):
            if popularity <= 0:
                continue
            if rng.random() < COUNT_DIFFERENCE_SHARE:
                self.count_changes[index] = rng.choice(COUNT_DIFFERENCES)
                self.add(index, self.count_at, self.count_changes[index])
            if rng.random() < WRITE_OFF_SHARE:
                at = rng.randrange(year_start, self.clock.now - DAY)
                units = rng.randint(1, 3)
                self.write_offs.append((index, at, units))
                self.add(index, at, -units)

    def deliveries(self, targets: Targets) -> Iterator[tuple[int, int, int]]:
        """(SKU index, at, units) of every delivery, the opening stock included."""
        created = self.clock.now - DRAFTS_CREATED_DAYS_AGO * DAY
        for index, profile in enumerate(targets.profile):
            if profile == NEW:  # the first delivery came a few days after the product
                yield index, created + self.rng.randrange(DAY, 10 * DAY), targets.final[index]
            elif profile == DORMANT:
                if targets.final[index]:
                    yield index, self.opening_at, targets.final[index]
            else:
                yield from self._sku_deliveries(index, targets.final[index],
                                                lean=profile != NORMAL)

    def last_outflow(self, index: int) -> int:
        return self.outflow[index * self.periods + self._period(index, self.clock.now)]

    def _sku_deliveries(self, index: int, final: int, lean: bool) -> Iterator[tuple[int, int, int]]:
        """Each delivery tops stock up to what its period needs: the period's outflow plus a
        buffer; the last one to the target. Stock is then never below zero, as each period
        starts with at least what leaves in it."""
        rng, base = self.rng, index * self.periods
        buffer_rate, minimum = rng.uniform(0.1, 0.5), rng.randint(2, 6)
        last = self._period(index, self.clock.now)
        faded_from = self._period(index, self.clock.now - FADE_DAYS * DAY)
        stock = 0
        for period in range(last + 1):
            out, back = self.outflow[base + period], self.inflow[base + period]
            if self.catalog.faded[index] and period >= faded_from:
                need = out  # no longer restocked: what is left stays (dead stock)
            elif period == last and final < 0:  # returns count too: the end is below zero
                need = out + final - back
            elif period == last:  # returns only add to the target
                need = out + final
            elif lean and period == last - 1:
                need = out  # run down before the last delivery, so it can hit a low target
            else:
                need = out + int(out * buffer_rate + 0.999) + minimum
            if need > stock:
                yield index, self._start(index, period), need - stock
                stock = need
            stock += back - out

    def count_was(self, index: int, received_before_count: int) -> int:
        return received_before_count + self.before_count[index]


def write_stock(conn: Connection, planner: StockPlanner, targets: Targets) -> dict[str, int]:
    """Insert deliveries, the count's differences, write-offs and policies; return counts."""
    stamps, ids = Stamps(), planner.catalog.ids
    deliveries = sorted(planner.deliveries(targets), key=lambda d: (d[1], d[0]))
    purchase_orders = _purchase_order_numbers(planner.clock, deliveries, planner.opening_at)
    received_before_count = [0] * len(ids)
    rows = []
    for index, at, units in deliveries:
        planner.on_hand[index] += units
        if at <= planner.count_at:
            received_before_count[index] += units
        opening = at == planner.opening_at
        rows.append((ids[index], stamps.text(at), "received", units,
                     "Opening stock" if opening else "Delivery from supplier",
                     purchase_orders[at], None))
    reference = f"Stock count {planner.count_day.isoformat()}"
    for index, change in sorted(planner.count_changes.items()):
        was = planner.count_was(index, received_before_count[index])
        rows.append((ids[index], stamps.text(planner.count_at), "counted", change,
                     f"Counted {was + change} (was {was})", reference, None))
    for number, (index, at, units) in enumerate(sorted(planner.write_offs, key=lambda w: w[1])):
        rows.append((ids[index], stamps.text(at), "written_off", -units,
                     planner.rng.choice(WRITE_OFF_REASONS), f"WO-{number + 1:04d}", None))
    executemany(conn, MOVEMENT_SQL, rows)
    executemany(conn, POLICY_SQL, [
        (ids[p.index], p.reorder_point, p.max_stock, p.pack_multiple, p.min_order_qty,
         p.allow_negative) for p in targets.policies])
    return {"deliveries": len(deliveries), "count_differences": len(planner.count_changes),
            "write_offs": len(planner.write_offs), "policies": len(targets.policies),
            "negative": targets.profile.count(NEGATIVE)}


def _purchase_order_numbers(clock: DemoClock, deliveries: list[tuple[int, int, int]],
                            opening_at: int) -> dict[int, str]:
    """One purchase order per delivery moment, numbered through each year: PO-2026-0001."""
    numbers: dict[int, str] = {}
    per_year: dict[int, int] = {}
    for at in sorted({at for _, at, _ in deliveries}):
        if at == opening_at:
            numbers[at] = "Opening stock"
            continue
        year = datetime.fromtimestamp(at, clock.zone).year
        per_year[year] = per_year.get(year, 0) + 1
        numbers[at] = PURCHASE_ORDER.format(per_year[year], year)
    return numbers


def cache_on_hand(conn: Connection, planner: StockPlanner) -> None:
    """Variant.on_hand = the ledger's sum, which the planner added up as it went (a GROUP BY
    over a million movements would take seconds)."""
    executemany(conn, "UPDATE variants SET on_hand = ? WHERE id = ?",
                [(units, vid) for vid, units in zip(planner.catalog.ids, planner.on_hand,
                                                    strict=True) if units])


def date_new_products(conn: Connection, clock: DemoClock) -> None:
    """Draft products are the new ones: created a couple of weeks ago."""
    stamp = Stamps().text(clock.now - DRAFTS_CREATED_DAYS_AGO * DAY)
    conn.exec_driver_sql("UPDATE products SET created_at = ?, updated_at = ? "
                         "WHERE status = 'draft'", (stamp, stamp))
