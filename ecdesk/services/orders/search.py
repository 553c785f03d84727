"""Which orders a search matches: every word typed, by order number, customer or a line's SKU.

Words of three characters or more go to the trigram index (ecdesk.models.order_search) as a
quoted FTS5 phrase: a phrase is literal, so no word is read as an operator (a quote is doubled).
Shorter words cannot be trigrams and are matched with an escaped LIKE, as are "broad" words
that match a large share of all orders: collecting and sorting every match is then slower than
walking the orders in the table's order and testing each until a page is full.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ecdesk.models import Order, OrderLine, Variant
from ecdesk.models.order_search import ORDER_SEARCH_TABLE
from ecdesk.services.common.text_search import MIN_TRIGRAM, contains, search_words
from ecdesk.services.shop_file.sqlite_only import fts_rowids

BROAD_SHARE = 0.2  # a word matching more than this share of all orders is "broad"
MIN_BROAD = 2000


def search_condition(session: Session, text: str, *, by_sku: bool = True) -> Any | None:
    """A condition on `Order` for the words of `text` (None when nothing was typed); without
    `by_sku`, only the number and the customer are searched."""
    words = search_words(text)
    if not words:
        return None
    return and_(*(_word_condition(session, word, by_sku) for word in words))


def _word_condition(session: Session, word: str, by_sku: bool) -> Any:
    if len(word) < MIN_TRIGRAM or _is_broad(session, word):
        by_text = or_(contains(Order.number, word), contains(Order.customer_name, word),
                      contains(Order.customer_key, word.casefold()))
    else:
        by_text = Order.id.in_(_indexed(word))
    by_text = or_(by_text, Order.tracking_number == word)  # the number on a parcel (indexed)
    if not by_sku:
        return by_text
    skus = select(Variant.id).where(contains(Variant.sku, word))
    return or_(by_text, Order.id.in_(select(OrderLine.order_id)
                                     .where(OrderLine.variant_id.in_(skus))))


def _indexed(word: str) -> Any:
    return fts_rowids(ORDER_SEARCH_TABLE, [word])


def _is_broad(session: Session, word: str) -> bool:
    """True when the index finds the word in a large share of all orders (max(id) stands in
    for their number: it is read at no cost); counted only up to that share."""
    limit = max(MIN_BROAD, int((session.scalar(select(func.max(Order.id))) or 0) * BROAD_SHARE))
    capped = _indexed(word).limit(limit).subquery()
    return (session.scalar(select(func.count()).select_from(capped)) or 0) >= limit


