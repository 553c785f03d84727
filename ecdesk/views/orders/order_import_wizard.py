"""File > Import orders: a wizard over the orders_io services.

1. the file, its format and encoding (detected; the user can choose and read again);
1b. when its columns are not all recognised (or the format was a guess): what each column is
   imported as, the user correcting it (views/orders/order_columns_page.py);
2. the preview: the channel the orders belong to (the shop's only one of the file's kind is
   chosen), what would be created or updated, the stock that would move, every problem, and
   the choice between all or nothing and only the orders without problems;
3. the import itself, with progress and Cancel, then what was written.

Reading, checking and writing run on a worker that opens its own unit of work (the writing as
the shop's background write, `ShopContext.run_operation`); nothing is written before page 3.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget, QWizardPage

from ecdesk.services.orders_io import (
    OrderImportPreview,
    OrderImportResult,
    ParsedOrderFile,
    import_orders,
    preview_orders,
    read_orders_file,
)
from ecdesk.services.orders_io.channel import default_channel
from ecdesk.services.orders_io.columns import load_order_columns
from ecdesk.services.orders_io.formats import order_format_labels
from ecdesk.views.orders.order_columns_page import OrderColumnsPage
from ecdesk.views.orders.order_import_pages import OrderFilePage, OrderImportPage, OrderPreviewPage
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.wizard_parts import JobWizard

Progress = Callable[[int, int], bool]


def remembered_columns(db: Any, parsed: ParsedOrderFile) -> dict[str, str]:
    """The columns corrected for the default channel of the file's format, as far as this file
    has them (as `import orders` applies them): its next file needs no correcting again."""
    if parsed.format not in order_format_labels() or (parsed.file_error and not parsed.missing):
        return {}
    channel = default_channel(db.uow("gui"), parsed.format)
    remembered = load_order_columns(db.uow("gui"), channel.id) if channel else {}
    header = {column.strip() for column in parsed.header}
    return {field: column for field, column in remembered.items()
            if not column or column.strip() in header}


class OrderImportWizard(JobWizard):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.parsed: ParsedOrderFile | None = None
        self.preview: OrderImportPreview | None = None
        self.result: OrderImportResult | None = None
        self.wanted_columns: dict[str, str] | None = None  # chosen, not read with yet
        self.setWindowTitle(self.tr("Import orders"))
        self.resize(980, 700)
        self.file_page = OrderFilePage(self)
        self.columns_page = OrderColumnsPage(self)
        self.preview_page = OrderPreviewPage(self)
        self.import_page = OrderImportPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.import_page):
            self.addPage(page)

    def page_id(self, page: QWizardPage) -> int:
        return next(i for i in self.pageIds() if self.page(i) is page)

    def forget_file(self) -> None:
        self.parsed = None
        self.preview = None
        self.wanted_columns = None

    # -- the service calls, as run on the worker -------------------------------------------
    def read_work(self, path: str, format: str | None, encoding: str | None
                  ) -> Callable[[Progress], ParsedOrderFile]:
        timezone, db = self.context.settings.timezone, self.context.db
        second = self.file_page.second_path()

        def work(progress: Progress) -> ParsedOrderFile:
            def read(columns: dict[str, str] | None = None) -> ParsedOrderFile:
                return read_orders_file(path, timezone=timezone, format=format,
                                        encoding=encoding, progress=progress, second=second,
                                        columns=columns)
            parsed = read()
            remembered = remembered_columns(db, parsed)
            return read(remembered) if remembered else parsed
        return work

    def preview_work(self, channel: int | None) -> Callable[[Progress], OrderImportPreview]:
        """Read the file again with the columns chosen (if they changed), then compare it
        with the shop; the preview's file is the one read (OrderPreviewPage.take keeps it)."""
        db, parsed, wanted = self.context.db, self.parsed, self.wanted_columns
        assert parsed is not None
        timezone, second = self.context.settings.timezone, self.file_page.second_path()
        encoding = self.file_page.chosen_encoding()  # (parsed.encoding is its display name)

        def work(progress: Progress) -> OrderImportPreview:
            current = parsed
            if wanted is not None:
                current = read_orders_file(parsed.path, timezone=timezone, format=parsed.format,
                                           encoding=encoding, progress=progress,
                                           second=second, columns=wanted)
            return preview_orders(db.uow("gui"), current, channel=channel)
        return work

    def import_work(self, channel: int | None, only_valid: bool
                    ) -> Callable[[Progress], OrderImportResult]:
        db, parsed = self.context.db, self.parsed
        assert parsed is not None

        def work(progress: Progress) -> OrderImportResult:
            return import_orders(db.uow("gui"), parsed, channel=channel, only_valid=only_valid,
                                 progress=progress)
        return work

    def imported(self, result: OrderImportResult) -> None:
        """After a successful import: the operation has told every page what changed."""
        self.result = result
