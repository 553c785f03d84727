"""File > Import products: a wizard over the catalog_io services.

1. the file, its format and encoding (detected; the user can choose and read again);
2. the columns (ecdesk field -> file column, "(ignore)" allowed), remembered per format;
3. the preview: what would be created or updated, every problem, the channel, and the choice
   between all or nothing and only the products without problems;
4. the import itself, with progress and Cancel, then what was written.

Reading and checking run on a worker (`views.widgets.workers.Job`) that opens its own unit of
work; the import itself is the shop's background write (`ShopContext.run_operation`), which
broadcasts what the service says it changed. The pages only show what comes back. Nothing is
written before page 4.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ecdesk.services.catalog_io import (
    ImportPreview,
    ImportResult,
    ParsedFile,
    import_products,
    preview_import,
    read_import_file,
)
from ecdesk.services.catalog_io.formats import FORMATS, column_index
from ecdesk.services.catalog_io.mapping import load_column_mappings, save_column_mapping
from ecdesk.views.catalog.import_pages import FilePage, ImportPage, MappingPage, PreviewPage
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.wizard_parts import JobWizard


class ImportWizard(JobWizard):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.parsed: ParsedFile | None = None
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.wanted_mapping: dict[str, str] | None = None  # the user's columns, not yet read
        self.remember = True
        self.setWindowTitle(self.tr("Import products"))
        self.resize(980, 700)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)

    def forget_file(self) -> None:
        """The file is being read (again): what was read from it no longer counts."""
        self.parsed = None
        self.wanted_mapping = None

    # -- the service calls, as run on the worker -------------------------------------------
    def read_work(self, path: str, format: str | None, encoding: str | None,
                  mapping: dict[str, str] | None = None) -> Callable[..., ParsedFile]:
        db = self.context.db

        def work(progress: Callable[[int, int], bool]) -> ParsedFile:
            remembered = load_column_mappings(db.uow("gui"))
            return read_import_file(path, format=format, encoding=encoding, mapping=mapping,
                                    remembered=remembered, progress=progress)
        return work

    def preview_work(self, channel: int | None) -> Callable[..., tuple[ParsedFile, Any]]:
        """Read again with the user's columns if they changed, then compare with the shop."""
        db, parsed, wanted = self.context.db, self.parsed, self.wanted_mapping
        assert parsed is not None
        encoding = self.file_page.chosen_encoding()
        rate = self.preview_page.rate()

        def work(progress: Callable[[int, int], bool]) -> tuple[ParsedFile, ImportPreview]:
            current = parsed
            if wanted is not None:
                current = read_import_file(parsed.path, format=parsed.format, encoding=encoding,
                                           mapping=wanted, progress=progress)
            return current, preview_import(db.uow("gui"), current, channel=channel, rate=rate)
        return work

    def import_work(self, channel: int | None, only_valid: bool) -> Callable[..., ImportResult]:
        db, parsed = self.context.db, self.parsed
        assert parsed is not None
        remember = self.corrections() if self.remember else None
        rate = self.preview_page.rate()

        def work(progress: Callable[[int, int], bool]) -> ImportResult:
            return import_products(db.uow("gui"), parsed, channel=channel, only_valid=only_valid,
                                   remember_mapping=remember or None, rate=rate,
                                   progress=progress)
        return work

    # -- mapping ---------------------------------------------------------------------------
    def detected_columns(self) -> dict[str, str]:
        """{field: column} as ecdesk finds it in the header alone (no remembered choices)."""
        assert self.parsed is not None
        header = list(self.parsed.header)
        if self.parsed.format not in FORMATS or not header:
            return {}
        return {field: header[i] for field, i in column_index(header, self.parsed.format).items()}

    def current_columns(self) -> dict[str, str]:
        assert self.parsed is not None
        return {choice.field: choice.column for choice in self.parsed.mapping}

    def corrections(self) -> dict[str, str]:
        """What the user chose differently from the detection: remembered for this format."""
        detected = self.detected_columns()
        return {field: column for field, column in self.current_columns().items()
                if column != detected.get(field, "")}

    def imported(self, result: ImportResult) -> None:
        """After a successful import (already broadcast): forget a mapping the user reset."""
        assert self.parsed is not None
        if self.remember and not self.corrections():
            save_column_mapping(self.context.uow(), self.parsed.format, {})
        self.result = result
