"""Enter an order by hand: channel, number, date, status, customer, lines, shipping and fees.

The form is checked as the user types with the rules the service applies on save
(services.orders.validation), plus what needs the shop: unknown SKUs, a number the channel
already has, and stock that shipping would take below zero (a warning: the SKU's policy may
allow it). Problems name the row and field, offending cells turn red, and Save stays disabled
while anything blocks it. Unit prices are filled in from the channel's price (or the list
price) and platform fees from the channel's rates, until the user types their own.

Given an order's id, the same form edits that order until it ships (services.orders.edit): its
lines, customer, number, date, shipping, fees and note; the channel and status stay as they are
(the status changes with Mark as…). Its own number is not "taken".
"""

from __future__ import annotations

from datetime import UTC
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.money import MoneyError, parse_amount
from ecdesk.services.channels import ChannelInfo, list_channels
from ecdesk.services.common.shop_time import shop_now
from ecdesk.services.orders.commands import record_order
from ecdesk.services.orders.dto import OrderDraft, OrderStatus
from ecdesk.services.orders.edit import edit_order, order_draft
from ecdesk.services.orders.form_queries import (
    SkuChoice,
    order_number_taken,
    sku_choice,
    suggest_skus,
)
from ecdesk.services.orders.validation import check_order
from ecdesk.services.pricing.margin import FeeBasis, channel_fees
from ecdesk.views.orders.order_lines_editor import OrderLinesEditor
from ecdesk.views.orders.orders_model import STATUS_LABELS, order_status_label
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import (
    has_errors,
    problem_label,
    save_cancel_buttons,
    show_problems,
    stacked,
)
from ecdesk.views.widgets.locale_format import amount, date_time_pattern, percent

