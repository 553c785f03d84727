"""SKUs selling under the margin floor now: a listing (or the list price) whose margin after its
channel's fees is under the shop's minimum margin. One SQL pass (services/pricing/sql.py's
mirror of margin_after_fees), for the Dashboard tile."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _, format_integer
from ecdesk.services.dashboard.model import DashboardScope, Tile
from ecdesk.services.pricing.price import effective_price_text
from ecdesk.services.pricing.sql import below_floor_text, fees_cents_text
from ecdesk.services.settings import read_settings

_PRICE = effective_price_text("l.channel_price", "v.price")
BELOW_FLOOR_SKUS = f"""
    SELECT count(*) FROM variants v JOIN products p ON p.id = v.product_id
    WHERE v.archived = 0 AND p.status != 'archived' AND (
        (:channel IS NULL AND {below_floor_text("v.price", "v.unit_cost", "0", ":floor")})
        OR EXISTS (SELECT 1 FROM listings l JOIN channels c ON c.id = l.channel_id
                   WHERE l.variant_id = v.id AND c.archived = 0
                     AND (:channel IS NULL OR c.id = :channel)
                     AND {below_floor_text(_PRICE, "v.unit_cost",
                                           fees_cents_text(_PRICE, "c"), ":floor")}))"""
LABEL = N_("SKUs below margin floor")


def count_below_floor(session: Session, channel_id: int | None = None) -> int:
    floor = int(read_settings(session).min_margin * 1_000_000)
    return session.connection().exec_driver_sql(
        BELOW_FLOOR_SKUS.replace(":channel", "?1").replace(":floor", "?2"),
        (channel_id, floor)).scalar() or 0


def below_floor_tiles(session: Session, scope: DashboardScope) -> list[Tile]:
    count = count_below_floor(session, scope.channel_id)
    minimum = read_settings(session).min_margin
    return [Tile("below_floor", _(LABEL), format_integer(count), better_when_higher=False,
                 alarm=count > 0,
                 note=_("SKUs whose price on a channel (or list price) keeps less than the "
                        "shop's minimum margin of {floor} after the channel's fees; the Pricing "
                        "page's rules can raise them").format(
                     floor=f"{minimum * 100:.1f} %"))]
