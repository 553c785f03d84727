"""File > Export products: ecdesk's template or Shopify's layout, as CSV or XLSX, on a worker.

XLSX is about a hundred times slower than CSV (30 s for 100,000 rows), so the export runs off
the GUI thread with a progress bar and Cancel; a cancelled export leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.private_files import owner_only
from ecdesk.services.catalog_io import ExportResult, export_products
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import integer
from ecdesk.views.widgets.wizard_parts import ERROR_STYLE, WARNING_STYLE, busy_row
from ecdesk.views.widgets.workers import Job

SUFFIXES = (".csv", ".xlsx")


class ExportDialog(QDialog):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Job | None = None
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("Export products"))
        self.resize(640, 0)
        self.ecdesk_radio = QRadioButton(self.tr("ecdesk template: every field, the stock "
                                                 "and the listings on each channel"), checked=True)
        self.shopify_radio = QRadioButton(self.tr("Shopify product CSV: to upload to a "
                                                  "Shopify store, with the stock"))
        layouts = QButtonGroup(self)
        layouts.addButton(self.ecdesk_radio)
        layouts.addButton(self.shopify_radio)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("CSV (fast, opens anywhere)"), ".csv")
        self.type_combo.addItem(self.tr("Excel workbook (.xlsx, slower for big shops)"), ".xlsx")
        self.path_edit = QLineEdit(str(context.db.path.parent
                                       / f"products-{context.clock.today():%Y-%m-%d}.csv"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.problem = QLabel(wordWrap=True)
        self.bar, self.cancel_button, busy = busy_row(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.
                             TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        layout_box = QVBoxLayout()
        layout_box.addWidget(self.ecdesk_radio)
        layout_box.addWidget(self.shopify_radio)
        form.addRow(self.tr("Layout"), layout_box)
        form.addRow(self.tr("File type"), self.type_combo)
        form.addRow(self.tr("Save as"), file_row)
        form.addRow("", self.problem)
        main = QVBoxLayout(self)
        main.addLayout(form)
        main.addLayout(busy)
        main.addWidget(self.status)
        main.addStretch(1)
        main.addWidget(self.buttons)
        self.path_edit.textChanged.connect(lambda _t: self.check())
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.check()

    # -- the form --------------------------------------------------------------------------
    @property
    def layout_name(self) -> str:
        return "shopify" if self.shopify_radio.isChecked() else "ecdesk"

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _type_chosen(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(self.path().with_suffix(self.type_combo.currentData())))

    def browse(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export products to"), str(self.path()),
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"))
        if path:
            if Path(path).suffix.lower() not in SUFFIXES:
                path += ".xlsx" if "xlsx" in chosen else ".csv"
            self.path_edit.setText(path)

    def check(self) -> bool:
        """Say at once what is wrong with the file name; Export waits until it is right."""
        problem, warning = "", ""
        path = self.path()
        if not self.path_edit.text().strip():
            problem = self.tr("Choose where to save the file.")
        elif path.suffix.lower() not in SUFFIXES:
            problem = self.tr("The file name must end in .csv or .xlsx.")
        elif not path.parent.is_dir():
            problem = self.tr("There is no folder %s.") % path.parent
        elif path.is_dir():
            problem = self.tr("%s is a folder: add a file name.") % path
        elif path.exists() and not (self.result and Path(self.result.path) == path):
            warning = self.tr("%s exists and will be replaced.") % path.name
        if path.suffix.lower() in SUFFIXES:
            self.type_combo.blockSignals(True)
            self.type_combo.setCurrentIndex(self.type_combo.findData(path.suffix.lower()))
            self.type_combo.blockSignals(False)
        self.problem.setText(problem or warning)
        self.problem.setStyleSheet(ERROR_STYLE if problem else WARNING_STYLE)
        busy = self.job is not None and self.job.running
        self.export_button.setEnabled(not problem and not busy)
        return not problem

    # -- the export ------------------------------------------------------------------------
    def export(self) -> None:
        if not self.check() or (self.job is not None and self.job.running):
            return
        db, path, layout = self.context.db, self.path(), self.layout_name

        def work(progress: Any) -> ExportResult:
            return export_products(db.uow("gui"), path, layout=layout, progress=progress)

        self.result = None
        self.status.setText(self.tr("Exporting…"))
        self.status.setStyleSheet("")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        job = self.job = Job(work, self)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._exported)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        job.start()
        self.check()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _stop(self, text: str, style: str = "") -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.check()

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        text = self.tr("Exported %s products (%s rows) to %s") % (
            integer(result.products), integer(result.rows), result.path)
        if result.cut_cells:  # each one named: a cut description must not go unnoticed
            text += "\n" + self.tr("%n cell(s) were too long for Excel and were cut:", "",
                                    len(result.cut_cells))
            text += "".join(f"\n  {problem}" for problem in result.cut_cells)
        self._stop(text, WARNING_STYLE if result.cut_cells else "")
        self.context.status_message.emit(self.status.text())

    def _failed(self, error: EcdeskError) -> None:
        self._stop(self.tr("Nothing was exported: %s") % error, ERROR_STYLE)

    def _cancelled(self) -> None:
        self._stop(self.tr("The export was cancelled: no file was written."), WARNING_STYLE)

    def reject(self) -> None:
        """Close (or Escape) while exporting cancels the export first."""
        if self.job is not None and self.job.running:
            self.cancel()
            return
        super().reject()


# -- File > Save import template -----------------------------------------------------------------
# The service layer has no template writer yet; this one uses its column names, so that what it
# writes is exactly what `read_import_file` reads as the ecdesk template (a test checks that).
EXAMPLE = {
    "handle": "example-tee", "title": "Example T-shirt", "description": "<p>Soft cotton</p>",
    "brand": "Muzi", "category": "Clothing > T-shirts", "tags": "summer, new",
    "status": "draft", "option1_name": "Size", "option1_value": "M", "sku": "EXAMPLE-TEE-M",
    "weight": "200", "price": "59.00", "compare_at_price": "79.00", "cost": "20.00",
    "quantity": "10", "archived": "no",
}


def write_import_template(path: Path, channels: list[str]) -> None:
    """The ecdesk template's header (with three columns per channel) and one example row, as
    CSV UTF-8 with a BOM so that Excel opens it with the right characters."""
    import csv

    from ecdesk.services.catalog_io.formats import template

    header = list(template.COLUMNS.values())
    header += [template.listing_header(name, part) for name in channels
               for part in template.LISTING_PARTS]
    example = [EXAMPLE.get(field, "") for field in template.COLUMNS]
    example += [""] * (len(header) - len(example))
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerow(example)
        owner_only(partial).replace(path)
    finally:
        partial.unlink(missing_ok=True)
