"""The promotion results report against the demo shop's orders: its figures during the window
and before it, by channel, for a scope and for daily hours, each compared with a query written
independently here; the seller's part of the discount by funding; the report's files; the
accountant pack's discount cost by promotion; and the requests refused."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.common.period import Period, stored
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.report import build_promotions_report, ended_promotions
from ecdesk.services.promotions.results_queries import (
    ResultsScope,
    before,
    results_by_channel,
    results_totals,
    slots,
)
from ecdesk.services.promotions.store import list_promotions, save_promotion
from ecdesk.services.promotions.terms import PromotionInfo
from ecdesk.services.reports import ReportRequest, generate_report
from ecdesk.services.reports.pack import build_accountant_pack
from ecdesk.services.reports.scope import ReportScope

SHANGHAI = ZoneInfo("Asia/Shanghai")
TMALL, JD = "天猫旗舰店 Tmall", "京东 JD"
TODAY = datetime.now(SHANGHAI).date()
START, END = TODAY - timedelta(days=40), TODAY - timedelta(days=30)  # demo orders cover a year
NOW = datetime.now(UTC)


@pytest.fixture
def demo_shop(demo_shop: Database) -> Database:
    """The demo shop without its own promotions (services/demo/promotions.py): these tests
    count and report the promotions they make."""
    with demo_shop.uow() as uow:
        uow.session.execute(text("DELETE FROM promotion_channels"))
        uow.session.execute(text("DELETE FROM promotions"))
        uow.commit()
    return demo_shop


def promote(db: Database, name: str, **fields: Any) -> PromotionInfo:
    values: dict[str, Any] = dict(kind="percent_off", channels=(TMALL, JD), starts=str(START),
                                  ends=str(END), rate="10", status="scheduled")
    save_promotion(db.uow(), PromotionDraft(name=name, **{**values, **fields}))
    return next(p for p in list_promotions(db.uow()) if p.name == name)


def report_scope(period: Period, promotion_id: int | None = None,
                 channel_id: int | None = None) -> ReportScope:
    return ReportScope("Demo", "CNY", "Asia/Shanghai", period, NOW, channel_id, None,
                       promotion_id)


def independent(db: Database, promotion: PromotionInfo, start: datetime, end: datetime,
                skus: str = "SELECT id FROM variants") -> dict[str, int]:
    """Whole sold CNY orders of the promotion's channels placed in [start, end) with a line of
    a SKU in `skus`, summed order by order; the promotion's discount on those SKUs' lines."""
    channels = ",".join(str(c) for c in promotion.channel_ids)
    with db.uow() as uow:
        rows = uow.session.execute(text(f"""
            SELECT o.id, o.platform_fees, o.refunded,
                   (SELECT sum(quantity) FROM order_lines WHERE order_id = o.id),
                   (SELECT sum(line_total) FROM order_lines WHERE order_id = o.id),
                   (SELECT sum(quantity * unit_cost) FROM order_lines WHERE order_id = o.id),
                   (SELECT coalesce(sum(discount), 0) FROM order_lines
                    WHERE order_id = o.id AND variant_id IN ({skus}))
            FROM orders o
            WHERE o.channel_id IN ({channels}) AND o.currency = 'CNY'
              AND o.status IN ('paid', 'shipped', 'completed', 'refunded')
              AND o.ordered_at >= :start AND o.ordered_at < :end
              AND o.id IN (SELECT order_id FROM order_lines WHERE variant_id IN ({skus}))"""),
            {"start": stored(start), "end": stored(end)}).all()
    figures = {"orders": len(rows), "fees": sum(r[1] for r in rows),
               "refunds": sum(r[2] for r in rows), "units": sum(r[3] for r in rows),
               "sales": sum(r[4] for r in rows), "cogs": sum(r[5] for r in rows),
               "promo_discounts": sum(r[6] for r in rows)}
    figures["margin"] = figures["sales"] - figures["refunds"] - figures["cogs"] - figures["fees"]
    return figures


def read_totals(db: Database, promotion: PromotionInfo, window: list) -> dict[str, int]:
    with db.uow() as uow:
        totals = results_totals(uow.session, ResultsScope(promotion.id, tuple(window), "CNY"))
    return {key: value for key, value in totals.items() if key != "discounts"}


def test_the_figures_during_and_before_the_window_equal_an_independent_query(
        demo_shop: Database) -> None:
    promotion = promote(demo_shop, "Ten days")
    start, end = promotion.starts_at, promotion.ends_at
    during = independent(demo_shop, promotion, start, end)
    assert during["orders"] > 20 and during["promo_discounts"] > 0  # the demo sells then
    assert read_totals(demo_shop, promotion, slots(promotion)) == during
    earlier = independent(demo_shop, promotion, start - (end - start), start)
    assert read_totals(demo_shop, promotion, before(slots(promotion), promotion)) == earlier


def test_a_scoped_promotion_counts_only_orders_with_its_skus_and_their_discounts(
        demo_shop: Database) -> None:
    with demo_shop.uow() as uow:
        sku = uow.session.scalar(text(
            "SELECT v.sku FROM order_lines l JOIN variants v ON v.id = l.variant_id "
            "JOIN orders o ON o.id = l.order_id WHERE o.ordered_at >= :start "
            "AND o.ordered_at < :end AND o.channel_id IN (1, 2) GROUP BY v.id "
            "ORDER BY count(*) DESC, v.sku LIMIT 1"),
            {"start": stored(datetime.combine(START, time(0), SHANGHAI)),
             "end": stored(datetime.combine(END, time(0), SHANGHAI))})
    promotion = promote(demo_shop, "One SKU", scope="sku", scope_value=sku)
    expected = independent(demo_shop, promotion, promotion.starts_at, promotion.ends_at,
                           skus=f"SELECT id FROM variants WHERE sku = '{sku}'")
    assert expected["orders"] >= 1
    assert read_totals(demo_shop, promotion, slots(promotion)) == expected


def test_daily_hours_count_only_the_orders_placed_inside_them(demo_shop: Database) -> None:
    promotion = promote(demo_shop, "Flash", daily_from="10:00", daily_to="14:00",
                        channels=(TMALL,))
    with demo_shop.uow() as uow:
        placed = uow.session.execute(text(
            "SELECT o.id, o.ordered_at FROM orders o WHERE o.channel_id = 1 "
            "AND o.currency = 'CNY' AND o.status IN ('paid', 'shipped', 'completed', "
            "'refunded') AND o.ordered_at >= :start AND o.ordered_at < :end"),
            {"start": stored(promotion.starts_at), "end": stored(promotion.ends_at)}).all()
    inside = [row for row in placed
              if promotion.in_window(datetime.fromisoformat(str(row[1])).replace(tzinfo=UTC))]
    assert 0 < len(inside) < len(placed)
    assert read_totals(demo_shop, promotion, slots(promotion))["orders"] == len(inside)


def seller_part(cents: int, share: str) -> int:
    return int((Decimal(cents) * Decimal(share)).quantize(Decimal(1), ROUND_HALF_UP))


def test_the_sellers_discount_cost_follows_who_funds_the_promotion(demo_shop: Database) -> None:
    shared = promote(demo_shop, "Shared", funded_by="shared", seller_share="60")
    promote(demo_shop, "Platform", funded_by="platform")
    period = Period(START, END - timedelta(days=1))
    with demo_shop.uow() as uow:
        report = build_promotions_report(uow.session, report_scope(period))
        channels = results_by_channel(uow.session, ResultsScope(
            shared.id, tuple(slots(shared)), "CNY"))
    overview = report.tables()[0].rows.set_index("promotion")
    assert overview.loc["Platform", "discount_cost"] == 0
    assert overview.loc["Platform", "promo_discounts"] > 0
    assert overview.loc["Shared", "discount_cost"] == sum(
        seller_part(cents, "0.6") for cents in channels["promo_discounts"])
    report.check_totals()  # every table's rows add up to its SQL total, to the cent


def test_only_scheduled_promotions_that_ended_in_the_period_are_reported(
        demo_shop: Database) -> None:
    promote(demo_shop, "Ended")
    promote(demo_shop, "Draft", status="draft")
    promote(demo_shop, "Cancelled", status="cancelled")
    promote(demo_shop, "Still running", ends=str(TODAY + timedelta(days=3)))
    promote(demo_shop, "Ended later", starts=str(END), ends=str(END + timedelta(days=2)))
    period = Period(START, END + timedelta(days=5))
    with demo_shop.uow() as uow:
        names = [p.name for p in ended_promotions(uow.session, report_scope(period))]
    assert names == ["Ended", "Ended later"]


def test_the_report_files_are_written_and_the_same_twice(demo_shop: Database,
                                                         tmp_path: Path) -> None:
    promote(demo_shop, "Ten days", coupon_code="TEN")
    period = Period(START, END)
    stamp = datetime(2026, 12, 7, 4, 0, tzinfo=UTC)
    written = {}
    for name in ("a.pdf", "b.pdf", "a.csv", "b.csv", "a.xlsx"):
        generate_report(demo_shop.uow(), ReportRequest("promotions", period, tmp_path / name,
                                                       generated_at=stamp))
        written[name] = (tmp_path / name).read_bytes()
    assert written["a.pdf"] == written["b.pdf"] and written["a.csv"] == written["b.csv"]
    rows = list(csv.reader(written["a.csv"].decode("utf-8-sig").splitlines()))
    assert ["Ten days: key figures"] in rows
    assert any(row and row[0] == "Coupon uses" for row in rows)


def test_one_promotion_by_name_and_the_pack_shows_discount_cost_by_promotion(
        demo_shop: Database, tmp_path: Path) -> None:
    ten_days = promote(demo_shop, "Ten days", funded_by="shared", seller_share="50")
    promote(demo_shop, "Other")
    period = Period(START, END)
    generate_report(demo_shop.uow(), ReportRequest("promotions", period, tmp_path / "one.csv",
                                                   promotion="ten DAYS"))
    text_of_one = (tmp_path / "one.csv").read_text("utf-8-sig")
    assert "Ten days: key figures" in text_of_one and "Other: key figures" not in text_of_one
    with demo_shop.uow() as uow:  # (the whole pack is written in the e2e tests)
        pack = build_accountant_pack(uow.session, report_scope(period))
    table = next(t for t in pack.tables() if t.key == "discount-cost")
    table.check_totals()
    rows = table.rows.set_index("promotion")
    assert list(rows.index) == ["Ten days", "Other"]
    assert table.total == {"promo_discounts": int(rows["promo_discounts"].sum()),
                           "discount_cost": int(rows["discount_cost"].sum())}
    with demo_shop.uow() as uow:
        channels = results_by_channel(uow.session, ResultsScope(
            ten_days.id, tuple(slots(ten_days)), "CNY"))
    assert rows.loc["Ten days", "discount_cost"] == sum(
        seller_part(cents, "0.5") for cents in channels["promo_discounts"])
    assert rows.loc["Other", "discount_cost"] == rows.loc["Other", "promo_discounts"]


def test_bad_requests_are_refused_and_write_nothing(demo_shop: Database,
                                                    tmp_path: Path) -> None:
    period = Period(START, END)
    with pytest.raises(ValidationError, match="no promotion 'nothing like it'"):
        generate_report(demo_shop.uow(), ReportRequest(
            "promotions", period, tmp_path / "x.pdf", promotion="nothing like it"))
    with pytest.raises(ValidationError, match="only the promotions report"):
        generate_report(demo_shop.uow(), ReportRequest(
            "sales", period, tmp_path / "y.pdf", promotion="1"))
    assert list(tmp_path.glob("*.pdf")) == []