ISSUING = ("shipped", "completed")  # a new order in these statuses takes its stock at once
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OrderDialog(QDialog):
    def __init__(self, context: ShopContext, parent: QWidget | None = None,
                 order_id: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = context.zone
        self.order_id = order_id  # the order being edited; None for a new one
        self._stored = order_draft(context.uow(), order_id) if order_id is not None else None
        self.channels: list[ChannelInfo] = list_channels(
            context.uow(), include_archived=order_id is not None)
        self.saved_id: int | None = None
        self._skus: dict[tuple[int | None, str], SkuChoice | None] = {}
        self._fees_typed = False
        self._refused: list[Problem] = []  # the service's problems with the last Save
        self.setWindowTitle(self.tr("New order"))
        self.resize(900, 680)
        self._build()
        self._on_channel_changed()
        if self._stored is not None:
            self._show_stored(self._stored)

    def _show_stored(self, draft: OrderDraft) -> None:
        """Fill the form with the order being edited; its channel and status stay fixed."""
        self.setWindowTitle(self.tr("Edit order %1").replace("%1", draft.number))
        self.channel.setCurrentIndex(self.channel.findData(draft.channel_id))
        self.channel.setEnabled(False)
        self.status.setCurrentIndex(self.status.findData(draft.status.value))
        self.status.setEnabled(False)
        self.status.setToolTip(self.tr("Change the status with Mark as… on the Orders page"))
        self.number.setText(draft.number)
        wall_clock = draft.ordered_at.astimezone(self.zone)
        utc = QTimeZone(QTimeZone.Initialization.UTC)
        self.ordered_at.setDateTime(QDateTime(
            QDate(wall_clock.year, wall_clock.month, wall_clock.day),
            QTime(wall_clock.hour, wall_clock.minute, wall_clock.second), utc))
        self.customer.setText(draft.customer_name)
        self.customer_key.setText(draft.customer_key)
        self.ship_to.setText(draft.ship_to)
        for row, line in enumerate(draft.lines):
            self.editor.set_line(row, sku=line.sku, quantity=str(line.quantity),
                                 unit_price=str(line.unit_price),
                                 discount=str(line.discount) if line.discount else "")
        self.shipping.setText(str(draft.shipping))
        self.note.setPlainText(draft.note)
        # Fees that were the channel's estimate follow the lines; others were typed: kept.
        self._update_money()
        self._fees_typed = self.fees.text() != str(draft.platform_fees)
        self.fees.setText(str(draft.platform_fees))
        self._on_edited()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_head())
        self.editor = OrderLinesEditor(self._choice, self._suggest)
        self.editor.edited.connect(self._on_edited)
        self.lines = self.editor.table
        layout.addWidget(self.editor, 1)
        layout.addLayout(self._build_money())
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        layout.addWidget(self.problems)
        self.buttons = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)

    def _build_head(self) -> QGridLayout:
        self.channel = QComboBox()
        for channel in self.channels:
            self.channel.addItem(f"{channel.name} ({channel.currency})", channel.id)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.number = QLineEdit(placeholderText=self.tr("the channel's order number"))
        self.number_problem = problem_label()
        self.ordered_at = QDateTimeEdit(calendarPopup=True, displayFormat=date_time_pattern())
        # The edit shows the shop's wall clock; Qt must not apply this computer's time zone.
        utc = QTimeZone(QTimeZone.Initialization.UTC)
        self.ordered_at.setTimeZone(utc)
        now = shop_now(self.zone)
        self.ordered_at.setDateTime(QDateTime(QDate(now.year, now.month, now.day),
                                              QTime(now.hour, now.minute), utc))
        self.status = QComboBox()
        for value in STATUS_LABELS:
            self.status.addItem(order_status_label(value), value)
        self.status.setCurrentIndex(self.status.findData("paid"))
        self.customer = QLineEdit(placeholderText=self.tr("if known"))
        self.customer_key = QLineEdit(placeholderText=self.tr("e-mail or buyer nickname"))
        self.ship_to = QLineEdit(placeholderText=self.tr(
            "the shipping address, as the buyer gave it (name, phone, address)"))
        grid = QGridLayout()
        rows = ((self.tr("Channel"), self.channel, self.tr("Status"), self.status),
                (self.tr("Order number"), stacked(self.number, self.number_problem, spacing=None),
                 self.tr("Date (%s)") % self.zone.key, self.ordered_at),
                (self.tr("Customer"), self.customer, self.tr("Customer id"), self.customer_key))
        for row, (label_a, widget_a, label_b, widget_b) in enumerate(rows):
            grid.addWidget(QLabel(label_a), row, 0)
            grid.addWidget(widget_a, row, 1)
            grid.addWidget(QLabel(label_b), row, 2)
            grid.addWidget(widget_b, row, 3)
        grid.addWidget(QLabel(self.tr("Ship to")), len(rows), 0)
        grid.addWidget(self.ship_to, len(rows), 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for widget in (self.number, self.customer, self.customer_key, self.ship_to):
            widget.textChanged.connect(self._on_edited)
        self.status.currentIndexChanged.connect(self._on_edited)
        self.ordered_at.dateTimeChanged.connect(self._on_edited)
        return grid

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
    def _choice(self, sku: str) -> SkuChoice | None:
        key = (self._channel_id(), sku)
        if sku and key not in self._skus:
            self._skus[key] = sku_choice(self.context.uow(), sku, key[0])
        return self._skus.get(key)

    def _suggest(self, text: str) -> list[SkuChoice]:
        return suggest_skus(self.context.uow(), text, self._channel_id())

    # -- channel, fees and totals ----------------------------------------------------------
    def _channel_id(self) -> int | None:
        return self.channel.currentData()

    def _channel(self) -> ChannelInfo | None:
        return next((c for c in self.channels if c.id == self._channel_id()), None)

    def _on_channel_changed(self) -> None:
        self.editor.reprice()
        channel = self._channel()
        if channel is not None:
            self.fees_hint.setText(self._fees_hint(channel))
        self._on_edited()

    def _fees_hint(self, channel: ChannelInfo) -> str:
        before = channel.fee_basis == FeeBasis.BEFORE_DISCOUNTS
        hint = (self.tr("Estimated: %1 commission + %2 payment fee on the goods before "
                        "discounts") if before else
                self.tr("Estimated: %1 commission + %2 payment fee on the goods"))
        hint = hint.replace("%1", percent(channel.commission_rate)).replace(
            "%2", percent(channel.payment_fee_rate))
        if channel.per_order_fee or channel.per_unit_fee:
            hint += self.tr(", + %1 per order + %2 per unit").replace(
                "%1", amount(channel.per_order_fee)).replace(
                "%2", amount(channel.per_unit_fee))
        return hint

    def _on_fees_typed(self, _text: str) -> None:
        self._fees_typed = True
        self._on_edited()

    def _estimate_fees_again(self) -> None:
        self._fees_typed = False
        self._on_edited()

    def _update_money(self) -> None:
        goods, channel = self.editor.show_totals(), self._channel()
        if not self._fees_typed and channel is not None:
            self.fees.blockSignals(True)
            before, units = self.editor.fee_bases()
            self.fees.setText(str(channel_fees(channel.fees, goods, units=units,
                                               amount_before_discounts=before)))
            self.fees.blockSignals(False)
        currency = channel.currency if channel else ""
        try:
            shipping = parse_amount(self.shipping.text() or "0")
        except MoneyError:
            shipping = Decimal("0")
        self.totals.setText(self.tr("Goods %1 + shipping %2<br><b>Order total %3</b>")
                            .replace("%1", amount(goods))
                            .replace("%2", amount(shipping))
                            .replace("%3", amount(goods + shipping, currency)))

    # -- the draft and its problems --------------------------------------------------------
    def draft(self) -> tuple[OrderDraft, list[int]]:
        """The order as typed, and the table row of each of its lines (blank rows left out)."""
        rows = self.editor.filled_rows()
        lines = tuple(self.editor.line_draft(row) for row in rows)
        wall_clock = self.ordered_at.dateTime().toPython()
        draft = OrderDraft(
            channel_id=self._channel_id() or 0, number=self.number.text(),
            ordered_at=wall_clock.replace(tzinfo=self.zone).astimezone(UTC),
            lines=lines, status=OrderStatus(self.status.currentData()),
            customer_name=self.customer.text(), customer_key=self.customer_key.text(),
            shipping=self.shipping.text(), platform_fees=self.fees.text(),
            note=self.note.toPlainText(), ship_to=self.ship_to.text())
        return draft, rows

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
        own = self._stored is not None and number == self._stored.number
        if number and draft.channel_id and not own and order_number_taken(self.context.uow(),
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
        self._refused = []  # the service's verdict was about what was typed before
        self.validate()

    def validate(self) -> list[Problem]:
        self._update_money()
        problems = self.current_problems()
        self.editor.mark(problems)
        show_problems(problems, self.problems, self.buttons,
                      {"Order number": self.number_problem})
        return problems

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if has_errors(self.validate()):
            return
        draft, _rows = self.draft()
        result = (self.context.write(self, record_order, draft) if self.order_id is None else
                  self.context.write(self, edit_order, self.order_id, draft))
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


