"""Where each demo SKU's stock ends the year, chosen so that every inventory alert shows up.

The shared alert definitions (per SKU, with the shop's stock defaults: 28-day sales window,
14 days lead time, 7 days of safety stock, overstock beyond 180 days of cover) are met on
purpose by a few SKUs each; the rest end with a comfortable 25 to 70 days of cover. Velocity
v = w / 28 for w units sold in the window, so "d days of cover" is w * d / 28 units.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ecdesk.services.demo_catalog import ShopCatalog
from ecdesk.services.demo_orders import SalesTally

WINDOW = 28
NORMAL, STOCKOUT_RISK, BELOW_REORDER, OUT_OF_STOCK = "normal", "stockout", "below", "out"
OVERSTOCK, NEGATIVE, DORMANT, NEW = "overstock", "negative", "dormant", "new"
# Shares of the SKUs that sold in the window, by how many units they sold.
BUSY_SHARES = ((STOCKOUT_RISK, 0.06), (BELOW_REORDER, 0.08), (OUT_OF_STOCK, 0.05),
               (OVERSTOCK, 0.04))
QUIET_SHARES = ((BELOW_REORDER, 0.06), (OUT_OF_STOCK, 0.05), (OVERSTOCK, 0.05))
STOCKED_DORMANT = 0.7  # of never-selling SKUs: bought once, never sold (dead stock)


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
    count = len(catalog)
    profile, final = [NORMAL] * count, [0] * count
    for index in range(count):
        profile[index] = _profile(rng, catalog, tally.window[index], index)
        final[index] = tally.committed[index] + _available(
            rng, profile[index], tally.window[index])
    negative = _pick_negative(rng, catalog, tally, last_outflow)
    policies = []
    if negative is not None:
        profile[negative] = NEGATIVE
        final[negative] = -rng.randint(2, 5)
        policies.append(Policy(negative, allow_negative=True))
    policies += _policies(rng, profile, final, tally)
    return Targets(profile, final, policies)


def _profile(rng: random.Random, catalog: ShopCatalog, sold: int, index: int) -> str:
    if catalog.product_status[index] == "draft":
        return NEW
    if catalog.popularity[index] == 0:
        return DORMANT
    if sold == 0 or index < 2:  # the first SKUs stay ordinary: tests build on them
        return NORMAL
    roll = rng.random()
    for name, share in BUSY_SHARES if sold >= 4 else QUIET_SHARES:
        if roll < share:
            return name
        roll -= share
    return NORMAL


def _available(rng: random.Random, profile: str, sold: int) -> int:
    """Units on hand beyond the committed ones at the end of the year."""
    if profile == NEW:
        return rng.randint(10, 60)
    if profile == DORMANT:
        return rng.randint(5, 40) if rng.random() < STOCKED_DORMANT else 0
    if profile == STOCKOUT_RISK:  # fewer days of cover than the 14 days of lead time
        return max(1, sold * rng.randint(20, 110) // (WINDOW * 10))
    if profile == BELOW_REORDER:  # 15-19.5 days: below 21 days' reorder point, above lead time
        return days_of_sales(sold, rng.randint(150, 195))
    if profile == OUT_OF_STOCK:
        return 0
    if profile == OVERSTOCK:  # far beyond 180 days of cover
        return days_of_sales(sold, rng.randint(2000, 4200))
    if sold == 0:
        return rng.randint(2, 12)
    return max(days_of_sales(sold, rng.randint(250, 700)), rng.randint(2, 6))


def _pick_negative(rng: random.Random, catalog: ShopCatalog, tally: SalesTally,
                   last_outflow: Callable[[int], int]) -> int | None:
    """A steady seller that kept shipping while its last delivery fell short (negative stock
    is allowed for it); it must have shipped enough since then to be below zero."""
    candidates = [i for i in range(2, len(catalog))
                  if tally.window[i] >= 10 and last_outflow(i) >= 12]
    return rng.choice(candidates) if candidates else None


def _policies(rng: random.Random, profile: list[str], final: list[int],
              tally: SalesTally) -> list[Policy]:
    """A few SKUs with their own rules: a manual reorder point above their stock (so they are
    below it), packs of 6-12 from the supplier, a minimum order quantity."""
    policies = []
    for index, name in enumerate(profile):
        if name != NORMAL or index < 2:
            continue
        roll = rng.random()
        if roll < 0.015 and tally.window[index] > 0:
            available = final[index] - tally.committed[index]
            point = available + rng.randint(3, 12)
            policies.append(Policy(index, reorder_point=point,
                                   max_stock=point + days_of_sales(tally.window[index], 300) + 5))
        elif roll < 0.035:
            policies.append(Policy(index, pack_multiple=rng.choice((6, 10, 12))))
        elif roll < 0.045:
            policies.append(Policy(index, min_order_qty=rng.choice((20, 50))))
    return policies
