"""The order file columns a user corrected, remembered per channel.

A marketplace renames a column now and then, and one shop's export differs from another's;
the correction the user made for a channel's file is kept (in the settings table, beside the
product import's corrections) and used again for that channel's next file.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.services.catalog_io.mapping import load_column_mapping, store_column_mapping


def _key(channel_id: int) -> str:
    return f"orders.channel.{channel_id}"


def load_order_columns(uow: UnitOfWork, channel_id: int) -> dict[str, str]:
    """{field: column name} corrected for this channel's order files ({} when none)."""
    return load_column_mapping(uow, _key(channel_id))


def store_order_columns(session: Session, channel_id: int, columns: dict[str, str]) -> None:
    """Remember the corrections inside the caller's transaction (an import that is written)."""
    store_column_mapping(session, _key(channel_id), columns)
