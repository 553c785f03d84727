"""The checks before a promotion starts, on a real shop: overlaps and whether they stack,
promotional prices below cost or below the margin floor after fees, and compare-at prices
above the lowest price charged in the seven days before (明码标价和禁止价格欺诈规定)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from ecdesk.db import Database
from ecdesk.models import OrderStatus
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.promotions.checks import Check, check_promotions
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import save_promotion, set_promotion_status
from ecdesk.services.promotions.terms import Status
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

BEFORE = datetime(2026, 11, 1, tzinfo=UTC)
TIERS = PromotionDraft(name="满减", kind="basket_tiers", channels=("Tmall", "JD"),
                       starts="2026-11-11 00:00", ends="2026-11-12 00:00", tiers="200:30",
                       stacking="stackable", status="scheduled")
MUG_SALE = PromotionDraft(name="Mug sale", kind="percent_off", channels=("Tmall",),
                          starts="2026-11-11 10:00", ends="2026-11-11 12:00", rate="10",
                          scope="brand", scope_value="Forge", status="scheduled")


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def _sell(shop: PricingShop, number: str, at: datetime, price: str,
          status: OrderStatus = OrderStatus.PAID) -> None:
    record_order(shop.db.uow(), OrderDraft(shop.tmall, number, at, (
        OrderLineDraft("MUG-1", 2, price, "1.00"),), status=status))


def test_two_promotions_on_the_same_channel_and_skus_overlap_and_say_whether_they_stack(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), TIERS)
    save_promotion(shop.db.uow(), MUG_SALE)
    [overlap] = check_promotions(shop.db.uow(), now=BEFORE)
    assert (overlap.check, overlap.promotion, overlap.channel, overlap.skus) == (
        Check.OVERLAP, "满减", "Tmall", ("MUG-1",))  # JD is not the mug sale's channel
    assert "only the first by priority applies" in overlap.detail

    save_promotion(shop.db.uow(), replace(MUG_SALE, stacking="stackable"), 2, now=BEFORE)
    [overlap] = check_promotions(shop.db.uow(), now=BEFORE)
    assert "they combine" in overlap.detail


def test_windows_that_only_touch_cancelled_or_ended_promotions_are_no_overlap(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), TIERS)
    save_promotion(shop.db.uow(), replace(MUG_SALE, starts="2026-11-12 00:00",
                                          ends="2026-11-13 00:00"))  # starts as 满减 ends
    assert check_promotions(shop.db.uow(), now=BEFORE) == []
    save_promotion(shop.db.uow(), replace(MUG_SALE, name="Same day"))
    set_promotion_status(shop.db.uow(), 3, Status.CANCELLED)
    assert check_promotions(shop.db.uow(), now=BEFORE) == []
    set_promotion_status(shop.db.uow(), 3, Status.SCHEDULED)
    assert check_promotions(shop.db.uow(), now=datetime(2026, 11, 12, tzinfo=UTC)) == []


def test_a_promotional_price_under_the_margin_floor_or_under_cost_lists_its_skus(
        shop: PricingShop) -> None:
    # the mug on Tmall: 56.00; 30 % off = 39.20, cost 30, fees 1.96 + 0.24: margin 17.9 % < 20 %
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="30"))
    [floor] = check_promotions(shop.db.uow(), now=BEFORE)
    assert (floor.check, floor.skus, floor.channel) == (Check.BELOW_FLOOR, ("MUG-1",), "Tmall")
    assert "39.20" in floor.detail
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="50"), 1, now=BEFORE)  # 28.00 < cost 30
    assert [f.check for f in check_promotions(shop.db.uow(), now=BEFORE)] == [Check.BELOW_COST]


def test_a_platform_funded_discount_keeps_the_margin_the_seller_receives(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="50", funded_by="platform"))
    assert check_promotions(shop.db.uow(), now=BEFORE) == []


def test_a_compare_at_price_above_the_lowest_price_of_the_seven_days_before_is_flagged(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="5"))  # starts 11-11 02:00 UTC
    _sell(shop, "T1", datetime(2026, 11, 5, tzinfo=UTC), "80.00")  # 2 x 80 - 1 = 79.50 a unit
    assert check_promotions(shop.db.uow(), now=BEFORE) == []  # 79 was never above 79.50

    _sell(shop, "T2", datetime(2026, 11, 8, tzinfo=UTC), "70.00")  # 69.50 in the 7 days
    _sell(shop, "T3", datetime(2026, 11, 9, tzinfo=UTC), "40.00", OrderStatus.CANCELLED)
    _sell(shop, "T4", datetime(2026, 11, 3, tzinfo=UTC), "50.00")  # 8 days before: not counted
    [reference] = check_promotions(shop.db.uow(), now=BEFORE)
    assert (reference.check, reference.skus) == (Check.REFERENCE_PRICE, ("MUG-1",))
    assert "was 79.00, charged 69.50" in reference.detail


def test_with_no_sale_in_the_seven_days_the_last_price_charged_before_is_the_reference(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), replace(MUG_SALE, rate="5"))
    _sell(shop, "T1", datetime(2026, 10, 1, tzinfo=UTC), "50.00")
    _sell(shop, "T2", datetime(2026, 10, 20, tzinfo=UTC), "60.00")  # the last: 59.50
    [reference] = check_promotions(shop.db.uow(), now=BEFORE)
    assert "charged 59.50" in reference.detail
