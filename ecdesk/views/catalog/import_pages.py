"""The pages of the product import wizard (see `import_wizard`): the shared import pages
(views/widgets/import_wizard_pages.py) told about product files, plus the column mapping page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ecdesk.services.catalog_io import ImportPreview, ImportResult, ParsedFile
from ecdesk.services.catalog_io.currency import check_rate
from ecdesk.services.catalog_io.formats import FORMATS, format_labels
from ecdesk.services.channels import list_channels
from ecdesk.services.settings import get_settings
from ecdesk.views.catalog.import_counts import counts_table, fill_counts
from ecdesk.views.widgets.import_wizard_pages import (
    BaseFilePage,
    BaseImportPage,
    BasePreviewPage,
)
from ecdesk.views.widgets.locale_format import integer
from ecdesk.views.widgets.wizard_parts import ERROR_STYLE

if TYPE_CHECKING:
    from ecdesk.views.catalog.import_wizard import ImportWizard

IGNORE = QT_TRANSLATE_NOOP("MappingPage", "(ignore)")
UNUSED_SHOWN = 8  # columns named under the mapping; all of them in its tooltip


# -- 1. the file ---------------------------------------------------------------------------------
class FilePage(BaseFilePage):
    def what_files(self) -> str:
        return self.tr("A product export from Shopify, WooCommerce, Taobao/Tmall or ecdesk's "
                       "template, as CSV or XLSX.")

    def formats(self) -> dict[str, str]:
        return format_labels()

    def file_filter(self) -> str:
        return self.tr("Product files (*.csv *.xlsx *.txt *.tsv);;All files (*)")

    def columns_hint(self) -> str:
        """What to do about a file whose columns are not all found ("": nothing here)."""
        return self.tr("Choose the right columns on the next page.")

    def count_text(self, parsed: Any) -> str:
        return self.tr("%d columns, %s rows, %s products") % (
            len(parsed.header), integer(parsed.rows), integer(len(parsed.products)))

    def can_go_on(self, parsed: Any) -> bool:
        return bool(parsed.mapping)  # a file whose columns were not all found goes to mapping


# -- 2. the columns ------------------------------------------------------------------------------
class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Which column of the file each ecdesk field is read from. "
                                 "Fields marked * are required."))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("ecdesk field"),
                                              self.tr("Column in the file")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.
                                                           ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reset_button = QPushButton(self.tr("Reset to detected"))
        self.reset_button.clicked.connect(self.reset)
        self.remember_box = QCheckBox(checked=True)
        self.remember_box.toggled.connect(lambda on: setattr(wizard, "remember", on))
        self.problem = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.unused = QLabel(wordWrap=True, styleSheet="color: #5f5f5f")
        buttons = QHBoxLayout()
        buttons.addWidget(self.remember_box, 1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.unused)
        self.combos: dict[str, QComboBox] = {}
        self._required: tuple[str, ...] = ()

    def initializePage(self) -> None:
        parsed = self.owner.parsed
        assert parsed is not None
        self._required = tuple(getattr(FORMATS.get(parsed.format), "REQUIRED", ()))
        self.remember_box.setText(self.tr("Remember these columns for the next %s file")
                                  % parsed.format_label)
        self.table.setRowCount(0)
        self.combos = {}
        columns = self.owner.wanted_mapping or self.owner.current_columns()
        self.table.setRowCount(len(parsed.mapping))
        for row, choice in enumerate(parsed.mapping):
            label = choice.label + (" *" if choice.field in self._required else "")
            item = QTableWidgetItem(label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr(IGNORE), "")
            for column in parsed.header:
                if column:
                    combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(columns.get(choice.field, ""))))
            combo.currentIndexChanged.connect(lambda _i: self.check())
            self.table.setCellWidget(row, 1, combo)
            self.combos[choice.field] = combo
        self.check()

    def chosen(self) -> dict[str, str]:
        return {field: combo.currentData() or "" for field, combo in self.combos.items()}

    def reset(self) -> None:
        detected = self.owner.detected_columns()
        for field, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(detected.get(field, ""))))
        self.check()

    def set_column(self, field: str, column: str) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(column)))

    def check(self) -> None:
        """Say at once what is missing; the page completes when every required field has one."""
        chosen = self.chosen()
        labels = {c.field: c.label for c in self.owner.parsed.mapping} if self.owner.parsed \
            else {}
        missing = [labels.get(f, f) for f in self._required if not chosen.get(f)]
        used: dict[str, list[str]] = {}
        for field, column in chosen.items():
            if column:
                used.setdefault(column, []).append(labels.get(field, field))
        twice = [f"“{col}” ({', '.join(names)})" for col, names in used.items() if len(names) > 1]
        lines = [self.tr("Choose a column for: %s") % ", ".join(missing)] if missing else []
        if twice:
            lines.append(self.tr("One column is read into several fields: %s") % "; ".join(twice))
        self.problem.setText("\n".join(lines))
        header = self.owner.parsed.header if self.owner.parsed else ()
        unused = [h for h in header if h and h not in used]
        shown = ", ".join(unused[:UNUSED_SHOWN]) + (
            self.tr(" and %d more") % (len(unused) - UNUSED_SHOWN)
            if len(unused) > UNUSED_SHOWN else "")
        self.unused.setText(self.tr("Columns not read: %s") % shown if unused else "")
        self.unused.setToolTip("\n".join(unused))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        chosen = self.chosen()
        return bool(self.combos) and all(chosen.get(f) for f in self._required)

    def validatePage(self) -> bool:
        chosen = self.chosen()
        parsed = self.owner.parsed
        changed = parsed is None or parsed.file_error or chosen != self.owner.current_columns()
        self.owner.wanted_mapping = chosen if changed else None
        return True


# -- 3. the preview ------------------------------------------------------------------------------
class PreviewPage(BasePreviewPage):
    """The shared preview, plus the exchange rate of a channel that sells in another currency:
    the file's prices are its listing prices, and the SKUs' own prices are converted at the
    rate typed here (left as they are while it is empty)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.currencies: dict[int, str] = {}
        self.shop_currency = ""
        self.rate_edit = QLineEdit(placeholderText=self.tr("empty: leave the SKUs' prices"))
        self.rate_edit.setValidator(QDoubleValidator(0.0, 1e9, 6, self.rate_edit))
        self.rate_edit.editingFinished.connect(self.check)
        self.rate_label = QLabel()
        form = self.layout().itemAt(0).layout()
        assert isinstance(form, QFormLayout)
        form.addRow(self.rate_label, self.rate_edit)
        self.channel_combo.currentIndexChanged.connect(lambda _i: self._show_rate())
        self._show_rate()

    def rate(self) -> Any:
        """The typed rate for a foreign-currency channel, else None."""
        if not self._foreign():
            return None
        try:
            return check_rate(self.rate_edit.text())
        except ValueError:
            return None

    def _foreign(self) -> bool:
        currency = self.currencies.get(self.chosen_channel() or 0)
        return bool(currency) and currency != self.shop_currency

    def _show_rate(self) -> None:
        foreign = self._foreign()
        if foreign:
            self.rate_label.setText(self.tr("Exchange rate (%s per 1 %s)") % (
                self.shop_currency, self.currencies[self.chosen_channel()]))
        self.rate_label.setVisible(foreign)
        self.rate_edit.setVisible(foreign)

    def make_counts(self) -> QWidget:
        return counts_table(self)

    def channel_label(self) -> str:
        return self.tr("Also list on channel")

    def all_or_nothing_text(self) -> str:
        return self.tr("All or nothing: import every product, or nothing if any product has "
                       "an error")

    def fill_channels(self) -> None:
        self.channel_combo.addItem(self.tr("(none: products only)"), None)
        self.shop_currency = get_settings(self.owner.context.uow()).currency
        for channel in list_channels(self.owner.context.uow()):
            self.channel_combo.addItem(channel.name, channel.id)
            self.currencies[channel.id] = channel.currency
        self._show_rate()

    def take(self, value: tuple[ParsedFile, ImportPreview]) -> ImportPreview:
        """Keep what the check found (the file was read again if its columns changed) and
        show its counts; returns the preview."""
        parsed, preview = value
        self.owner.parsed, self.owner.preview, self.owner.wanted_mapping = parsed, preview, None
        fill_counts(self.counts, preview.counts)
        return preview

    def read_line(self, preview: Any) -> str:
        return self.tr("%s rows read, %s products in the file.") % (
            integer(preview.file.rows), integer(len(preview.file.products)))

    def blocked_text(self, preview: Any) -> str:
        return self.tr("<b>%d product(s) have errors.</b> Fix the file and read it again, or "
                       "import only the products without problems.") % \
            preview.products_with_errors

    def valid_choice(self, preview: Any) -> tuple[str, int, int]:
        """The only-valid choice's text, the items it would import and those it would skip."""
        counts = preview.counts
        importable = counts.products_created + counts.products_updated + \
            counts.products_unchanged
        text = self.tr("Only the valid products: import %d, skip the %d with errors") % (
            importable, preview.products_with_errors)
        return text, importable, preview.products_with_errors


# -- 4. the import -------------------------------------------------------------------------------
class ImportPage(BaseImportPage):
    def make_counts(self) -> QWidget:
        return counts_table(self)

    def show_counts(self, result: ImportResult) -> None:
        fill_counts(self.counts, result.counts)
