"""The Tickets page's dialogs: a new ticket (with the order lines a return picks), closing with
a satisfaction rating, receiving a return's goods, and a refund. Each saves through the ticket
services; a refusal is explained in the service's words and the dialog stays open."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.channels import list_channels
from ecdesk.services.returns.queries import ReturnableOrder, find_returnable_order
from ecdesk.services.tickets.commands import (
    open_ticket,
    receive_ticket_return,
    refund_ticket,
    set_ticket_status,
)
from ecdesk.services.tickets.dto import TicketDetail, TicketDraft, TicketLineDraft
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.ticket_labels import OUTCOMES, PRIORITIES, REASONS, TYPES, word
from ecdesk.views.widgets.customer_picker import CustomerPicker
from ecdesk.views.widgets.forms import save_cancel_buttons

GOODS_TYPES = ("return", "exchange", "repair", "refund_only")


def _combo(table: dict[str, str], current: str = "") -> QComboBox:
    combo = QComboBox()
    for value in table:
        combo.addItem(word(table, value), value)
    if current:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class NewTicketDialog(QDialog):
    """A ticket: channel, type, priority, subject, the customer's message, and for returns
    and exchanges the order (by its number) and the units of each line. The customer is the
    order's, or without an order (a pre-sale question) one picked by name or handle."""

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id: int | None = None
        self.order: ReturnableOrder | None = None
        self.setWindowTitle(self.tr("New ticket"))
        self.channel = QComboBox()
        for channel in list_channels(context.uow()):
            self.channel.addItem(channel.name, channel.id)
        self.type = _combo(TYPES)
        self.priority = _combo(PRIORITIES, "normal")
        self.subject = QLineEdit()
        self.customer = CustomerPicker(context, self.tr("(no customer)"))
        self.order_number = QLineEdit(placeholderText=self.tr("Order number (optional)"))
        self.order_number.editingFinished.connect(self._find_order)
        self.order_note = QLabel()
        self.lines = QTableWidget(0, 5)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Returnable"),
                                              self.tr("Units"), self.tr("Reason"),
                                              self.tr("Outcome")])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setVisible(False)
        self.override = QCheckBox(self.tr("Accept outside the channel's return window"))
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(self.tr("What the customer wrote"))
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Order"), self.order_number)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.order_note, self.lines, self.override, self.message):
            layout.addWidget(widget)
        layout.addWidget(save_cancel_buttons(self, self.save))
        self.resize(560, 520)

    def start_from_order(self, order: ReturnableOrder) -> None:
        """A return or exchange of this order (the Orders page's action): its channel, number,
        customer and lines, the type set to return."""
        self.setWindowTitle(self.tr("Return or exchange — order %1").replace("%1", order.number))
        self.channel.setCurrentIndex(max(self.channel.findData(order.channel_id), 0))
        self.type.setCurrentIndex(max(self.type.findData("return"), 0))
        self.order_number.setText(order.number)
        self._show_order(order, order.number)

    def _find_order(self) -> None:
        number = self.order_number.text().strip()
        self._show_order(find_returnable_order(self.context.uow(), number,
                                               self.channel.currentData()) if number else None,
                         number)

    def _show_order(self, order: ReturnableOrder | None, number: str) -> None:
        self.order = order
        if number and self.order is None:
            self.order_note.setText(self.tr("No order %1 on this channel").replace("%1", number))
        else:
            self.order_note.setText(self.order.customer_name if self.order else "")
        self.customer.setEnabled(self.order is None)  # the order's customer is used
        lines = self.order.lines if self.order else ()
        self.lines.setVisible(bool(lines))
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self.lines.setItem(row, 0, QTableWidgetItem(line.sku))
            self.lines.setItem(row, 1, QTableWidgetItem(str(line.returnable)))
            units = QSpinBox(minimum=0, maximum=max(line.returnable, 0))
            self.lines.setCellWidget(row, 2, units)
            self.lines.setCellWidget(row, 3, _combo(REASONS))
            self.lines.setCellWidget(row, 4, _combo(OUTCOMES))

    def draft(self) -> TicketDraft:
        lines = []
        if self.order is not None and self.type.currentData() in GOODS_TYPES:
            for row, line in enumerate(self.order.lines):
                units = self.lines.cellWidget(row, 2).value()  # type: ignore[attr-defined]
                if units:
                    lines.append(TicketLineDraft(
                        line.order_line_id, units,
                        self.lines.cellWidget(row, 3).currentData(),  # type: ignore[attr-defined]
                        self.lines.cellWidget(row, 4).currentData()))  # type: ignore[attr-defined]
        return TicketDraft(
            channel_id=self.channel.currentData(), subject=self.subject.text(),
            type=self.type.currentData(), priority=self.priority.currentData(),
            order_id=self.order.id if self.order else None,
            customer_id=self.order.customer_id if self.order else self.customer.customer_id(),
            message=self.message.toPlainText(), lines=tuple(lines))

    def save(self) -> None:
        changed = self.context.write(self, open_ticket, self.draft(),
                                     override_window=self.override.isChecked())
        if changed is not None:
            self.saved_id = changed.ids[0]
            self.accept()


