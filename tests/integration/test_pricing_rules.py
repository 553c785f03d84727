"""Price rules against a real shop: which rule wins, the preview, apply, undo, the history, and
the rules and applies refused with nothing written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecdesk.db import Database
from ecdesk.errors import EcdeskError, ValidationError
from ecdesk.models import PriceRule
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.queries import get_product
from ecdesk.services.channels import list_channels
from ecdesk.services.pricing.apply import apply_price_preview, undo_last_apply
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.history import price_history
from ecdesk.services.pricing.margin import NO_FEES, is_flagged
from ecdesk.services.pricing.preview import (
    PreviewQuery,
    PreviewRow,
    build_price_preview,
    iter_preview,
    read_preview_page,
)
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import list_rules, move_rule, save_rule
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop, stored_prices

D = Decimal


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def rows(shop: PricingShop, **query: object) -> dict[tuple[str, str], PreviewRow]:
    return {(r.sku, r.channel): r for r in iter_preview(
        shop.db.uow(), PreviewQuery(changes_only=False, **query))}  # type: ignore[arg-type]


def rule(shop: PricingShop, name: str, method: str, **fields: str) -> None:
    save_rule(shop.db.uow(), RuleDraft(name=name, method=method, **fields))  # type: ignore[arg-type]


# -- which rule wins ------------------------------------------------------------------------------
def test_a_general_rule_sets_list_prices_and_listings_without_a_price_follow_them(
        shop: PricingShop) -> None:
    rule(shop, "Cost plus", "cost_plus", rate="100", ending=".99")  # 10.00 x 2 = 20 -> 19.99
    build_price_preview(shop.db.uow())
    preview = rows(shop)
    assert preview["TEE-S", ""].new_price == D("19.99")
    follower = preview["TEE-S", "JD"]
    assert (follower.follows_list, follower.writes, follower.new_price) == (True, False,
                                                                             D("19.99"))
    # a listing with its own price is priced by the general rule with its channel's fees
    assert (preview["TEE-S", "Tmall"].writes, preview["TEE-S", "Tmall"].new_price) == (
        True, D("19.99"))


def test_the_sku_rule_beats_the_product_the_category_and_the_rule_for_all(
        shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="99.00")
    rule(shop, "Category", "fixed", amount="88.00", scope="category", scope_value="Clothing")
    rule(shop, "Product", "fixed", amount="77.00", scope="product", scope_value="Cotton tee")
    rule(shop, "One SKU", "fixed", amount="66.00", scope="sku", scope_value="TEE-S")
    build_price_preview(shop.db.uow())
    preview = rows(shop, channel_id=0)
    assert {sku: r.rule_name for (sku, _), r in preview.items()} == {
        "TEE-S": "One SKU", "TEE-M": "Product", "MUG-1": "All"}


def test_a_category_rule_covers_the_categories_under_it_and_a_brand_rule_its_brand(
        shop: PricingShop) -> None:
    rule(shop, "Clothing", "fixed", amount="40.00", scope="category", scope_value="Clothing")
    rule(shop, "Forge", "fixed", amount="70.00", scope="brand", scope_value="forge")
    build_price_preview(shop.db.uow())
    assert {sku: r.new_price for (sku, _), r in rows(shop, channel_id=0).items()} == {
        "TEE-S": D("40.00"), "TEE-M": D("40.00"), "MUG-1": D("70.00")}


def test_a_channels_rule_beats_a_general_rule_of_the_same_scope(shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="50.00")
    rule(shop, "Tmall", "fixed", amount="45.00", channel="Tmall")
    build_price_preview(shop.db.uow())
    preview = rows(shop)
    assert (preview["MUG-1", "Tmall"].rule_name, preview["MUG-1", "JD"].rule_name) == (
        "Tmall", "All")
    assert preview["TEE-M", "Tmall"].writes  # a channel rule gives a following listing a price


def test_among_equals_the_priority_decides_and_moving_a_rule_changes_the_winner(
        shop: PricingShop) -> None:
    rule(shop, "First", "fixed", amount="50.00")
    rule(shop, "Second", "fixed", amount="60.00")
    build_price_preview(shop.db.uow())
    assert rows(shop, channel_id=0)["MUG-1", ""].rule_name == "First"
    second = next(r.info.id for r in list_rules(shop.db.uow()) if r.info.name == "Second")
    move_rule(shop.db.uow(), second, -1)
    build_price_preview(shop.db.uow())
    assert rows(shop, channel_id=0)["MUG-1", ""].rule_name == "Second"


def test_a_rule_outside_its_dates_or_switched_off_prices_nothing(shop: PricingShop) -> None:
    rule(shop, "Old", "fixed", amount="50.00", starts_on="2020-01-01", ends_on="2020-12-31")
    save_rule(shop.db.uow(), RuleDraft(name="Off", method="fixed", amount="40.00", active=False))
    assert build_price_preview(shop.db.uow()).rows == 0


def test_a_channel_priced_from_another_channel_takes_that_channels_new_price(
        shop: PricingShop) -> None:
    rule(shop, "Tmall", "fixed", amount="50.00", channel="Tmall")
    rule(shop, "JD below Tmall", "relative", channel="JD", base="channel", base_channel="Tmall",
         amount="1.00")
    build_price_preview(shop.db.uow())
    assert rows(shop)["MUG-1", "JD"].new_price == D("49.00")


def test_a_market_price_base_reads_the_newest_price_of_the_channel_else_any(
        shop: PricingShop) -> None:
    from ecdesk.services.pricing.market import MarketPriceDraft, add_market_prices

    add_market_prices(shop.db.uow(), [MarketPriceDraft("MUG-1", "", "60.00", "2026-11-01"),
                                      MarketPriceDraft("MUG-1", "", "57.00", "2026-11-20"),
                                      MarketPriceDraft("MUG-1", "JD", "65.00", "2026-11-20")])
    rule(shop, "Under market", "relative", channel="Tmall", base="market", rate="5")
    rule(shop, "JD market", "relative", channel="JD", base="market", amount="0.10")
    build_price_preview(shop.db.uow())
    preview = rows(shop)
    assert preview["MUG-1", "Tmall"].new_price == D("54.15")  # 57.00 x 0.95
    assert preview["MUG-1", "JD"].new_price == D("64.90")
    assert preview["TEE-S", "Tmall"].flags & Flag.NO_PRICE  # no market price for it


def test_the_preview_of_one_rule_shows_only_the_prices_it_wins(shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="50.00")
    rule(shop, "Tmall", "fixed", amount="45.00", channel="Tmall")
    build_price_preview(shop.db.uow(), rule_name="Tmall")
    assert {r.rule_name for r in rows(shop).values()} == {"Tmall"}


# -- flags ----------------------------------------------------------------------------------------
def test_a_maximum_under_the_floor_a_big_change_and_inconsistent_channels_are_flagged(
        shop: PricingShop) -> None:
    rule(shop, "Cheap mug", "fixed", amount="31.00", scope="sku", scope_value="MUG-1",
         channel="Tmall", max_price="32.00")
    build_price_preview(shop.db.uow())
    mug = rows(shop)["MUG-1", "Tmall"]
    assert mug.flags == Flag.BELOW_FLOOR | Flag.BIG_CHANGE | Flag.INCONSISTENT
    assert mug.flag_text == "below margin floor, big change, channels inconsistent"
    summary = build_price_preview(shop.db.uow())
    assert summary.flagged_changes == 1


# -- apply, history, undo -------------------------------------------------------------------------
def test_apply_writes_the_prices_their_history_and_undo_restores_them_exactly(
        shop: PricingShop) -> None:
    before = stored_prices(shop.db)
    rule(shop, "Cost plus", "cost_plus", rate="100", ending=".99")
    rule(shop, "Tmall margin", "target_margin", rate="40", channel="Tmall")
    build_price_preview(shop.db.uow())
    result = apply_price_preview(shop.db.uow())

    after = stored_prices(shop.db)
    assert after["TEE-S", ""] == D("19.99") and after["TEE-S", "JD"] is None
    assert result.backup is not None and result.backup.exists()
    history = price_history(shop.db.uow())
    assert len(history) == result.prices
    assert {(c.source, c.rule_name) for c in history} == {("rule", "Cost plus"),
                                                          ("rule", "Tmall margin")}
    assert read_preview_page(shop.db.uow(), PreviewQuery(), 0, 10).total == 0  # cleared

    undo_last_apply(shop.db.uow())
    assert stored_prices(shop.db) == before
    assert [c.source for c in price_history(shop.db.uow())].count("undo") == result.prices
    with pytest.raises(EcdeskError, match="no price apply to undo"):
        undo_last_apply(shop.db.uow())


def test_applying_a_selection_writes_only_those_rows(shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="50.00")
    build_price_preview(shop.db.uow())
    mug = rows(shop)["MUG-1", ""]
    apply_price_preview(shop.db.uow(), row_ids=[mug.id])
    prices = stored_prices(shop.db)
    assert (prices["MUG-1", ""], prices["TEE-S", ""]) == (D("50.00"), D("25.00"))


def test_a_preview_whose_prices_changed_since_is_refused_with_nothing_written(
        shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="50.00")
    build_price_preview(shop.db.uow())
    detail = get_product(shop.db.uow(), 2)
    from dataclasses import replace

    variant = replace(detail.draft.variants[0], price="61.00")
    save_product(shop.db.uow(), replace(detail.draft, variants=(variant,)), 2)
    before = stored_prices(shop.db)
    with pytest.raises(EcdeskError, match="MUG-1 has changed since the preview"):
        apply_price_preview(shop.db.uow())
    assert stored_prices(shop.db) == before


def test_undo_is_refused_when_a_price_of_the_apply_was_changed_since(shop: PricingShop) -> None:
    rule(shop, "All", "fixed", amount="50.00")
    build_price_preview(shop.db.uow())
    apply_price_preview(shop.db.uow())
    detail = get_product(shop.db.uow(), 2)
    from dataclasses import replace

    variant = replace(detail.draft.variants[0], price="61.00")
    save_product(shop.db.uow(), replace(detail.draft, variants=(variant,)), 2)
    before = stored_prices(shop.db)
    with pytest.raises(EcdeskError, match="MUG-1 has changed since the apply"):
        undo_last_apply(shop.db.uow())
    assert stored_prices(shop.db) == before


def test_an_empty_preview_is_not_applied(shop: PricingShop) -> None:
    build_price_preview(shop.db.uow())
    with pytest.raises(EcdeskError, match="changes no price"):
        apply_price_preview(shop.db.uow())


# -- bad rules ------------------------------------------------------------------------------------
def saved_rules(db: Database) -> int:
    with db.uow() as uow:
        return uow.session.query(PriceRule).count()


@pytest.mark.parametrize(("draft", "field", "message"), [
    (RuleDraft(name="Greedy", method="target_margin", rate="95"), "Rate",
     "margin 95.0 % plus JD's fees 8.0 % reach 100 %: no price keeps it"),
    (RuleDraft(name="", method="fixed", amount="5"), "Name", "is required"),
    (RuleDraft(name="Empty", method="fixed", amount="5", scope="category"), "Scope",
     "name the Category the rule applies to"),
    (RuleDraft(name="Nowhere", method="fixed", amount="5", scope="brand", scope_value="Nobody"),
     "Scope", "no SKU is in the Brand 'Nobody'"),
    (RuleDraft(name="Backwards", method="fixed", amount="5", starts_on="2026-12-31",
               ends_on="2026-12-01"), "Ends",
     "the rule ends (2026-12-01) before it starts (2026-12-31)"),
    (RuleDraft(name="Loss", method="cost_plus", rate="-10"), "Rate",
     "a markup under 0 % prices below cost"),
    (RuleDraft(name="Self", method="relative", base="list_price", rate="5"), "Based on",
     "a rule without a channel sets the list price: it cannot be based on the list price "
     "itself"),
    (RuleDraft(name="Clamp", method="fixed", amount="5", min_price="9", max_price="8"),
     "Maximum price", "is under the minimum price"),
    (RuleDraft(name="Floor", method="fixed", amount="5", min_margin="93"), "Minimum margin",
     "margin 93.0 % plus JD's fees 8.0 % reach 100 %: no price keeps it"),
    (RuleDraft(name="Ghost", method="fixed", amount="5", channel="Taobao"), "Channel",
     "there is no channel named 'Taobao'"),
])
def test_a_bad_rule_is_refused_naming_its_field_and_nothing_is_saved(
        shop: PricingShop, draft: RuleDraft, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        save_rule(shop.db.uow(), draft)
    assert (field, message) in [(p.field, p.message) for p in refused.value.problems]
    assert saved_rules(shop.db) == 0


def test_a_rule_loop_between_channels_is_refused(shop: PricingShop) -> None:
    rule(shop, "JD from Tmall", "relative", channel="JD", base="channel", base_channel="Tmall",
         rate="2")
    rule(shop, "Own from JD", "relative", channel="Own site", base="channel", base_channel="JD",
         rate="2")
    with pytest.raises(ValidationError) as refused:
        rule(shop, "Tmall from Own", "relative", channel="Tmall", base="channel",
             base_channel="Own site", rate="2")
    assert [p.message for p in refused.value.problems] == [
        "rule loop: Tmall -> Own site -> JD -> Tmall (each is priced from the next)"]
    assert saved_rules(shop.db) == 2


def test_a_second_rule_of_the_same_name_is_refused(shop: PricingShop, tmp_path: Path) -> None:
    rule(shop, "Same", "fixed", amount="5")
    with pytest.raises(ValidationError, match="a rule named 'same' already exists"):
        rule(shop, "same", "fixed", amount="6")


# -- undo restores exactly, whatever was applied -------------------------------------------------
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(min_value=100, max_value=99_999), min_size=3, max_size=3),
       channel=st.sampled_from(["", "Tmall", "JD"]), select_every=st.integers(1, 3))
def test_undo_restores_every_price_exactly_whatever_was_applied(
        shop: PricingShop, amounts: list[int], channel: str, select_every: int) -> None:
    before = stored_prices(shop.db)
    with shop.db.uow() as uow:
        uow.session.query(PriceRule).delete()
        uow.commit()
    for sku, cents in zip(("TEE-S", "TEE-M", "MUG-1"), amounts, strict=True):
        rule(shop, f"{sku} {channel}", "fixed", amount=str(Decimal(cents) / 100), scope="sku",
             scope_value=sku, channel=channel)
    build_price_preview(shop.db.uow())
    chosen = [r.id for r in rows(shop).values() if r.writes][::select_every]
    if not chosen:
        return
    apply_price_preview(shop.db.uow(), row_ids=chosen)
    undo_last_apply(shop.db.uow())
    assert stored_prices(shop.db) == before


# -- explanations and the consistency check --------------------------------------------------------
def test_a_price_is_explained_with_its_rule_steps_fees_and_margin(shop: PricingShop) -> None:
    from ecdesk.services.pricing.breakdown import explain_price

    rule(shop, "Tmall margin", "target_margin", rate="40", channel="Tmall", ending=".90")
    [tmall] = explain_price(shop.db.uow(), "MUG-1", channel="Tmall")
    assert (tmall.rule_name, tmall.current_price) == ("Tmall margin", D("56.00"))
    # 30 / (1 - 0.40 - 0.056) = 55.147 -> 55.15; ending .90: the nearest is 54.90 (39.7 %,
    # above the shop's floor of 20 %)
    assert tmall.price == D("54.90")
    assert [s.price for s in tmall.steps] == [D("55.15"), D("54.90")]
    assert tmall.fees == D("3.08")  # 2.75 (5 % of 54.90 = 2.745) + 0.33 (0.3294)
    assert tmall.margin_after_fees == (D("54.90") - D("30.00") - D("3.08")) / D("54.90")
    listing = explain_price(shop.db.uow(), "TEE-S")
    assert [(b.channel, b.follows_list, b.rule_name) for b in listing] == [
        ("", False, ""), ("Tmall", False, "Tmall margin"), ("JD", True, "")]


def test_a_promotion_step_extends_the_breakdown_and_is_judged_again(shop: PricingShop) -> None:
    from ecdesk.services.pricing.breakdown import explain_price

    [mug] = explain_price(shop.db.uow(), "MUG-1", channel="Tmall")
    discounted = mug.with_step("Promotion: 50 % off", D("28.00"))
    assert (discounted.price, discounted.steps[-1].text) == (D("28.00"), "Promotion: 50 % off")
    assert discounted.flags == Flag.BELOW_FLOOR | Flag.BELOW_COST


def test_a_quantity_tier_rule_prices_orders_from_its_quantity_only(shop: PricingShop) -> None:
    from ecdesk.services.pricing.breakdown import explain_price

    rule(shop, "Ten or more", "fixed", amount="50.00", min_quantity="10")
    [one] = explain_price(shop.db.uow(), "MUG-1", channel="")
    [ten] = explain_price(shop.db.uow(), "MUG-1", channel="", quantity=10)
    assert (one.price, ten.price, ten.rule_name) == (D("59.00"), D("50.00"), "Ten or more")
    assert build_price_preview(shop.db.uow()).rows == 0  # a tier never writes a stored price


def test_the_consistency_check_lists_skus_whose_channels_differ_beyond_the_tolerance(
        shop: PricingShop) -> None:
    from ecdesk.services.pricing.consistency import inconsistent_prices

    page = inconsistent_prices(shop.db.uow(), tolerance=D("0.05"))
    # TEE-S: Tmall 24.00 vs JD 25.00 (4 %); TEE-M: Tmall 29.00 vs Own 27.00 (6.9 %)
    assert [(r.sku, r.lowest, r.highest) for r in page.rows] == [
        ("TEE-M", D("27.00"), D("29.00"))]
    assert page.rows[0].prices == (("Own site", D("27.00")), ("Tmall", D("29.00")))
    assert inconsistent_prices(shop.db.uow(), tolerance=D("0.03")).total == 3  # MUG-1: 3.4 %


# -- the Dashboard's count of SKUs under the floor -------------------------------------------------
@pytest.mark.parametrize("floor", ["0.10", "0.45", "0.52", "0.60"])
def test_the_sql_count_under_the_floor_agrees_with_the_margin_function(
        shop: PricingShop, floor: str) -> None:
    from sqlalchemy import text

    from ecdesk.services.pricing.floor_check import count_below_floor
    from ecdesk.services.pricing.margin import margin_after_fees, margin_status
    from ecdesk.services.settings import update_settings

    update_settings(shop.db.uow(), shop_name="Pricing shop", currency="CNY",
                    timezone="Asia/Shanghai", min_margin=floor)
    fees = {c.id: c.fees for c in list_channels(shop.db.uow())}
    below = set()
    with shop.db.uow() as uow:
        rows = uow.session.execute(text(
            "SELECT v.sku, v.unit_cost, v.price, l.channel_id, l.channel_price FROM variants v "
            "LEFT JOIN listings l ON l.variant_id = v.id")).all()
        for sku, cost, price, channel_id, own in rows:
            cost_d, list_d = D(cost) / 100, D(price) / 100
            checks = [(list_d, NO_FEES)]
            if channel_id is not None:
                checks.append((list_d if own is None else D(own) / 100, fees[channel_id]))
            for amount, channel in checks:
                status = margin_status(margin_after_fees(amount, cost_d, channel), cost_d,
                                       D(floor))
                if is_flagged(status):
                    below.add(sku)
        assert count_below_floor(uow.session) == len(below)


def test_an_apply_then_its_undo_leaves_the_catalog_export_byte_for_byte_the_same(
        shop: PricingShop, tmp_path: Path) -> None:
    from ecdesk.services.catalog_io.export import export_products

    export_products(shop.db.uow(), tmp_path / "before.csv")
    rule(shop, "Cost plus", "cost_plus", rate="100", ending=".99")
    rule(shop, "Tmall margin", "target_margin", rate="40", channel="Tmall")
    build_price_preview(shop.db.uow())
    apply_price_preview(shop.db.uow())
    export_products(shop.db.uow(), tmp_path / "applied.csv")
    undo_last_apply(shop.db.uow())
    export_products(shop.db.uow(), tmp_path / "after.csv")
    assert (tmp_path / "applied.csv").read_bytes() != (tmp_path / "before.csv").read_bytes()
    assert (tmp_path / "after.csv").read_bytes() == (tmp_path / "before.csv").read_bytes()
