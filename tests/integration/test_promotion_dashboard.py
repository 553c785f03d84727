"""The Dashboard's promotions: the "running now" tile counts the scheduled promotions in their
window at this moment (daily hours included; drafts, cancelled and ended ones not), says what
starts within the week, and follows the Dashboard's channel; each scheduled promotion's window
is a mark on the sales trend, cut to the period."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecdesk.db import Database
from ecdesk.services.common.period import Period
from ecdesk.services.dashboard.build import dashboard_scope, load_dashboard
from ecdesk.services.dashboard.chart import build_dashboard_trend
from ecdesk.services.dashboard.model import ChartMark, Dashboard
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import save_promotion
from tests.integration.pricing_fixtures import PricingShop, build_pricing_shop

NOW = datetime(2026, 11, 11, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai
NOVEMBER = Period.month(2026, 11)


@pytest.fixture
def shop(tmp_shop: Database) -> PricingShop:
    shop = build_pricing_shop(tmp_shop)
    for name, channels, starts, ends, status, hours in (
            ("Double 11", ("Tmall", "JD"), "2026-11-01", "2026-11-12", "scheduled", ()),
            ("Flash", ("Tmall",), "2026-11-10", "2026-11-13", "scheduled", ("10:00", "12:00")),
            ("Night owl", ("Tmall",), "2026-11-10", "2026-11-13", "scheduled",
             ("22:00", "02:00")),
            ("JD week", ("JD",), "2026-11-09", "2026-11-16", "scheduled", ()),
            ("Plan", ("Tmall",), "2026-11-10", "2026-11-20", "draft", ()),
            ("Called off", ("Tmall",), "2026-11-10", "2026-11-20", "cancelled", ()),
            ("Black Friday", ("Tmall",), "2026-11-27", "2026-12-02", "scheduled", ()),
            ("Next week", ("Tmall",), "2026-11-15", "2026-11-17", "scheduled", ())):
        from_, to = hours or ("", "")
        save_promotion(shop.db.uow(), PromotionDraft(
            name=name, kind="percent_off", channels=channels, starts=starts, ends=ends, rate="10",
            status=status, daily_from=from_, daily_to=to, time_zone="Asia/Shanghai"),
            now=datetime(2026, 10, 1, tzinfo=UTC))
    return shop


def board(shop: PricingShop, channel: int | None = None) -> Dashboard:
    return load_dashboard(shop.db.uow(), dashboard_scope(shop.db.uow(), NOVEMBER, channel,
                                                         now=NOW))


def test_the_tile_counts_the_scheduled_promotions_in_their_window_now(
        shop: PricingShop) -> None:
    tile = next(t for t in board(shop).tiles if t.key == "promotions_running")
    assert tile.value == "3"  # Double 11, Flash (10-12), JD week; not Night owl at 11:00
    assert "Double 11, JD week, Flash" in tile.note  # by start
    assert "1 start(s) within 7 days" in tile.note  # Next week; Black Friday is further


def test_the_tile_follows_the_dashboards_channel(shop: PricingShop) -> None:
    tile = next(t for t in board(shop, shop.jd).tiles if t.key == "promotions_running")
    assert tile.value == "2"


def test_each_scheduled_window_is_a_mark_cut_to_the_period(shop: PricingShop) -> None:
    marks = board(shop).marks
    assert ChartMark(date(2026, 11, 1), date(2026, 11, 11), "Double 11") in marks
    assert ChartMark(date(2026, 11, 27), date(2026, 11, 30), "Black Friday") in marks
    assert {m.label for m in marks} == {"Double 11", "Flash", "Night owl", "JD week",
                                        "Black Friday", "Next week"}
    assert build_dashboard_trend(board(shop)).axes[0].patches  # drawn behind the trend
