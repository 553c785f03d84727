"""The effective price and margins the queries give agree with the pricing module's Python.

One small shop, with and without channel prices: the Listings rows (through SQLAlchemy), the
same rows read at start-up (sqlite3 text), the order form's suggested price and the sort by a
channel column all give what `effective_price`, `margin_before_fees`, `margin_after_fees` and
`margin_status` say, including a zero price, a missing cost and fees of 100 %.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from ecdesk.db import Database
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft, VariantQuery
from ecdesk.services.catalog.first_rows import read_first_rows
from ecdesk.services.catalog.queries import list_variants
from ecdesk.services.channels import save_channel
from ecdesk.services.orders.form_queries import sku_choice, suggest_skus
from ecdesk.services.pricing.margin import (
    ChannelFees,
    MarginStatus,
    margin_after_fees,
    margin_before_fees,
    margin_status,
)
from ecdesk.services.pricing.price import effective_price
from ecdesk.services.settings import update_settings

D = Decimal
MINIMUM = D("0.20")
# name -> (commission, payment fee); "Greedy" keeps the whole price (70 % + 30 %)
CHANNELS = {"Tmall": (D("0.05"), D("0.006")), "Own site": (D("0"), D("0")),
            "Greedy": (D("0.70"), D("0.30"))}
# sku -> (list price, cost, channel price on each channel: None = the list price)
SKUS = {
    "MUG-1": ("100.00", "60.00", {"Tmall": "90.00", "Own site": None, "Greedy": "120.00"}),
    "MUG-2": ("50.00", "39.00", {"Tmall": None, "Own site": "52.00", "Greedy": None}),
    "FREE-1": ("0.00", "5.00", {"Tmall": None, "Own site": "0.00", "Greedy": None}),
    "NOCOST-1": ("20.00", "0.00", {"Tmall": "18.00", "Own site": None, "Greedy": None}),
}


def build_shop(db: Database, with_channel_prices: bool) -> dict[str, int]:
    update_settings(db.uow(), shop_name="Pricing test", currency="CNY",
                    timezone="Asia/Shanghai", min_margin=MINIMUM)
    channel_ids = {name: save_channel(db.uow(), name=name, kind="other", currency="CNY",
                                      commission_rate=commission,
                                      payment_fee_rate=payment).ids[0]
                   for name, (commission, payment) in CHANNELS.items()}
    variants = tuple(VariantDraft(sku, unit_cost=cost, price=price)
                     for sku, (price, cost, _own) in SKUS.items())
    listings = tuple(
        ListingDraft(index, channel_ids[name], "listed",
                     channel_price=(own or "") if with_channel_prices else "")
        for index, (_price, _cost, prices) in enumerate(SKUS.values())
        for name, own in prices.items())
    save_product(db.uow(), ProductDraft(title="Pricing mug", status="active",
                                        variants=variants, listings=listings))
    return channel_ids


def channel_price(sku: str, channel: str, with_channel_prices: bool) -> Decimal | None:
    own = SKUS[sku][2][channel]
    return D(own) if own is not None and with_channel_prices else None


@pytest.fixture(params=[True, False], ids=["with channel prices", "without channel prices"])
def shop(request: pytest.FixtureRequest, tmp_shop: Database
         ) -> Iterator[tuple[Database, dict[str, int], bool]]:
    yield tmp_shop, build_shop(tmp_shop, request.param), request.param


def test_listing_rows_agree_with_the_pricing_functions(
        shop: tuple[Database, dict[str, int], bool]) -> None:
    db, channel_ids, with_prices = shop
    rows = list_variants(db.uow(), VariantQuery()).rows

    assert sorted(row.sku for row in rows) == sorted(SKUS)
    for row in rows:
        list_price, cost = D(SKUS[row.sku][0]), D(SKUS[row.sku][1])
        assert (row.price, row.cost, row.min_margin) == (list_price, cost, MINIMUM)
        assert row.margin == margin_before_fees(list_price, cost)
        assert row.margin_status == margin_status(row.margin, cost, MINIMUM)
        for name, channel_id in channel_ids.items():
            cell = row.listings[channel_id]
            own = channel_price(row.sku, name, with_prices)
            price = effective_price(list_price, own)
            margin = margin_after_fees(price, cost, ChannelFees(*CHANNELS[name]))
            assert (cell.price, cell.own_price) == (price, own is not None), (row.sku, name)
            assert cell.margin == margin, (row.sku, name)
            assert cell.margin_status == margin_status(margin, cost, MINIMUM), (row.sku, name)


def test_the_rows_read_at_start_up_are_the_listing_rows(
        shop: tuple[Database, dict[str, int], bool]) -> None:
    db, _channel_ids, _with_prices = shop
    first = read_first_rows(db.path)

    assert first is not None
    assert first.page == list_variants(db.uow(), VariantQuery(), count=False)


def test_the_order_forms_suggested_price_is_the_effective_price(
        shop: tuple[Database, dict[str, int], bool]) -> None:
    db, channel_ids, with_prices = shop
    for sku, (list_price, _cost, _prices) in SKUS.items():
        assert sku_choice(db.uow(), sku, None).price == D(list_price)  # type: ignore[union-attr]
        for name, channel_id in channel_ids.items():
            expected = effective_price(D(list_price), channel_price(sku, name, with_prices))
            assert sku_choice(db.uow(), sku, channel_id).price == expected  # type: ignore[union-attr]
            suggested = {c.sku: c.price for c in suggest_skus(db.uow(), sku, channel_id)}
            assert suggested[sku] == expected


def test_sorting_by_a_channel_column_sorts_by_the_effective_price(
        shop: tuple[Database, dict[str, int], bool]) -> None:
    db, channel_ids, with_prices = shop
    channel = "Own site"
    rows = list_variants(db.uow(), VariantQuery(sort=f"channel:{channel_ids[channel]}")).rows

    prices = [effective_price(D(SKUS[row.sku][0]), channel_price(row.sku, channel, with_prices))
              for row in rows]
    assert prices == sorted(prices)


def test_a_listing_with_channel_prices_is_judged_after_its_channels_fees(
        tmp_shop: Database) -> None:
    channel_ids = build_shop(tmp_shop, with_channel_prices=True)
    rows = {row.sku: row for row in list_variants(tmp_shop.uow(), VariantQuery()).rows}
    mug, thin, free, no_cost = rows["MUG-1"], rows["MUG-2"], rows["FREE-1"], rows["NOCOST-1"]

    # 90 - 60 - 4.50 - 0.54 = 24.96 of 90: 27.7 %; on the own site 40 % (no fees)
    assert mug.listings[channel_ids["Tmall"]].margin_status == MarginStatus.OK
    assert mug.listings[channel_ids["Own site"]].margin == D("0.4")
    # 22 % before fees (the catalog's figure) but 16.4 % after Tmall's 5.6 %
    assert (thin.margin_status, thin.listings[channel_ids["Tmall"]].margin_status) == (
        MarginStatus.OK, MarginStatus.THIN)
    # fees of 100 %: the seller keeps nothing and loses the cost
    assert mug.listings[channel_ids["Greedy"]].margin == D("-0.5")
    assert mug.listings[channel_ids["Greedy"]].margin_status == MarginStatus.NEGATIVE
    # a zero price with a cost is a loss; without a cost nothing can be judged
    assert (free.margin, free.margin_status) == (None, MarginStatus.NEGATIVE)
    assert free.listings[channel_ids["Own site"]].margin_status == MarginStatus.NEGATIVE
    assert no_cost.margin_status == MarginStatus.UNKNOWN_COST
    assert no_cost.listings[channel_ids["Greedy"]].margin_status == MarginStatus.UNKNOWN_COST
