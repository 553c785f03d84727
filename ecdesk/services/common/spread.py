"""Sharing an amount over lines to the cent: one rule for every spread in the shop.

The largest remainder: each line gets the floor of its exact share in whole cents, and the cents
left over go one each to the lines with the largest fractions (the earlier line first on a tie),
so the shares add up to the amount exactly. Purchasing spreads shipping and other costs over a
purchase order's lines with it, the order import an order-wide discount (a discount code), and
the promotion engine a basket's discount (满减, a bundle price) over the basket's lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from ecdesk.money import CENT


def spread_by_value(total: Decimal, values: Sequence[Decimal]) -> list[Decimal]:
    """`total` (whole cents) in shares proportional to `values`, adding up to `total` exactly
    (largest remainder). All-zero values share it evenly (by count)."""
    cents = int((total / CENT).to_integral_value())
    if cents * CENT != total:
        raise ValueError(f"{total} is not a whole number of cents")
    if not values:
        return []
    weights = list(values) if any(values) else [Decimal(1)] * len(values)
    whole = sum(weights)
    exact = [Decimal(cents) * weight / whole for weight in weights]
    floors = [int(share.to_integral_value(rounding=ROUND_FLOOR)) for share in exact]
    left = cents - sum(floors)
    by_fraction = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in by_fraction[:left]:
        floors[index] += 1
    return [Decimal(share) * CENT for share in floors]
