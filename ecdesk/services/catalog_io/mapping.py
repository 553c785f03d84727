"""Column mappings the user corrected, remembered per format in the settings table."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.models import Setting

PREFIX = "import.mapping."


def load_column_mapping(uow: UnitOfWork, format_name: str) -> dict[str, str]:
    """{field: column name} remembered for a format ({} when none)."""
    return load_column_mappings(uow).get(format_name, {})


def load_column_mappings(uow: UnitOfWork) -> dict[str, dict[str, str]]:
    """Every remembered mapping, by format."""
    with uow:
        rows = uow.session.execute(select(Setting.key, Setting.value)
                                   .where(Setting.key.startswith(PREFIX))).tuples().all()
    found = {}
    for key, value in rows:
        try:
            mapping = json.loads(value)
        except ValueError:
            continue
        if isinstance(mapping, dict):
            found[key[len(PREFIX):]] = {str(k): str(v) for k, v in mapping.items()}
    return found


def save_column_mapping(uow: UnitOfWork, format_name: str, mapping: dict[str, str]) -> None:
    """Remember a mapping for the next file of this format (an empty mapping forgets it)."""
    with uow:
        store_column_mapping(uow.session, format_name, mapping)
        uow.commit()


def store_column_mapping(session: Session, format_name: str, mapping: dict[str, str]) -> None:
    """The same inside the caller's transaction (an import remembers it only if it is written)."""
    row = session.get(Setting, PREFIX + format_name)
    if not mapping:
        if row is not None:
            session.delete(row)
        return
    value = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=PREFIX + format_name, value=value))
    elif row.value != value:
        row.value = value
