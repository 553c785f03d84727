"""Promotions in "search everything": by name, coupon code or notes, the latest first."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _
from ecdesk.models import Promotion
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.common.shop_time import shop_zone
from ecdesk.services.common.text_search import contains, search_words
from ecdesk.services.promotions.terms import KIND_LABELS, STATUS_LABELS, Kind, Status


def search_promotions(session: Session, text: str, limit: int) -> list[SearchHit]:
    words = search_words(text)
    if not words:
        return []
    query = select(Promotion).order_by(Promotion.starts_at.desc(), Promotion.id).limit(limit)
    for word in words:
        query = query.where(or_(contains(Promotion.name, word),
                                contains(Promotion.coupon_code, word),
                                contains(Promotion.notes, word)))
    zone = shop_zone(session)
    return [SearchHit("promotion", row.id, row.name, " · ".join(part for part in (
        f"{row.starts_at.astimezone(zone):%Y-%m-%d}", _(KIND_LABELS[Kind(row.kind)]),
        _(STATUS_LABELS[Status(row.status)]), row.coupon_code) if part), find_text=row.name)
            for row in session.scalars(query)]


PROMOTIONS = SearchProvider("promotion", N_("Promotions"), search_promotions)
