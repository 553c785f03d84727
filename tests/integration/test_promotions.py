"""Promotions saved against a real shop: the window entered in wall-clock time and stored in
UTC, the type's terms kept, and every bad input refused whole with nothing written."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import Promotion, PromotionChannel
from ecdesk.services.pricing.promoted import explain_promoted_price
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion, set_promotion_status
from ecdesk.services.promotions.terms import Funding, Kind, Phase, Stacking, Status, Tier
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

D = Decimal
DOUBLE_11 = PromotionDraft(name="双11 满减", kind="basket_tiers", channels=("Tmall", "JD"),
                           starts="2026-11-11 00:00", ends="2026-11-12 00:00",
                           tiers="200:30, 300:50", stacking="stackable", priority="2",
                           funded_by="shared", seller_share="60", status="scheduled")


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def _count(shop: PricingShop) -> int:
    with shop.db.uow() as uow:
        return uow.session.scalar(select(func.count(Promotion.id))) or 0


def test_a_promotion_is_stored_in_utc_with_its_zone_channels_and_tiers(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), DOUBLE_11)

    [saved] = list_promotions(shop.db.uow())
    assert saved.starts_at == datetime(2026, 11, 10, 16, 0, tzinfo=UTC)  # 00:00 in Shanghai
    assert saved.ends_at == datetime(2026, 11, 11, 16, 0, tzinfo=UTC)
    assert saved.time_zone == "Asia/Shanghai"
    assert saved.channel_ids == {shop.tmall, shop.jd}
    assert saved.kind is Kind.BASKET_TIERS
    assert saved.terms.tiers == (Tier(D("200"), D("30")), Tier(D("300"), D("50")))
    assert (saved.funded_by, saved.seller_rate) == (Funding.SHARED, D("0.6"))
    assert (saved.stacking, saved.priority) == (Stacking.STACKABLE, 2)


def test_running_and_ended_follow_from_the_clock_and_cancelling_is_stored(
        shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), DOUBLE_11)
    [saved] = list_promotions(shop.db.uow())
    assert saved.phase(datetime(2026, 11, 10, 15, 59, tzinfo=UTC)) is Phase.UPCOMING
    assert saved.phase(datetime(2026, 11, 10, 16, 0, tzinfo=UTC)) is Phase.RUNNING
    assert saved.phase(datetime(2026, 11, 11, 16, 0, tzinfo=UTC)) is Phase.ENDED

    set_promotion_status(shop.db.uow(), saved.id, Status.CANCELLED)
    [cancelled] = list_promotions(shop.db.uow())
    assert cancelled.phase(datetime(2026, 11, 11, 0, 0, tzinfo=UTC)) is Phase.CANCELLED


def test_daily_hours_a_percent_and_a_scope_are_kept(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), PromotionDraft(
        name="限时购", kind="percent_off", channels=("Tmall",), starts="2026-06-01",
        ends="2026-06-19", daily_from="10:00", daily_to="12:00", rate="30", scope="brand",
        scope_value="acme", coupon_code="FLASH30"))
    [saved] = list_promotions(shop.db.uow())
    assert (saved.daily_from, saved.daily_to) == (time(10), time(12))
    assert saved.terms.rate == D("0.30")
    assert (saved.scope, saved.scope_text, saved.coupon_code) == ("brand", "acme", "FLASH30")
    assert saved.status is Status.DRAFT


def test_changing_a_promotion_replaces_its_channels(shop: PricingShop) -> None:
    promotion_id = save_promotion(shop.db.uow(), DOUBLE_11).ids[0]
    save_promotion(shop.db.uow(), replace(DOUBLE_11, channels=("Own site",)), promotion_id,
                   now=datetime(2026, 11, 1, tzinfo=UTC))  # before it starts: still editable
    [saved] = list_promotions(shop.db.uow())
    assert saved.channel_ids == {shop.own}
    with shop.db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(PromotionChannel)) == 1


@pytest.mark.parametrize(("change", "field"), [
    ({"name": " "}, "Name"),
    ({"channels": ()}, "Channels"),
    ({"channels": ("Weibo",)}, "Channels"),
    ({"ends": "2026-11-10 23:00"}, "Ends"),
    ({"ends": "2026-11-11 00:00"}, "Ends"),
    ({"starts": "11/11/2026"}, "Starts"),
    ({"time_zone": "Mars/Olympus"}, "Time zone"),
    ({"daily_from": "10:00"}, "Daily hours"),
    ({"daily_from": "10:00", "daily_to": "10:00"}, "Daily hours"),
    ({"scope": "brand", "scope_value": ""}, "Scope"),
    ({"scope": "brand", "scope_value": "Nobody"}, "Scope"),
    ({"tiers": "300:50, 200:30"}, "Tiers"),
    ({"tiers": "200:30, 300:20"}, "Tiers"),
    ({"tiers": "200:200"}, "Tiers"),
    ({"tiers": ""}, "Tiers"),
    ({"kind": "percent_off", "rate": "100"}, "Percent off"),
    ({"kind": "percent_off", "rate": "0"}, "Percent off"),
    ({"kind": "amount_off", "amount": "-5"}, "Amount off"),
    ({"kind": "fixed_price", "amount": ""}, "Promotional price"),
    ({"kind": "multi_buy", "every": "1", "rate": "50"}, "Every nth unit"),
    ({"kind": "gift", "gift_sku": "NOPE"}, "Gift SKU"),
    ({"kind": "bundle", "items": "TEE-S:1", "amount": "30"}, "Bundle items"),
    ({"kind": "coupon"}, "Type"),
    ({"seller_share": "100"}, "Seller's share"),
    ({"priority": "0"}, "Priority"),
    ({"coupon_code": "TWO WORDS"}, "Coupon code"),
])
def test_a_bad_promotion_is_refused_naming_its_field_and_nothing_is_written(
        shop: PricingShop, change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        save_promotion(shop.db.uow(), replace(DOUBLE_11, **change))  # type: ignore[arg-type]
    assert field in [problem.field for problem in refused.value.problems]
    assert _count(shop) == 0


def test_a_name_or_coupon_code_in_use_is_refused(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), replace(DOUBLE_11, coupon_code="SAVE10"))
    with pytest.raises(ValidationError) as refused:
        save_promotion(shop.db.uow(), replace(DOUBLE_11, coupon_code="save10"))
    assert {p.field for p in refused.value.problems} == {"Name", "Coupon code"}
    assert _count(shop) == 1


def test_a_window_entered_across_a_daylight_saving_change_is_stored_in_real_hours(
        shop: PricingShop) -> None:
    # Berlin: 29 March 2026 02:00 CET becomes 03:00 CEST; 01:00-04:00 that night is 2 hours
    save_promotion(shop.db.uow(), replace(DOUBLE_11, starts="2026-03-29 01:00",
                                          ends="2026-03-29 04:00", time_zone="Europe/Berlin"))
    [saved] = list_promotions(shop.db.uow())
    assert saved.starts_at == datetime(2026, 3, 29, 0, 0, tzinfo=UTC)
    assert saved.ends_at == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)


def test_the_price_at_a_moment_includes_the_promotions_running_then(shop: PricingShop) -> None:
    save_promotion(shop.db.uow(), PromotionDraft(
        name="限时购", kind="percent_off", channels=("Tmall",), starts="2026-11-11",
        ends="2026-11-12", daily_from="10:00", daily_to="12:00", rate="25", scope="sku",
        scope_value="TEE-S", status="scheduled"))
    save_promotion(shop.db.uow(), replace(DOUBLE_11, tiers="40:5", channels=("Tmall",)))
    at_ten = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai

    [tmall] = explain_promoted_price(shop.db.uow(), "TEE-S", channel="Tmall", at=at_ten,
                                     quantity=2)
    # Tmall's own price 24.00; the exclusive 25 % comes first and applies alone: 18.00
    assert tmall.breakdown.steps[-1].price == D("18.00")
    assert tmall.breakdown.price == D("18.00")
    assert tmall.basket.total == D("36.00")
    assert [name for name, _why in tmall.basket.passed_over] == ["双11 满减"]
    # fees 5 % + 0.6 % of 36.00 (1.80 + 0.22), cost 20: (36 - 20 - 2.02) / 36
    assert tmall.margin_after_fees == (D("36.00") - D("20") - D("2.02")) / D("36.00")

    [after] = explain_promoted_price(shop.db.uow(), "TEE-S", channel="Tmall", quantity=2,
                                     at=datetime(2026, 11, 11, 4, 0, tzinfo=UTC))  # 12:00
    assert after.breakdown.price == D("43.00") / 2  # 满40减5 on 48.00: 43.00 for two
    assert after.basket.total == D("43.00")
