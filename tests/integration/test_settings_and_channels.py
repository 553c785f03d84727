"""Shop settings and sales channels."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.models import AuditEntry, Channel, Listing
from ecdesk.services.changes import ChangeArea
from ecdesk.services.channels import (
    ChannelInfo,
    FixedFees,
    list_channels,
    save_channel,
    set_channel_archived,
)
from ecdesk.services.pricing.margin import ChannelFees, FeeBasis
from ecdesk.services.settings import ShopSettings, get_settings, update_settings

# --- settings ----------------------------------------------------------------------------------


def test_a_new_shop_has_default_settings_and_is_not_initialized(tmp_shop: Database) -> None:
    assert get_settings(tmp_shop.uow()) == ShopSettings(
        shop_name="", currency="CNY", timezone="Asia/Shanghai", min_margin=Decimal("0.20"),
        initialized=False)


def test_saved_settings_are_read_back_and_mark_the_shop_initialized(tmp_shop: Database) -> None:
    changed = update_settings(tmp_shop.uow(), shop_name="  小满杂货 Xiaoman  ", currency="USD",
                              timezone="Europe/Berlin", min_margin="0.35")
    assert changed.areas == frozenset({ChangeArea.SETTINGS})
    assert changed.message == "Settings saved"
    assert get_settings(tmp_shop.uow()) == ShopSettings(
        shop_name="小满杂货 Xiaoman", currency="USD", timezone="Europe/Berlin",
        min_margin=Decimal("0.35"), initialized=True)


def test_saving_settings_again_changes_only_what_changed(tmp_shop: Database) -> None:
    update_settings(tmp_shop.uow(), shop_name="Shop", currency="CNY", timezone="Asia/Shanghai",
                    min_margin=Decimal("0.2"))
    update_settings(tmp_shop.uow("owner"), shop_name="Shop", currency="CNY",
                    timezone="Asia/Shanghai", min_margin=Decimal("0.25"))
    with tmp_shop.uow() as uow:
        rows = uow.session.execute(select(AuditEntry.actor, AuditEntry.action,
                                          AuditEntry.entity, AuditEntry.changes)
                                   .order_by(AuditEntry.id)).all()
    assert [(r.action, r.entity) for r in rows[:4]] == [("create", "settings")] * 4
    assert [(r.actor, r.action, json.loads(r.changes)) for r in rows[4:]] == [
        ("owner", "update", {"value": ["0.2", "0.25"]})]
    assert get_settings(tmp_shop.uow()).min_margin == Decimal("0.25")


def test_invalid_settings_are_refused_with_every_problem_listed(tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        update_settings(tmp_shop.uow(), shop_name="  ", currency="cny", timezone="Mars/Olympus",
                        min_margin="1.5")
    assert [str(p) for p in info.value.problems] == [
        "Shop name: is required",
        "Currency: 'cny' is not a three-letter code such as CNY",
        "Timezone: 'Mars/Olympus' is not a known time zone",
        "Minimum margin: must be between 0 % and 100 %",
    ]
    assert str(info.value) == "; ".join(str(p) for p in info.value.problems)
    assert get_settings(tmp_shop.uow()).initialized is False, "nothing was saved"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("currency", "YUAN", "Currency: 'YUAN' is not a three-letter code such as CNY"),
    ("currency", "C1Y", "Currency: 'C1Y' is not a three-letter code such as CNY"),
    ("timezone", "", "Timezone: '' is not a known time zone"),
    ("timezone", "../../etc/passwd", "Timezone: '../../etc/passwd' is not a known time zone"),
    ("min_margin", "-0.01", "Minimum margin: must be between 0 % and 100 %"),
    ("min_margin", "1", "Minimum margin: must be between 0 % and 100 %"),
    ("min_margin", "lots", "Minimum margin: 'lots' is not a number"),
])
def test_each_invalid_setting_is_named(tmp_shop: Database, field: str, value: str,
                                       message: str) -> None:
    values = {"shop_name": "Shop", "currency": "CNY", "timezone": "Asia/Shanghai",
              "min_margin": "0.2", field: value}
    with pytest.raises(ValidationError) as info:
        update_settings(tmp_shop.uow(), **values)
    assert str(info.value) == message


def test_a_float_margin_is_refused(tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        update_settings(tmp_shop.uow(), shop_name="Shop", currency="CNY",
                        timezone="Asia/Shanghai", min_margin=0.2)  # type: ignore[arg-type]
    assert str(info.value) == "Minimum margin: refusing float 0.2: use Decimal or a string"


# --- channels ----------------------------------------------------------------------------------


def test_a_new_channel_is_saved_and_listed(tmp_shop: Database) -> None:
    changed = save_channel(tmp_shop.uow(), name=" 天猫 Tmall ", kind="tmall", currency="CNY",
                           commission_rate="0.05", payment_fee_rate=Decimal("0.006"))
    assert changed.areas == frozenset({ChangeArea.CHANNELS, ChangeArea.CATALOG})
    assert changed.message == "Channel '天猫 Tmall' saved"
    (channel_id,) = changed.ids
    assert list_channels(tmp_shop.uow()) == [ChannelInfo(
        channel_id, "天猫 Tmall", "tmall", "CNY", Decimal("0.05"), Decimal("0.006"), False)]


def test_channels_are_listed_in_the_order_they_were_added(tmp_shop: Database) -> None:
    for name, kind in (("JD", "jd"), ("Amazon", "amazon"), ("Own site", "own_site")):
        save_channel(tmp_shop.uow(), name=name, kind=kind, currency="USD")
    assert [c.name for c in list_channels(tmp_shop.uow())] == ["JD", "Amazon", "Own site"]
    with tmp_shop.uow() as uow:
        assert uow.session.scalars(select(Channel.position).order_by(Channel.id)).all() == [
            1, 2, 3]


def test_a_channel_is_updated_in_place(tmp_shop: Database) -> None:
    (channel_id,) = save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY").ids
    changed = save_channel(tmp_shop.uow(), channel_id=channel_id, name="京东 JD", kind="jd",
                           currency="CNY", commission_rate="0.08")
    assert changed.ids == (channel_id,)
    assert list_channels(tmp_shop.uow()) == [ChannelInfo(
        channel_id, "京东 JD", "jd", "CNY", Decimal("0.08"), Decimal("0"), False)]


def test_a_channel_may_keep_its_own_name_when_saved_again(tmp_shop: Database) -> None:
    (channel_id,) = save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY").ids
    save_channel(tmp_shop.uow(), channel_id=channel_id, name="jd", kind="jd", currency="CNY")
    assert [c.name for c in list_channels(tmp_shop.uow())] == ["jd"]


def test_a_duplicate_channel_name_is_refused_ignoring_case(tmp_shop: Database) -> None:
    save_channel(tmp_shop.uow(), name="Tmall", kind="tmall", currency="CNY")
    (jd,) = save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY").ids
    with pytest.raises(ValidationError) as info:
        save_channel(tmp_shop.uow(), name=" TMALL ", kind="tmall", currency="CNY")
    assert str(info.value) == "Name: a channel named 'TMALL' already exists"
    with pytest.raises(ValidationError) as info:
        save_channel(tmp_shop.uow(), channel_id=jd, name="tmall", kind="jd", currency="CNY")
    assert str(info.value) == "Name: a channel named 'tmall' already exists"
    assert [c.name for c in list_channels(tmp_shop.uow())] == ["Tmall", "JD"]


def test_an_invalid_channel_is_refused_with_every_problem_listed(tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as info:
        save_channel(tmp_shop.uow(), name="", kind="ebay", currency="rmb",
                     commission_rate="1.5", payment_fee_rate="abc")
    assert [str(p) for p in info.value.problems] == [
        "Name: is required",
        "Kind: 'ebay' is not a channel kind",
        "Currency: 'rmb' is not a three-letter code such as CNY",
        "Commission: must be between 0 % and 100 %",
        "Payment fee: 'abc' is not a number",
    ]
    assert list_channels(tmp_shop.uow(), include_archived=True) == []


@pytest.mark.parametrize(("rate", "message"), [
    ("-0.01", "Commission: must be between 0 % and 100 %"),
    ("1", "Commission: must be between 0 % and 100 %"),
    ("", "Commission: '' is not a number"),
])
def test_a_commission_outside_zero_to_a_hundred_percent_is_refused(
        tmp_shop: Database, rate: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY", commission_rate=rate)
    assert str(info.value) == message


def test_a_rate_with_more_decimals_than_stored_is_refused_with_a_message(
        tmp_shop: Database) -> None:
    # parse_rate("3.14159 %") gives 0.0314159, which a user can type in the channel form.
    with pytest.raises(ValidationError) as info:
        save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY",
                     commission_rate="0.0314159")
    assert str(info.value).startswith("Commission: ")
    assert list_channels(tmp_shop.uow()) == []


def test_saving_a_channel_that_does_not_exist_is_refused(tmp_shop: Database) -> None:
    with pytest.raises(NotFoundError) as info:
        save_channel(tmp_shop.uow(), channel_id=42, name="JD", kind="jd", currency="CNY")
    assert str(info.value) == "Channel 42 does not exist"


def test_an_archived_channel_is_hidden_from_the_list_and_can_be_restored(
        tmp_shop: Database) -> None:
    (tmall,) = save_channel(tmp_shop.uow(), name="Tmall", kind="tmall", currency="CNY").ids
    (jd,) = save_channel(tmp_shop.uow(), name="JD", kind="jd", currency="CNY").ids
    changed = set_channel_archived(tmp_shop.uow(), tmall, True)
    assert changed.message == "Channel 'Tmall' archived"
    assert [c.id for c in list_channels(tmp_shop.uow())] == [jd]
    everything = list_channels(tmp_shop.uow(), include_archived=True)
    assert [(c.id, c.archived) for c in everything] == [(tmall, True), (jd, False)]
    assert set_channel_archived(tmp_shop.uow(), tmall, False).message == "Channel 'Tmall' restored"
    assert [c.id for c in list_channels(tmp_shop.uow())] == [tmall, jd]


def test_archiving_a_channel_keeps_its_listings(demo_shop: Database) -> None:
    def listings_on_own_site() -> int:
        with demo_shop.uow() as uow:
            return uow.session.scalar(select(func.count()).select_from(Listing)
                                      .where(Listing.channel_id == 4))

    before = listings_on_own_site()
    assert before > 0
    set_channel_archived(demo_shop.uow(), 4, True)
    assert [c.name for c in list_channels(demo_shop.uow())] == [
        "天猫旗舰店 Tmall", "京东 JD", "拼多多 Pinduoduo"]
    assert listings_on_own_site() == before


def test_archiving_a_channel_that_does_not_exist_is_refused(tmp_shop: Database) -> None:
    with pytest.raises(NotFoundError) as info:
        set_channel_archived(tmp_shop.uow(), 7, True)
    assert str(info.value) == "Channel 7 does not exist"


def test_a_channel_keeps_its_fixed_fees_and_the_amount_its_rates_are_charged_on(
        tmp_shop: Database) -> None:
    save_channel(tmp_shop.uow(), name="PDD", kind="pinduoduo", currency="CNY",
                 commission_rate="0.006", fixed_fees=FixedFees("1.50", "0.20", "before_discounts"))
    [channel] = list_channels(tmp_shop.uow())
    assert channel.fees == ChannelFees(Decimal("0.006"), Decimal("0"), Decimal("1.50"),
                                       Decimal("0.20"), FeeBasis.BEFORE_DISCOUNTS)


def test_a_negative_fixed_fee_a_fraction_of_a_cent_or_an_unknown_basis_is_refused(
        tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        save_channel(tmp_shop.uow(), name="PDD", kind="pinduoduo", currency="CNY",
                     fixed_fees=FixedFees("-1", "0.005", "sometimes"))
    assert [p.field for p in refused.value.problems] == [
        "Fee per order", "Fee per unit", "Fees charged on"]
    assert list_channels(tmp_shop.uow()) == []
