"""`promotions add`, `edit ID`, `schedule ID`, `cancel ID`, `draft ID` through the real entry
point: every field by option; the checks' findings refuse the save (exit 3) unless --yes;
problems printed by field (exit 3) and nothing written; an unknown id exits 2."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from ecdesk.cli import main
from ecdesk.db import Database
from ecdesk.services.promotions.store import list_promotions
from ecdesk.services.promotions.terms import Funding, Kind, Stacking, Status, Tier
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

TIERS = ("promotions", "add", "双11 满减", "--type", "basket_tiers", "--channel", "Tmall",
         "--channel", "JD", "--start", "2030-11-11 00:00", "--end", "2030-11-12 00:00",
         "--tiers", "200:30, 300:50", "--funded-by", "shared", "--seller-share", "60",
         "--stacking", "stackable", "--priority", "2", "--code", "D11", "--notes", "全店")


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    return build_pricing_shop(tmp_shop)


def cli(shop: PricingShop, *args: str) -> int:
    return main([*args, "--db", str(shop.db.path)])


def saved(shop: PricingShop) -> dict[str, object]:
    return {p.name: p for p in list_promotions(shop.db.uow())}


def test_add_saves_every_field_given_as_options(shop: PricingShop,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, *TIERS) == 0
    assert "Promotion '双11 满减' saved (id 1)" in capsys.readouterr().out
    tiers = saved(shop)["双11 满减"]
    assert (tiers.kind, tiers.terms.tiers, tiers.channel_names) == (  # type: ignore[attr-defined]
        Kind.BASKET_TIERS, (Tier(Decimal(200), Decimal(30)), Tier(Decimal(300), Decimal(50))),
        ("Tmall", "JD"))
    assert (tiers.funded_by, tiers.seller_rate, tiers.stacking, tiers.priority,  # type: ignore[attr-defined]
            tiers.coupon_code, tiers.notes, tiers.status) == (  # type: ignore[attr-defined]
        Funding.SHARED, Decimal("0.6"), Stacking.STACKABLE, 2, "D11", "全店", Status.DRAFT)


def test_add_with_problems_prints_them_by_field_exits_3_and_writes_nothing(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "add", " ", "--type", "percent_off", "--channel", "Weibo",
               "--start", "2030-11-12", "--end", "2030-11-11", "--rate", "abc",
               "--daily-hours", "10:00") == 3
    err = capsys.readouterr().err
    for line in ("problem: Name: a promotion needs a name", "problem: Channels:",
                 "problem: Ends: the end", "problem: Percent off: 'abc' is not a percentage",
                 "problem: Daily hours: give both"):
        assert line in err
    assert saved(shop) == {}


def test_add_refuses_a_bad_choice_before_opening_the_shop(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "add", "X", "--type", "half_off", "--channel", "Tmall",
               "--start", "2030-01-01", "--end", "2030-01-02") == 2
    assert "invalid choice: 'half_off'" in capsys.readouterr().err
    assert saved(shop) == {}


def test_findings_refuse_the_save_unless_yes(shop: PricingShop,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, *TIERS, "--status", "scheduled") == 0
    mug_sale = ("promotions", "add", "Mug sale", "--type", "percent_off", "--channel", "Tmall",
                "--start", "2030-11-11 10:00", "--end", "2030-11-11 12:00", "--rate", "60",
                "--scope", "sku", "--scope-value", "MUG-1")
    capsys.readouterr()
    assert cli(shop, *mug_sale) == 3
    err = capsys.readouterr().err
    assert "Not saved: the checks before a promotion starts found 2:" in err
    assert "Overlap" in err and "Below cost" in err and "--yes" in err
    assert "Mug sale" not in saved(shop)
    assert cli(shop, *mug_sale, "--yes") == 0
    assert "Mug sale" in saved(shop)


def test_edit_changes_only_the_options_given(shop: PricingShop) -> None:
    assert cli(shop, *TIERS) == 0
    assert cli(shop, "promotions", "edit", "1", "--name", "双11", "--channel", "Own site",
               "--daily-hours", "20:00-22:00", "--tiers", "100:10") == 0
    edited = saved(shop)["双11"]
    assert edited.channel_names == ("Own site",)  # type: ignore[attr-defined]
    assert edited.terms.tiers == (Tier(Decimal(100), Decimal(10)),)  # type: ignore[attr-defined]
    assert (edited.coupon_code, edited.priority) == ("D11", 2)  # type: ignore[attr-defined]
    assert f"{edited.daily_from:%H:%M}" == "20:00"  # type: ignore[attr-defined]
    assert cli(shop, "promotions", "edit", "1", "--all-day") == 0
    assert saved(shop)["双11"].daily_from is None  # type: ignore[attr-defined]


def test_edit_of_a_running_promotion_is_refused_with_the_reason(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    now = datetime.now() + timedelta(hours=8)  # about Shanghai's wall clock: within a day
    assert cli(shop, "promotions", "add", "Now", "--type", "percent_off", "--channel", "Tmall",
               "--start", f"{now - timedelta(days=2):%Y-%m-%d %H:%M}",
               "--end", f"{now + timedelta(days=2):%Y-%m-%d %H:%M}", "--rate", "5",
               "--status", "scheduled", "--yes") == 0
    assert cli(shop, "promotions", "edit", "1", "--rate", "10") == 3
    assert "is running: it can no longer be changed" in capsys.readouterr().err
    assert saved(shop)["Now"].terms.rate == Decimal("0.05")  # type: ignore[attr-defined]


def test_schedule_cancel_and_back_to_draft(shop: PricingShop,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, *TIERS) == 0
    assert cli(shop, "promotions", "schedule", "1") == 0
    assert saved(shop)["双11 满减"].status is Status.SCHEDULED  # type: ignore[attr-defined]
    assert cli(shop, "promotions", "cancel", "1") == 0
    assert "is now Cancelled" in capsys.readouterr().out
    assert saved(shop)["双11 满减"].status is Status.CANCELLED  # type: ignore[attr-defined]
    assert cli(shop, "promotions", "draft", "1") == 0
    assert saved(shop)["双11 满减"].status is Status.DRAFT  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [("schedule", "9"), ("cancel", "9"),
                                     ("edit", "9", "--rate", "5")])
def test_an_unknown_id_exits_2(shop: PricingShop, command: tuple[str, ...],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", *command) == 2
    assert "There is no promotion 9" in capsys.readouterr().err


def test_presets_lists_a_years_events_and_keeps_the_shops_own_dates(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "presets", "--year", "2027", "--set", "double_11",
               "2027-10-20 20:00", "2027-11-12 00:00") == 0
    capsys.readouterr()
    assert cli(shop, "promotions", "presets", "--year", "2027", "--json") == 0
    events = {e["key"]: e for e in json.loads(capsys.readouterr().out)}
    assert (events["double_11"]["starts"], events["double_11"]["edited"]) == (
        "2027-10-20 20:00", True)
    assert events["black_friday"]["channel_kinds"] == ["own_site", "shopify", "amazon"]
    assert cli(shop, "promotions", "presets", "--year", "2027", "--reset") == 0
    assert "2027-10-31 20:00" in capsys.readouterr().out


def test_presets_refuses_bad_dates_by_event(shop: PricingShop,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "presets", "--year", "2027", "--set", "618", "2027-06-19",
               "2027-06-01") == 3
    assert "problem: 618: the end 2027-06-01 is not after the start" in capsys.readouterr().err
