"""The small "what changed" value every write returns; the GUI broadcasts it to all pages.

A change names the areas of the shop it touched; each page declares the areas it refreshes on
(its `refresh_on`), and the shell hands it only the changes that touch one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeArea(StrEnum):
    CATALOG = "catalog"  # products, SKUs, listings, categories, tags
    CHANNELS = "channels"
    SETTINGS = "settings"  # the shop's settings (name, currency, time zone, minimum margin)
    ORDERS = "orders"
    STOCK = "stock"  # on-hand, stock policies and defaults, alert acknowledgements
    PURCHASING = "purchasing"  # suppliers, supplier items, purchase orders, receipts
    TICKETS = "tickets"  # tickets, their threads and returns, canned replies, SLA, calendar
    CUSTOMERS = "customers"  # customer profiles, handles, merges
    PRICING = "pricing"  # price rules, market prices, the preview and its applies
    PROMOTIONS = "promotions"  # promotions: their windows, terms, status


@dataclass(frozen=True)
class Changed:
    areas: frozenset[ChangeArea]
    message: str = ""
    ids: tuple[int, ...] = field(default=())

    @staticmethod
    def of(*areas: ChangeArea, message: str = "", ids: tuple[int, ...] = ()) -> Changed:
        """A change of these areas; anything but a ChangeArea (a misspelt string) is refused."""
        return Changed(frozenset(ChangeArea(area) for area in areas), message, ids)

    def touches(self, areas: Iterable[ChangeArea]) -> bool:
        return not self.areas.isdisjoint(areas)
