"""The rule editor: a price rule's fields, checked as they are typed, with a live example of
what the rule would make of a chosen SKU (each step of the arithmetic, the fees and the margin
after them) before anything is saved."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.services.channels import list_channels
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.pricing.breakdown import PriceBreakdown, explain_draft
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import save_rule
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import problem_label, save_cancel_buttons, show_problems, stacked
from ecdesk.views.widgets.price_breakdown import breakdown_html
from ecdesk.views.widgets.sku_completer import attach_sku_completer

EXAMPLE_DELAY_MS = 250
SCOPES = [
    ("all", QT_TRANSLATE_NOOP("RuleEditor", "All SKUs")),
    ("category", QT_TRANSLATE_NOOP("RuleEditor", "Category")),
    ("tag", QT_TRANSLATE_NOOP("RuleEditor", "Tag")),
    ("brand", QT_TRANSLATE_NOOP("RuleEditor", "Brand")),
    ("product", QT_TRANSLATE_NOOP("RuleEditor", "Product")),
    ("sku", QT_TRANSLATE_NOOP("RuleEditor", "SKU")),
]
METHODS = [
    ("cost_plus", QT_TRANSLATE_NOOP("RuleEditor", "Cost plus markup %")),
    ("target_margin", QT_TRANSLATE_NOOP("RuleEditor", "Target margin after fees %")),
    ("relative", QT_TRANSLATE_NOOP("RuleEditor", "Percent or amount off another price")),
    ("fixed", QT_TRANSLATE_NOOP("RuleEditor", "Fixed price")),
]
BASES = [
    ("", "—"),
    ("list_price", QT_TRANSLATE_NOOP("RuleEditor", "List price")),
    ("compare_at", QT_TRANSLATE_NOOP("RuleEditor", "Compare-at price")),
    ("channel", QT_TRANSLATE_NOOP("RuleEditor", "Another channel's price")),
    ("market", QT_TRANSLATE_NOOP("RuleEditor", "Market reference price")),
]
ENDINGS = [
    ("", QT_TRANSLATE_NOOP("RuleEditor", "No ending")),
    (".99", ".99"),
    (".90", ".90"),
    ("x9", QT_TRANSLATE_NOOP("RuleEditor", "…9 (19, 29)")),
    ("x8", QT_TRANSLATE_NOOP("RuleEditor", "…8 (18, 28)")),
]


class RuleEditor(QDialog):
    def __init__(self, context: ShopContext, draft: RuleDraft | None = None,
                 rule_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.rule_id = context, rule_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New price rule") if rule_id is None
                            else self.tr("Edit price rule"))
        self._timer = QTimer(self, singleShot=True, interval=EXAMPLE_DELAY_MS)
        self._timer.timeout.connect(self._check)
        self._build()
        if draft is not None:
            self._fill(draft)
        self._check()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit()
        self.active = QCheckBox(self.tr("In use"), checked=True)
        self.scope = self._combo(SCOPES)
        self.scope_value = QLineEdit(placeholderText=self.tr("Category path, tag, brand, "
                                                             "product title or SKU"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("List price (no channel)"), "")
        self.base_channel = QComboBox()
        self.base_channel.addItem("—", "")
        for channel in list_channels(self.context.uow()):
            self.channel.addItem(channel.name, channel.name)
            self.base_channel.addItem(channel.name, channel.name)
        self.method = self._combo(METHODS)
        self.rate = QLineEdit(placeholderText=self.tr("percent, e.g. 35"))
        self.amount = QLineEdit(placeholderText=self.tr("amount; negative adds"))
        self.base = self._combo(BASES)
        self.round_to = QLineEdit(placeholderText=self.tr("e.g. 1.00"))
        self.ending = self._combo(ENDINGS)
        self.min_price, self.max_price = QLineEdit(), QLineEdit()
        self.min_margin = QLineEdit(placeholderText=self.tr("the shop's minimum"))
        self.min_quantity = QLineEdit("1")
        self.starts_on, self.ends_on, self.review_on = (
            QLineEdit(placeholderText="YYYY-MM-DD") for _ in range(3))
        self.note = QLineEdit()
        self.problems = {key: problem_label() for key in (
            "Name", "Scope", "Channel", "Rate", "Amount", "Based on", "Based on channel",
            "Round to", "Minimum price", "Maximum price", "Minimum margin", "From quantity",
            "Starts", "Ends", "Review on")}
        form = QFormLayout()
        rows = [("Name", self.tr("Name"), self.name), ("", "", self.active),
                ("Scope", self.tr("Applies to"), self._pair(self.scope, self.scope_value)),
                ("Channel", self.tr("Channel"), self.channel),
                ("From quantity", self.tr("From quantity"), self.min_quantity),
                ("", self.tr("Computation"), self.method), ("Rate", self.tr("Percent"), self.rate),
                ("Amount", self.tr("Amount"), self.amount),
                ("Based on", self.tr("Based on"), self.base),
                ("Based on channel", self.tr("Base channel"), self.base_channel),
                ("Round to", self.tr("Round to a multiple of"), self.round_to),
                ("", self.tr("Ending"), self.ending),
                ("Minimum price", self.tr("Minimum price"), self.min_price),
                ("Maximum price", self.tr("Maximum price"), self.max_price),
                ("Minimum margin", self.tr("Minimum margin after fees %"), self.min_margin),
                ("Starts", self.tr("Starts"), self.starts_on),
                ("Ends", self.tr("Ends (last day)"), self.ends_on),
                ("Review on", self.tr("Review on (定期评估)"), self.review_on),
                ("", self.tr("Note"), self.note)]
        for key, label, widget in rows:
            shown = stacked(widget, self.problems[key]) if key in self.problems else widget
            form.addRow(label, shown)
        for widget in self.findChildren(QLineEdit):
            widget.textEdited.connect(lambda _text: self._timer.start())
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(lambda _index: self._timer.start())
        self.active.toggled.connect(lambda _on: self._timer.start())
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        left.addWidget(self.summary)
        self.buttons = save_cancel_buttons(self, self.save)
        left.addWidget(self.buttons)
        layout.addLayout(left, 3)
        layout.addWidget(self._example_box(), 2)

    def _example_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Live example"))
        self.example_sku = QLineEdit(placeholderText=self.tr("SKU to try the rule on"))
        attach_sku_completer(self.example_sku, lambda text: suggest_skus(self.context.uow(),
                                                                         text, None))
        self.example_sku.textChanged.connect(lambda _text: self._timer.start())
        self.example = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.example.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(self.example_sku)
        layout.addWidget(self.example, 1)
        return box

    def _combo(self, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(self.tr(label), value)
        return combo

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first)
        row.addWidget(second, 1)
        return box

    # -- the draft -------------------------------------------------------------------------
    def draft(self) -> RuleDraft:
        return RuleDraft(
            name=self.name.text(), method=self.method.currentData(),
            scope=self.scope.currentData(), scope_value=self.scope_value.text(),
            channel=self.channel.currentData(), rate=self.rate.text(), amount=self.amount.text(),
            base=self.base.currentData(), base_channel=self.base_channel.currentData(),
            round_to=self.round_to.text(), ending=self.ending.currentData(),
            min_price=self.min_price.text(), max_price=self.max_price.text(),
            min_margin=self.min_margin.text(), min_quantity=self.min_quantity.text(),
            starts_on=self.starts_on.text(), ends_on=self.ends_on.text(),
            review_on=self.review_on.text(), active=self.active.isChecked(),
            note=self.note.text())

    def _fill(self, draft: RuleDraft) -> None:
        for edit, value in ((self.name, draft.name), (self.scope_value, draft.scope_value),
                            (self.rate, draft.rate), (self.amount, draft.amount),
                            (self.round_to, draft.round_to), (self.min_price, draft.min_price),
                            (self.max_price, draft.max_price),
                            (self.min_margin, draft.min_margin),
                            (self.min_quantity, draft.min_quantity),
                            (self.starts_on, draft.starts_on), (self.ends_on, draft.ends_on),
                            (self.review_on, draft.review_on), (self.note, draft.note)):
            edit.setText(value)
        for combo, value in ((self.scope, draft.scope), (self.method, draft.method),
                             (self.channel, draft.channel), (self.base, draft.base),
                             (self.base_channel, draft.base_channel),
                             (self.ending, draft.ending)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.active.setChecked(draft.active)

    def save(self) -> None:
        result = self.context.write(self, save_rule, self.draft(), self.rule_id)
        if result is not None:
            self.saved_id = result.ids[0] if result.ids else None
            self.accept()

    def _check(self) -> None:
        """Check the draft and show the example (one SKU: a few milliseconds)."""
        sku = self.example_sku.text().strip()
        example, problems = explain_draft(self.context.uow(), self.draft(), sku,
                                          rule_id=self.rule_id)
        rule_problems = [p for p in problems if p.field != "Example SKU"]
        show_problems(rule_problems, self.summary, self.buttons, self.problems)
        self.example.setText(self._example_html(example, problems, sku))

    def _example_html(self, example: PriceBreakdown | None, problems: list[Problem],
                      sku: str) -> str:
        if not sku:
            return self.tr("Type a SKU above to see what this rule makes of it.")
        if example is None:
            reasons = [p.message for p in problems if p.field == "Example SKU"]
            return html.escape("; ".join(reasons)) or self.tr("Fix the rule to see the example.")
        return breakdown_html(example)
