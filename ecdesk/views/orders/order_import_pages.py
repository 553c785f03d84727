"""The pages of the order import wizard (see `order_import_wizard`): the shared import pages
(views/widgets/import_wizard_pages.py) told about order files, orders and the stock they move."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ecdesk.services.channels import list_channels
from ecdesk.services.orders_io import OrderImportCounts, OrderImportPreview, OrderImportResult
from ecdesk.services.orders_io.channel import default_channel
from ecdesk.services.orders_io.formats import order_format_labels
from ecdesk.services.orders_io.plan import unread_columns
from ecdesk.views.orders.order_columns_page import can_check_columns, needs_columns
from ecdesk.views.widgets.import_problems import RIGHT
from ecdesk.views.widgets.import_wizard_pages import (
    BaseFilePage,
    BaseImportPage,
    BasePreviewPage,
)
from ecdesk.views.widgets.locale_format import integer


class OrderFilePage(BaseFilePage):
    """The shared file page, plus the second file of a Taobao/Tmall report that comes as
    two (the order list and its line details, joined on 订单编号)."""

    def __init__(self, wizard: Any) -> None:
        super().__init__(wizard)
        self.second_edit = QLineEdit(placeholderText=self.tr(
            "Taobao/Tmall: the other file of the report (order list or line details)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_second)
        row = QHBoxLayout()
        row.addWidget(self.second_edit, 1)
        row.addWidget(browse)
        form = self.layout().itemAt(0).layout()
        assert isinstance(form, QFormLayout)
        form.insertRow(1, self.tr("Second file"), row)
        self.second_edit.textChanged.connect(lambda _text: self._path_edited())
        self.check_columns = QCheckBox(self.tr("Check the columns before the preview"))
        self.check_columns.setEnabled(False)
        self.layout().insertWidget(1, self.check_columns)

    def second_path(self) -> str | None:
        """The second file, when one is named."""
        return self.second_edit.text().strip() or None

    def _browse_second(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The other file of the report"), self.second_edit.text(),
            self.file_filter())
        if path:
            self.second_edit.setText(path)

    def what_files(self) -> str:
        return self.tr("An order export from Shopify (Orders > Export) or Taobao/Tmall, as CSV "
                       "or XLSX. Taobao/Tmall's report comes as two files (the order list and "
                       "its line details): name both.")

    def formats(self) -> dict[str, str]:
        return order_format_labels()

    def file_filter(self) -> str:
        return self.tr("Order exports (*.csv *.xlsx *.txt *.tsv);;All files (*)")

    def columns_hint(self) -> str:
        parsed = self.owner.parsed
        if parsed is None or not parsed.missing:
            return ""
        self._offer_columns(parsed)
        return self.tr("Next: choose which column of the file holds each field.")

    def count_text(self, parsed: Any) -> str:
        self._offer_columns(parsed)
        return self.tr("%d columns, %s rows, %s orders with %s lines") % (
            len(parsed.header), integer(parsed.rows), integer(len(parsed.orders)),
            integer(parsed.lines))

    def _offer_columns(self, parsed: Any) -> None:
        """Checked and fixed when the columns must be chosen; offered when some are unread."""
        must = needs_columns(parsed)
        unread = len(unread_columns(parsed)) if can_check_columns(parsed) else 0
        self.check_columns.setEnabled(can_check_columns(parsed) and not must)
        self.check_columns.setChecked(must)
        self.check_columns.setText(
            self.tr("Check the columns before the preview (%n of the file's columns are not "
                    "imported)", "", unread) if unread else
            self.tr("Check the columns before the preview"))

    def can_go_on(self, parsed: Any) -> bool:
        return not parsed.file_error or bool(parsed.missing)  # (its columns can be chosen)

    def nextId(self) -> int:
        """The column page when the file's columns need a look, else straight to the preview."""
        parsed = self.owner.parsed
        wanted = parsed is not None and (needs_columns(parsed) or (
            self.check_columns.isChecked() and can_check_columns(parsed)))
        page = self.owner.columns_page if wanted else self.owner.preview_page
        return self.owner.page_id(page)


class OrderCounts(QWidget):
    """What an order import does, in numbers: orders new, updated, unchanged, and stock."""

    FIELDS = ("orders_new", "lines_new", "units_new", "orders_updated", "orders_unchanged",
              "units_issued", "units_returned")

    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.labels = {name: QLabel(alignment=RIGHT) for name in self.FIELDS}
        for name, label in zip(self.FIELDS, (
                self.tr("New orders"), self.tr("  their lines"), self.tr("  their units"),
                self.tr("Orders whose status changes"), self.tr("Orders unchanged"),
                self.tr("Units leaving the shelf"), self.tr("Units coming back")), strict=True):
            form.addRow(label, self.labels[name])
        self.fill(OrderImportCounts())

    def fill(self, counts: OrderImportCounts) -> None:
        for name, label in self.labels.items():
            label.setText(integer(getattr(counts, name)))

    def text(self, name: str) -> str:
        return self.labels[name].text()


class OrderPreviewPage(BasePreviewPage):
    def make_counts(self) -> QWidget:
        return OrderCounts()

    def channel_label(self) -> str:
        return self.tr("Orders of channel")

    def all_or_nothing_text(self) -> str:
        return self.tr("All or nothing: import every order, or nothing if any order has an "
                       "error")

    def fill_channels(self) -> None:
        """The channels, the default one of the file's kind chosen (else the user chooses)."""
        context, parsed = self.owner.context, self.owner.parsed
        wanted = default_channel(context.uow(), parsed.format) if parsed else None
        if wanted is None:
            self.channel_combo.addItem(self.tr("(choose the channel)"), None)
        for channel in list_channels(context.uow()):
            self.channel_combo.addItem(channel.name, channel.id)
        if wanted is not None:
            self.channel_combo.setCurrentIndex(self.channel_combo.findData(wanted.id))

    def take(self, value: OrderImportPreview) -> OrderImportPreview:
        self.owner.parsed = value.file  # (read again when the columns were chosen)
        self.owner.wanted_columns = None
        self.owner.preview = value
        self.counts.fill(value.counts)
        return value

    def read_line(self, preview: OrderImportPreview) -> str:
        parsed = preview.file
        return self.tr("Rows read: %s; orders in the file: %s, lines: %s.") % (
            integer(parsed.rows), integer(len(parsed.orders)), integer(parsed.lines))

    def blocked_text(self, preview: OrderImportPreview) -> str:
        if preview.channel is None:
            return self.tr("<b>Choose the channel these orders belong to.</b>")
        return self.tr("<b>%d order(s) have errors.</b> Fix the file and read it again, or "
                       "import only the orders without problems.") % preview.orders_with_errors

    def valid_choice(self, preview: OrderImportPreview) -> tuple[str, int, int]:
        text = self.tr("Only the valid orders: import %d, skip the %d with errors") % (
            preview.importable, preview.orders_with_errors)
        return text, preview.importable, preview.orders_with_errors


class OrderImportPage(BaseImportPage):
    def make_counts(self) -> QWidget:
        return OrderCounts()

    def show_counts(self, result: OrderImportResult) -> None:
        self.counts.fill(result.counts)
