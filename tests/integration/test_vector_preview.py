"""The preview computed over arrays of cents writes the same rows, to the cent and the flag, as
the per-SKU Decimal engine: on the demo shop (its rules, and more of every kind), and on
generated rules over a small shop."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.pricing.market import MarketPriceDraft, add_market_prices
from ecdesk.services.pricing.preview import build_price_preview
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import save_rule
from tests.integration.pricing_fixtures import build_pricing_shop

Table = list[tuple[object, ...]]


def preview_table(db: Database, **options: object) -> tuple[Table, object]:
    summary = build_price_preview(db.uow(), **options)  # type: ignore[arg-type]
    with db.uow() as uow:
        return [tuple(row) for row in uow.session.execute(text(
            "SELECT * FROM price_preview ORDER BY id"))], replace(summary, changed=None)


def assert_same_preview(db: Database, rule_name: str | None = None) -> Table:
    """The same rows, and the same counts (the arrays count theirs, the per-SKU path reads
    them from the table)."""
    per_sku = preview_table(db, rule_name=rule_name, per_sku=True)
    vectorized = preview_table(db, rule_name=rule_name)
    assert vectorized == per_sku
    return vectorized[0]


def test_the_demo_shops_preview_is_the_per_sku_engines_row_for_row(demo_shop: Database
                                                                     ) -> None:
    assert len(assert_same_preview(demo_shop)) > 100


def test_the_demo_shop_with_a_rule_of_every_kind_previews_as_the_per_sku_engine(
        demo_shop: Database) -> None:
    with demo_shop.uow() as uow:
        channels = [name for (name,) in uow.session.execute(text(
            "SELECT name FROM channels WHERE archived = 0 ORDER BY id"))]
        brand, sku = uow.session.execute(text(
            "SELECT p.brand, v.sku FROM variants v JOIN products p ON p.id = v.product_id "
            "WHERE p.brand != '' ORDER BY v.id LIMIT 1")).one()
    tmall = next(c for c in channels if "Tmall" in c)
    for draft in (
            RuleDraft(name="list cost plus", method="cost_plus", rate="80", ending="x9"),
            RuleDraft(name="list clearance", method="relative", base="compare_at", rate="30",
                      scope="tag", scope_value="清仓 clearance", round_to="0.50"),
            RuleDraft(name="brand fixed", method="fixed", amount="88", scope="brand",
                      scope_value=brand, min_margin="40"),
            RuleDraft(name="one SKU", method="cost_plus", rate="5", scope="sku", scope_value=sku,
                      channel=tmall, max_price="9.99"),
            *(RuleDraft(name=f"from tmall {c}", method="relative", channel=c, base="channel",
                        base_channel=tmall, amount="-3", ending=".99")
              for c in channels if c != tmall and "JD" not in c)):
        save_rule(demo_shop.uow(), draft)
    assert_same_preview(demo_shop)
    assert_same_preview(demo_shop, rule_name="list cost plus")


METHODS = st.sampled_from([
    {"method": "cost_plus", "rate": "35"}, {"method": "cost_plus", "rate": "0"},
    {"method": "target_margin", "rate": "30"}, {"method": "target_margin", "rate": "85"},
    {"method": "fixed", "amount": "19.95"}, {"method": "fixed", "amount": "0.50"},
    {"method": "relative", "base": "list_price", "rate": "12.5"},
    {"method": "relative", "base": "compare_at", "amount": "4"},
    {"method": "relative", "base": "market", "rate": "-7"},
    {"method": "relative", "base": "channel", "base_channel": "Tmall", "rate": "3"}])
SCOPES = st.sampled_from([
    {}, {"scope": "category", "scope_value": "Clothing"}, {"scope": "tag", "scope_value": "summer"},
    {"scope": "brand", "scope_value": "forge"}, {"scope": "product", "scope_value": "Cotton tee"},
    {"scope": "sku", "scope_value": "TEE-M"}, {"scope": "sku", "scope_value": "FREE-1"}])
EXTRAS = st.fixed_dictionaries({}, optional={
    "ending": st.sampled_from([".99", ".90", "x8", "x9"]),
    "round_to": st.sampled_from(["0.10", "1", "5"]),
    "min_price": st.sampled_from(["9.99", "26", "40"]),
    "max_price": st.sampled_from(["12", "31.50", "70"]),
    "min_margin": st.sampled_from(["0", "10", "45", "80"])})
RULES = st.lists(st.tuples(METHODS, SCOPES, st.sampled_from(["", "Tmall", "JD", "Own site"]),
                           EXTRAS), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rules=RULES, threshold=st.sampled_from(["0", "0.05", "0.2"]),
       tolerance=st.sampled_from(["0", "0.1", "0.333"]))
def test_generated_rules_preview_as_the_per_sku_engine(
        tmp_shop: Database, rules: list[tuple[dict[str, str], dict[str, str], str,
                                              dict[str, str]]],
        threshold: str, tolerance: str) -> None:
    from ecdesk.services.pricing.price_settings import set_price_settings

    db = tmp_shop
    with db.uow() as uow:
        empty = not uow.session.execute(text("SELECT count(*) FROM products")).scalar()
    if empty:  # the first example builds the shop; the next ones reuse it
        _shop_to_price(db)
    with db.uow() as uow:
        uow.session.execute(text("DELETE FROM price_rules"))
        uow.commit()
    set_price_settings(db.uow(), change_threshold=threshold, tolerance=tolerance)
    for number, (method, scope, channel, extras) in enumerate(rules):
        with suppress(ValidationError):  # a rule refused (a loop, a maximum under a minimum)
            save_rule(db.uow(), RuleDraft(name=f"rule {number}", channel=channel,
                                          **method, **scope, **extras))
    assert_same_preview(db)


def _shop_to_price(db: Database) -> None:
    shop = build_pricing_shop(db)
    save_product(db.uow(), ProductDraft(
        title="Free sample", brand="Forge", category_path="Clothing", status="active",
        variants=(VariantDraft("FREE-1", unit_cost="0", price="5.00",
                               compare_at_price="9.00"),),
        listings=(ListingDraft(0, shop.tmall, "listed"),
                  ListingDraft(0, shop.own, "listed", channel_price="4.50"))))
    add_market_prices(db.uow(), [MarketPriceDraft("TEE-S", "Tmall", "23.50", "2026-11-01", "A"),
                                 MarketPriceDraft("TEE-S", "", "26.00", "2026-11-02", "B"),
                                 MarketPriceDraft("MUG-1", "JD", "61.00", "2026-11-01", "A")])
