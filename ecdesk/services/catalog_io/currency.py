"""Which currency a catalog file's prices are in, and what they become in the shop.

A file imported into a channel that sells in another currency (a Swedish Shopify store in a
CNY shop) has its prices in the channel's currency: they become the channel's listing prices
as they are, and the SKU's own price (and cost, and compare-at price) is converted at the rate
the user states, or left as the shop has it. Stored unconverted, SEK 2,999 became ¥2,999.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.money import round_unit_price
from ecdesk.services.catalog_io.dto import ParsedFile, ParsedVariant


@dataclass(frozen=True)
class PriceCurrency:
    file: str  # the currency of the file's prices: the channel's, else the shop's
    shop: str
    rate: Decimal | None = None  # shop currency per unit of the file's; None: leave SKU prices

    @property
    def foreign(self) -> bool:
        return self.file != self.shop

    def note(self, channel: str | None) -> str:
        if not self.foreign:
            return _("Prices are read as {currency}, the shop's currency").format(
                currency=self.shop)
        said = _("Prices are read as {currency}, the currency of channel '{channel}', and "
                 "become its listing prices").format(currency=self.file, channel=channel)
        if self.rate is None:
            return said + _("; the SKUs' own prices in {shop} are left as they are (state a "
                            "rate to convert them)").format(shop=self.shop)
        return said + _("; the SKUs' own prices are converted at 1 {file} = {rate} {shop}").format(
            file=self.file, rate=self.rate, shop=self.shop)


def check_rate(rate: Decimal | str | None) -> Decimal | None:
    """A stated rate as a Decimal above zero; ValueError (in the user's words) otherwise."""
    if rate is None or rate == "":
        return None
    try:
        value = Decimal(str(rate).strip().replace(",", "."))
    except ArithmeticError:
        value = Decimal("NaN")
    if not value.is_finite() or value <= 0:
        raise ValueError(_("'{rate}' is not an exchange rate (a number above 0, such as 0.68)")
                         .format(rate=rate))
    return value


def in_shop_currency(parsed: ParsedFile, currency: PriceCurrency
                     ) -> tuple[ParsedFile, dict[int, Decimal]]:
    """`parsed` with its SKU amounts in the shop's currency, and each row's price as read
    (the channel's listing price). Amounts are converted at the rate, or emptied (an empty
    cell keeps what the shop has) when there is none."""
    if not currency.foreign:
        return parsed, {}
    listing_prices = {v.row: v.price for p in parsed.products for v in p.variants
                      if v.price is not None}
    products = tuple(product._replace(variants=tuple(
        _converted(v, currency.rate) for v in product.variants)) for product in parsed.products)
    return replace(parsed, products=products), listing_prices


def _converted(variant: ParsedVariant, rate: Decimal | None) -> ParsedVariant:
    def convert(amount: Decimal | None) -> Decimal | None:
        return None if amount is None or rate is None else round_unit_price(amount * rate)
    return variant._replace(price=convert(variant.price),
                            compare_at_price=convert(variant.compare_at_price),
                            unit_cost=convert(variant.unit_cost))


def unpriced_new_sku(variant: ParsedVariant, column: str, currency: PriceCurrency,
                     channel: str | None) -> Problem:
    """A new SKU from a foreign-currency file without a rate: it would have no price."""
    return Problem(column, _("SKU {sku} is new and its price is in {file} (channel '{channel}'): "
                             "state the rate of {file} in {shop} to set its own price").format(
        sku=variant.sku, file=currency.file, channel=channel, shop=currency.shop), variant.row)
