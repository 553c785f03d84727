"""Pricing rules, market reference prices, the price history, the last preview and its applies.

The price history is written by triggers on `variants.price` and `listings.channel_price`, so
every writer (the product dialog, a catalog import, a rule apply, an undo, the demo) leaves a
row. A writer says who it is in the one-row `price_change_source` inside its transaction
(services/pricing/history.py); a writer that records its own rows (a rule apply, which knows the
rule of each price) sets `self_recorded` and the triggers stand aside. Changing the trigger SQL
needs a new migration; tests/integration/test_migrations.py compares it with the revisions'.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.money import Money, Rate


class PriceRule(Base):
    """A rule that computes a SKU's list price (no channel) or its price on one channel."""

    __tablename__ = "price_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    # all | category | tag | brand | product | sku; scope_id names the category, tag, product
    # or variant, scope_text the brand
    scope: Mapped[str] = mapped_column(String(16))
    scope_id: Mapped[int | None] = mapped_column(Integer)
    scope_text: Mapped[str] = mapped_column(String(120), default="")
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    min_quantity: Mapped[int] = mapped_column(Integer, default=1)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)  # the last day it applies
    review_on: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # lower wins among equals
    # cost_plus | target_margin | relative | fixed
    method: Mapped[str] = mapped_column(String(16))
    rate: Mapped[Decimal | None] = mapped_column(Rate())  # markup, margin or percent off/on
    amount: Mapped[Decimal | None] = mapped_column(Money())  # fixed price or amount off/on
    # relative: list_price | compare_at | channel | market; base_channel_id for "channel"
    base: Mapped[str] = mapped_column(String(16), default="")
    base_channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    round_to: Mapped[Decimal | None] = mapped_column(Money())  # a multiple, e.g. 1.00
    ending: Mapped[str] = mapped_column(String(8), default="")  # "", .99, .90, x8, x9
    min_price: Mapped[Decimal | None] = mapped_column(Money())
    max_price: Mapped[Decimal | None] = mapped_column(Money())
    min_margin: Mapped[Decimal | None] = mapped_column(Rate())  # None: the shop's
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class MarketPrice(Base):
    """A competitor's or the market's price of a SKU (on one channel or anywhere), on a day."""

    __tablename__ = "market_prices"
    __table_args__ = (
        Index("ix_market_prices_variant_id_channel_id_observed_on", "variant_id", "channel_id",
              "observed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    price: Mapped[Decimal] = mapped_column(Money())
    observed_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(120), default="")


class PriceApply(Base):
    """One apply of the preview: undone as one step."""

    __tablename__ = "price_applies"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    backup: Mapped[str] = mapped_column(Text, default="")  # the backup taken before it
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PriceHistory(Base):
    """One change of a list price (channel_id NULL) or of a listing's own price."""

    __tablename__ = "price_history"
    __table_args__ = (
        Index("ix_price_history_variant_id_at", "variant_id", "at"),
        Index("ix_price_history_apply_id", "apply_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[int | None] = mapped_column(Integer)
    old_price: Mapped[Decimal | None] = mapped_column(Money())
    new_price: Mapped[Decimal | None] = mapped_column(Money())
    # rule | undo | product | import | edit
    source: Mapped[str] = mapped_column(String(16))
    rule_name: Mapped[str] = mapped_column(String(120), default="")
    apply_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class PriceChangeSource(Base):
    """Who is writing prices in the open transaction (one row, set and cleared by the writer)."""

    __tablename__ = "price_change_source"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    apply_id: Mapped[int | None] = mapped_column(Integer)
    self_recorded: Mapped[bool] = mapped_column(default=False)


class PricePreviewRow(Base):
    """One row of the last preview: a SKU's list price or one listing's price, before and after.

    Kept in the shop file (not a temp table) so that the page pages it with its own connection,
    a worker builds it with another, and `pricing apply` applies what `pricing preview` showed.
    """

    __tablename__ = "price_preview"
    __table_args__ = (
        Index("ix_price_preview_flags_change", "flags", "change_rate"),
        Index("ix_price_preview_sku_channel", "sku", "channel_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[int | None] = mapped_column(Integer)  # NULL: the list price
    rule_id: Mapped[int | None] = mapped_column(Integer)
    rule_name: Mapped[str] = mapped_column(String(120), default="")
    old_price: Mapped[Decimal | None] = mapped_column(Money())  # the stored price (NULL: none)
    old_effective: Mapped[Decimal] = mapped_column(Money())
    new_price: Mapped[Decimal] = mapped_column(Money())
    change_rate: Mapped[Decimal | None] = mapped_column(Rate())
    margin_before: Mapped[Decimal | None] = mapped_column(Rate())  # after fees, old price
    margin_after: Mapped[Decimal | None] = mapped_column(Rate())  # after fees, new price
    follows_list: Mapped[bool] = mapped_column(default=False)  # no own price: not written
    flags: Mapped[int] = mapped_column(Integer, default=0)  # bits of services/pricing/flags.py
    writes: Mapped[bool] = mapped_column(default=False)  # applying would change a stored price


def _history_trigger(name: str, table: str, column: str, channel: str) -> tuple[str, str]:
    event = f"AFTER UPDATE OF {column} ON {table}"
    body = (
        "INSERT INTO price_history (variant_id, channel_id, old_price, new_price, source, "
        "rule_name, apply_id, at) "
        f"SELECT {'NEW.id' if table == 'variants' else 'NEW.variant_id'}, {channel}, "
        f"OLD.{column}, NEW.{column}, coalesce(s.source, 'edit'), '', s.apply_id, "
        "strftime('%Y-%m-%d %H:%M:%f', 'now') "
        "FROM (SELECT 1) LEFT JOIN price_change_source s ON s.id = 1 "
        f"WHERE OLD.{column} IS NOT NEW.{column} AND coalesce(s.self_recorded, 0) = 0;")
    return name, f"CREATE TRIGGER {name} {event} BEGIN {body} END"


_TRIGGERS = dict([
    _history_trigger("trg_price_history_variant", "variants", "price", "NULL"),
    _history_trigger("trg_price_history_listing", "listings", "channel_price", "NEW.channel_id"),
])


def create_trigger_statements() -> list[str]:
    return list(_TRIGGERS.values())


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]
