"""Plain frozen values that cross from the import/export services to the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ecdesk.errors import Problem
from ecdesk.services.changes import Changed
from ecdesk.services.tabular_io.problems import PreviewProblems


# The parsed rows are named tuples rather than frozen dataclasses: as immutable, but a frozen
# dataclass sets each field through object.__setattr__, which made building the 100,000 SKUs
# of a big file 0.3 s slower (measured).
class ParsedVariant(NamedTuple):
    """One SKU as read from the file; amounts already parsed (None: the cell was empty)."""

    row: int
    sku: str
    sku_generated: bool = False
    option1: str = ""
    option2: str = ""
    option3: str = ""
    barcode: str | None = None
    weight_grams: int | None = None
    price: Decimal | None = None
    compare_at_price: Decimal | None = None
    unit_cost: Decimal | None = None
    quantity: int | None = None  # stock on hand per the file: set by a counted movement
    archived: bool | None = None
    item_id: str = ""  # the platform's id of this SKU (WooCommerce ID, Taobao item id)
    listings: tuple[ParsedListing, ...] = ()  # ecdesk template: one per channel column group


class ParsedListing(NamedTuple):
    channel: str  # channel name as in the column header
    status: str | None
    price: Decimal | None
    item_id: str


class ParsedProduct(NamedTuple):
    row: int  # first row of the product in the file
    key: str  # what groups its rows: the handle, the parent id...
    title: str
    handle: str | None = None
    description: str | None = None  # None: the column is absent, keep what the shop has
    brand: str | None = None
    category: str | None = None
    tags: tuple[str, ...] | None = None
    status: str | None = None
    option_names: tuple[str, str, str] = ("", "", "")
    product_type: str | None = None  # Shopify's Type; None: the column is absent, keep it
    variants: tuple[ParsedVariant, ...] = ()
    rows: tuple[int, ...] = ()  # every row that belongs to it (problems point at them)


@dataclass(frozen=True)
class ColumnChoice:
    """One field ecdesk reads and the file's column it is read from ("" when not in the file)."""

    field: str
    label: str
    column: str


@dataclass(frozen=True)
class ParsedFile:
    path: str
    format: str  # shopify | woocommerce | taobao | ecdesk
    format_label: str
    format_confident: bool  # False: the wizard should ask the user to confirm the format
    encoding: str
    header: tuple[str, ...]
    mapping: tuple[ColumnChoice, ...]
    unused_columns: tuple[str, ...]
    rows: int  # data rows read (header excluded)
    products: tuple[ParsedProduct, ...]
    problems: tuple[Problem, ...]  # problems found without the database
    file_error: bool = False  # True: nothing can be imported from this file (encoding, columns)

    def column_of(self, name: str) -> str:
        return next((c.column for c in self.mapping if c.field == name), "")


@dataclass(frozen=True)
class ImportCounts:
    products_created: int = 0
    products_updated: int = 0
    products_unchanged: int = 0
    variants_created: int = 0
    variants_updated: int = 0
    variants_unchanged: int = 0
    listings_created: int = 0
    listings_updated: int = 0
    stock_levels_set: int = 0  # SKUs whose on-hand the file's quantity changes


@dataclass(frozen=True)
class ImportPreview(PreviewProblems):
    file: ParsedFile
    channel: str | None
    counts: ImportCounts  # of the products that can be imported (those without errors)
    problems: tuple[Problem, ...]  # file problems and shop problems, sorted by row
    products_with_errors: int
    quantities_read: int  # SKUs with a stock quantity in the file
    quantity_total: int
    notes: tuple[str, ...] = field(default=())

    @property
    def blocked(self) -> bool:
        """True when importing everything is refused (only the valid products could be)."""
        return self.file.file_error or bool(self.errors)


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview  # what was checked inside the writing transaction
    counts: ImportCounts  # what was written
    skipped_products: int
    changed: Changed  # what the pages refresh: the products written (ids), and stock if set

    @property
    def product_ids(self) -> tuple[int, ...]:
        return self.changed.ids

    @property
    def message(self) -> str:
        return self.changed.message


@dataclass(frozen=True)
class ExportResult:
    path: str
    layout: str
    products: int
    rows: int
    # Cells an XLSX file could not hold whole (Excel's 32,767 characters): row and column named
    cut_cells: tuple[Problem, ...] = ()
