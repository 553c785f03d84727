"""`customers` through the real entry point: it refreshes the stored RFM when orders changed
since (and only then), filters a segment, and limits the rows."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.cli import main
from ecdesk.db import Database
from ecdesk.models.base import utc_now
from ecdesk.services.customers.rfm_store import stored_as_of
from tests.integration.order_fixtures import SmallShop, enter, small_shop


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    """Ann bought twice, Bo once; the stored RFM has never been computed."""
    shop = small_shop(tmp_shop)
    now = utc_now()
    enter(shop, "A1", (("FLASK-1", 1, "80"),), customer="Ann", at=now - timedelta(days=40))
    enter(shop, "A2", (("FLASK-1", 2, "80"),), customer="Ann", at=now - timedelta(days=3))
    enter(shop, "B1", (("FLASK-1", 1, "20"),), customer="Bo", at=now - timedelta(days=200))
    return shop


def customers(shop: SmallShop, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["customers", "--json", *args, "--db", str(shop.db.path)]) == 0
    return json.loads(capsys.readouterr().out)


def stamp(shop: SmallShop) -> object:
    with shop.db.uow() as uow:
        return stored_as_of(uow.session)


def test_the_first_listing_computes_the_stored_rfm(shop: SmallShop,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert stamp(shop) is None
    listed = customers(shop, capsys)
    assert {row["name"]: row["orders"] for row in listed["rows"]} == {"Ann": 2, "Bo": 1}
    assert listed["rows"][0]["name"] == "Ann"  # the biggest spender first
    assert stamp(shop) is not None
    with shop.db.uow() as uow:
        assert uow.session.execute(text("SELECT count(*) FROM customer_rfm")).scalar() == 2


def test_a_new_order_is_counted_at_the_next_listing_and_nothing_changed_is_not_recomputed(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    customers(shop, capsys)
    first = stamp(shop)
    customers(shop, capsys)
    assert stamp(shop) == first  # not stale: the stored scores are read as they are
    enter(shop, "B2", (("FLASK-1", 1, "20"),), customer="Bo", at=utc_now())
    listed = customers(shop, capsys)
    assert {row["name"]: row["orders"] for row in listed["rows"]}["Bo"] == 2
    assert stamp(shop) != first


def test_the_segment_and_limit_options_narrow_the_rows(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    everyone = customers(shop, capsys)
    segment = everyone["rows"][1]["segment"]
    narrowed = customers(shop, capsys, "--segment", segment)
    assert narrowed["rows"] and {row["segment"] for row in narrowed["rows"]} == {segment}
    assert [row["name"] for row in customers(shop, capsys, "--limit", "1")["rows"]] == ["Ann"]


def test_an_unknown_segment_is_refused_by_the_parser(
        shop: SmallShop, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customers", "--segment", "vip", "--db", str(shop.db.path)]) != 0
    assert "invalid choice: 'vip'" in capsys.readouterr().err


def test_a_shop_file_that_does_not_exist_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customers", "--db", str(tmp_path / "none.ecdesk")]) != 0
