"""A SKU's own stock rules: reorder point, safety and maximum stock, lead time, pack multiple,
minimum order quantity and whether its stock may go negative.

A blank field keeps the shop default or the level suggested from sales; the placeholder says
which value that is, and follows what is typed in the other fields (a longer lead time suggests
a higher reorder point).
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.services.stock.commands import PolicyDraft, check_policy, set_stock_policy
from ecdesk.services.stock.position import suggested_for
from ecdesk.services.stock.queries import sku_stock
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.stock_labels import rate, units
from ecdesk.views.widgets.forms import problem_label, save_cancel_buttons, stacked
from ecdesk.views.widgets.locale_format import integer

translate = QCoreApplication.translate

NUMBER_FIELDS = ("reorder_point", "safety_stock", "max_stock", "lead_time_days",
                 "pack_multiple", "min_order_qty")
LABELS = {
    "reorder_point": QT_TRANSLATE_NOOP("StockRulesDialog", "Reorder point"),
    "safety_stock": QT_TRANSLATE_NOOP("StockRulesDialog", "Safety stock"),
    "max_stock": QT_TRANSLATE_NOOP("StockRulesDialog", "Max stock"),
    "lead_time_days": QT_TRANSLATE_NOOP("StockRulesDialog", "Lead time (days)"),
    "pack_multiple": QT_TRANSLATE_NOOP("StockRulesDialog", "Pack multiple"),
    "min_order_qty": QT_TRANSLATE_NOOP("StockRulesDialog", "Minimum order quantity"),
    "allow_negative": QT_TRANSLATE_NOOP("StockRulesDialog", "Negative stock"),
}
MAX_VALUE = 10_000_000


def parse_whole(text: str) -> tuple[int | None, str | None]:
    """A blank field is None (the default); anything else must be a whole number."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None, None
    if not re.fullmatch(r"-?[0-9]+", cleaned):
        return None, translate(
            "StockRulesDialog", "'%1' is not a whole number").replace("%1", text.strip())
    value = int(cleaned)
    if value > MAX_VALUE:
        return None, translate(
            "StockRulesDialog", "is more than %1").replace("%1", integer(MAX_VALUE))
    return value, None


class StockRulesDialog(QDialog):
    def __init__(self, context: ShopContext, variant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stock = sku_stock(context.uow(), variant_id)
        self.setWindowTitle(self.tr("Stock rules"))
        self.edits: dict[str, QLineEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._build()
        self._load(self.stock.policy)
        self.validate()

    def _build(self) -> None:
        stock, figures = self.stock, self.stock.figures
        heading = QLabel(f"<b>{stock.sku}</b> · {stock.title}"
                         + (f" · {stock.options}" if stock.options else ""))
        pace = QLabel(self.tr("Sells %s a day (%s in the last %s days); available %s.") % (
            rate(figures.velocity), figures.units_sold, figures.window_days,
            units(figures.available)), wordWrap=True)
        explain = QLabel(self.tr("Leave a field blank to use the shop default or the level "
                                 "suggested from sales (shown in grey)."), wordWrap=True)
        form = QFormLayout()
        for name in NUMBER_FIELDS:
            edit = QLineEdit()
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            self.problem_labels[name] = problem_label()
            form.addRow(self.tr(LABELS[name]), stacked(edit, self.problem_labels[name]))
        self.allow_negative = QComboBox()
        shop_rule = self.tr("yes") if stock.defaults.allow_negative else self.tr("no")
        for label, value in ((self.tr("Shop default (%s)") % shop_rule, None),
                             (self.tr("Allowed"), True), (self.tr("Not allowed"), False)):
            self.allow_negative.addItem(label, value)
        form.addRow(self.tr(LABELS["allow_negative"]), self.allow_negative)
        self.problems = problem_label()
        self.reset_button = QPushButton(self.tr("Use shop defaults"))
        self.reset_button.clicked.connect(lambda: self._load(PolicyDraft()))
        self.buttons = save_cancel_buttons(self, self.save)
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        for widget in (heading, pace, explain):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _load(self, policy: PolicyDraft) -> None:
        for name in NUMBER_FIELDS:
            value = getattr(policy, name)
            self.edits[name].setText("" if value is None else str(value))
        self.allow_negative.setCurrentIndex(max(self.allow_negative.findData(
            policy.allow_negative), 0))

    def draft(self) -> tuple[PolicyDraft, dict[str, str]]:
        """The rules as typed, and a problem per field that is not a whole number."""
        values: dict[str, object] = {"allow_negative": self.allow_negative.currentData()}
        problems: dict[str, str] = {}
        for name in NUMBER_FIELDS:
            value, problem = parse_whole(self.edits[name].text())
            values[name] = value
            if problem:
                problems[name] = problem
        return PolicyDraft(**values), problems  # type: ignore[arg-type]

    def validate(self) -> bool:
        draft, problems = self.draft()
        checked = replace(draft, **{name: None for name in problems})
        labels = {self._service_label(name): name for name in NUMBER_FIELDS}
        for problem in check_policy(checked):
            problems.setdefault(labels.get(problem.field, "reorder_point"), problem.message)
        for name in NUMBER_FIELDS:
            self.problem_labels[name].setText(problems.get(name, ""))
        self._show_placeholders(checked)
        self.problems.clear()
        ok = not problems
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    @staticmethod
    def _service_label(name: str) -> str:
        """How check_policy names a field ("Lead time days")."""
        return name.replace("_", " ").capitalize()

    def _show_placeholders(self, draft: PolicyDraft) -> None:
        defaults = self.stock.defaults
        safety, point, maximum = suggested_for(self.stock.figures.velocity, draft, defaults)
        suggested = self.tr("suggested: %s")
        default = self.tr("shop default: %s")
        texts = {
            "reorder_point": suggested % point, "safety_stock": suggested % safety,
            "max_stock": suggested % maximum, "lead_time_days": default % defaults.lead_time_days,
            "pack_multiple": default % defaults.pack_multiple,
            "min_order_qty": default % defaults.min_order_qty,
        }
        for name, text in texts.items():
            self.edits[name].setPlaceholderText(text)

    def save(self) -> None:
        if not self.validate():
            return
        result = self.context.write(self, set_stock_policy, self.stock.variant_id,
                                    self.draft()[0])
        if result is not None:
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        self.problems.setText("\n".join(str(p) for p in problems))

