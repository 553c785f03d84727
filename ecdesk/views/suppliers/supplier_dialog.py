"""Adding or editing a supplier, and what it supplies (a supplier item with price breaks)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ecdesk.errors import EcdeskError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.money import MoneyError, parse_amount
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.purchasing.queries import SupplierFields, SupplierItemRow
from ecdesk.services.stock.queries import find_count_line
from ecdesk.services.suppliers.commands import (
    CONTRACT_FIELD,
    PriceBreak,
    SupplierDraft,
    SupplierItemDraft,
    create_supplier,
    set_supplier_item,
    update_supplier,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import problem_html, problem_label, stacked
from ecdesk.views.widgets.locale_format import date_pattern
from ecdesk.views.widgets.operations import explain_refusal
from ecdesk.views.widgets.sku_completer import attach_sku_completer


def _optional(spin: QSpinBox) -> int | None:
    """A spin box whose minimum reads "—" (not set)."""
    return None if spin.value() == spin.minimum() else spin.value()


def _spin(lowest: int, highest: int, value: int | None) -> QSpinBox:
    spin = QSpinBox(minimum=lowest - 1, maximum=highest, specialValueText="—")
    spin.setValue(lowest - 1 if value is None else value)
    return spin


NOT_SET = QDate(2000, 1, 1)  # a date edit at its minimum reads "—": no date


def _date_edit(value: date | None) -> QDateEdit:
    edit = QDateEdit(calendarPopup=True, displayFormat=date_pattern(), specialValueText="—")
    edit.setMinimumDate(NOT_SET)
    edit.setDate(QDate(value) if value else NOT_SET)
    return edit


def _optional_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == NOT_SET else edit.date().toPython()


class SupplierDialog(QDialog):
    def __init__(self, context: ShopContext, supplier: SupplierFields | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.supplier = context, supplier
        self.setWindowTitle(self.tr("New supplier") if supplier is None
                            else self.tr("Supplier %s") % supplier.name)
        s = supplier
        self.name = QLineEdit(s.name if s else "")
        self.contact = QLineEdit(s.contact_name if s else "")
        self.email = QLineEdit(s.email if s else "")
        self.phone = QLineEdit(s.phone if s else "")
        self.address = QPlainTextEdit(s.address if s else "")
        self.address.setMaximumHeight(60)
        self.currency = QLineEdit(s.currency if s else context.settings.currency)
        self.terms = QLineEdit(s.payment_terms if s else "")
        self.lead = _spin(0, 365, s.lead_time_days if s else None)
        self.minimum = QLineEdit(str(s.min_order_value) if s else "0.00")
        self.status = QComboBox()
        self.status.addItem(self.tr("Active"), "active")
        self.status.addItem(self.tr("On hold"), "on_hold")
        self.status.setCurrentIndex(1 if s and s.status.value == "on_hold" else 0)
        self.service = _spin(1, 5, s.service_rating if s else None)
        self.innovation = _spin(1, 5, s.innovation_rating if s else None)
        self.contract_from = _date_edit(s.contract_from if s else None)
        self.contract_to = _date_edit(s.contract_to if s else None)
        self.next_evaluation = _date_edit(s.next_evaluation if s else None)
        self.contract_problem = problem_label()
        contract = QHBoxLayout()
        contract.setContentsMargins(0, 0, 0, 0)
        for text, edit in ((self.tr("from"), self.contract_from),
                           (self.tr("to"), self.contract_to)):
            contract.addWidget(QLabel(text))
            contract.addWidget(edit, 1)
        contract_row = QWidget()
        contract_row.setLayout(contract)
        for edit in (self.contract_from, self.contract_to):
            edit.dateChanged.connect(lambda _day: self.contract_problem.clear())
        self.summary = QLabel(wordWrap=True)
        self.documents = QPlainTextEdit("\n".join(s.documents) if s else "")
        self.documents.setPlaceholderText(self.tr("One file path per line (contracts, "
                                                  "certificates, price lists)"))
        self.documents.setMaximumHeight(60)
        self.notes = QPlainTextEdit(s.notes if s else "")
        self.notes.setMaximumHeight(60)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Name"), self.name), (self.tr("Contact"), self.contact),
                              (self.tr("Email"), self.email), (self.tr("Phone"), self.phone),
                              (self.tr("Address"), self.address),
                              (self.tr("Currency"), self.currency),
                              (self.tr("Payment terms"), self.terms),
                              (self.tr("Lead time (days)"), self.lead),
                              (self.tr("Minimum order value"), self.minimum),
                              (self.tr("Status"), self.status),
                              (self.tr("Contract"), stacked(contract_row,
                                                            self.contract_problem)),
                              (self.tr("Next evaluation"), self.next_evaluation),
                              (self.tr("Service rating (1-5)"), self.service),
                              (self.tr("Innovation rating (1-5)"), self.innovation),
                              (self.tr("Documents"), self.documents),
                              (self.tr("Notes"), self.notes)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(self.summary)
        form.addRow(buttons)
        self.saved_id: int | None = supplier.id if supplier else None

    def show_refused(self, problems: list[Problem]) -> None:
        """The service's refusal: the contract's under its dates, the rest below the form."""
        self.contract_problem.setText("; ".join(p.message for p in problems
                                                if p.field == _(CONTRACT_FIELD)))
        self.summary.setText("<br>".join(problem_html(p) for p in problems
                                         if p.field != _(CONTRACT_FIELD)))

    def _save(self) -> None:
        try:
            draft = self.draft()
            if self.supplier is None:
                self.saved_id, changed = create_supplier(self.context.uow(), draft)
            else:
                changed = update_supplier(self.context.uow(), self.supplier.id, draft)
        except MoneyError as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return
        except EcdeskError as error:
            explain_refusal(self, error, self.tr("Not saved"))
            return
        self.context.broadcast(changed)
        self.accept()

    def draft(self) -> SupplierDraft:
        return SupplierDraft(
            name=self.name.text(), currency=self.currency.text().strip().upper(),
            contact_name=self.contact.text(), email=self.email.text(), phone=self.phone.text(),
            address=self.address.toPlainText(), payment_terms=self.terms.text(),
            lead_time_days=_optional(self.lead), min_order_value=parse_amount(
                self.minimum.text() or "0"),
            status=self.status.currentData(),
            contract_from=_optional_date(self.contract_from),
            contract_to=_optional_date(self.contract_to),
            next_evaluation=_optional_date(self.next_evaluation),
            documents=tuple(self.documents.toPlainText().splitlines()),
            notes=self.notes.toPlainText(), service_rating=_optional(self.service),
            innovation_rating=_optional(self.innovation))


class ItemDialog(QDialog):
    """What one supplier charges for one SKU; price breaks typed as "50=2.40 100=2.20"."""

    def __init__(self, context: ShopContext, supplier_id: int,
                 item: SupplierItemRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.supplier_id = context, supplier_id
        self.setWindowTitle(self.tr("Supplied SKU"))
        self.sku = QLineEdit(item.sku if item else "")
        self.sku.setEnabled(item is None)
        attach_sku_completer(self.sku, lambda text: suggest_skus(context.uow(), text, None))
        self.code = QLineEdit(item.supplier_code if item else "")
        self.item_name = QLineEdit(item.supplier_name if item else "")
        self.cost = QLineEdit(str(item.unit_cost) if item else "")
        self.moq = _spin(1, 1_000_000, item.min_order_qty if item else None)
        self.pack = _spin(1, 100_000, item.pack_multiple if item else None)
        self.lead = _spin(0, 365, item.lead_time_days if item else None)
        self.preferred = QCheckBox(self.tr("Preferred supplier for this SKU"))
        self.preferred.setChecked(bool(item and item.preferred))
        self.breaks = QLineEdit(" ".join(f"{q}={c}" for q, c in item.price_breaks)
                                if item else "")
        self.breaks.setPlaceholderText(self.tr("from quantity=unit cost, e.g. 50=2.40 100=2.20"))
        form = QFormLayout(self)
        for label, widget in ((self.tr("SKU"), self.sku),
                              (self.tr("Supplier's code"), self.code),
                              (self.tr("Supplier's name for it"), self.item_name),
                              (self.tr("Unit cost (supplier's currency)"), self.cost),
                              (self.tr("Minimum order quantity"), self.moq),
                              (self.tr("Pack multiple"), self.pack),
                              (self.tr("Lead time (days; — : the supplier's)"), self.lead),
                              (self.tr("Price breaks"), self.breaks), ("", self.preferred)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _draft(self, variant_id: int) -> SupplierItemDraft:
        breaks = []
        for part in self.breaks.text().replace(",", " ").split():
            quantity, _sep, cost = part.partition("=")
            breaks.append(PriceBreak(int(quantity), parse_amount(cost)))
        return SupplierItemDraft(
            self.supplier_id, variant_id, parse_amount(self.cost.text() or "0"),
            self.code.text(), self.item_name.text(), _optional(self.moq), _optional(self.pack),
            _optional(self.lead), preferred=self.preferred.isChecked(),
            price_breaks=tuple(breaks))

    def _save(self) -> None:
        found = find_count_line(self.context.uow(), self.sku.text())
        if found is None:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("There is no SKU %s") % self.sku.text())
            return
        try:
            draft = self._draft(found.variant_id)
        except (MoneyError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return
        try:
            _item, changed = set_supplier_item(self.context.uow(), draft)
        except ValidationError as error:
            if any(problem.is_error for problem in error.problems):
                explain_refusal(self, error, self.tr("Not saved"))
                return
            warnings = "\n".join(str(problem) for problem in error.problems)
            if QMessageBox.question(self, self.tr("Save anyway?"), warnings) != \
                    QMessageBox.StandardButton.Yes:
                return
            _item, changed = set_supplier_item(self.context.uow(), draft, accept_warnings=True)
        except EcdeskError as error:
            explain_refusal(self, error, self.tr("Not saved"))
            return
        self.context.broadcast(changed)
        self.accept()


class WeightsDialog(QDialog):
    """How much each part of a supplier's scorecard counts in its score."""

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        from dataclasses import asdict

        from ecdesk.services.suppliers.scorecard import WEIGHT_LABELS, read_score_weights

        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Scorecard weights"))
        with context.uow() as uow:
            weights = asdict(read_score_weights(uow.session))
        self.spins = {name: QSpinBox(minimum=0, maximum=100, value=value)
                      for name, value in weights.items()}
        form = QFormLayout(self)
        for name, spin in self.spins.items():
            form.addRow(QCoreApplication.translate("scorecard", WEIGHT_LABELS[name]), spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        from ecdesk.services.suppliers.scorecard import ScoreWeights, update_score_weights

        weights = ScoreWeights(**{name: spin.value() for name, spin in self.spins.items()})
        if self.context.write(self, update_score_weights, weights) is not None:
            self.accept()
