"""Enter an order by hand: channel, number, date, status, customer, lines, shipping and fees.

The form is checked as the user types with the rules the service applies on save
(services.orders.validation), plus what needs the shop: unknown SKUs, a number the channel
already has, and stock that shipping would take below zero (a warning: the SKU's policy may
allow it). Problems name the row and field, offending cells turn red, and Save stays disabled
while anything blocks it. Unit prices are filled in from the channel's price (or the list
price) and platform fees from the channel's rates, until the user types their own.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.money import MoneyError, format_amount, format_rate, parse_amount
from ecdesk.services.channels import ChannelInfo, list_channels
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft, OrderStatus
from ecdesk.services.orders.fees import estimated_fees
from ecdesk.services.orders.form_queries import (
    SkuChoice,
    order_number_taken,
    sku_choice,
    suggest_skus,
)
from ecdesk.services.orders.validation import check_line, check_order, line_total
from ecdesk.views.orders_model import STATUS_LABELS, order_status_label
from ecdesk.views.shop_context import ShopContext
from ecdesk.views.sku_completer import SkuDelegate

LINE_COLUMNS = ["SKU", "Product", "Quantity", "Unit price", "Discount", "Line total"]
SKU, PRODUCT, QUANTITY, PRICE, DISCOUNT, TOTAL = range(len(LINE_COLUMNS))
TYPED_COLUMNS = (SKU, QUANTITY, PRICE, DISCOUNT)
FIELD_COLUMN = {"SKU": SKU, "Quantity": QUANTITY, "Unit price": PRICE, "Discount": DISCOUNT}
CATALOG_PRICE = Qt.ItemDataRole.UserRole  # on a price cell: True while it is the catalog's price
ISSUING = ("shipped", "completed")  # a new order in these statuses takes its stock at once
ERROR_BRUSH = QBrush(QColor("#f9d6d5"))
WARNING_BRUSH = QBrush(QColor("#fff1c2"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WHOLE_NUMBER = re.compile(r"\s*\d+\s*")


class OrderDialog(QDialog):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = ZoneInfo(context.settings.timezone)
        self.channels: list[ChannelInfo] = list_channels(context.uow())
        self.saved_id: int | None = None
        self._skus: dict[tuple[int | None, str], SkuChoice | None] = {}
        self._fees_typed = False
        self._refused: list[Problem] = []  # the service's problems with the last Save
        self._filling = False
        self.setWindowTitle(self.tr("New order"))
        self.resize(900, 680)
        self._build()
        self._add_line()
        self._on_channel_changed()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_head())
        layout.addWidget(self._build_lines(), 1)
        layout.addLayout(self._build_money())
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _build_head(self) -> QGridLayout:
        self.channel = QComboBox()
        for channel in self.channels:
            self.channel.addItem(f"{channel.name} ({channel.currency})", channel.id)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.number = QLineEdit(placeholderText=self.tr("the channel's order number"))
        self.number_problem = QLabel(styleSheet="color: #b3261e;", visible=False)
        self.ordered_at = QDateTimeEdit(calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        # The edit shows the shop's wall clock; Qt must not apply this computer's time zone.
        utc = QTimeZone(QTimeZone.Initialization.UTC)
        self.ordered_at.setTimeZone(utc)
        now = datetime.now(self.zone)
        self.ordered_at.setDateTime(QDateTime(QDate(now.year, now.month, now.day),
                                              QTime(now.hour, now.minute), utc))
        self.status = QComboBox()
        for value in STATUS_LABELS:
            self.status.addItem(order_status_label(value), value)
        self.status.setCurrentIndex(self.status.findData("paid"))
        self.customer = QLineEdit(placeholderText=self.tr("if known"))
        self.customer_key = QLineEdit(placeholderText=self.tr("e-mail or buyer nickname"))
        grid = QGridLayout()
        rows = ((self.tr("Channel"), self.channel, self.tr("Status"), self.status),
                (self.tr("Order number"), _stacked(self.number, self.number_problem),
                 self.tr("Date (%s)") % self.zone.key, self.ordered_at),
                (self.tr("Customer"), self.customer, self.tr("Customer id"), self.customer_key))
        for row, (label_a, widget_a, label_b, widget_b) in enumerate(rows):
            grid.addWidget(QLabel(label_a), row, 0)
            grid.addWidget(widget_a, row, 1)
            grid.addWidget(QLabel(label_b), row, 2)
            grid.addWidget(widget_b, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for widget in (self.number, self.customer, self.customer_key):
            widget.textChanged.connect(self._on_edited)
        self.status.currentIndexChanged.connect(self._on_edited)
        self.ordered_at.dateTimeChanged.connect(self._on_edited)
        return grid

    def _build_lines(self) -> QWidget:
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setHorizontalHeaderLabels([self.tr(c) for c in LINE_COLUMNS])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SKU, 150), (QUANTITY, 75), (PRICE, 95), (DISCOUNT, 85),
                              (TOTAL, 105)):
            self.lines.setColumnWidth(column, width)
        self.lines.setItemDelegateForColumn(SKU, SkuDelegate(self._suggest, self.lines))
        self.lines.itemChanged.connect(self._on_line_edited)
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.remove_current_line)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Type or pick a SKU; a new line opens below."),
                                 styleSheet="color: #6a6a6a;"))
        buttons.addStretch(1)
        buttons.addWidget(remove)
        return _stacked(self.lines, buttons)

    def _build_money(self) -> QHBoxLayout:
        self.shipping = QLineEdit("0.00", alignment=RIGHT)
        self.shipping.textChanged.connect(self._on_edited)
        self.fees = QLineEdit(alignment=RIGHT)
        # Only typing counts: the estimate fills the field in without signals.
        self.fees.textEdited.connect(self._on_fees_typed)
        self.fees_hint = QLabel(styleSheet="color: #6a6a6a;", wordWrap=True)
        estimate = QToolButton(text=self.tr("Estimate"))
        estimate.setToolTip(self.tr("Fill in the channel's commission and payment fee again"))
        estimate.clicked.connect(self._estimate_fees_again)
        fees_row = QHBoxLayout()
        fees_row.addWidget(self.fees, 1)
        fees_row.addWidget(estimate)
        self.note = QPlainTextEdit(placeholderText=self.tr("Note (only for you)"))
        self.note.setMaximumHeight(64)
        form = QFormLayout()
        form.addRow(self.tr("Shipping charged"), self.shipping)
        form.addRow(self.tr("Platform fees"), fees_row)
        form.addRow("", self.fees_hint)
        self.totals = QLabel(alignment=RIGHT, textFormat=Qt.TextFormat.RichText)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addWidget(self.totals)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addLayout(right, 1)
        return row

    # -- lines -----------------------------------------------------------------------------
    def _add_line(self) -> None:
        self._filling, was_filling = True, self._filling
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        for column in range(len(LINE_COLUMNS)):
            item = QTableWidgetItem("")
            if column in (PRODUCT, TOTAL):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if column not in (SKU, PRODUCT):
                item.setTextAlignment(RIGHT)
            self.lines.setItem(row, column, item)
        self._filling = was_filling

    def set_line(self, row: int, sku: str = "", quantity: str = "", unit_price: str = "",
                 discount: str = "") -> None:
        """Type a whole line (tests and pasting); only the given cells change."""
        while self.lines.rowCount() <= row:
            self._add_line()
        for column, text in ((SKU, sku), (QUANTITY, quantity), (PRICE, unit_price),
                             (DISCOUNT, discount)):
            if text:
                self.lines.item(row, column).setText(text)

    def remove_current_line(self) -> None:
        row = self.lines.currentRow()
        if row < 0 or (row == self.lines.rowCount() - 1 and self._is_blank(row)):
            return  # the empty line at the end stays for the next SKU
        self.lines.removeRow(row)
        self._on_edited()

    def _text(self, row: int, column: int) -> str:
        item = self.lines.item(row, column)
        return item.text().strip() if item is not None else ""

    def _is_blank(self, row: int) -> bool:
        return not any(self._text(row, column) for column in TYPED_COLUMNS)

    def _on_line_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._filling = True
        if item.column() == SKU:
            self._fill_from_catalog(item.row())
        elif item.column() == PRICE:
            item.setData(CATALOG_PRICE, False)  # typed by the user: keep it
        if not self._is_blank(self.lines.rowCount() - 1):
            self._add_line()
        self._filling = False
        self._on_edited()

    def _fill_from_catalog(self, row: int) -> None:
        """Product title, a quantity of 1 and the channel's price for the SKU just entered."""
        choice = self._choice(self._text(row, SKU))
        self.lines.item(row, PRODUCT).setText(choice.title if choice else "")
        if choice is None:
            return
        if not self._text(row, QUANTITY):
            self.lines.item(row, QUANTITY).setText("1")
        price = self.lines.item(row, PRICE)
        if not price.text().strip() or price.data(CATALOG_PRICE):
            price.setText(str(choice.price))
            price.setData(CATALOG_PRICE, True)

    def _choice(self, sku: str) -> SkuChoice | None:
        key = (self._channel_id(), sku)
        if sku and key not in self._skus:
            self._skus[key] = sku_choice(self.context.uow(), sku, key[0])
        return self._skus.get(key)

    def _suggest(self, text: str) -> list[SkuChoice]:
        return suggest_skus(self.context.uow(), text, self._channel_id())

    def _line_total(self, row: int) -> Decimal | None:
        """The line's total, when the line passes the service's own check."""
        line = self._line_draft(row)
        if self._is_blank(row) or check_line(line, row + 1):
            return None
        return line_total(line.quantity, parse_amount(line.unit_price or "0"),
                          parse_amount(line.discount or "0"))

    # -- channel, fees and totals ----------------------------------------------------------
    def _channel_id(self) -> int | None:
        return self.channel.currentData()

    def _channel(self) -> ChannelInfo | None:
        return next((c for c in self.channels if c.id == self._channel_id()), None)

    def _on_channel_changed(self) -> None:
        """Prices that came from the catalog follow the channel; typed ones stay."""
        self._filling = True
        for row in range(self.lines.rowCount()):
            if self._text(row, SKU) and self.lines.item(row, PRICE).data(CATALOG_PRICE):
                self._fill_from_catalog(row)
        self._filling = False
        channel = self._channel()
        if channel is not None:
            self.fees_hint.setText(self.tr("Estimated: %1 commission + %2 payment fee on the "
                                           "goods").replace("%1", format_rate(
                                               channel.commission_rate)).replace(
                                               "%2", format_rate(channel.payment_fee_rate)))
        self._on_edited()

    def _on_fees_typed(self, _text: str) -> None:
        self._fees_typed = True
        self._on_edited()

    def _estimate_fees_again(self) -> None:
        self._fees_typed = False
        self._on_edited()

    def _goods(self) -> Decimal:
        totals = (self._line_total(row) for row in range(self.lines.rowCount()))
        return sum((t for t in totals if t is not None), Decimal("0.00"))

    def _update_money(self) -> None:
        self._filling = True
        for row in range(self.lines.rowCount()):
            total = self._line_total(row)
            self.lines.item(row, TOTAL).setText(format_amount(total) if total is not None
                                                else "")
        self._filling = False
        goods, channel = self._goods(), self._channel()
        if not self._fees_typed and channel is not None:
            self.fees.blockSignals(True)
            self.fees.setText(str(estimated_fees(goods, channel.commission_rate,
                                                 channel.payment_fee_rate)))
            self.fees.blockSignals(False)
        currency = channel.currency if channel else ""
        try:
            shipping = parse_amount(self.shipping.text() or "0")
        except MoneyError:
            shipping = Decimal("0")
        self.totals.setText(self.tr("Goods %1 + shipping %2<br><b>Order total %3</b>")
                            .replace("%1", format_amount(goods))
                            .replace("%2", format_amount(shipping))
                            .replace("%3", format_amount(goods + shipping, currency)))

    # -- the draft and its problems --------------------------------------------------------
    def draft(self) -> tuple[OrderDraft, list[int]]:
        """The order as typed, and the table row of each of its lines (blank rows left out)."""
        rows = [row for row in range(self.lines.rowCount()) if not self._is_blank(row)]
        lines = tuple(self._line_draft(row) for row in rows)
        wall_clock = self.ordered_at.dateTime().toPython()
        draft = OrderDraft(
            channel_id=self._channel_id() or 0, number=self.number.text(),
            ordered_at=wall_clock.replace(tzinfo=self.zone).astimezone(UTC),
            lines=lines, status=OrderStatus(self.status.currentData()),
            customer_name=self.customer.text(), customer_key=self.customer_key.text(),
            shipping=self.shipping.text(), platform_fees=self.fees.text(),
            note=self.note.toPlainText())
        return draft, rows

    def _line_draft(self, row: int) -> OrderLineDraft:
        return OrderLineDraft(sku=self._text(row, SKU), quantity=self._quantity(row),
                              unit_price=self._text(row, PRICE),
                              discount=self._text(row, DISCOUNT) or "0")

    def _quantity(self, row: int) -> Any:
        """A whole number, or the text as typed so that the check can quote it."""
        text = self._text(row, QUANTITY)
        return int(text) if WHOLE_NUMBER.fullmatch(text) else text

    def current_problems(self) -> list[Problem]:
        draft, rows = self.draft()
        problems = [_on_table_row(p, rows) for p in check_order(draft)]
        if self._channel() is None:
            problems.insert(0, Problem(self.tr("Channel"),
                                       self.tr("add a sales channel under Settings first")))
        for index, line in enumerate(draft.lines):
            if line.sku and self._choice(line.sku) is None:
                problems.append(Problem("SKU", self.tr("'%s' is not in the catalog") % line.sku,
                                        rows[index] + 1))
        number = draft.number.strip()
        if number and draft.channel_id and order_number_taken(self.context.uow(),
                                                              draft.channel_id, number):
            problems.append(Problem("Order number", self.tr("%1 already has an order %2")
                                    .replace("%1", self._channel().name).replace("%2", number)))
        problems += self._stock_warnings(draft, rows)
        return problems + [p for p in self._refused if p not in problems]

    def _stock_warnings(self, draft: OrderDraft, rows: list[int]) -> list[Problem]:
        """Shipping at once takes stock: warn where there is not enough (the SKU's policy may
        still allow negative stock; the service decides)."""
        if draft.status not in ISSUING:
            return []
        wanted: dict[str, int] = {}
        for line in draft.lines:
            if isinstance(line.quantity, int):
                wanted[line.sku] = wanted.get(line.sku, 0) + line.quantity
        warnings = []
        for index, line in enumerate(draft.lines):
            choice = self._choice(line.sku)
            if choice is not None and wanted.get(line.sku, 0) > choice.on_hand:
                warnings.append(Problem("Quantity", self.tr("only %n on hand of %1", "",
                                                            choice.on_hand).replace("%1", line.sku),
                                        rows[index] + 1, severity="warning"))
        return warnings

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._refused = []  # the service's verdict was about what was typed before
        self.validate()

    def validate(self) -> list[Problem]:
        self._update_money()
        problems = self.current_problems()
        self._mark_cells(problems)
        number_problems = [p.message for p in problems if p.field == "Order number"]
        self.number_problem.setText("; ".join(number_problems))
        self.number_problem.setVisible(bool(number_problems))
        self.problems.setText("<br>".join(_problem_html(p) for p in problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            not any(p.is_error for p in problems))
        return problems

    def _mark_cells(self, problems: list[Problem]) -> None:
        self._filling = True
        for row in range(self.lines.rowCount()):
            for column in TYPED_COLUMNS:
                _mark(self.lines.item(row, column), None)
        for problem in problems:
            column = FIELD_COLUMN.get(problem.field)
            if problem.row is not None and column is not None \
                    and problem.row <= self.lines.rowCount():
                _mark(self.lines.item(problem.row - 1, column), problem)
        self._filling = False

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if any(p.is_error for p in self.validate()):
            return
        draft, _rows = self.draft()
        result = self.context.write(self, record_order, draft)
        if result is not None:
            self.saved_id = result.ids[0]
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        """The service refused the order: show its reasons on the fields (ShopContext.write)."""
        _draft, rows = self.draft()
        self._refused = [_on_table_row(p, rows) for p in problems]
        self.validate()


def _on_table_row(problem: Problem, rows: list[int]) -> Problem:
    """A draft line's problem, numbered as the table row the user sees."""
    if problem.row is None or not 1 <= problem.row <= len(rows):
        return problem
    return Problem(problem.field, problem.message, rows[problem.row - 1] + 1, problem.severity)


def _mark(item: QTableWidgetItem | None, problem: Problem | None) -> None:
    if item is None:
        return
    if problem is None:
        item.setBackground(QBrush())
        item.setToolTip("")
    else:
        item.setBackground(ERROR_BRUSH if problem.is_error else WARNING_BRUSH)
        item.setToolTip(problem.message)


def _problem_html(problem: Problem) -> str:
    colour = "#b3261e" if problem.is_error else "#8a5a00"
    prefix = "✖" if problem.is_error else "⚠"
    text = str(problem).replace("&", "&amp;").replace("<", "&lt;")
    return f'<span style="color:{colour}">{prefix} {text}</span>'


def _stacked(*parts: QWidget | QHBoxLayout) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)
    return box
