"""A year of demo orders, written a month at a time with executemany of tuples.

Each order gets a buyer (a regular or a one-off), a channel (the buyer's), lines drawn by SKU
popularity at the channel's price with occasional discounts, shipping and platform fees, and a
fate that depends on its age: most are completed, recent ones shipped, the last day's paid or
pending (committed stock), a few percent cancelled or refunded. Shipping issues stock ("sold"
movements at shipped_at); a cancelled-after-shipping or refunded order whose goods come back
returns it. The stock planner hears of every movement, to plan deliveries around them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from ecdesk.money import from_minor_units, to_minor_units
from ecdesk.services.demo.calendar import (
    day_weight,
    elapsed_share,
    hour_weights,
    is_festival,
    split_exactly,
    year_of_days,
)
from ecdesk.services.demo.catalog import SalesChannel, ShopCatalog, assortment
from ecdesk.services.demo.customers import Buyers
from ecdesk.services.demo.draw import Weighted, between, pick
from ecdesk.services.demo.rows import Stamps, epoch_seconds, executemany
from ecdesk.services.pricing.margin import channel_fees
from ecdesk.services.stock.defaults import StockDefaults

HOUR, DAY = 3600, 86_400
FADE_DAYS = 120  # faded SKUs stop selling this long before the end: dead stock by then
VELOCITY_DAYS = StockDefaults().velocity_window_days  # the sales window tallied per SKU
LINES_PER_ORDER = Weighted((1, 2, 3, 4), (70, 20, 7, 3))
QUANTITIES = Weighted((1, 2, 3, 4, 6), (80, 12, 4, 3, 1))
PERCENT_OFF = (5, 10, 15, 20)
COUPONS = (300, 500, 1000, 2000)  # minor units
UNPAID = 0.035  # never paid: closed after a day
JUST_PLACED = 2  # the year's last orders are not paid yet
CANCELLED_BEFORE_SHIPPING = 0.02
INTERCEPTED = 0.005  # cancelled after shipping: the parcel comes back
REFUNDED = 0.035  # after delivery
GOODS_COME_BACK = 0.7  # of refunds; the others are "refund only" (damaged, not worth sending)
SHIP_LAGS = (3 * HOUR, 18 * HOUR, 26 * HOUR, 44 * HOUR, 70 * HOUR)
EMAIL_KINDS = {"own_site", "shopify", "amazon"}  # buyers known by e-mail, not a nickname
SOURCE = {"tmall": "taobao", "own_site": "shopify", "shopify": "shopify"}
FREE_SHIPPING_FROM = {"own_site": (9900, 1000), "jd": (5900, 600), "shopify": (9900, 1000)}
NOTES = ("请尽快发货 Please ship soon", "礼品包装 Gift wrap, no invoice",
         "周末送货 Weekend delivery")
OPEN, SOLD = ("pending", "paid"), ("paid", "shipped", "completed", "refunded")

ORDER_SQL = ("INSERT INTO orders (id, channel_id, number, ordered_at, paid_at, shipped_at, "
             "status, customer_name, customer_key, currency, shipping, platform_fees, refunded, "
             "stock_issued, source, note, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
LINE_SQL = ("INSERT INTO order_lines (id, order_id, position, variant_id, quantity, unit_price, "
            "discount, line_total, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
MOVEMENT_SQL = ("INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference, "
                "order_id) VALUES (?, ?, ?, ?, ?, ?, ?)")


class StockListener(Protocol):
    def add(self, index: int, at: int, delta: int) -> None: ...


@dataclass(frozen=True)
class DemoClock:
    """The end of the demo year and the shop's calendar."""

    now: int  # epoch seconds, UTC
    zone: ZoneInfo

    @staticmethod
    def at(moment: datetime, zone: str) -> DemoClock:
        return DemoClock(epoch_seconds(moment), ZoneInfo(zone))

    @property
    def today(self) -> date:
        return datetime.fromtimestamp(self.now, self.zone).date()

    def days(self) -> list[date]:
        return year_of_days(self.today)

    def midnight(self, day: date) -> int:
        return epoch_seconds(datetime(day.year, day.month, day.day, tzinfo=self.zone))

    def local(self, day: date, seconds_into_day: int) -> int:
        return self.midnight(day) + seconds_into_day


class Fate(NamedTuple):
    status: str
    paid_at: int | None
    shipped_at: int | None
    updated_at: int
    returned_at: int | None  # when the goods came back to the shelf
    stock_issued: int
    refunded: bool


@dataclass
class SalesTally:
    """Per SKU index: units sold in the velocity window, units committed to open orders."""

    window: list[int]
    committed: list[int]
    orders: int = 0
    lines: int = 0


