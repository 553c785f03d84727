"""The price history: every change of a list price or a listing's own price, whoever made it.

Triggers on the price columns write the rows (ecdesk/models/pricing.py), so no writer can forget
to. A writer names itself for the triggers with `price_source` around its writes: the product
dialog ("product"), a catalog import ("import"); a rule apply and its undo record their own rows
(they know the rule of each price) and set `self_recorded`. A writer that says nothing is
recorded as "edit".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.i18n import N_, _
from ecdesk.models import Channel, PriceChangeSource, PriceHistory, Variant
from ecdesk.services.changes import Changed
from ecdesk.services.pricing.table_file import write_table


class PriceSource(StrEnum):
    RULE = "rule"
    UNDO = "undo"
    PRODUCT = "product"
    IMPORT = "import"
    EDIT = "edit"


SOURCE_LABELS = {PriceSource.RULE: N_("Price rule"), PriceSource.UNDO: N_("Undo of a rule apply"),
                 PriceSource.PRODUCT: N_("Product dialog"), PriceSource.IMPORT: N_("Import"),
                 PriceSource.EDIT: N_("Edit")}


@contextmanager
def price_source(session: Session, source: PriceSource, *, apply_id: int | None = None,
                 self_recorded: bool = False) -> Iterator[None]:
    """Price writes inside the block are recorded as `source` (in the caller's transaction)."""
    session.flush()
    session.execute(delete(PriceChangeSource))
    session.execute(insert(PriceChangeSource).values(
        id=1, source=source.value, apply_id=apply_id, self_recorded=self_recorded))
    try:
        yield
        session.flush()
    finally:
        session.execute(delete(PriceChangeSource))


@dataclass(frozen=True)
class PriceChange:
    at: datetime
    sku: str
    channel: str  # "" for the list price
    old_price: Decimal | None
    new_price: Decimal | None
    source: str
    source_label: str
    rule_name: str


def price_history(uow: UnitOfWork, *, sku: str | None = None, limit: int | None = 500
                  ) -> list[PriceChange]:
    """The newest price changes first (of one SKU, or of the shop; `limit` None: all)."""
    query = (select(PriceHistory, Variant.sku, Channel.name)
             .join(Variant, Variant.id == PriceHistory.variant_id)
             .outerjoin(Channel, Channel.id == PriceHistory.channel_id)
             .order_by(PriceHistory.at.desc(), PriceHistory.id.desc()).limit(limit))
    if sku is not None:
        query = query.where(Variant.sku == sku)
    with uow:
        return [PriceChange(h.at, variant_sku, channel or "", h.old_price, h.new_price, h.source,
                            _(SOURCE_LABELS.get(PriceSource(h.source), h.source)), h.rule_name)
                for h, variant_sku, channel in uow.session.execute(query)]


HISTORY_FIELDS = ("at_utc", "sku", "channel", "old_price", "new_price", "source", "rule")


def history_table(changes: list[PriceChange]) -> list[list[str | None]]:
    """The changes as the export's rows (HISTORY_FIELDS): times in UTC, prices with 2
    decimals (empty: the listing had no price of its own), the source's key."""
    return [[c.at.strftime("%Y-%m-%d %H:%M:%S"), c.sku, c.channel,
             None if c.old_price is None else f"{c.old_price:.2f}",
             None if c.new_price is None else f"{c.new_price:.2f}", c.source, c.rule_name]
            for c in changes]


@dataclass(frozen=True)
class HistoryExport:
    path: Path
    rows: int

    @property
    def changed(self) -> Changed:
        """Nothing in the shop changed; the message says where the file went."""
        return Changed.of(message=_("{count} price changes written to {path}").format(
            count=self.rows, path=self.path))


def export_price_history(uow: UnitOfWork, path: Path, *, sku: str | None = None,
                         limit: int | None = None) -> HistoryExport:
    """Write the price history (of one SKU, or of the shop) to a CSV or XLSX file, newest
    first."""
    rows = history_table(price_history(uow, sku=sku, limit=limit))
    write_table(path, HISTORY_FIELDS, rows)
    return HistoryExport(path, len(rows))
