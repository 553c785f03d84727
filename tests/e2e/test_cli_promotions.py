"""`promotions`, `promotions check`, `promotions export` and `price SKU --at` through the real
entry point's parser, on a shop file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar

from ecdesk.cli import main
from ecdesk.db import Database
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import save_promotion
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

FLASH = PromotionDraft(name="限时购", kind="percent_off", channels=("Tmall",),
                       starts="2030-11-11", ends="2030-11-12", daily_from="10:00",
                       daily_to="12:00", rate="25", scope="sku", scope_value="TEE-S",
                       status="scheduled")
TIERS = PromotionDraft(name="双11 满减", kind="basket_tiers", channels=("Tmall", "JD"),
                       starts="2030-11-11", ends="2030-11-12", tiers="40:5", priority="2",
                       stacking="stackable", status="scheduled", coupon_code="D11")


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    shop = build_pricing_shop(tmp_shop)
    save_promotion(shop.db.uow(), FLASH)
    save_promotion(shop.db.uow(), TIERS)
    return shop


def cli(shop: PricingShop, *args: str) -> int:
    return main([*args, "--db", str(shop.db.path)])


def test_promotions_lists_the_calendar_as_json(shop: PricingShop,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["phase"], r["daily_hours"], r["channels"]) for r in rows] == [
        ("限时购", "upcoming", "10:00-12:00", ["Tmall"]),
        ("双11 满减", "upcoming", None, ["Tmall", "JD"])]
    assert rows[0]["starts_at"] == "2030-11-10T16:00:00+00:00"
    assert rows[1]["terms"] == {"tiers": [["40", "5"]]}


def test_promotions_prints_one_line_a_promotion(shop: PricingShop,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions") == 0
    out = capsys.readouterr().out
    assert "2030-11-11 00:00 – 2030-11-12 00:00 10:00-12:00" in out
    assert "双11 满减" in out


def test_promotions_check_exits_3_and_lists_the_overlap(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "promotions", "check", "--json") == 3
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["check"], finding["promotion"], finding["channel"], finding["skus"]) == (
        "overlap", "限时购", "Tmall", ["TEE-S"])


def test_promotions_check_exits_0_when_nothing_is_found(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    save_promotion(shop.db.uow(), replace(TIERS, channels=("JD",)), 2)
    assert cli(shop, "promotions", "check") == 0
    assert "Every check passed." in capsys.readouterr().out


def test_promotions_export_writes_an_icalendar_file(shop: PricingShop, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "promotions.ics"
    assert cli(shop, "promotions", "export", "--out", str(out)) == 0
    events = {str(e["summary"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    flash, tiers = events["限时购"], events["双11 满减"]
    assert flash.decoded("dtstart").isoformat() == "2030-11-11T10:00:00+08:00"
    assert flash.decoded("dtend").isoformat() == "2030-11-11T12:00:00+08:00"
    assert flash["rrule"]["FREQ"] == ["DAILY"]
    assert tiers.decoded("dtend").isoformat() == "2030-11-12T00:00:00+08:00"
    assert "D11" in str(tiers["description"])
    assert cli(shop, "promotions", "export", "--out", str(tmp_path / "x.txt")) == 2


def test_price_at_a_moment_includes_the_promotions_running_then(
        shop: PricingShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "price", "TEE-S", "--channel", "Tmall", "--at", "2030-11-11 10:00",
               "--quantity", "2", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["price"], row["basket_total"], row["seller_cost"]) == ("18.00", "36.00",
                                                                       "12.00")
    assert [p["name"] for p in row["promotions"]] == ["限时购"]
    assert row["passed_over"] == [{"name": "双11 满减", "why": "needs the code D11"}]

    assert cli(shop, "price", "TEE-S", "--channel", "Tmall", "--at", "2030-11-11 12:00",
               "--quantity", "2", "--code", "d11") == 0
    out = capsys.readouterr().out
    assert "双11 满减: spend 40, save 5" in out
    assert "43.00 for the basket" in out


def test_price_at_refuses_a_time_that_is_none(shop: PricingShop,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(shop, "price", "TEE-S", "--at", "tomorrow") == 3
    assert "'tomorrow' is not a time" in capsys.readouterr().err
