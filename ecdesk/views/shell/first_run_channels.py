"""The new shop's sales channels, typed in the first-run dialog: a row per channel (name,
platform, currency). A row without a name is left out; choosing a platform names an unnamed row
after it. Checked as typed by services.channels.check_new_channels (each problem on its row)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.i18n import _
from ecdesk.services.channels import KIND_LABELS, NewChannel
from ecdesk.services.settings import CURRENCIES


class ChannelRow:
    def __init__(self, kind: str, currency: str) -> None:
        self.name = QLineEdit()
        self.kind = QComboBox()
        for value, label in KIND_LABELS.items():
            self.kind.addItem(_(label), value.value)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.currency = QComboBox(editable=True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(currency)
        self.remove = QToolButton(text="✕")
        self.named_after_kind = False  # the name is the platform's, not typed

    def value(self) -> NewChannel:
        return NewChannel(self.name.text(), self.kind.currentData(),
                          self.currency.currentText().strip().upper())

    def widgets(self) -> tuple[QWidget, ...]:
        return self.name, self.kind, self.currency, self.remove


class NewChannelsEditor(QWidget):
    """The channels to create with the shop; `channels()` gives the named rows in order."""

    edited = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_currency = currency
        self.rows: list[ChannelRow] = []
        self.grid = QGridLayout()
        for column, text in enumerate((self.tr("Name"), self.tr("Platform"),
                                       self.tr("Currency"))):
            self.grid.addWidget(QLabel(text), 0, column)
        self.grid.setColumnStretch(0, 1)
        add = QPushButton(self.tr("Add a channel"))
        add.clicked.connect(lambda: self.add_row())
        hint = QLabel(self.tr("Where you sell: each store or marketplace is a channel with its "
                              "own prices and currency. A row without a name is left out; you "
                              "can add channels later under Settings."), wordWrap=True)
        hint.setStyleSheet("color: #6a6a6a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(self.grid)
        layout.addWidget(add)
        self.add_row()

    def add_row(self, name: str = "", kind: str = "tmall",
                currency: str | None = None) -> ChannelRow:
        row = ChannelRow(kind, currency or self.shop_currency)
        row.name.setText(name)
        row.name.setPlaceholderText(self.tr("e.g. Tmall flagship store"))
        row.name.textEdited.connect(lambda _text, r=row: self._on_name_typed(r))
        row.kind.currentIndexChanged.connect(lambda _i, r=row: self._on_kind_chosen(r))
        row.currency.currentTextChanged.connect(lambda _text: self.edited.emit())
        row.remove.setToolTip(self.tr("Remove this channel"))
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self._lay_out()
        self.edited.emit()
        return row

    def remove_row(self, row: ChannelRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._lay_out()
        self.edited.emit()

    def _lay_out(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)

    def _on_name_typed(self, row: ChannelRow) -> None:
        row.named_after_kind = False
        self.edited.emit()

    def _on_kind_chosen(self, row: ChannelRow) -> None:
        if not row.name.text().strip() or row.named_after_kind:
            row.name.setText(row.kind.currentText())
            row.named_after_kind = True
        self.edited.emit()

    def set_shop_currency(self, currency: str) -> None:
        """Rows still in the shop's currency follow it; a currency chosen for a row stays."""
        for row in self.rows:
            if row.currency.currentText() == self.shop_currency:
                row.currency.setCurrentText(currency)
        self.shop_currency = currency

    def named_rows(self) -> list[ChannelRow]:
        return [row for row in self.rows if row.name.text().strip()]

    def channels(self) -> list[NewChannel]:
        return [row.value() for row in self.named_rows()]

    def row_shown(self, named: int) -> int:
        """The row the user sees (1 = the first) of the `named`-th named row."""
        return self.rows.index(self.named_rows()[named - 1]) + 1
