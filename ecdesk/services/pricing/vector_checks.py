"""Whether the preview's arrays of integer cents can price the rules as the Decimal engine does:
every rate a whole number of millionths and every amount of cents (as the shop stores them; a
rule built in memory with finer values is priced SKU by SKU). Imports no numpy, so the preview
decides before loading it."""

from __future__ import annotations

from decimal import Decimal

from ecdesk.services.pricing.resolve import PriceSettings
from ecdesk.services.pricing.rules import PriceRuleInfo
from ecdesk.services.pricing.sku_facts import ShopFacts

M = 1_000_000  # rates in millionths (money.Rate)


class FinerThanStoredError(ValueError):
    """A rate finer than a millionth or an amount finer than a cent."""


def millionths(rate: Decimal | None) -> int | None:
    return _units(rate, M)


def cents(amount: Decimal | None) -> int | None:
    return _units(amount, 100)


def _units(value: Decimal | None, scale: int) -> int | None:
    if value is None:
        return None
    units = value * scale
    if units != units.to_integral_value():
        raise FinerThanStoredError(value)
    return int(units)


def rates_fit(rules: list[PriceRuleInfo], settings: PriceSettings, facts: ShopFacts) -> bool:
    """Every rate of the rules, the settings and the channels' fees in millionths, every
    amount in cents."""
    rates = [settings.min_margin, *(r.rate for r in rules), *(r.min_margin for r in rules),
             *(f.commission_rate for f in facts.fees.values()),
             *(f.payment_fee_rate for f in facts.fees.values())]
    amounts = [*(f.fixed_per_unit_order for f in facts.fees.values()),
               *(a for r in rules for a in (r.amount, r.round_to, r.min_price, r.max_price))]
    try:
        for rate in rates:
            millionths(rate)
        for amount in amounts:
            cents(amount)
    except FinerThanStoredError:
        return False
    return True
