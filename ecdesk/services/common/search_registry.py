"""Search everything: what one search provider is and how the shell asks them all.

Each capability that has something worth finding (products, orders; tickets, customers,
suppliers and purchase orders later) offers a `SearchProvider`; services/search_providers.py
lists them in the order their groups show. This module knows none of them: capabilities plug
in, the common home never imports a capability.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the Listings page imports SearchHit before SQLAlchemy is wanted)
    from sqlalchemy.orm import Session

    from ecdesk.db import UnitOfWork


@dataclass(frozen=True)
class SearchHit:
    kind: str  # its provider's key: "product", "order"; the page that opens it is found by it
    id: int  # the item's id, which the owning page opens
    title: str
    subtitle: str = ""
    find_text: str = ""  # what the owning page searches for when the item is not in its list

    @property
    def label(self) -> str:
        return f"{self.title} · {self.subtitle}" if self.subtitle else self.title


@dataclass(frozen=True)
class SearchProvider:
    key: str  # the kind of its hits
    label: str  # the heading of its group of hits ("Products")
    search: Callable[[Session, str, int], list[SearchHit]]  # (session, text, limit) -> hits


@dataclass(frozen=True)
class SearchGroup:
    provider: SearchProvider
    hits: list[SearchHit]


def search_all(uow: UnitOfWork, providers: Sequence[SearchProvider], text: str,
               limit: int) -> list[SearchGroup]:
    """Ask every provider in one read; a provider that finds nothing makes no group."""
    if not text.strip():
        return []
    with uow:
        groups = [SearchGroup(p, p.search(uow.session, text, limit)) for p in providers]
    return [group for group in groups if group.hits]
