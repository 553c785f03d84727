"""A new shop's channels created together: all or none, every problem on its row."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.channels import NewChannel, add_channels, list_channels, save_channel


def channel_rows(db: Database) -> list[tuple]:
    with db.uow() as uow:
        return [tuple(r) for r in uow.session.execute(text(
            "SELECT name, kind, currency, position FROM channels ORDER BY position"))]


def test_the_channels_typed_with_the_shop_are_created_in_order(tmp_shop: Database) -> None:
    changed = add_channels(tmp_shop.uow(), [NewChannel(" Tmall 天猫 ", "tmall", "CNY"),
                                            NewChannel("Shopify EU", "shopify", "EUR")])
    assert changed.message == "2 channels added" and len(changed.ids) == 2
    assert channel_rows(tmp_shop) == [("Tmall 天猫", "tmall", "CNY", 1),
                                      ("Shopify EU", "shopify", "EUR", 2)]
    assert [c.commission_rate for c in list_channels(tmp_shop.uow())] == [0, 0]


def test_bad_channels_are_named_by_row_and_none_is_created(tmp_shop: Database) -> None:
    save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY")
    before = channel_rows(tmp_shop)
    with pytest.raises(ValidationError) as refused:
        add_channels(tmp_shop.uow(), [NewChannel("jd", "jd", "CNY"),
                                      NewChannel("Amazon", "amazon", "usd"),
                                      NewChannel("amazon", "ebay", "USD"),
                                      NewChannel("  ", "tmall", "CNY")])
    assert [str(p) for p in refused.value.problems] == [
        "Row 1, Name: a channel named 'jd' already exists",
        "Row 2, Currency: 'usd' is not a three-letter code such as CNY",
        "Row 3, Kind: 'ebay' is not a channel kind",
        "Row 3, Name: a channel named 'amazon' already exists",
        "Row 4, Name: is required"]
    assert channel_rows(tmp_shop) == before
