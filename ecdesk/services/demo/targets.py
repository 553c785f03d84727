"""Where each demo SKU's stock ends the year, chosen so that every inventory alert shows up.

The shared alert definitions (per SKU, with the shop's stock defaults: a 28-day sales window,
14 days lead time, 7 days of safety stock, overstock beyond 180 days of cover) are met on
purpose by a few SKUs each; the rest end with a comfortable 25 to 70 days of cover. Velocity
v = w / 28 for w units sold in the window, so "d days of cover" is w * d / 28 units.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ecdesk.services.demo.catalog import ShopCatalog
from ecdesk.services.demo.orders import SalesTally
from ecdesk.services.stock.defaults import StockDefaults

DEFAULTS = StockDefaults()  # a new shop's, which the demo keeps
WINDOW = DEFAULTS.velocity_window_days
LEAD = DEFAULTS.lead_time_days
REORDER_DAYS = DEFAULTS.lead_time_days + DEFAULTS.safety_days  # the suggested reorder point
NORMAL, STOCKOUT_RISK, BELOW_REORDER, OUT_OF_STOCK = "normal", "stockout", "below", "out"
OVERSTOCK, NEGATIVE, DORMANT, NEW = "overstock", "negative", "dormant", "new"
# (profile, share, at least) among the SKUs that sold in the window: 3 units or more ("busy":
# enough for a stockout within the lead time to be possible), or 1-2 units ("quiet").
BUSY_PROFILES = ((STOCKOUT_RISK, 0.10, 6), (BELOW_REORDER, 0.08, 5), (OUT_OF_STOCK, 0.05, 4),
                 (OVERSTOCK, 0.04, 3))
QUIET_PROFILES = ((BELOW_REORDER, 0.06, 2), (OUT_OF_STOCK, 0.05, 2), (OVERSTOCK, 0.05, 2))
STOCKED_DORMANT = 0.9  # of never-selling SKUs: bought once, never sold (dead stock)
ORDINARY_FIRST_SKUS = 2  # the first SKUs stay ordinary: tests build on them


def days_of_sales(units_in_window: int, tenths_of_days: int) -> int:
    """Units that last `tenths_of_days` / 10 days at the window's velocity, rounded up."""
    return -(-units_in_window * tenths_of_days // (WINDOW * 10))


@dataclass(frozen=True)
class Policy:
    index: int
    reorder_point: int | None = None
    max_stock: int | None = None
    pack_multiple: int | None = None
    min_order_qty: int | None = None
    allow_negative: bool | None = None


@dataclass
class Targets:
    profile: list[str]
    final: list[int]  # on hand at the end of the year (committed units included)
    policies: list[Policy]


def choose_targets(rng: random.Random, catalog: ShopCatalog, tally: SalesTally,
                   last_outflow: Callable[[int], int]) -> Targets:
    """`last_outflow(index)`: units leaving since the SKU's last delivery."""
    profile = _profiles(rng, catalog, tally)
    final = [tally.committed[index] + _available(rng, name, tally.window[index])
             for index, name in enumerate(profile)]
    negative = _pick_negative(rng, profile, tally, last_outflow)
    policies = []
    if negative is not None:
        profile[negative] = NEGATIVE
        final[negative] = -min(rng.randint(2, 5), max(1, last_outflow(negative) // 3))
        policies.append(Policy(negative, allow_negative=True))
    policies += _policies(rng, profile, final, tally)
    return Targets(profile, final, policies)


def _profiles(rng: random.Random, catalog: ShopCatalog, tally: SalesTally) -> list[str]:
    """New (drafts), dormant (never sell), and among the sellers a share of each alert-making
    profile, drawn at random but never fewer than a few."""
    profile = [NORMAL] * len(catalog)
    busy, quiet = [], []
    for index, status in enumerate(catalog.product_status):
        sold = tally.window[index]
        if status == "draft":
            profile[index] = NEW
        elif catalog.popularity[index] == 0:
            profile[index] = DORMANT
        elif index >= ORDINARY_FIRST_SKUS and sold:
            (busy if sold >= 3 else quiet).append(index)
    for group, shares in ((busy, BUSY_PROFILES), (quiet, QUIET_PROFILES)):
        rng.shuffle(group)
        taken = 0
        for name, share, least in shares:
            count = max(least, round(len(group) * share))
            for index in group[taken:taken + count]:
                profile[index] = name
            taken += count
    return profile


def _available(rng: random.Random, profile: str, sold: int) -> int:
    """Units on hand beyond the committed ones at the end of the year."""
    if profile == NEW:
        return rng.randint(10, 60)
    if profile == DORMANT:
        return rng.randint(5, 40) if rng.random() < STOCKED_DORMANT else 0
    if profile == STOCKOUT_RISK:  # 2 to 11 days of cover: runs out within the lead time
        return max(1, sold * rng.randint(20, (LEAD - 3) * 10) // (WINDOW * 10))
    if profile == BELOW_REORDER:  # at least the lead time, below the reorder point
        return days_of_sales(sold, rng.randint(LEAD * 10 + 10, REORDER_DAYS * 10 - 15))
    if profile == OUT_OF_STOCK:
        return 0
    if profile == OVERSTOCK:  # far beyond the overstock level
        overstock = DEFAULTS.overstock_days * 10
        return days_of_sales(sold, rng.randint(overstock + 200, overstock * 2 + 600))
    if sold == 0:
        return rng.randint(2, 12)
    return max(days_of_sales(sold, rng.randint(250, 700)), rng.randint(2, 6))


def _pick_negative(rng: random.Random, profile: list[str], tally: SalesTally,
                   last_outflow: Callable[[int], int]) -> int | None:
    """A steady seller that kept shipping while its last delivery fell short (negative stock
    is allowed for it): one that has shipped a good few units since that delivery."""
    sellers = [i for i, name in enumerate(profile) if name == NORMAL
               and i >= ORDINARY_FIRST_SKUS and tally.window[i] >= 5 and last_outflow(i) >= 3]
    steady = [i for i in sellers if last_outflow(i) >= 12]
    if steady:
        return rng.choice(steady)
    return max(sellers, key=last_outflow, default=None)


def _policies(rng: random.Random, profile: list[str], final: list[int],
              tally: SalesTally) -> list[Policy]:
    """A few ordinary SKUs with rules of their own: a reorder point set by hand above their
    stock (so they are below it), packs of 6-12 from the supplier, a minimum order quantity."""
    ordinary = [i for i, name in enumerate(profile) if name == NORMAL
                and i >= ORDINARY_FIRST_SKUS]
    rng.shuffle(ordinary)
    selling = [i for i in ordinary if tally.window[i] > 0]
    by_hand = selling[:max(2, len(selling) * 3 // 200)]
    policies = []
    for index in by_hand:
        point = final[index] - tally.committed[index] + rng.randint(3, 12)
        policies.append(Policy(index, reorder_point=point,
                               max_stock=point + days_of_sales(tally.window[index], 300) + 5))
    chosen = set(by_hand)
    rest = [i for i in ordinary if i not in chosen]
    packs, minimums = max(3, len(rest) // 50), max(2, len(rest) // 100)
    policies += [Policy(i, pack_multiple=rng.choice((6, 10, 12))) for i in rest[:packs]]
    policies += [Policy(i, min_order_qty=rng.choice((20, 50)))
                 for i in rest[packs:packs + minimums]]
    return policies
