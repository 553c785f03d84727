"""Every capability's Dashboard tiles and chart marks, in the order they show.

Like services/search_providers.py: a capability that has a figure for the Dashboard adds its
provider here (services/dashboard/model.py says what a provider is), and the Dashboard knows
none of them.
"""

from __future__ import annotations

from ecdesk.services.customers.dashboard_tile import customer_segment_tiles
from ecdesk.services.dashboard.model import MarkProvider, TileProvider
from ecdesk.services.pricing.floor_check import below_floor_tiles
from ecdesk.services.promotions.dashboard_tile import promotion_marks, running_promotion_tiles
from ecdesk.services.purchasing.dashboard_tile import purchasing_tiles
from ecdesk.services.tickets.dashboard_tile import ticket_tiles

TILE_PROVIDERS: tuple[TileProvider, ...] = (customer_segment_tiles, ticket_tiles,
                                             below_floor_tiles, purchasing_tiles,
                                             running_promotion_tiles)
MARK_PROVIDERS: tuple[MarkProvider, ...] = (promotion_marks,)
