"""The effective price: the channel's own price when it has one, else the SKU's list price."""

from __future__ import annotations

from decimal import Decimal


def effective_price(list_price: Decimal, channel_price: Decimal | None) -> Decimal:
    """What the SKU sells at on a channel; without a channel (None) its list price."""
    return list_price if channel_price is None else channel_price


def effective_price_text(channel_price: str, list_price: str) -> str:
    """`effective_price` as SQL text over two columns ("l.channel_price", "v.price").

    For raw SQL that must stay text (the start-up reader, sqlite3 without SQLAlchemy);
    `sql.effective_price_sql` is the same expression for Core queries, and
    tests/unit/test_pricing.py checks that the two compile alike.
    """
    return f"coalesce({channel_price}, {list_price})"
