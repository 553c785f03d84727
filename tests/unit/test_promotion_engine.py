"""The promotion engine on hand-computed baskets: every type, the stacking rule, coupon codes,
funding and the margin after fees; promotion windows at their edges; and its properties over
generated baskets (Hypothesis): no price below 0, the lines always add up to the basket."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecdesk.services.pricing.margin import ChannelFees
from ecdesk.services.pricing.promotion_engine import BasketItem, PromotedBasket, promote
from ecdesk.services.pricing.rules import Scope
from ecdesk.services.pricing.sku_facts import ShopFacts, SkuFacts
from ecdesk.services.promotions.terms import (
    Funding,
    Kind,
    PromotionInfo,
    Stacking,
    Status,
    Terms,
    Tier,
)

D = Decimal
SHOP = ShopFacts(fees={}, channel_names={}, ancestors={}, tags={})
TEE = SkuFacts(1, "TEE", 1, "acme", None, D("10.00"), D("50.00"), None)
MUG = SkuFacts(2, "MUG", 2, "forge", None, D("30.00"), D("99.00"), None)
GIFT = SkuFacts(3, "GIFT", 3, "acme", None, D("5.00"), D("19.90"), None)
START, END = datetime(2026, 11, 10, 16, tzinfo=UTC), datetime(2026, 11, 11, 16, tzinfo=UTC)


def promo(kind: Kind, terms: Terms, *, id: int = 1, priority: int = 1,
          stacking: Stacking = Stacking.EXCLUSIVE, **more: object) -> PromotionInfo:
    return PromotionInfo(id=id, name=f"P{id}", kind=kind, terms=terms, starts_at=START,
                         ends_at=END, time_zone="Asia/Shanghai", channel_ids=frozenset({1}),
                         priority=priority, stacking=stacking, **more)  # type: ignore[arg-type]


def basket(*promotions: PromotionInfo, tees: int = 2, mugs: int = 1, codes: tuple[str, ...] = ()
           ) -> PromotedBasket:
    items = [BasketItem(TEE, tees, D("50.00")), BasketItem(MUG, mugs, D("99.00"))]
    return promote(items, promotions, SHOP, codes=codes,
                   gifts={"GIFT": BasketItem(GIFT, 1, D("19.90"))})


def totals(result: PromotedBasket) -> dict[str, Decimal]:
    return {line.sku: line.total for line in result.lines}


def test_a_percent_off_prices_each_unit_and_rounds_it_to_the_cent() -> None:
    result = basket(promo(Kind.PERCENT_OFF, Terms(rate=D("0.20"))))
    assert [line.unit_price for line in result.lines] == [D("40.00"), D("79.20")]
    assert (result.total, result.discount) == (D("159.20"), D("39.80"))


def test_an_amount_off_applies_to_the_scope_only() -> None:
    result = basket(promo(Kind.AMOUNT_OFF, Terms(amount=D("5")), scope=Scope.BRAND,
                          scope_text="Acme"))
    assert totals(result) == {"TEE": D("90.00"), "MUG": D("99.00")}
    assert result.discount == D("10.00")


def test_an_amount_off_larger_than_the_price_stops_at_zero() -> None:
    result = basket(promo(Kind.AMOUNT_OFF, Terms(amount=D("80"))))
    assert totals(result) == {"TEE": D("0.00"), "MUG": D("19.00")}


def test_a_promotional_price_sets_the_unit_and_never_raises_it() -> None:
    result = basket(promo(Kind.FIXED_PRICE, Terms(amount=D("39.90")), scope=Scope.SKU,
                          scope_id=1))
    assert (result.total, result.discount) == (D("178.80"), D("20.20"))
    higher = basket(promo(Kind.FIXED_PRICE, Terms(amount=D("60.00")), scope=Scope.SKU,
                          scope_id=1))
    assert (higher.total, higher.applied) == (D("199.00"), ())
    assert higher.passed_over == (("P1", "gives this basket no discount"),)


def test_spend_and_save_takes_the_highest_tier_reached_and_spreads_it_by_largest_remainder(
        ) -> None:
    tiers = promo(Kind.BASKET_TIERS, Terms(tiers=(Tier(D("200"), D("30")),
                                                  Tier(D("300"), D("50")))))
    assert basket(tiers).applied == ()  # 199.00 reaches no tier
    result = basket(tiers, tees=3)  # 150 + 99 = 249: 30 off, 18.07 / 11.93 (3000 x 150/249)
    assert [line.discount for line in result.lines] == [D("18.07"), D("11.93")]
    assert totals(result) == {"TEE": D("131.93"), "MUG": D("87.07")}
    assert result.total == D("219.00")
    assert basket(tiers, tees=5).discount == D("50.00")  # 349 reaches 300


def test_a_multi_buy_takes_its_rate_off_every_nth_unit_of_a_sku() -> None:
    second_half = promo(Kind.MULTI_BUY, Terms(every=2, rate=D("0.5")))
    assert totals(basket(second_half, tees=3)) == {"TEE": D("125.00"), "MUG": D("99.00")}
    three_for_two = promo(Kind.MULTI_BUY, Terms(every=3, rate=D("1")))
    assert totals(basket(three_for_two, tees=3))["TEE"] == D("100.00")
    assert basket(three_for_two, tees=2).applied == ()


def test_a_multi_buy_applies_on_the_promotional_price_whatever_their_priorities() -> None:
    # 2 tees at 50.00: the 2nd free (priority 1), then a promotional price of 30.00 (priority 2).
    # Price first, 30.00 a unit, then the multi-buy takes one unit off: 30.00, never below 0.
    free_second = promo(Kind.MULTI_BUY, Terms(every=2, rate=D("1")), stacking=Stacking.STACKABLE)
    sale = promo(Kind.FIXED_PRICE, Terms(amount=D("30.00")), id=2, priority=2,
                 stacking=Stacking.STACKABLE)
    result = basket(free_second, sale, mugs=0)
    assert totals(result) == {"TEE": D("30.00")}
    assert [step[0] for step in result.lines[0].steps] == ["P2", "P1"]


def test_a_gift_is_a_line_at_price_zero_whose_regular_price_is_the_discount() -> None:
    result = basket(promo(Kind.GIFT, Terms(gift_sku="GIFT", gift_quantity=1,
                                           threshold=D("150"))))
    gift = result.lines[-1]
    assert (gift.sku, gift.gift, gift.total, gift.regular_price) == ("GIFT", True, D("0.00"),
                                                                      D("19.90"))
    assert (result.total, result.discount, result.cost) == (D("199.00"), D("19.90"),
                                                            D("55.00"))
    under = basket(promo(Kind.GIFT, Terms(gift_sku="GIFT", gift_quantity=1,
                                          threshold=D("200"))))
    assert len(under.lines) == 2


def test_a_bundle_price_counts_complete_sets_and_spreads_the_saving() -> None:
    bundle = promo(Kind.BUNDLE, Terms(items=(("TEE", 1), ("MUG", 1)), amount=D("129")))
    result = basket(bundle)  # one set, 149 - 129 = 20 over 50 : 99 = 6.71 / 13.29
    assert [line.discount for line in result.lines] == [D("6.71"), D("13.29")]
    assert result.total == D("179.00")
    assert basket(bundle, mugs=2).discount == D("40.00")  # two sets
    assert basket(bundle, mugs=0).applied == ()


def test_the_first_promotion_by_priority_decides_and_an_exclusive_one_applies_alone() -> None:
    exclusive = promo(Kind.PERCENT_OFF, Terms(rate=D("0.20")), id=1, priority=1)
    stackable = promo(Kind.BASKET_TIERS, Terms(tiers=(Tier(D("150"), D("20")),)), id=2,
                      priority=2, stacking=Stacking.STACKABLE)
    result = basket(exclusive, stackable)
    assert ([a.promotion.name for a in result.applied], result.total) == (["P1"], D("159.20"))
    assert result.passed_over == (("P2", "P1 comes first and combines with nothing"),)


def test_stackable_promotions_combine_per_item_first_and_exclusive_ones_stay_out() -> None:
    percent = promo(Kind.PERCENT_OFF, Terms(rate=D("0.10")), id=1, priority=1,
                    stacking=Stacking.STACKABLE)
    tiers = promo(Kind.BASKET_TIERS, Terms(tiers=(Tier(D("150"), D("20")),)), id=2,
                  priority=2, stacking=Stacking.STACKABLE)
    exclusive = promo(Kind.AMOUNT_OFF, Terms(amount=D("5")), id=3, priority=3)
    # tiers before percent in the list: per-item promotions still apply first
    result = basket(tiers, exclusive, percent)
    # 10 %: 45 x 2 + 89.10 = 179.10; then 20 off over 90 : 89.10 = 10.05 / 9.95
    assert totals(result) == {"TEE": D("79.95"), "MUG": D("79.15")}
    assert [a.promotion.name for a in result.applied] == ["P1", "P2"]
    assert result.passed_over == (("P3", "exclusive, and P1 comes first"),)
    assert dict(result.lines[0].steps) == {"P1": D("90.00"), "P2": D("79.95")}


def test_an_exclusive_promotion_that_gives_nothing_does_not_block_the_others() -> None:
    out_of_reach = promo(Kind.BASKET_TIERS, Terms(tiers=(Tier(D("500"), D("80")),)), id=1)
    percent = promo(Kind.PERCENT_OFF, Terms(rate=D("0.10")), id=2, priority=2,
                    stacking=Stacking.STACKABLE)
    result = basket(out_of_reach, percent)
    assert [a.promotion.name for a in result.applied] == ["P2"]
    assert ("P1", "gives this basket no discount") in result.passed_over


def test_a_threshold_reached_alone_but_not_after_the_item_discounts_gives_nothing() -> None:
    percent = promo(Kind.PERCENT_OFF, Terms(rate=D("0.20")), id=1, stacking=Stacking.STACKABLE)
    tiers = promo(Kind.BASKET_TIERS, Terms(tiers=(Tier(D("180"), D("20")),)), id=2,
                  priority=2, stacking=Stacking.STACKABLE)
    result = basket(percent, tiers)  # 199 alone reaches 180; 159.20 after 20 % does not
    assert result.total == D("159.20")
    assert result.passed_over == (("P2", "no discount left after the promotions before it"),)


def test_a_promotion_with_a_coupon_code_needs_the_code_in_any_case() -> None:
    coupon = promo(Kind.AMOUNT_OFF, Terms(amount=D("10")), coupon_code="SAVE10")
    assert basket(coupon).passed_over == (("P1", "needs the code SAVE10"),)
    assert basket(coupon, codes=("save10",)).discount == D("30.00")


@pytest.mark.parametrize(("funding", "share", "seller_cost"), [
    (Funding.SELLER, D(1), D("39.80")), (Funding.PLATFORM, D(0), D("0.00")),
    (Funding.SHARED, D("0.6"), D("23.88"))])
def test_the_seller_pays_the_discount_by_who_funds_it(funding: Funding, share: Decimal,
                                                      seller_cost: Decimal) -> None:
    result = basket(promo(Kind.PERCENT_OFF, Terms(rate=D("0.20")), funded_by=funding,
                          seller_share=share))
    assert result.seller_cost == seller_cost
    assert result.received() == D("159.20") + D("39.80") - seller_cost


def test_the_margin_after_fees_counts_the_fees_on_the_amount_paid_and_the_platforms_part(
        ) -> None:
    fees = ChannelFees(commission_rate=D("0.05"), per_order=D("1.00"))
    result = basket(promo(Kind.PERCENT_OFF, Terms(rate=D("0.20"))))
    # fees: 5 % of 159.20 = 7.96, + 1.00; cost 2 x 10 + 30 = 50
    assert result.fees(fees) == D("8.96")
    assert result.margin_after_fees(fees) == (D("159.20") - D("50") - D("8.96")) / D("159.20")
    platform = basket(promo(Kind.PERCENT_OFF, Terms(rate=D("0.20")),
                            funded_by=Funding.PLATFORM, seller_share=D(0)))
    assert platform.margin_after_fees(fees) == (D("199.00") - D("50") - D("8.96")) / D("199.00")


# --- windows -------------------------------------------------------------------------------

def test_the_window_includes_its_start_and_excludes_its_end() -> None:
    p = promo(Kind.PERCENT_OFF, Terms(rate=D("0.1")))
    assert p.in_window(START)
    assert not p.in_window(START - timedelta(microseconds=1))
    assert p.in_window(END - timedelta(microseconds=1))
    assert not p.in_window(END)


def test_daily_hours_are_read_on_the_promotions_clock_start_inclusive_end_exclusive() -> None:
    flash = promo(Kind.PERCENT_OFF, Terms(rate=D("0.3")), daily_from=time(10),
                  daily_to=time(12))  # Shanghai, UTC+8
    assert flash.in_window(datetime(2026, 11, 11, 2, 0, tzinfo=UTC))  # 10:00
    assert flash.in_window(datetime(2026, 11, 11, 3, 59, tzinfo=UTC))  # 11:59
    assert not flash.in_window(datetime(2026, 11, 11, 4, 0, tzinfo=UTC))  # 12:00
    assert not flash.in_window(datetime(2026, 11, 11, 1, 59, tzinfo=UTC))  # 09:59


def test_daily_hours_over_midnight() -> None:
    night = promo(Kind.PERCENT_OFF, Terms(rate=D("0.3")), daily_from=time(22),
                  daily_to=time(2))
    assert night.in_window(datetime(2026, 11, 10, 17, 0, tzinfo=UTC))  # 01:00 on the 11th
    assert night.in_window(datetime(2026, 11, 11, 14, 0, tzinfo=UTC))  # 22:00
    assert not night.in_window(datetime(2026, 11, 11, 4, 0, tzinfo=UTC))  # 12:00


def test_daily_hours_keep_their_wall_clock_across_a_daylight_saving_change() -> None:
    # Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 10:00-12:00 stays 10:00-12:00
    berlin = replace(promo(Kind.PERCENT_OFF, Terms(rate=D("0.3")), daily_from=time(10),
                           daily_to=time(12)), time_zone="Europe/Berlin",
                     starts_at=datetime(2026, 3, 27, tzinfo=UTC),
                     ends_at=datetime(2026, 4, 1, tzinfo=UTC))
    assert berlin.in_window(datetime(2026, 3, 28, 9, 0, tzinfo=UTC))  # 10:00 CET
    assert not berlin.in_window(datetime(2026, 3, 28, 8, 59, tzinfo=UTC))
    assert berlin.in_window(datetime(2026, 3, 30, 8, 0, tzinfo=UTC))  # 10:00 CEST
    assert not berlin.in_window(datetime(2026, 3, 30, 10, 0, tzinfo=UTC))  # 12:00 CEST
    assert berlin.in_window(datetime(2026, 3, 28, 10, 59, tzinfo=UTC))  # 11:59 CET


def test_a_promotion_applies_only_when_scheduled_and_on_its_channel() -> None:
    p = promo(Kind.PERCENT_OFF, Terms(rate=D("0.1")))
    assert p.applies(1, START)
    assert not p.applies(2, START)
    assert not replace(p, status=Status.DRAFT).applies(1, START)
    assert not replace(p, status=Status.CANCELLED).applies(1, START)


# --- properties ------------------------------------------------------------------------------

cents = st.integers(min_value=1, max_value=100_000).map(lambda c: Decimal(c) / 100)
rates = st.integers(min_value=1, max_value=99).map(lambda p: Decimal(p) / 100)


@st.composite
def promotions(draw: st.DrawFn, promotion_id: int) -> PromotionInfo:
    kind = draw(st.sampled_from(list(Kind)))
    low = draw(cents)
    terms = {
        Kind.PERCENT_OFF: Terms(rate=draw(rates)),
        Kind.AMOUNT_OFF: Terms(amount=draw(cents)),
        Kind.FIXED_PRICE: Terms(amount=draw(cents)),
        Kind.MULTI_BUY: Terms(every=draw(st.integers(2, 4)),
                              rate=draw(rates | st.just(Decimal(1)))),
        Kind.BASKET_TIERS: Terms(tiers=(Tier(low, min(draw(cents), low - D("0.01")) or low),)
                                 if low > D("0.01") else (Tier(D("1"), D("0.5")),)),
        Kind.GIFT: Terms(gift_sku="GIFT", gift_quantity=1, threshold=draw(cents)),
        Kind.BUNDLE: Terms(items=(("TEE", 1), ("MUG", draw(st.integers(1, 2)))),
                           amount=draw(cents)),
    }[kind]
    return promo(kind, terms, id=promotion_id, priority=draw(st.integers(1, 3)),
                 stacking=draw(st.sampled_from(list(Stacking))),
                 scope=draw(st.sampled_from([Scope.ALL, Scope.BRAND])), scope_text="acme")


@settings(max_examples=300, deadline=None)
@given(tee_price=cents, mug_price=cents, tees=st.integers(0, 6), mugs=st.integers(0, 6),
       chosen=st.lists(st.integers(1, 6), min_size=0, max_size=4, unique=True).flatmap(
           lambda ids: st.tuples(*(promotions(i) for i in ids))))
def test_no_price_goes_below_zero_and_the_lines_add_up_to_the_basket(
        tee_price: Decimal, mug_price: Decimal, tees: int, mugs: int,
        chosen: tuple[PromotionInfo, ...]) -> None:
    items = [BasketItem(TEE, tees, tee_price), BasketItem(MUG, mugs, mug_price)]
    result = promote(items, chosen, SHOP, gifts={"GIFT": BasketItem(GIFT, 1, D("19.90"))})
    for line in result.lines:
        assert line.unit_price >= 0
        assert line.total >= 0
        assert line.total == line.total.quantize(D("0.01"))
    assert result.total == sum((line.total for line in result.lines), D(0))
    assert result.total == result.regular_total - result.discount
    assert result.total <= result.regular_total