class OrderWriter:
    def __init__(self, conn: Connection, rng: random.Random, catalog: ShopCatalog,
                 clock: DemoClock, stock: StockListener) -> None:
        self.conn, self.rng, self.catalog, self.clock, self.stock = conn, rng, catalog, clock, stock
        self.stamps = Stamps()
        self.tally = SalesTally([0] * len(catalog), [0] * len(catalog))
        self.window_start = clock.now - VELOCITY_DAYS * DAY
        self.fade_at = clock.now - FADE_DAYS * DAY
        self.channels = [c for c in catalog.channels if len(assortment(catalog, c, False))]
        self.early = [assortment(catalog, c, False) for c in self.channels]
        self.late = [self._late(c, early) for c, early in zip(self.channels, self.early,
                                                                 strict=True)]
        self.numbers = [0] * len(self.channels)
        self.orders: list[tuple] = []
        self.lines: list[tuple] = []
        self.movements: list[tuple] = []

    def _late(self, channel: SalesChannel, early: Weighted[int]) -> Weighted[int]:
        late = assortment(self.catalog, channel, True)
        return late if len(late) else early

    def write_year(self, line_count: int) -> SalesTally:
        if not self.channels:
            return self.tally
        days = self.clock.days()
        weights = [day_weight(day, days[0]) for day in days]
        started = self.clock.now - self.clock.midnight(days[-1])
        weights[-1] *= elapsed_share(days[-1], started)
        buyers = Buyers(self.rng, [c.share for c in self.channels], line_count * 10 // 14,
                        {i for i, c in enumerate(self.channels) if c.kind in EMAIL_KINDS})
        budgets = split_exactly(line_count, weights)
        last_day = max((day for day, budget in zip(days, budgets, strict=True) if budget),
                       default=None)
        for day, budget in zip(days, budgets, strict=True):
            self._write_day(day, budget, buyers, is_festival(day),
                            started if day == days[-1] else DAY,
                            JUST_PLACED if day == last_day else 0)
            if day.day == 1 or day == days[-1]:
                self.flush()
        return self.tally

    def _write_day(self, day: date, budget: int, buyers: Buyers, festive: bool,
                   until: int, unpaid_at_end: int) -> None:
        sizes = []
        while budget > 0:
            size = min(LINES_PER_ORDER.draw(self.rng), budget)
            sizes.append(size)
            budget -= size
        hours = Weighted(range(24), hour_weights(day))
        midnight = self.clock.midnight(day)
        times = sorted(midnight + self._seconds_into_day(hours, until) for _ in sizes)
        for number, (size, moment) in enumerate(zip(sizes, times, strict=True)):
            buyer = buyers.draw()
            fate = (Fate("pending", None, None, moment, None, 0, False)
                    if number >= len(sizes) - unpaid_at_end else self._fate(moment, festive))
            self._write_order(buyer.channel, buyer.name, buyer.key, moment, size, fate, day)

    def _seconds_into_day(self, hours: Weighted[int], until: int) -> int:
        for _ in range(20):  # today: only moments that have passed
            seconds = hours.draw(self.rng) * HOUR + int(self.rng.random() * HOUR)
            if seconds < until:
                return seconds
        return self.rng.randrange(max(until, 1))

    def _write_order(self, channel_index: int, name: str, key: str, ordered: int, size: int,
                     fate: Fate, day: date) -> None:
        channel = self.channels[channel_index]
        festive = is_festival(day)
        self.tally.orders += 1
        order_id = self.tally.orders
        number = self._number(channel_index, channel, day)
        goods, before_discounts, units = self._write_lines(
            order_id, number, channel, channel_index, ordered, size, fate, festive)
        free_from, fee = FREE_SHIPPING_FROM.get(channel.kind, (0, 0))
        shipping = fee if goods < free_from else 0
        total = goods + shipping
        fees = to_minor_units(channel_fees(  # as the order form bills them (pricing.margin)
            channel.fees, from_minor_units(goods), units=units,  # type: ignore[arg-type]
            amount_before_discounts=from_minor_units(before_discounts)))
        note = pick(self.rng, NOTES) if self.rng.random() < 0.02 else ""
        text, optional = self.stamps.text, self.stamps.optional
        placed = text(ordered)
        self.orders.append((
            order_id, channel.id, number, placed, optional(fate.paid_at),
            optional(fate.shipped_at), fate.status, name, key, channel.currency,
            shipping, fees, total if fate.refunded else 0, fate.stock_issued,
            SOURCE.get(channel.kind, "manual"), note, placed, text(fate.updated_at)))

    def _write_lines(self, order_id: int, number: str, channel: SalesChannel,
                     channel_index: int, ordered: int, size: int, fate: Fate,
                     festive: bool) -> tuple[int, int, int]:
        """Write the order's lines: (goods after discounts, before them, units)."""
        rng, tally = self.rng, self.tally
        pool = (self.early if ordered < self.fade_at else self.late)[channel_index]
        discount_share = 0.55 if festive else 0.12
        goods = before_discounts = units = 0
        for position, index in enumerate(self._distinct(pool, size)):
            quantity = QUANTITIES.draw(rng)
            price = channel.prices[index]
            gross = price * quantity
            discount = self._discount(gross) if rng.random() < discount_share else 0
            goods += gross - discount
            before_discounts += gross
            units += quantity
            tally.lines += 1
            self.lines.append((tally.lines, order_id, position, self.catalog.ids[index],
                               quantity, price, discount, gross - discount,
                               self.catalog.costs[index]))
            if fate.status in SOLD and ordered >= self.window_start:
                tally.window[index] += quantity
            if fate.status in OPEN:
                tally.committed[index] += quantity
            self._move_stock(index, quantity, order_id, number, fate)
        return goods, before_discounts, units

    def _distinct(self, pool: Weighted[int], size: int) -> list[int]:
        """`size` different SKUs (fewer only if the channel sells fewer)."""
        picks: list[int] = []
        for _ in range(size * 20):
            index = pool.draw(self.rng)
            if index not in picks:
                picks.append(index)
                if len(picks) == size:
                    break
        return picks

    def _discount(self, gross: int) -> int:
        if self.rng.random() < 0.5:  # a percentage off the line, rounded half up to the cent
            return (gross * pick(self.rng, PERCENT_OFF) + 50) // 100
        return min(pick(self.rng, COUPONS), gross // 2)  # a coupon, never most of the line

    def _move_stock(self, index: int, quantity: int, order_id: int, number: str,
                    fate: Fate) -> None:
        variant_id = self.catalog.ids[index]
        if fate.shipped_at is not None:
            self.stock.add(index, fate.shipped_at, -quantity)
            self.movements.append((variant_id, self.stamps.text(fate.shipped_at), "sold",
                                   -quantity, "Order shipped", number, order_id))
        if fate.returned_at is not None:
            self.stock.add(index, fate.returned_at, quantity)
            self.movements.append((variant_id, self.stamps.text(fate.returned_at), "returned",
                                   quantity, f"Order {fate.status}", number, order_id))

    def _fate(self, ordered: int, festive: bool) -> Fate:
        rng, now = self.rng, self.clock.now
        if rng.random() < UNPAID:
            if now - ordered > DAY:
                return Fate("cancelled", None, None, ordered + DAY, None, 0, False)
            return Fate("pending", None, None, ordered, None, 0, False)
        paid = ordered + between(rng, 5, 900)
        if rng.random() < CANCELLED_BEFORE_SHIPPING:
            at = paid + between(rng, 600, 20 * HOUR)
            if at < now:
                return Fate("cancelled", paid, None, at, None, 0, True)
            return Fate("paid", paid, None, paid, None, 0, False)
        shipped = (paid + pick(rng, SHIP_LAGS) + between(rng, 0, 3 * HOUR)
                   + (DAY if festive else 0))  # festival backlogs
        if shipped >= now:
            return Fate("paid", paid, None, paid, None, 0, False)
        roll = rng.random()
        if roll < INTERCEPTED:
            at = shipped + between(rng, DAY, 4 * DAY)
            if at < now:
                return Fate("cancelled", paid, shipped, at, at, 0, True)
        elif roll < INTERCEPTED + REFUNDED:
            at = shipped + between(rng, 4 * DAY, 20 * DAY)
            if at < now:
                back = rng.random() < GOODS_COME_BACK
                return Fate("refunded", paid, shipped, at, at if back else None,
                            0 if back else 1, True)
        completed = shipped + between(rng, 7 * DAY, 12 * DAY)
        if completed < now:
            return Fate("completed", paid, shipped, completed, None, 1, False)
        return Fate("shipped", paid, shipped, shipped, None, 1, False)

    def _number(self, channel_index: int, channel: SalesChannel, day: date) -> str:
        """The channel's own style of order number; unique per channel by a counter."""
        self.numbers[channel_index] += 1
        n = self.numbers[channel_index]
        if channel.kind == "tmall":
            return str(2_000_000_000_000_000_000 + n * 7_919_311)
        if channel.kind == "jd":
            return str(280_000_000_000 + n * 7_919)
        if channel.kind == "pinduoduo":
            return f"{day:%y%m%d}-{100_000_000_000 + n * 7_919:015d}"
        if channel.kind in ("own_site", "shopify"):
            return f"#{1000 + n}"
        return f"{channel.kind[:3].upper()}-{n:07d}"

    def flush(self) -> None:
        executemany(self.conn, ORDER_SQL, self.orders)
        executemany(self.conn, LINE_SQL, self.lines)
        executemany(self.conn, MOVEMENT_SQL, self.movements)
        self.orders, self.lines, self.movements = [], [], []
