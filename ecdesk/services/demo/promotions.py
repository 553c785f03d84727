"""The demo shop's promotions: those behind the discounts its orders carry, and a few planned.

The orders (demo/orders.py) carry discounts on ordinary days now and then and on most lines of
the festival days (calendar.is_festival: 618, 双11, 双12): a percentage off the line (5-20 %)
or a coupon of 3-20 yuan. The promotions of the demo year say so: a percentage off and a shop
coupon for 618, a percentage off for 双11, a coupon for 双12, on the marketplaces, all scheduled
and ended. Planned for the next platform event after the demo's last day: a 满减 on Tmall and
JD and a gift (满赠) on Tmall, both exclusive on the same days (the checks list the overlap), and
a clearance flash sale at 60 % off the clearance tag on the own site next week (below cost or
the margin floor after fees for some SKUs: the checks list them). Same promotions for the same
seed and day; the clearance's hours are drawn from the seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.events import default_events
from ecdesk.services.promotions.store import save_promotion

MARKETPLACES = ("天猫旗舰店 Tmall", "京东 JD", "拼多多 Pinduoduo")
TMALL, OWN_SITE = "天猫旗舰店 Tmall", "官网 Own site"
CLEARANCE_TAG = "清仓 clearance"


def _day(day: date, days: int = 0) -> str:
    return f"{day + timedelta(days=days):%Y-%m-%d} 00:00"


def _last(month: int, day: int, today: date) -> date:
    """The last `month`-`day` of the demo year (on or before `today`)."""
    this_year = date(today.year, month, day)
    return this_year if this_year <= today else date(today.year - 1, month, day)


def _past(today: date) -> list[PromotionDraft]:
    june, november, december = _last(6, 16, today), _last(11, 1, today), _last(12, 12, today)
    return [
        PromotionDraft(name=f"618 年中大促 {june.year}", kind="percent_off",
                       channels=MARKETPLACES, starts=_day(june), ends=_day(june, 3), rate="10",
                       stacking="stackable", priority="2", status="scheduled",
                       notes="618: 10 % off everything on the marketplaces"),
        PromotionDraft(name=f"618 店铺券 {june.year}", kind="amount_off", channels=MARKETPLACES,
                       starts=_day(june), ends=_day(june, 3), amount="5",
                       coupon_code=f"618SHOP{june.year % 100}", stacking="stackable",
                       status="scheduled", notes="a 5 yuan shop coupon per item, with the 10 %"),
        PromotionDraft(name=f"双11 全店折扣 {november.year}", kind="percent_off",
                       channels=MARKETPLACES, starts=_day(november), ends=_day(november, 11),
                       rate="15", funded_by="shared", seller_share="70", status="scheduled",
                       notes="the platform pays 30 % of the discount"),
        PromotionDraft(name=f"双12 店铺券 {december.year}", kind="amount_off",
                       channels=MARKETPLACES, starts=_day(december), ends=_day(december, 1),
                       amount="10", coupon_code=f"D12X{december.year % 100}",
                       status="scheduled"),
    ]


def _planned(today: date, rng: random.Random, gift_sku: str) -> list[PromotionDraft]:
    upcoming = [e for e in default_events(today.year) + default_events(today.year + 1)
                if "tmall" in e.channel_kinds and e.starts > _day(today, 7)]
    event = min(upcoming, key=lambda e: e.starts)
    name = event.label.split(" (")[0]
    opens = rng.choice((10, 14, 20))
    return [
        PromotionDraft(name=f"{name} 满减 {event.year}", kind="basket_tiers",
                       channels=(TMALL, "京东 JD"), starts=event.starts, ends=event.ends,
                       tiers="200:20, 300:40", status="scheduled"),
        PromotionDraft(name=f"{name} 满赠 {event.year}", kind="gift", channels=(TMALL,),
                       starts=event.starts, ends=event.ends, gift_sku=gift_sku,
                       threshold="299", priority="2", status="scheduled",
                       notes="exclusive, as the 满减: on Tmall only the 满减 applies"),
        PromotionDraft(name="清仓 Clearance flash sale", kind="percent_off", channels=(OWN_SITE,),
                       starts=_day(today, 7), ends=_day(today, 8), daily_from=f"{opens}:00",
                       daily_to=f"{opens + 2}:00", rate="60", scope="tag",
                       scope_value=CLEARANCE_TAG, coupon_code="FLASH60", status="scheduled"),
    ]


def add_promotions(db: Database, seed: int, today: date) -> dict[str, int]:
    """The promotions above, saved through the service as a user's would be."""
    rng = random.Random(f"promotions-{seed}")
    with db.uow("demo") as uow:  # the cheapest SKU on sale is the gift
        gift_sku = uow.session.execute(text(
            "SELECT v.sku FROM variants v JOIN products p ON p.id = v.product_id "
            "WHERE v.archived = 0 AND p.status = 'active' ORDER BY v.price, v.id LIMIT 1"
        )).scalar_one()
    drafts = _past(today) + _planned(today, rng, gift_sku)
    for draft in drafts:
        save_promotion(db.uow("demo"), draft)
    return {"promotions": len(drafts)}
