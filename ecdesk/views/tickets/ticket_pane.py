"""The selected ticket beside the queue: who and what, its due times, its order lines, the
thread (oldest first) and the reply box with its buttons."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.tickets.dto import TicketDetail
from ecdesk.views.tickets.reply_box import ReplyBox
from ecdesk.views.tickets.ticket_labels import (
    ENTRY_KINDS,
    OUTCOMES,
    PRIORITIES,
    REASONS,
    STATUSES,
    TYPES,
    due_text,
    word,
)
from ecdesk.views.widgets.locale_format import amount, stamp

LINE_COLUMNS = ["SKU", "Qty", "Reason", "Outcome", "Received", "Replaced", "Refunded"]
ENTRY_COLOURS = {"message": "#1a5fb4", "reply": "#1e7b34", "note": "#8a5a00",
                 "status": "#6b6b6b"}


class TicketPane(QWidget):
    entry_requested = Signal(str, str)  # kind (reply, note, message), text
    tags_requested = Signal(str)  # the tags as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: TicketDetail | None = None
        self.title = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.info = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.tags.setClearButtonEnabled(True)
        self.tags.returnPressed.connect(self.request_tags)
        self.save_tags = QPushButton(self.tr("Save tags"))
        self.save_tags.clicked.connect(self.request_tags)
        tag_row = QHBoxLayout()
        tag_row.addWidget(QLabel(self.tr("Tags")))
        tag_row.addWidget(self.tags, 1)
        tag_row.addWidget(self.save_tags)
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setHorizontalHeaderLabels([self.tr(c) for c in LINE_COLUMNS])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.lines.setMaximumHeight(110)
        self.thread = QTextBrowser(openLinks=False)
        self.reply = ReplyBox()
        self.send = QPushButton(self.tr("Send reply"))
        self.send.setToolTip(self.tr("Record the reply as sent (Ctrl+Return)"))
        self.note = QPushButton(self.tr("Add note"))
        self.message = QPushButton(self.tr("Customer wrote"))
        self.message.setToolTip(self.tr("Record a message received from the customer"))
        for button, kind in ((self.send, "reply"), (self.note, "note"),
                             (self.message, "message")):
            button.clicked.connect(lambda _=False, k=kind: self.request(k))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.message, self.note, self.send):
            buttons.addWidget(button)
        self.empty = QLabel(self.tr("Choose a ticket to see its thread."))
        self.empty.setStyleSheet("color: #8a8a8a;")
        writing = QWidget()
        box = QVBoxLayout(writing)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.reply)
        box.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.thread)
        split.addWidget(writing)
        split.setSizes([420, 160])
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addLayout(tag_row)
        layout.addWidget(self.lines)
        layout.addWidget(split, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addWidget(self.body, 1)
        self.show_ticket(None, ZoneInfo("UTC"), datetime.now().astimezone())

    def request(self, kind: str) -> None:
        text = self.reply.toPlainText().strip()
        if text:
            self.entry_requested.emit(kind, text)

    def request_tags(self) -> None:
        if self.detail is not None:
            self.tags_requested.emit(self.tags.text())

    def clear_reply(self) -> None:
        self.reply.clear()

    def show_ticket(self, detail: TicketDetail | None, zone: ZoneInfo, now: datetime) -> None:
        same = (self.detail is not None and detail is not None
                and self.detail.row.id == detail.row.id)
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            return
        if not same:
            self.reply.clear()
        self.tags.setText(detail.tags)
        row = detail.row
        self.title.setText(f"{row.number}  {row.subject}")
        self.update_due(zone, now)
        self._show_lines(detail)
        self.thread.setHtml(self._thread_html(detail, zone))
        self.thread.verticalScrollBar().setValue(self.thread.verticalScrollBar().maximum())
        done = row.status == "closed"
        for widget in (self.reply, self.send, self.note, self.message):
            widget.setEnabled(not done)

    def update_due(self, zone: ZoneInfo, now: datetime) -> None:
        """The header line, with the time left against `now` (the shop clock's minute)."""
        if self.detail is None:
            return
        detail, row = self.detail, self.detail.row
        parts = [row.customer or self.tr("(no customer)"), row.channel,
                 word(TYPES, row.type), word(PRIORITIES, row.priority),
                 word(STATUSES, row.status)]
        if row.order_number:
            parts.insert(1, self.tr("order %1").replace("%1", row.order_number))
        due = row.due_at
        when = due_text(due, now, row.status)
        if due is not None:
            when += f" ({stamp(due, zone)})"
        text = " · ".join(parts) + "\n" + self.tr("Due: %1").replace("%1", when)
        if detail.satisfaction is not None:
            text += "\n" + self.tr("Satisfaction: %1/5 %2").replace(
                "%1", str(detail.satisfaction)).replace("%2", detail.satisfaction_comment)
        if detail.reopened:
            text += "\n" + self.tr("Reopened %n time(s)", "", detail.reopened)
        if detail.replacement_order:
            text += "\n" + self.tr("Replacement order: %1 (on the Orders page)").replace(
                "%1", detail.replacement_order)
        self.info.setText(text)

    def _show_lines(self, detail: TicketDetail) -> None:
        self.lines.setVisible(bool(detail.lines))
        self.lines.setRowCount(len(detail.lines))
        for n, line in enumerate(detail.lines):
            sku = line.sku + (f" → {line.replacement_sku}" if line.replacement_sku else "")
            values = [sku, str(line.quantity), word(REASONS, line.reason),
                      word(OUTCOMES, line.outcome), str(line.received), str(line.replaced),
                      amount(line.refund_amount) if line.refund_amount else ""]
            for column, value in enumerate(values):
                self.lines.setItem(n, column, QTableWidgetItem(value))

    def _thread_html(self, detail: TicketDetail, zone: ZoneInfo) -> str:
        parts = []
        for entry in detail.entries:
            colour = ENTRY_COLOURS.get(entry.kind, "#000")
            head = f"{escape(word(ENTRY_KINDS, entry.kind))} · {stamp(entry.at, zone)}"
            if entry.kind == "status":
                change = word(STATUSES, entry.status_to)
                if entry.status_from:
                    change = f"{word(STATUSES, entry.status_from)} → {change}"
                parts.append(f'<p style="color:{colour}">{head} · {escape(change)}</p>')
            else:
                body = escape(entry.body).replace("\n", "<br>")
                parts.append(f'<p><b style="color:{colour}">{head}</b><br>{body}</p>')
        return "".join(parts)
