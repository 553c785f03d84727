"""Quantity tiers (阶梯定价) as the order form reads them: the price from each tier's quantity,
set by the rule the engine picks for that quantity; the stored price below every tier."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecdesk.db import Database
from ecdesk.services.orders.form_queries import sku_choice
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import save_rule
from ecdesk.services.pricing.tiers import QuantityTier
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

D = Decimal


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def rule(shop: PricingShop, name: str, **fields: str) -> None:
    save_rule(shop.db.uow(), RuleDraft(name=name, **fields))  # type: ignore[arg-type]


def test_a_line_takes_the_highest_tier_its_quantity_reaches(shop: PricingShop) -> None:
    rule(shop, "5+", method="relative", base="list_price", rate="5", channel="Tmall",
         min_quantity="5")  # 25.00 - 5 % = 23.75
    rule(shop, "20+", method="relative", base="list_price", rate="12", channel="Tmall",
         min_quantity="20")  # 25.00 - 12 % = 22.00
    choice = sku_choice(shop.db.uow(), "TEE-S", shop.tmall)
    assert choice is not None
    assert choice.tiers == (QuantityTier(5, D("23.75"), "5+"), QuantityTier(20, D("22.00"),
                                                                             "20+"))
    assert [choice.price_for(n) for n in (1, 4, 5, 19, 20, 500)] == [
        D("24.00"), D("24.00"), D("23.75"), D("23.75"), D("22.00"), D("22.00")]
    assert choice.tier(3) is None


def test_a_general_tier_prices_a_listing_without_its_own_price_and_an_unlisted_channel(
        shop: PricingShop) -> None:
    rule(shop, "any 10+", method="fixed", amount="20", min_quantity="10")
    jd = sku_choice(shop.db.uow(), "TEE-S", shop.jd)  # follows the list price on JD
    own_site = sku_choice(shop.db.uow(), "TEE-S", shop.own)  # not listed: the list price
    assert jd is not None and own_site is not None
    assert jd.tiers == own_site.tiers == (QuantityTier(10, D("20.00"), "any 10+"),)


def test_a_more_specific_rule_for_every_quantity_leaves_no_tier(shop: PricingShop) -> None:
    rule(shop, "tee 10+", method="fixed", amount="20", min_quantity="10")
    rule(shop, "TEE-S only", method="fixed", amount="23", scope="sku", scope_value="TEE-S",
         channel="Tmall")
    choice = sku_choice(shop.db.uow(), "TEE-S", shop.tmall)
    assert choice is not None and choice.tiers == ()
    assert choice.price_for(50) == D("24.00")  # the stored price, as the order form shows


def test_a_tier_rule_out_of_its_dates_or_switched_off_does_not_price_a_line(
        shop: PricingShop) -> None:
    rule(shop, "old 10+", method="fixed", amount="20", min_quantity="10",
         starts_on="2020-01-01", ends_on="2020-12-31")
    rule(shop, "off 10+", method="fixed", amount="19", min_quantity="10", active=False)  # type: ignore[arg-type]
    choice = sku_choice(shop.db.uow(), "TEE-M", shop.tmall)
    assert choice is not None and choice.tiers == ()
