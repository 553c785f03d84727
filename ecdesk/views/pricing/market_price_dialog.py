"""Typing a market reference price (市场定价): a SKU's price on one channel or any, on a day, and
where it was seen. The service checks it; a refusal is shown under the fields it names and
nothing is written."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.channels import list_channels
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.pricing.market import MarketPriceDraft, MarketPriceRow, save_market_price
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import problem_html, problem_label, save_cancel_buttons, stacked
from ecdesk.views.widgets.locale_format import amount
from ecdesk.views.widgets.sku_completer import attach_sku_completer


class MarketPriceDialog(QDialog):
    def __init__(self, context: ShopContext, row: MarketPriceRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.price_id = context, row.id if row else None
        self.setWindowTitle(self.tr("New market price") if row is None
                            else self.tr("Market price of %1").replace("%1", row.sku))
        self.sku = QLineEdit(row.sku if row else "")
        attach_sku_completer(self.sku, lambda text: suggest_skus(context.uow(), text, None))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Any channel"), "")
        for channel in list_channels(context.uow()):
            self.channel.addItem(channel.name, channel.name)
        if row and row.channel:
            self.channel.setCurrentIndex(max(0, self.channel.findData(row.channel)))
        self.price = QLineEdit(amount(row.price) if row else "")
        self.price.setPlaceholderText("0.00")
        self.observed_on = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.observed_on.setDate(QDate(row.observed_on) if row else QDate(context.clock.today()))
        self.source = QLineEdit(row.source if row else "")
        self.source.setPlaceholderText(self.tr("A competitor, a price site…"))
        self.problems = {field: problem_label() for field in ("SKU", "Channel", "Price", "Date")}
        self.summary = QLabel(wordWrap=True)
        form = QFormLayout(self)
        for label, field, widget in ((self.tr("SKU"), "SKU", self.sku),
                                     (self.tr("Channel"), "Channel", self.channel),
                                     (self.tr("Price"), "Price", self.price),
                                     (self.tr("Date"), "Date", self.observed_on)):
            form.addRow(label, stacked(widget, self.problems[field]))
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.summary)
        form.addRow(save_cancel_buttons(self, self.save))
        self.saved_id: int | None = self.price_id

    def draft(self) -> MarketPriceDraft:
        return MarketPriceDraft(self.sku.text(), self.channel.currentData(), self.price.text(),
                                self.observed_on.date().toString("yyyy-MM-dd"),
                                self.source.text())

    def save(self) -> None:
        result = self.context.write(self, save_market_price, self.draft(), self.price_id)
        if result is not None:
            self.saved_id = result.ids[0] if result.ids else None
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        """The service's refusal: each problem under the field it names, all of them below."""
        for field, label in self.problems.items():
            label.setText("; ".join(p.message for p in problems if p.field == _(field)))
        self.summary.setText("<br>".join(problem_html(p) for p in problems))
