"""The Settings page: the shop's own settings, the sales channels it sells on, and each
capability's settings section (Service)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecdesk.i18n import _
from ecdesk.money import HUNDRED
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.channels import (
    KIND_LABELS,
    ChannelInfo,
    FixedFees,
    list_channels,
    save_channel,
    set_channel_archived,
)
from ecdesk.services.pricing.margin import FeeBasis
from ecdesk.services.settings import CURRENCIES, update_settings
from ecdesk.services.shop_file.backups import backups_dir, get_rotation_policy, set_rotation_policy
from ecdesk.views.settings.language_box import LanguageBox
from ecdesk.views.settings.settings_forms import ShopSettingsForm
from ecdesk.views.settings.stock_defaults_box import StockDefaultsBox
from ecdesk.views.shell.pages import SETTINGS_SECTIONS, registry_text, section_class
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import percent

CHANNEL_COLUMNS = [
    QT_TRANSLATE_NOOP("SettingsPage", "Name"),
    QT_TRANSLATE_NOOP("SettingsPage", "Kind"),
    QT_TRANSLATE_NOOP("SettingsPage", "Currency"),
    QT_TRANSLATE_NOOP("SettingsPage", "Commission"),
    QT_TRANSLATE_NOOP("SettingsPage", "Payment fee"),
    QT_TRANSLATE_NOOP("SettingsPage", "State"),
]


class SettingsPage(QWidget):
    # Stock defaults: its StockDefaultsBox listens to STOCK itself.
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.SETTINGS, ChangeArea.CHANNELS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = ShopSettingsForm()
        save = QPushButton(self.tr("Save settings"))
        save.clicked.connect(self.save_settings)
        shop_box = QGroupBox(self.tr("Shop"))
        shop_layout = QVBoxLayout(shop_box)
        shop_layout.addWidget(self.form)
        shop_layout.addWidget(save)

        self.channels = QTableWidget(0, len(CHANNEL_COLUMNS))
        self.channels.setHorizontalHeaderLabels([self.tr(c) for c in CHANNEL_COLUMNS])
        self.channels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.channels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channels.verticalHeader().setVisible(False)
        self.channels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.channels.doubleClicked.connect(lambda _index: self.edit_channel())
        buttons = QHBoxLayout()
        for label, slot in ((self.tr("Add channel…"), self.add_channel),
                            (self.tr("Edit…"), self.edit_channel),
                            (self.tr("Archive / restore"), self.toggle_archived)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        channel_box = QWidget()
        channel_layout = QVBoxLayout(channel_box)
        channel_layout.addWidget(self.channels)
        channel_layout.addLayout(buttons)
        # Sales channels, then each capability's section (Service: the business calendar, SLA
        # targets, return windows and canned replies, as the Tickets page's dialog edits them).
        self.sections = QTabWidget()
        self.sections.addTab(channel_box, self.tr("Sales channels"))
        self.section_widgets: dict[str, QWidget] = {}
        for section in SETTINGS_SECTIONS:
            widget = section_class(section)(context, self.sections)
            self.section_widgets[section.cls] = widget
            area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
            area.setWidget(widget)
            self.sections.addTab(area, registry_text(section.label))

        left = QVBoxLayout()
        left.addWidget(shop_box)
        left.addWidget(self._backup_box())
        left.addWidget(LanguageBox())
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        self.stock_defaults = StockDefaultsBox(context)
        # Scrolls when the window is short: its rows (the EOQ settings among them) would
        # otherwise set the whole window's smallest height.
        defaults_area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        defaults_area.setWidget(self.stock_defaults)
        top.addWidget(defaults_area, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        self._channel_rows: list[ChannelInfo] = []
        context.listen(self, self._on_changed)
        self.refresh()

    def _backup_box(self) -> QGroupBox:
        """How many automatic backups to keep, and where they are."""
        box = QGroupBox(self.tr("Automatic backups"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        column.addLayout(row)
        self.keep_daily, self.keep_weekly, self.keep_monthly = (
            QSpinBox(maximum=365) for _ in range(3))
        for label, spin in ((self.tr("Keep daily"), self.keep_daily),
                            (self.tr("weekly"), self.keep_weekly),
                            (self.tr("monthly"), self.keep_monthly)):
            row.addWidget(QLabel(label))
            row.addWidget(spin)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_rotation)
        row.addWidget(save)
        row.addStretch(1)
        folder = QLabel(self.tr("Folder: %s") % backups_dir(self.context.db.path), wordWrap=True)
        # A long path (OneDrive, a USB stick) wraps instead of widening the window.
        folder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(folder)
        return box

    def save_rotation(self) -> None:
        self.context.write(self, set_rotation_policy, daily=self.keep_daily.value(),
                           weekly=self.keep_weekly.value(), monthly=self.keep_monthly.value())

    def refresh(self) -> None:
        self.form.set_values(self.context.settings)
        policy = get_rotation_policy(self.context.uow())
        self.keep_daily.setValue(policy.daily)
        self.keep_weekly.setValue(policy.weekly)
        self.keep_monthly.setValue(policy.monthly)
        self._channel_rows = list_channels(self.context.uow(), include_archived=True)
        self.channels.setRowCount(len(self._channel_rows))
        for row, channel in enumerate(self._channel_rows):
            kind = _(KIND_LABELS.get(channel.kind, channel.kind))
            values = (channel.name, kind, channel.currency,
                      percent(channel.commission_rate), percent(channel.payment_fee_rate),
                      self.tr("archived") if channel.archived else self.tr("active"))
            for column, text in enumerate(values):
                self.channels.setItem(row, column, QTableWidgetItem(text))

    def _on_changed(self, change: Changed) -> None:
        self.refresh()

    def save_settings(self) -> None:
        self.context.write(self, update_settings, **self.form.values())

    def _selected(self) -> ChannelInfo | None:
        rows = self.channels.selectionModel().selectedRows()
        return self._channel_rows[rows[0].row()] if rows else None

    def add_channel(self) -> None:
        ChannelDialog(self.context, None, self).exec()

    def edit_channel(self) -> None:
        channel = self._selected()
        if channel is not None:
            ChannelDialog(self.context, channel, self).exec()

    def toggle_archived(self) -> None:
        channel = self._selected()
        if channel is None:
            return
        if not channel.archived:
            answer = QMessageBox.question(
                self, self.tr("Archive channel"),
                self.tr("Archive %s? Its listings are kept; its column leaves the Listings table.")
                % channel.name)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.context.write(self, set_channel_archived, channel.id, not channel.archived)


class ChannelDialog(QDialog):
    def __init__(self, context: ShopContext, channel: ChannelInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.channel = channel
        self.setWindowTitle(self.tr("Add channel") if channel is None else self.tr("Edit channel"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind.value)
        self.currency = QComboBox(editable=True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(context.settings.currency)
        self.commission = _percent_box()
        self.payment_fee = _percent_box()
        self.per_order_fee = QLineEdit("0.00")
        self.per_unit_fee = QLineEdit("0.00")
        self.fee_basis = QComboBox()
        self.fee_basis.addItem(self.tr("After discounts (what the buyer paid)"),
                               FeeBasis.AFTER_DISCOUNTS.value)
        self.fee_basis.addItem(self.tr("Before discounts"), FeeBasis.BEFORE_DISCOUNTS.value)
        if channel is not None:
            self.per_order_fee.setText(str(channel.per_order_fee))
            self.per_unit_fee.setText(str(channel.per_unit_fee))
            self.fee_basis.setCurrentIndex(self.fee_basis.findData(channel.fee_basis))
            self.name.setText(channel.name)
            self.kind.setCurrentIndex(self.kind.findData(channel.kind))
            self.currency.setCurrentText(channel.currency)
            self.commission.setValue(float(channel.commission_rate * HUNDRED))
            self.payment_fee.setValue(float(channel.payment_fee_rate * HUNDRED))
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Commission"), self.commission)
        form.addRow(self.tr("Payment fee"), self.payment_fee)
        form.addRow(self.tr("Fee per order"), self.per_order_fee)
        form.addRow(self.tr("Fee per unit"), self.per_unit_fee)
        form.addRow(self.tr("Percentage fees charged on"), self.fee_basis)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        result = self.context.write(
            self, save_channel, channel_id=self.channel.id if self.channel else None,
            name=self.name.text(), kind=self.kind.currentData(),
            currency=self.currency.currentText().strip(),
            commission_rate=_rate(self.commission), payment_fee_rate=_rate(self.payment_fee),
            fixed_fees=FixedFees(self.per_order_fee.text(), self.per_unit_fee.text(),
                                 self.fee_basis.currentData()))
        if result is not None:
            self.accept()


def _percent_box() -> QDoubleSpinBox:
    return QDoubleSpinBox(suffix=" %", decimals=2, maximum=99.99, singleStep=0.5)


def _rate(box: QDoubleSpinBox) -> Decimal:
    """Exact rate from the text the box shows (its value() is a float)."""
    return Decimal(box.cleanText().replace(",", ".")) / HUNDRED
