"""Create or edit a product with its SKUs and its listings on each channel.

The form is checked as the user types (the same rules the service applies on save); problems
are listed under the form, offending cells turn red with the reason as a tooltip, and Save stays
disabled while anything blocks it. Warnings (price below cost, thin margin) are shown, not blocking.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.catalog.queries import category_choices, get_product, sku_owner
from ecdesk.services.catalog.validation import check_product
from ecdesk.services.channels import list_channels
from ecdesk.views.catalog.labels import status_label
from ecdesk.views.catalog.prices_tab import PricesTab
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import (
    has_errors,
    mark_cell,
    mark_cells,
    problem_label,
    save_cancel_buttons,
    show_problems,
    stacked,
)

VARIANT_COLUMNS = [
    QT_TRANSLATE_NOOP("ProductDialog", "SKU"),
    QT_TRANSLATE_NOOP("ProductDialog", "Option 1"),
    QT_TRANSLATE_NOOP("ProductDialog", "Option 2"),
    QT_TRANSLATE_NOOP("ProductDialog", "Option 3"),
    QT_TRANSLATE_NOOP("ProductDialog", "Barcode"),
    QT_TRANSLATE_NOOP("ProductDialog", "Weight (g)"),
    QT_TRANSLATE_NOOP("ProductDialog", "Cost"),
    QT_TRANSLATE_NOOP("ProductDialog", "Price"),
    QT_TRANSLATE_NOOP("ProductDialog", "Compare-at price"),
    QT_TRANSLATE_NOOP("ProductDialog", "Archived"),
]
VARIANT_FIELDS = ["sku", "option1", "option2", "option3", "barcode", "weight_grams", "unit_cost",
                  "price", "compare_at_price"]
NUMBER_COLUMNS = {5, 6, 7, 8}
FIELD_COLUMN = {"SKU": 0, "Barcode": 4, "Weight": 5, "Cost": 6, "Price": 7, "Compare-at price": 8}
LISTING_COLUMNS = [
    QT_TRANSLATE_NOOP("ProductDialog", "SKU"),
    QT_TRANSLATE_NOOP("ProductDialog", "Channel"),
    QT_TRANSLATE_NOOP("ProductDialog", "Status"),
    QT_TRANSLATE_NOOP("ProductDialog", "Channel price"),
    QT_TRANSLATE_NOOP("ProductDialog", "Channel item id"),
    QT_TRANSLATE_NOOP("ProductDialog", "Channel title"),
]
NOT_ON_CHANNEL = "—"
LISTING_STATUSES = [NOT_ON_CHANNEL, "listed", "paused", "unlisted"]


class ProductDialog(QDialog):
    def __init__(self, context: ShopContext, product_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.product_id = product_id
        self.channels = list_channels(context.uow())
        self._variant_ids: list[int | None] = []
        self._existing_listings: set[tuple[int, int]] = set()
        self._loading = False
        title = self.tr("New product") if product_id is None else self.tr("Edit product")
        self.setWindowTitle(title)
        self.resize(980, 680)
        self._build()
        if product_id is None:
            self._add_variant_row(VariantDraft(sku=""))
        else:
            self._load(get_product(context.uow(), product_id).draft)
        self.validate()
        self._as_opened = self.draft()  # what Cancel compares with before it drops anything

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLineEdit()
        self.title_problem = problem_label()
        self.status = QComboBox()
        for status in ("draft", "active", "archived"):
            self.status.addItem(status_label(status), status)
        self.brand = QLineEdit()
        self.category = QComboBox(editable=True)
        self.category.addItems(["", *category_choices(self.context.uow())])
        self.category.lineEdit().setPlaceholderText(self.tr("e.g. Clothing > T-shirts"))
        self.tags = QLineEdit(placeholderText=self.tr("comma separated, e.g. new, gift"))
        self.option_names = [QLineEdit(placeholderText=p) for p in
                             (self.tr("e.g. Colour"), self.tr("e.g. Size"), "")]
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("HTML is kept as HTML"))

        form = QFormLayout()
        form.addRow(self.tr("Title"), stacked(self.title, self.title_problem, spacing=None))
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Brand"), self.brand)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Tags"), self.tags)
        options_row = QHBoxLayout()
        for edit in self.option_names:
            options_row.addWidget(edit)
        form.addRow(self.tr("Option names"), options_row)

        self.variants = _table([self.tr(c) for c in VARIANT_COLUMNS])
        for column, width in enumerate((130, 90, 90, 70, 120, 80, 80, 80, 110, 70)):
            self.variants.setColumnWidth(column, width)
        self.variants.itemChanged.connect(self._on_variant_edited)
        add_variant = QPushButton(self.tr("Add SKU"))
        add_variant.clicked.connect(lambda: self._add_variant_row(VariantDraft(sku="")))
        self.listings = _table([self.tr(c) for c in LISTING_COLUMNS])
        for column, width in enumerate((130, 160, 110, 110, 150)):
            self.listings.setColumnWidth(column, width)
        self.listings.itemChanged.connect(lambda _item: self.validate())

        tabs = QTabWidget()
        tabs.addTab(stacked(self.variants, add_variant, spacing=None), self.tr("SKUs"))
        tabs.addTab(self.listings, self.tr("Channel listings"))
        tabs.addTab(self.description, self.tr("Description"))
        self.prices = PricesTab(self.context)
        tabs.addTab(self.prices, self.tr("Prices"))
        tabs.currentChanged.connect(lambda _index: tabs.currentWidget() is self.prices
                                    and self.prices.set_skus(self._saved_skus()))
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.buttons = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for edit in (self.title, self.brand, self.tags, *self.option_names):
            edit.textChanged.connect(self.validate)
        self.category.currentTextChanged.connect(self.validate)
        self.status.currentIndexChanged.connect(self.validate)

    def _saved_skus(self) -> list[str]:
        """The SKUs of the rows that are saved (a new row has no prices to explain yet)."""
        return [self._sku_text(row) for row in range(self.variants.rowCount())
                if row < len(self._variant_ids) and self._variant_ids[row] is not None]

    # -- loading ---------------------------------------------------------------------------
    def _load(self, draft: ProductDraft) -> None:
        self._loading = True
        self.title.setText(draft.title)
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        self.brand.setText(draft.brand)
        self.category.setCurrentText(draft.category_path)
        self.tags.setText(", ".join(draft.tags))
        for edit, name in zip(self.option_names, draft.option_names, strict=True):
            edit.setText(name)
        self.description.setPlainText(draft.description)
        for variant in draft.variants:
            self._add_variant_row(variant)
        for listing in draft.listings:
            self._existing_listings.add((listing.variant_index, listing.channel_id))
            self._set_listing(listing)
        self._loading = False

    def _add_variant_row(self, variant: VariantDraft) -> None:
        self._loading, was_loading = True, self._loading
        row = self.variants.rowCount()
        self.variants.insertRow(row)
        self._variant_ids.append(variant.id)
        for column, field in enumerate(VARIANT_FIELDS):
            item = QTableWidgetItem(getattr(variant, field))
            if column in NUMBER_COLUMNS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.variants.setItem(row, column, item)
        archived = QTableWidgetItem()
        archived.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        archived.setCheckState(Qt.CheckState.Checked if variant.archived
                               else Qt.CheckState.Unchecked)
        self.variants.setItem(row, len(VARIANT_FIELDS), archived)
        for channel in self.channels:
            self._add_listing_row(row, channel.id, channel.name)
        self._loading = was_loading
        if not self._loading:
            self.validate()

    def _add_listing_row(self, variant_row: int, channel_id: int, channel_name: str) -> None:
        row = self.listings.rowCount()
        self.listings.insertRow(row)
        for column, text in enumerate((self._sku_text(variant_row), channel_name)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setData(Qt.ItemDataRole.UserRole, (variant_row, channel_id))
            self.listings.setItem(row, column, item)
        status = QComboBox()
        for value in LISTING_STATUSES:
            status.addItem(status_label(value), value)
        status.currentIndexChanged.connect(self.validate)
        self.listings.setCellWidget(row, 2, status)
        for column in (3, 4, 5):
            self.listings.setItem(row, column, QTableWidgetItem(""))

    def _set_listing(self, listing: ListingDraft) -> None:
        row = self._listing_row(listing.variant_index, listing.channel_id)
        if row is None:
            return
        combo = self.listings.cellWidget(row, 2)
        combo.setCurrentIndex(max(combo.findData(listing.status), 0))
        for column, text in ((3, listing.channel_price), (4, listing.channel_item_id),
                             (5, listing.channel_title)):
            self.listings.item(row, column).setText(text)

    def _listing_row(self, variant_row: int, channel_id: int) -> int | None:
        for row in range(self.listings.rowCount()):
            if self.listings.item(row, 0).data(Qt.ItemDataRole.UserRole) == (variant_row,
                                                                             channel_id):
                return row
        return None

    def _sku_text(self, variant_row: int) -> str:
        item = self.variants.item(variant_row, 0)
        return item.text().strip() if item else ""

    def _on_variant_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == 0:  # keep the SKU shown on the listings tab in step
            self.listings.blockSignals(True)
            for row in range(self.listings.rowCount()):
                cell = self.listings.item(row, 0)
                if cell.data(Qt.ItemDataRole.UserRole)[0] == item.row():
                    cell.setText(item.text().strip())
            self.listings.blockSignals(False)
        self.validate()

    # -- the draft -------------------------------------------------------------------------
    def draft(self) -> ProductDraft:
        variants = tuple(self._variant_draft(row) for row in range(self.variants.rowCount()))
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return ProductDraft(
            title=self.title.text(), description=self.description.toPlainText(),
            brand=self.brand.text(), category_path=self.category.currentText(), tags=tags,
            status=self.status.currentData(),
            option_names=tuple(e.text() for e in self.option_names),  # type: ignore[arg-type]
            variants=variants, listings=tuple(self._listing_drafts()))

    def _variant_draft(self, row: int) -> VariantDraft:
        values = {field: self.variants.item(row, column).text()
                  for column, field in enumerate(VARIANT_FIELDS)}
        check = self.variants.item(row, len(VARIANT_FIELDS)).checkState()
        archived = check == Qt.CheckState.Checked
        return VariantDraft(id=self._variant_ids[row], archived=archived, **values)

    def _listing_drafts(self) -> list[ListingDraft]:
        drafts = []
        self._draft_rows: list[int] = []  # the listings-table row of each listing draft
        for row in range(self.listings.rowCount()):
            variant_row, channel_id = self.listings.item(row, 0).data(Qt.ItemDataRole.UserRole)
            status = self.listings.cellWidget(row, 2).currentData()
            if status == NOT_ON_CHANNEL:
                if (variant_row, channel_id) not in self._existing_listings:
                    continue
                status = "unlisted"  # listings are never deleted, only taken off sale
            self._draft_rows.append(row)
            drafts.append(ListingDraft(
                variant_index=variant_row, channel_id=channel_id, status=status,
                channel_price=self.listings.item(row, 3).text(),
                channel_item_id=self.listings.item(row, 4).text(),
                channel_title=self.listings.item(row, 5).text()))
        return drafts

    # -- checking and saving ---------------------------------------------------------------
    def current_problems(self) -> list[Problem]:
        draft = self.draft()
        problems = check_product(draft, self.context.settings.min_margin)
        self._listing_marks: list[tuple[int, Problem]] = []
        for row, variant in enumerate(draft.variants, start=1):
            sku = variant.sku.strip()
            owner = sku_owner(self.context.uow(), sku) if sku else None
            if owner and owner[0] != self.product_id:
                problems.append(Problem("SKU", f"'{sku}' is already used by '{owner[1]}'", row))
        return [self._on_listings_tab(p) for p in problems]

    def _on_listings_tab(self, problem: Problem) -> Problem:
        """Name a channel-price problem by SKU and channel, as the listings tab shows them
        (the service numbers only the listings that are on a channel)."""
        if problem.field != "Channel price" or problem.row is None:
            return problem
        table_row = self._draft_rows[problem.row - 1]
        sku, channel = (self.listings.item(table_row, c).text() for c in (0, 1))
        self._listing_marks.append((table_row, problem))
        return Problem(f"Channel price of {sku} on {channel}", problem.message,
                       severity=problem.severity)

    def validate(self) -> list[Problem]:
        if self._loading:
            return []
        problems = self.current_problems()
        self._mark_cells(problems)
        show_problems(problems, self.problems, self.buttons, {"Title": self.title_problem})
        return problems

    def _mark_cells(self, problems: list[Problem]) -> None:
        self.variants.blockSignals(True)
        mark_cells(self.variants, problems, FIELD_COLUMN, range(len(VARIANT_FIELDS)))
        self.variants.blockSignals(False)
        self.listings.blockSignals(True)
        for row in range(self.listings.rowCount()):
            mark_cell(self.listings.item(row, 3), None)
        for row, problem in self._listing_marks:
            mark_cell(self.listings.item(row, 3), problem)
        self.listings.blockSignals(False)

    def save(self) -> None:
        if has_errors(self.validate()):
            return
        if self.context.write(self, save_product, self.draft(), self.product_id):
            self.accept()

    def reject(self) -> None:
        """Cancel, Esc and closing the window ask before they drop what was typed."""
        if self.draft() != self._as_opened:
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("Discard the changes you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table
