"""Market reference prices typed one at a time: added, changed, deleted; a wrong field refused
by name with nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.services.pricing.market import (
    MarketPriceDraft,
    delete_market_price,
    list_market_prices,
    save_market_price,
)
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def stored(shop: PricingShop) -> list[tuple[str, str, Decimal, str, str]]:
    return [(r.sku, r.channel, r.price, r.observed_on.isoformat(), r.source)
            for r in list_market_prices(shop.db.uow()).rows]


def test_a_typed_market_price_is_saved_with_its_channel_date_and_source(shop: PricingShop
                                                                        ) -> None:
    changed = save_market_price(shop.db.uow(), MarketPriceDraft(
        "TEE-S", "Tmall", "23.80", "2026-11-30", " 竞品A "))
    assert changed.ids and "TEE-S" in (changed.message or "")
    assert stored(shop) == [("TEE-S", "Tmall", Decimal("23.80"), "2026-11-30", "竞品A")]


def test_editing_a_market_price_changes_that_row_only(shop: PricingShop) -> None:
    first = save_market_price(shop.db.uow(), MarketPriceDraft("TEE-S", "", "23.80",
                                                              "2026-11-30")).ids[0]
    save_market_price(shop.db.uow(), MarketPriceDraft("MUG-1", "JD", "60", "2026-11-29"))
    save_market_price(shop.db.uow(), MarketPriceDraft("TEE-M", "JD", "27.50", "2026-12-01",
                                                      "比价网"), first)
    assert stored(shop) == [("TEE-M", "JD", Decimal("27.50"), "2026-12-01", "比价网"),
                            ("MUG-1", "JD", Decimal("60.00"), "2026-11-29", "")]


def test_deleting_a_market_price_removes_it_and_an_unknown_one_is_not_found(
        shop: PricingShop) -> None:
    saved = save_market_price(shop.db.uow(), MarketPriceDraft("TEE-S", "", "23.80",
                                                              "2026-11-30")).ids[0]
    delete_market_price(shop.db.uow(), saved)
    assert stored(shop) == []
    with pytest.raises(NotFoundError):
        delete_market_price(shop.db.uow(), saved)
    with pytest.raises(NotFoundError):
        save_market_price(shop.db.uow(), MarketPriceDraft("TEE-S", "", "1", "2026-11-30"),
                          saved)


@pytest.mark.parametrize(("draft", "field", "words"), [
    (MarketPriceDraft("NOPE-1", "", "10", "2026-11-30"), "SKU", "no SKU 'NOPE-1'"),
    (MarketPriceDraft("TEE-S", "Lazada", "10", "2026-11-30"), "Channel", "'Lazada'"),
    (MarketPriceDraft("TEE-S", "", "ten", "2026-11-30"), "Price", "ten"),
    (MarketPriceDraft("TEE-S", "", "0", "2026-11-30"), "Price", "more than 0"),
    (MarketPriceDraft("TEE-S", "", "-3", "2026-11-30"), "Price", "negative"),
    (MarketPriceDraft("TEE-S", "", "10", "30/11/2026"), "Date", "YYYY-MM-DD"),
])
def test_a_wrong_field_is_refused_by_name_and_nothing_is_written(
        shop: PricingShop, draft: MarketPriceDraft, field: str, words: str) -> None:
    kept = save_market_price(shop.db.uow(), MarketPriceDraft("MUG-1", "", "60",
                                                             "2026-11-29")).ids[0]
    for price_id in (None, kept):  # neither a new one nor an edit
        with pytest.raises(ValidationError) as refused:
            save_market_price(shop.db.uow(), draft, price_id)
        assert [p.field for p in refused.value.problems] == [field]
        assert words in refused.value.problems[0].message
    assert stored(shop) == [("MUG-1", "", Decimal("60.00"), "2026-11-29", "")]
    with shop.db.uow() as uow:
        assert uow.session.execute(text("SELECT count(*) FROM market_prices")).scalar() == 1
