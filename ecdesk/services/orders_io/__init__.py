"""Orders imported from marketplace exports (Shopify's order export, Taobao/Tmall order files).

The GUI wizard and the command line call these, in this order (as for the catalog import):

1. `read_orders_file(path, timezone=...)` reads and checks a file without the database: the
   format and encoding are detected, rows grouped into orders. Returns `ParsedOrderFile`.
2. `preview_orders(uow, parsed, channel=...)` compares it with the shop: orders new, updated
   (status) or unchanged, stock that would move, and every problem. Writes nothing.
3. `import_orders(uow, parsed, channel=..., only_valid=...)` writes all or nothing (or only the
   orders without problems), checking again inside its own transaction.

Importing the same file again finds its orders by (channel, order number): nothing is doubled.
"""

from ecdesk.services.orders_io.channel import channel_for, default_channel
from ecdesk.services.orders_io.dto import (
    ChannelChoiceError,
    ChannelInfo,
    OrderImportCounts,
    OrderImportPreview,
    OrderImportResult,
    ParsedOrderFile,
)
from ecdesk.services.orders_io.plan import preview_orders
from ecdesk.services.orders_io.reader import read_orders_file
from ecdesk.services.orders_io.writer import import_orders
from ecdesk.services.tabular_io.table import ImportCancelledError

__all__ = [
    "ChannelChoiceError", "ChannelInfo", "ImportCancelledError", "OrderImportCounts",
    "OrderImportPreview", "OrderImportResult", "ParsedOrderFile", "channel_for",
    "default_channel", "import_orders", "preview_orders", "read_orders_file",
]
