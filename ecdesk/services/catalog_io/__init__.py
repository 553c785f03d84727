"""Catalog import and export from marketplace files (Shopify, WooCommerce, Taobao, ecdesk's own).

The GUI wizard and the command line call these, in this order:

1. `read_import_file(path, ...)` reads and checks a file without the database: the format and
   encoding are detected, columns mapped, rows grouped into products. Returns `ParsedFile`.
2. `preview_import(uow, parsed, channel=...)` compares it with the shop: what would be created or
   updated, and every problem (row, column, reason). Returns `ImportPreview`; writes nothing.
3. `import_products(uow, parsed, channel=..., only_valid=...)` writes all or nothing (or only the
   products without problems), checking again inside its own transaction. Returns `ImportResult`.

`export_products(uow, path, layout=...)` writes the catalog and its listings to CSV or XLSX.
Heavy libraries (pandas, openpyxl) are imported inside the functions that use them.
"""

from ecdesk.services.catalog_io.dto import (
    ExportResult,
    ImportCounts,
    ImportPreview,
    ImportResult,
    ParsedFile,
)
from ecdesk.services.catalog_io.export import export_products
from ecdesk.services.catalog_io.mapping import load_column_mapping, save_column_mapping
from ecdesk.services.catalog_io.preview import preview_import
from ecdesk.services.catalog_io.reader import read_import_file
from ecdesk.services.catalog_io.writer import import_products
from ecdesk.services.tabular_io.table import ImportCancelledError

__all__ = [
    "ExportResult", "ImportCancelledError", "ImportCounts", "ImportPreview", "ImportResult",
    "ParsedFile", "export_products", "import_products", "load_column_mapping",
    "preview_import", "read_import_file", "save_column_mapping",
]
