"""The small "what changed" value every write returns; the GUI broadcasts it to all pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changed:
    areas: frozenset[str]
    message: str = ""
    ids: tuple[int, ...] = field(default=())

    @staticmethod
    def of(*areas: str, message: str = "", ids: tuple[int, ...] = ()) -> Changed:
        return Changed(frozenset(areas), message, ids)


CATALOG = "catalog"
CHANNELS = "channels"
SETTINGS = "settings"
ORDERS = "orders"
STOCK = "stock"  # on-hand, stock policies, alert acknowledgements
