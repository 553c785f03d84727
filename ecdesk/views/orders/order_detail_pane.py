"""The selected order beside the Orders table: its lines, money and where its stock is."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.orders.dto import OrderDetail
from ecdesk.views.orders.orders_model import order_status_label
from ecdesk.views.widgets.locale_format import amount, stamp

LINE_COLUMNS = [
    QT_TRANSLATE_NOOP("OrderDetailPane", "SKU"),
    QT_TRANSLATE_NOOP("OrderDetailPane", "Product"),
    QT_TRANSLATE_NOOP("OrderDetailPane", "Qty"),
    QT_TRANSLATE_NOOP("OrderDetailPane", "Unit price"),
    QT_TRANSLATE_NOOP("OrderDetailPane", "Discount"),
    QT_TRANSLATE_NOOP("OrderDetailPane", "Line total"),
]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OrderDetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.subtitle = QLabel(wordWrap=True)
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setHorizontalHeaderLabels([self.tr(c) for c in LINE_COLUMNS])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.figures: dict[str, QLabel] = {}
        self.money = QWidget()  # the figures, hidden with their labels when nothing is shown
        form = QFormLayout(self.money)
        form.setContentsMargins(0, 0, 0, 0)
        for key, label in (("goods", self.tr("Goods")), ("shipping", self.tr("Shipping")),
                           ("total", self.tr("Order total")), ("tax", self.tr("Tax")),
                           ("ship_to", self.tr("Ship to")),
                           ("shipped_with", self.tr("Shipped with")),
                           ("returns", self.tr("Returns")),
                           ("fees", self.tr("Platform fees")),
                           ("refunded", self.tr("Refunded")), ("stock", self.tr("Stock")),
                           ("note", self.tr("Note"))):
            value = QLabel(wordWrap=True, textInteractionFlags=(
                Qt.TextInteractionFlag.TextSelectableByMouse))
            if key not in ("stock", "note", "tax", "ship_to", "shipped_with", "returns"):
                value.setAlignment(RIGHT)
            self.figures[key] = value
            form.addRow(label, value)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #8a8a8a;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        for widget in (self.empty, self.title, self.subtitle, self.lines, self.money):
            layout.addWidget(widget)
        self.show_order(None, ZoneInfo("UTC"))

    def show_order(self, detail: OrderDetail | None, zone: ZoneInfo, selected: int = 0) -> None:
        """Show one order, or (None) say how many are selected."""
        self.empty.setText(self.tr("%n orders selected. Select one to see its lines.", "",
                                   selected) if selected > 1
                           else self.tr("Select an order to see its lines."))
        self.empty.setVisible(detail is None)
        for widget in (self.title, self.subtitle, self.lines, self.money):
            widget.setVisible(detail is not None)
        self.lines.setRowCount(0)
        if detail is None:
            for label in self.figures.values():
                label.clear()
            return
        row = detail.row
        self.title.setText(f"{row.number} · {row.channel}")
        who = row.customer_name or self.tr("customer not known")
        self.subtitle.setText(f"{order_status_label(row.status)} · "
                              f"{stamp(row.ordered_at, zone)} · {who}")
        self._fill_lines(detail)
        goods = row.total - detail.shipping
        for key, value in (("goods", goods), ("shipping", detail.shipping),
                           ("total", row.total), ("fees", detail.platform_fees),
                           ("refunded", detail.refunded)):
            self.figures[key].setText(amount(value, row.currency))
        tax = amount(detail.tax, row.currency)
        self.figures["tax"].setText(
            (self.tr("%s, included in the prices") if detail.tax_included
             else self.tr("%s, on top of the prices")) % tax if detail.tax else tax)
        self.figures["ship_to"].setText(detail.ship_to or "—")
        self.figures["shipped_with"].setText(
            " ".join(part for part in (detail.carrier, detail.tracking_number) if part) or "—")
        self.figures["returns"].setText(self._returns_state(detail, zone))
        self.figures["stock"].setText(self._stock_state(detail))
        self.figures["note"].setText(detail.note or "—")

    def _returns_state(self, detail: OrderDetail, zone: ZoneInfo) -> str:
        """Until when goods may come back, and what the window counts from."""
        if detail.returns_until is None:
            return "—"
        until = stamp(detail.returns_until, zone)
        if detail.returns_estimated:
            return self.tr("until %1 (no delivery time: shipping plus the channel's transit "
                           "days)").replace("%1", until)
        assert detail.delivered_at is not None
        return self.tr("until %1 (delivered %2)").replace("%1", until).replace(
            "%2", stamp(detail.delivered_at, zone))

    def _stock_state(self, detail: OrderDetail) -> str:
        if detail.stock_issued:
            return self.tr("Stock issued: %n unit(s) left the shelf", "", detail.row.units)
        if detail.row.status in ("cancelled", "refunded"):
            return self.tr("Not shipped, or the goods came back")
        return self.tr("Not shipped: %n unit(s) committed", "", detail.row.units)

    def _fill_lines(self, detail: OrderDetail) -> None:
        self.lines.setRowCount(len(detail.lines))
        for index, line in enumerate(detail.lines):
            values = (line.sku, line.title, str(line.quantity), amount(line.unit_price),
                      amount(line.discount) if line.discount else "",
                      amount(line.line_total))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                self.lines.setItem(index, column, item)
