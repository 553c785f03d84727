"""The audit trail: every write a user makes, with old and new values.

Recording is automatic: `install_audit` hooks the session so that each flush writes one row per
created, changed or deleted object of an audited class. Bulk work that bypasses the ORM (imports,
demo generation) records one summary row itself through `record_bulk`.
"""

from __future__ import annotations

import enum
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Index, String, Text, event, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import NO_VALUE

from ecdesk.models.base import Base, UtcDateTime, utc_now


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | bulk
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):  # (a calendar day: a purchase order's due date)
        return value.isoformat()
    if value is NO_VALUE:
        return None
    return value


def _column_changes(obj: Any, creating: bool) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ("updated_at", "changed_at", "created_at"):
            continue
        history = state.attrs[attr.key].history
        if creating:
            value = getattr(obj, attr.key)
            if value is not None and attr.key != "id":
                changes[attr.key] = [None, _plain(value)]
        elif history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _plain(old) != _plain(new):
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _audit_rows(session: Session) -> list[dict[str, Any]]:
    actor = session.info.get("actor", "")
    rows = []
    groups = (("create", session.new), ("update", session.dirty), ("delete", session.deleted))
    for action, objects in groups:
        for obj in objects:
            if isinstance(obj, AuditEntry) or not isinstance(obj, Base):
                continue
            changes = _column_changes(obj, creating=action == "create")
            if action == "update" and not changes:
                continue
            rows.append({
                "at": utc_now(), "actor": actor, "action": action,
                "entity": type(obj).__tablename__, "entity_id": getattr(obj, "id", None),
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            })
    return rows


def _after_flush(session: Session, flush_context: Any) -> None:
    rows = _audit_rows(session)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install_audit(session_class: type[Session]) -> None:
    """Record an audit row for every ORM write made through sessions of this class."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)


def record_change(session: Session, entity: str, entity_id: int,
                  changes: dict[str, list[Any]]) -> None:
    """An update the ORM cannot see as a column change (a many-to-many collection)."""
    session.execute(insert(AuditEntry).values(
        at=utc_now(), actor=session.info.get("actor", ""), action="update", entity=entity,
        entity_id=entity_id, changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
    ))


def record_bulk(session: Session, entity: str, summary: dict[str, Any]) -> None:
    """One audit row for a bulk write that bypassed the ORM (an import, a bulk edit)."""
    session.execute(insert(AuditEntry).values(
        at=utc_now(), actor=session.info.get("actor", ""), action="bulk", entity=entity,
        entity_id=None,
        changes=json.dumps(summary, ensure_ascii=False, sort_keys=True, default=str),
    ))
