"""Settings > Stock defaults: what a SKU without its own stock rules falls back to.

Each number is checked as it is typed and its problem shown under it; Save stays disabled
while any is wrong.
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.stock.defaults import (
    LABELS,
    MINIMUM,
    StockDefaults,
    get_stock_defaults,
    update_stock_defaults,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import problem_label, stacked
from ecdesk.views.widgets.locale_format import integer

translate = QCoreApplication.translate

NUMBER_FIELDS = [f.name for f in fields(StockDefaults) if f.name != "allow_negative"]
MAX_VALUE = 100_000


def check_number(text: str, lowest: int) -> tuple[int | None, str | None]:
    cleaned = text.strip().replace(",", "")
    if not re.fullmatch(r"-?[0-9]+", cleaned):
        return None, (translate("StockDefaultsBox", "is required") if not cleaned
                      else translate("StockDefaultsBox", "'%1' is not a whole number").replace(
                          "%1", text.strip()))
    value = int(cleaned)
    if value < lowest:
        return None, translate(
            "StockDefaultsBox", "must be at least %1").replace("%1", integer(lowest))
    if value > MAX_VALUE:
        return None, translate(
            "StockDefaultsBox", "must be at most %1").replace("%1", integer(MAX_VALUE))
    return value, None


class StockDefaultsBox(QGroupBox):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({ChangeArea.STOCK})
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Stock defaults"))
        self.edits: dict[str, QLineEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in NUMBER_FIELDS:
            edit = QLineEdit()
            edit.setMaximumWidth(80)
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            self.problem_labels[name] = problem_label()
            form.addRow(_wrapped(_(LABELS[name])), stacked(edit, self.problem_labels[name]))
        self.allow_negative = QCheckBox(self.tr("Allowed"))
        self.allow_negative.setToolTip(self.tr("Shipping may take on hand below zero"))
        form.addRow(_wrapped(_(LABELS["allow_negative"])), self.allow_negative)
        note = QLabel(self.tr("Used by every SKU without its own stock rules (Inventory > "
                              "Stock rules)."), wordWrap=True)
        self.problems = problem_label()
        self.save_button = QPushButton(self.tr("Save stock defaults"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        context.listen(self, self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        defaults = get_stock_defaults(self.context.uow())
        for name in NUMBER_FIELDS:
            self.edits[name].setText(str(getattr(defaults, name)))
        self.allow_negative.setChecked(defaults.allow_negative)
        self.validate()

    def _on_changed(self, change: Changed) -> None:
        self.refresh()

    def values(self) -> tuple[StockDefaults | None, dict[str, str]]:
        """The defaults as typed, or None and a problem per field that is wrong."""
        values: dict[str, object] = {"allow_negative": self.allow_negative.isChecked()}
        problems = {}
        for name in NUMBER_FIELDS:
            value, problem = check_number(self.edits[name].text(), MINIMUM.get(name, 0))
            values[name] = value
            if problem:
                problems[name] = problem
        return (None if problems else StockDefaults(**values)), problems  # type: ignore[arg-type]

    def validate(self) -> bool:
        _defaults, problems = self.values()
        for name in NUMBER_FIELDS:
            self.problem_labels[name].setText(problems.get(name, ""))
        self.problems.clear()
        self.save_button.setEnabled(not problems)
        return not problems

    def save(self) -> None:
        defaults, _problems = self.values()
        if defaults is not None:
            self.context.write(self, update_stock_defaults, defaults)

    def show_refused(self, problems: list[Problem]) -> None:
        self.problems.setText("\n".join(str(p) for p in problems))


def _wrapped(text: str) -> QLabel:
    """A field label that wraps, so that the box stays narrow beside the shop settings."""
    label = QLabel(text, wordWrap=True)
    label.setMinimumWidth(180)
    label.setMaximumWidth(240)
    return label
