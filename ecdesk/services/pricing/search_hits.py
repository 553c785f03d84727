"""Price rules in "search everything": by name or note, in priority order."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ecdesk.i18n import N_
from ecdesk.models import PriceRule
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.common.text_search import contains, search_words
from ecdesk.services.pricing.rule_store import describe_scope, rule_info


def search_rules(session: Session, text: str, limit: int) -> list[SearchHit]:
    words = search_words(text)
    if not words:
        return []
    query = select(PriceRule).order_by(PriceRule.priority, PriceRule.id).limit(limit)
    for word in words:
        query = query.where(or_(contains(PriceRule.name, word), contains(PriceRule.note, word),
                                contains(PriceRule.scope_text, word)))
    return [SearchHit("price_rule", rule.id, rule.name, describe_scope(rule_info(rule)),
                      find_text=rule.name) for rule in session.scalars(query)]


PRICE_RULES = SearchProvider("price_rule", N_("Price rules"), search_rules)
