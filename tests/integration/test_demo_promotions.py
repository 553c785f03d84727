"""The demo's promotions: those of the past year cover the festival days whose orders carry
discounts, and the planned ones give the checks one overlap and one sale below the floor
(and below cost), nothing else of those kinds; the same seed and day give the same ones."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.demo.shop import generated_at
from ecdesk.services.promotions.checks import Check, check_promotions
from ecdesk.services.promotions.store import list_promotions
from ecdesk.services.promotions.terms import Phase


def test_the_checks_find_one_overlap_and_one_sale_below_the_floor(demo_shop: Database) -> None:
    findings = check_promotions(demo_shop.uow())
    overlaps = {(f.promotion, f.channel) for f in findings if f.check is Check.OVERLAP}
    assert len(overlaps) == 1 and "满减" in next(iter(overlaps))[0]
    below = {f.promotion for f in findings if f.check in (Check.BELOW_FLOOR, Check.BELOW_COST)}
    assert below == {"清仓 Clearance flash sale"}


def test_each_ended_promotion_covers_orders_that_carry_discounts(demo_shop: Database) -> None:
    now = datetime.now(UTC)
    ended = [p for p in list_promotions(demo_shop.uow()) if p.phase(now) is Phase.ENDED]
    assert {p.name.split(" ")[0] for p in ended} == {"618", "双11", "双12"}
    with demo_shop.uow() as uow:
        for promotion in ended:
            discounted, lines = uow.session.execute(text(
                "SELECT sum(ol.discount > 0), count(*) FROM order_lines ol "
                "JOIN orders o ON o.id = ol.order_id JOIN promotion_channels pc "
                "ON pc.channel_id = o.channel_id AND pc.promotion_id = :id "
                "WHERE o.ordered_at >= :start AND o.ordered_at < :end"),
                {"id": promotion.id, "start": promotion.starts_at.replace(tzinfo=None),
                 "end": promotion.ends_at.replace(tzinfo=None)}).one()
            assert lines and discounted / lines > 0.2, promotion.name  # festive: ~55 % of lines


def test_the_same_seed_and_day_give_the_same_promotions(demo_shop_file: Path,
                                                        demo_shop: Database) -> None:
    import random

    from ecdesk.services.demo.promotions import _past, _planned

    day = generated_at(demo_shop_file).astimezone(ZoneInfo("Asia/Shanghai")).date()  # type: ignore[union-attr]
    stored = [(p.name, p.kind.value, p.channel_names) for p in list_promotions(demo_shop.uow())]
    gift = next(p.terms.gift_sku for p in list_promotions(demo_shop.uow()) if p.terms.gift_sku)
    again = _past(day) + _planned(day, random.Random("promotions-1"), gift)
    assert sorted(stored) == sorted((d.name, d.kind, d.channels) for d in again)