class CloseTicketDialog(QDialog):
    """Close a ticket, with the customer's satisfaction (1-5, or not given) and comment."""

    def __init__(self, context: ShopContext, ticket_id: int, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.ticket_id = context, ticket_id
        self.setWindowTitle(self.tr("Close ticket %1").replace("%1", number))
        self.rating = QComboBox()
        self.rating.addItem(self.tr("Not given"), None)
        for stars in range(5, 0, -1):
            self.rating.addItem("★" * stars, stars)
        self.comment = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Satisfaction"), self.rating)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        if self.context.write(self, set_ticket_status, self.ticket_id, "closed",
                              satisfaction=self.rating.currentData(),
                              comment=self.comment.text()) is not None:
            self.accept()


class ReceiveReturnDialog(QDialog):
    """Goods of the ticket's lines received: how many, sellable or damaged, and whether a
    late return is accepted anyway."""

    def __init__(self, context: ShopContext, detail: TicketDetail, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.detail, self.now = context, detail, now
        self.setWindowTitle(self.tr("Receive return — %1").replace("%1", detail.row.number))
        self.units: dict[int, QSpinBox] = {}
        form = QFormLayout(self)
        for line in detail.lines:
            left = line.quantity - line.received
            spin = QSpinBox(minimum=0, maximum=max(left, 0), value=max(left, 0))
            self.units[line.id] = spin
            form.addRow(f"{line.sku} ({left})", spin)
        self.condition = QComboBox()
        self.condition.addItem(self.tr("Sellable: back on the shelf"), "sellable")
        self.condition.addItem(self.tr("Damaged: received, then written off"), "damaged")
        self.override = QCheckBox(self.tr("Accept outside the channel's return window"))
        form.addRow(self.tr("Condition"), self.condition)
        form.addRow(self.override)
        form.addRow(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        received = {line_id: spin.value() for line_id, spin in self.units.items() if spin.value()}
        if not received:
            self.reject()
            return
        if self.context.write(self, receive_ticket_return, self.detail.row.id, received,
                              condition=self.condition.currentData(), at=self.now,
                              override_window=self.override.isChecked()) is not None:
            self.accept()


class RefundDialog(QDialog):
    """Money paid back on the ticket's order (part of it), for one line or the order."""

    def __init__(self, context: ShopContext, detail: TicketDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.detail = context, detail
        self.setWindowTitle(self.tr("Refund — %1").replace("%1", detail.row.number))
        self.amount = QLineEdit(placeholderText="0.00")
        self.line = QComboBox()
        self.line.addItem(self.tr("The order"), None)
        for line in detail.lines:
            self.line.addItem(line.sku, line.id)
        form = QFormLayout(self)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("For"), self.line)
        form.addRow(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        if self.context.write(self, refund_ticket, self.detail.row.id, self.amount.text(),
                              ticket_line_id=self.line.currentData()) is not None:
            self.accept()
