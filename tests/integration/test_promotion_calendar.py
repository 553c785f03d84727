"""The promotion calendar's service: the promotions overlapping a range, stacked in lanes when
their windows overlap, and a draft's window moved (a scheduled one refused, nothing written)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.promotions.calendar import (
    assign_lanes,
    calendar_bars,
    move_draft,
    shift_wall_clock,
)
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    shop = build_pricing_shop(tmp_shop)
    for name, starts, ends, status in (("Early", "2026-11-01", "2026-11-05", "scheduled"),
                                       ("Double 11", "2026-11-03", "2026-11-12", "draft"),
                                       ("Late", "2026-11-05", "2026-11-08", "draft"),
                                       ("December", "2026-12-10", "2026-12-13", "draft")):
        save_promotion(shop.db.uow(), PromotionDraft(
            name=name, kind="percent_off", channels=("Tmall",), starts=starts, ends=ends,
            rate="10", status=status, time_zone="Asia/Shanghai"))
    return shop


def test_overlapping_windows_get_separate_lanes_and_touching_ones_share(
        shop: PricingShop) -> None:
    bars = calendar_bars(shop.db.uow(), at("2026-10-26"), at("2026-12-07"), at("2026-11-02"))
    assert [(bar.promotion.name, bar.lane) for bar in bars] == [
        ("Early", 0), ("Double 11", 1), ("Late", 0)]  # Late starts as Early ends: lane 0 again
    assert [bar.movable for bar in bars] == [False, True, True]


def test_lanes_take_the_lowest_free_one() -> None:
    day = at("2026-01-01")

    def window(start: int, end: int) -> tuple[datetime, datetime]:
        return day + timedelta(days=start), day + timedelta(days=end)

    assert assign_lanes([window(0, 3), window(1, 2), window(1, 5), window(2, 4),
                         window(3, 4)]) == [0, 1, 2, 1, 0]


def test_moving_a_draft_stores_its_new_window(shop: PricingShop) -> None:
    draft = next(p for p in list_promotions(shop.db.uow()) if p.name == "Late")
    move_draft(shop.db.uow(), draft.id, at("2026-11-06"), at("2026-11-10"))
    moved = next(p for p in list_promotions(shop.db.uow()) if p.name == "Late")
    assert (moved.starts_at, moved.ends_at) == (at("2026-11-06").astimezone(UTC),
                                                at("2026-11-10").astimezone(UTC))


def test_a_scheduled_promotion_or_an_empty_window_is_refused_and_nothing_moves(
        shop: PricingShop) -> None:
    before = list_promotions(shop.db.uow())
    early = next(p for p in before if p.name == "Early")
    late = next(p for p in before if p.name == "Late")
    with pytest.raises(ValidationError, match="not a draft"):
        move_draft(shop.db.uow(), early.id, at("2026-11-02"), at("2026-11-06"))
    with pytest.raises(ValidationError, match="not after the start"):
        move_draft(shop.db.uow(), late.id, at("2026-11-08"), at("2026-11-08"))
    assert list_promotions(shop.db.uow()) == before


def test_a_day_later_is_the_same_wall_clock_time_across_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")  # clocks went back at 03:00 on 2026-10-25
    moved = shift_wall_clock(at("2026-10-24 10:00", berlin), berlin, timedelta(days=1))
    assert moved.astimezone(berlin) == at("2026-10-25 10:00", berlin)
    assert moved - at("2026-10-24 10:00", berlin) == timedelta(hours=25)
