"""Supplier scorecards computed by hand: on time, fill rate, lead time, rejections, price
variance and the weighted score."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.common.period import Period
from ecdesk.services.suppliers.scorecard import (
    ScoreWeights,
    get_scorecards,
    update_score_weights,
)
from tests.integration.purchasing_fixtures import (
    PurchasingShop,
    book_november_deliveries,
    purchasing_shop,
)

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    shop = purchasing_shop(tmp_shop)
    book_november_deliveries(shop)
    yield shop


def test_a_scorecard_is_computed_by_hand(shop: PurchasingShop) -> None:
    cards = {card.supplier_name: card for card in get_scorecards(shop.db.uow(), NOVEMBER)}
    card = cards["Ningbo Ceramics"]
    assert (card.orders, card.units_ordered, card.units_accepted, card.units_rejected) == (
        2, 30, 26, 2)
    assert card.on_time == D("0.6667")  # 10 + 10 of 30 by the expected day
    assert card.fill_rate == D("0.8667")  # 26 of 30
    assert card.rejection_rate == D("0.0714")  # 2 of 28 delivered
    # days sent -> arrived, by units: (10 x 5 + 6 x 15 + 10 x 7) / 26 = 8.08; promised
    # (16 x 10 + 10 x 7) / 26 = 8.85
    assert (card.lead_days_actual, card.lead_days_promised) == (D("8.1"), D("8.8"))
    # mugs at 18.00 and 21.60 CNY, 10 each: 36.00 off their average 19.80, over 684.00
    assert card.price_variance == D("0.0526")
    assert card.return_rate is None  # nothing of theirs sold
    # (25 x .6667 + 15 x .8667 + 10 x 1 + 20 x .9286 + 10 x .9474) / 80 x 100
    assert card.score == D("84.6")
    assert cards["Yiwu Textiles"].score is None  # nothing ordered, no ratings


def test_the_users_weights_change_the_score(shop: PurchasingShop) -> None:
    update_score_weights(shop.db.uow(), ScoreWeights(on_time=1, fill_rate=0, lead_time=0,
                                                     quality=0, returns=0, price=0, service=0,
                                                     innovation=0))
    cards = {card.supplier_name: card for card in get_scorecards(shop.db.uow(), NOVEMBER)}
    assert cards["Ningbo Ceramics"].score == D("66.7")


def test_weights_that_are_all_zero_or_negative_are_refused(shop: PurchasingShop) -> None:
    with pytest.raises(ValidationError, match="at least one must be above 0"):
        update_score_weights(shop.db.uow(), ScoreWeights(0, 0, 0, 0, 0, 0, 0, 0))
    with pytest.raises(ValidationError, match="at least 0"):
        update_score_weights(shop.db.uow(), ScoreWeights(on_time=-1))
