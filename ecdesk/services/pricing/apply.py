"""Applying the preview (all of it or a selection) and undoing the last apply, each in one
transaction; the apply after a backup of the shop.

Apply refuses a preview that is out of date (a price it would replace has changed since), so
what is written is what was shown. It writes the prices and their history rows set-wise, from
the preview table itself (UPDATE ... FROM, INSERT ... SELECT), and names the rule of each price
in the history; the undo restores every price of the last apply that nothing has changed since,
or refuses and names a SKU that changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import EcdeskError
from ecdesk.i18n import _, ngettext
from ecdesk.models import PriceApply
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.pricing.history import PriceSource, price_source
from ecdesk.services.shop_file.backups import back_up

# The preview rows an apply writes: all, or those whose ids are in a JSON list
_CHOSEN = "p.writes = 1 AND (? IS NULL OR p.id IN (SELECT value FROM json_each(?)))"
_STALE = f"""
    SELECT p.sku FROM price_preview p JOIN variants v ON v.id = p.variant_id
    WHERE p.channel_id IS NULL AND {_CHOSEN} AND v.price IS NOT p.old_price
    UNION ALL
    SELECT p.sku FROM price_preview p
    JOIN listings l ON l.variant_id = p.variant_id AND l.channel_id = p.channel_id
    WHERE p.channel_id IS NOT NULL AND {_CHOSEN} AND l.channel_price IS NOT p.old_price
    LIMIT 1"""
_WRITE_LIST = f"""
    UPDATE variants SET price = p.new_price FROM price_preview p
    WHERE p.variant_id = variants.id AND p.channel_id IS NULL AND {_CHOSEN}"""
_WRITE_LISTINGS = f"""
    UPDATE listings SET channel_price = p.new_price, changed_at = ? FROM price_preview p
    WHERE p.variant_id = listings.variant_id AND p.channel_id = listings.channel_id
      AND p.channel_id IS NOT NULL AND {_CHOSEN}"""
_HISTORY = f"""
    INSERT INTO price_history (variant_id, channel_id, old_price, new_price, source, rule_name,
                               apply_id, at)
    SELECT p.variant_id, p.channel_id, p.old_price, p.new_price, 'rule', p.rule_name, ?, ?
    FROM price_preview p WHERE {_CHOSEN}"""
_COUNT = f"SELECT count(*) FROM price_preview p WHERE {_CHOSEN}"


@dataclass(frozen=True)
class ApplyResult:
    apply_id: int
    prices: int
    backup: Path | None
    changed: Changed


def apply_price_preview(uow: UnitOfWork, *, row_ids: list[int] | None = None,
                        back_up_first: bool = True) -> ApplyResult:
    """Write the preview's prices (all, or the rows `row_ids`) after a backup, in one
    transaction; the preview is cleared (preview again for the rest). (`back_up_first` False
    is for the benchmark, which times the backup apart.)"""
    chosen = None if row_ids is None else json.dumps(sorted(set(row_ids)))
    params = (chosen, chosen)
    with uow:
        count = uow.session.connection().exec_driver_sql(_COUNT, params).scalar() or 0
    if not count:
        raise EcdeskError(_("The preview changes no price: build a preview first (or choose "
                            "rows that change a price)."))
    backup = back_up(uow.db_path, "before-price-apply", quick=True).path \
        if uow.db_path is not None and back_up_first else None
    now = datetime.now(UTC)
    stamp = now.replace(tzinfo=None).isoformat(sep=" ")
    with uow:
        session = uow.session
        conn = session.connection()
        stale = conn.exec_driver_sql(_STALE, params * 2).scalar()
        if stale is not None:
            raise EcdeskError(_("The price of {sku} has changed since the preview: preview "
                                "again before applying.").format(sku=stale))
        record = PriceApply(at=now, changes=count, backup=str(backup or ""))
        session.add(record)
        session.flush()
        apply_id = record.id
        with price_source(session, PriceSource.RULE, apply_id=apply_id, self_recorded=True):
            conn.exec_driver_sql(_WRITE_LIST, params)
            conn.exec_driver_sql(_WRITE_LISTINGS, (stamp, *params))
            conn.exec_driver_sql(_HISTORY, (apply_id, stamp, *params))
        conn.exec_driver_sql("DELETE FROM price_preview")
        uow.commit()
    message = ngettext("{n} price applied", "{n} prices applied", count).format(n=count)
    return ApplyResult(apply_id, count, backup,
                       Changed.of(ChangeArea.CATALOG, ChangeArea.PRICING, message=message))


_UNDO_STALE = """
    SELECT v.sku FROM price_history h JOIN variants v ON v.id = h.variant_id
    LEFT JOIN listings l ON l.variant_id = h.variant_id AND l.channel_id = h.channel_id
    WHERE h.apply_id = ? AND h.source = 'rule'
      AND (CASE WHEN h.channel_id IS NULL THEN v.price ELSE l.channel_price END)
          IS NOT h.new_price
    LIMIT 1"""
_UNDO_LIST = """
    UPDATE variants SET price = h.old_price FROM price_history h
    WHERE h.variant_id = variants.id AND h.channel_id IS NULL AND h.apply_id = ?
      AND h.source = 'rule'"""
_UNDO_LISTINGS = """
    UPDATE listings SET channel_price = h.old_price, changed_at = ? FROM price_history h
    WHERE h.variant_id = listings.variant_id AND h.channel_id = listings.channel_id
      AND h.apply_id = ? AND h.source = 'rule'"""
_UNDO_HISTORY = """
    INSERT INTO price_history (variant_id, channel_id, old_price, new_price, source, rule_name,
                               apply_id, at)
    SELECT variant_id, channel_id, new_price, old_price, 'undo', rule_name, apply_id, ?
    FROM price_history WHERE apply_id = ? AND source = 'rule'"""


@dataclass(frozen=True)
class UndoResult:
    apply_id: int
    prices: int
    changed: Changed


def last_apply(session: Session) -> PriceApply | None:
    return session.scalar(select(PriceApply).where(PriceApply.undone_at.is_(None))
                          .order_by(PriceApply.id.desc()).limit(1))


def undo_last_apply(uow: UnitOfWork) -> UndoResult:
    """Put back every price the last apply (not yet undone) wrote, as one step; refused when
    any of them has changed since (the undo would overwrite that change)."""
    now = datetime.now(UTC)
    stamp = now.replace(tzinfo=None).isoformat(sep=" ")
    with uow:
        session = uow.session
        record = last_apply(session)
        if record is None:
            raise EcdeskError(_("There is no price apply to undo."))
        conn = session.connection()
        changed_since = conn.exec_driver_sql(_UNDO_STALE, (record.id,)).scalar()
        if changed_since is not None:
            raise EcdeskError(_("The price of {sku} has changed since the apply: the undo would "
                                "overwrite it, so nothing was undone.").format(
                                    sku=changed_since))
        with price_source(session, PriceSource.UNDO, apply_id=record.id, self_recorded=True):
            conn.exec_driver_sql(_UNDO_LIST, (record.id,))
            conn.exec_driver_sql(_UNDO_LISTINGS, (stamp, record.id))
            conn.exec_driver_sql(_UNDO_HISTORY, (stamp, record.id))
        record.undone_at = now
        apply_id, prices = record.id, record.changes
        conn.exec_driver_sql("DELETE FROM price_preview")
        uow.commit()
    message = ngettext("{n} price put back", "{n} prices put back", prices).format(n=prices)
    return UndoResult(apply_id, prices,
                      Changed.of(ChangeArea.CATALOG, ChangeArea.PRICING, message=message))
