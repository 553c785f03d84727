"""A customer picked by name, e-mail, phone or channel handle: words typed, Enter, then one of
the customers found chosen in the list beside them. The new-ticket form (a question without an
order) and the customer merge dialog (the customer to merge into) pick with it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from ecdesk.services.customers.search_hits import find_customers
from ecdesk.views.shell.shop_context import ShopContext


class CustomerPicker(QWidget):
    def __init__(self, context: ShopContext, none_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.none_text = context, none_text
        self.search = QLineEdit(placeholderText=self.tr(
            "Search a customer by name, e-mail, phone or handle"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find)
        self.combo = QComboBox(minimumContentsLength=24)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.combo, 1)
        self.find()

    def find(self) -> None:
        """The customers matching the words typed (nobody chosen until something is typed);
        the first one found is chosen."""
        text = self.search.text().strip()
        self.combo.clear()
        self.combo.addItem(self.none_text, None)
        if text:
            for hit in find_customers(self.context.uow(), text):
                self.combo.addItem(hit.label, hit.id)
            self.combo.setCurrentIndex(1 if self.combo.count() > 1 else 0)

    def customer_id(self) -> int | None:
        return self.combo.currentData()  # type: ignore[no-any-return]

    def choose(self, customer_id: int) -> bool:
        """Choose a customer already found; False when the list does not hold it."""
        index = self.combo.findData(customer_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0
