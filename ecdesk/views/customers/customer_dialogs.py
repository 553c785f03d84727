"""Editing a customer's contact fields, notes and tags; choosing the customer to merge into."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem, ValidationError
from ecdesk.services.customers.commands import update_customer
from ecdesk.services.customers.dto import CustomerDetail, CustomerEdit
from ecdesk.services.customers.merge import merge_customers
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.customer_picker import CustomerPicker
from ecdesk.views.widgets.forms import problem_label
from ecdesk.views.widgets.operations import explain_refusal


class CustomerDialog(QDialog):
    """Every field may stay empty: marketplaces mask buyers' details."""

    def __init__(self, context: ShopContext, detail: CustomerDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.customer_id = context, detail.row.id
        self.setWindowTitle(self.tr("Customer %s") % (detail.row.name or detail.row.id))
        row = detail.row
        self.name = QLineEdit(row.name)
        self.email = QLineEdit(row.email)
        self.phone = QLineEdit(row.phone)
        self.address = QLineEdit(detail.address)
        self.birthday = QLineEdit(detail.birthday.isoformat() if detail.birthday else "",
                                  placeholderText=self.tr("YYYY-MM-DD"))
        self.tags = QLineEdit(row.tags,
                              placeholderText=self.tr("comma-separated, e.g. VIP, 回头客"))
        self.notes = QPlainTextEdit(detail.notes)
        form = QFormLayout()
        for label, widget in ((self.tr("Name"), self.name), (self.tr("Email"), self.email),
                              (self.tr("Phone"), self.phone), (self.tr("Address"), self.address),
                              (self.tr("Birthday"), self.birthday), (self.tr("Tags"), self.tags),
                              (self.tr("Notes"), self.notes)):
            form.addRow(label, widget)
        self.problem = problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def edit(self) -> CustomerEdit:
        return CustomerEdit(name=self.name.text(), email=self.email.text(),
                            phone=self.phone.text(), address=self.address.text(),
                            birthday=self.birthday.text(), notes=self.notes.toPlainText(),
                            tags=self.tags.text())

    def save(self) -> None:
        if self.context.write(self, update_customer, self.customer_id, self.edit()) is not None:
            self.accept()


class MergeDialog(QDialog):
    """Merge the selected customer into another one, picked by name or handle."""

    def __init__(self, context: ShopContext, detail: CustomerDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.merged_id = context, detail.row.id
        self.setWindowTitle(self.tr("Merge customer"))
        self.target = CustomerPicker(context, self.tr("(choose the customer to keep)"))
        form = QFormLayout()
        form.addRow(self.tr("Merge %s (#%s) into") % (detail.row.name, detail.row.id),
                    self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("Its channel handles and orders move to that customer; it is "
                              "kept, marked as merged, and the merge is in the audit trail."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def merge(self) -> None:
        into = self.target.customer_id()
        if into is None:
            explain_refusal(self, ValidationError([Problem(
                self.tr("Customer"), self.tr("search for the customer to keep and choose it"))]),
                self.tr("Not merged"))
            return
        if self.context.write(self, merge_customers, merged_id=self.merged_id,
                              into_id=into) is not None:
            self.accept()
