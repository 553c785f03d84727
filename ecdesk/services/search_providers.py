"""Every provider of "search everything", in the order their groups show.

A capability that has something to find adds its provider here (tickets, customers, suppliers
and purchase orders come next); services/common/search_registry.py says what a provider is.
"""

from __future__ import annotations

from ecdesk.db import UnitOfWork
from ecdesk.services.catalog.search_hits import PRODUCTS
from ecdesk.services.common.search_registry import SearchGroup, SearchProvider, search_all
from ecdesk.services.customers.search_hits import CUSTOMERS
from ecdesk.services.orders.search_hits import ORDERS
from ecdesk.services.pricing.search_hits import PRICE_RULES
from ecdesk.services.promotions.search_hits import PROMOTIONS
from ecdesk.services.purchasing.search_hits import PURCHASE_ORDERS, SUPPLIERS
from ecdesk.services.tickets.search_hits import TICKETS

SEARCH_PROVIDERS: tuple[SearchProvider, ...] = (PRODUCTS, ORDERS, TICKETS, CUSTOMERS,
                                                PRICE_RULES, PROMOTIONS, SUPPLIERS,
                                                PURCHASE_ORDERS)
HITS_PER_GROUP = 8  # a popup of a few groups stays on screen; Enter lists every product match


def search_everything(uow: UnitOfWork, text: str,
                      limit: int = HITS_PER_GROUP) -> list[SearchGroup]:
    """The hits of every provider for `text`, grouped by provider, in one read."""
    return search_all(uow, SEARCH_PROVIDERS, text, limit)
