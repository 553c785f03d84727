"""Asked once, when a new shop file is created: what the shop is called and where it is."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ecdesk.errors import Problem
from ecdesk.services.settings import DEFAULTS, ShopSettings, check_settings
from ecdesk.views.settings.settings_forms import ShopSettingsForm


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to ecdesk"))
        intro = QLabel(self.tr("Tell ecdesk about your shop. You can change this later under "
                               "Settings."), wordWrap=True)
        self.form = ShopSettingsForm()
        self.form.set_values(ShopSettings("", DEFAULTS["currency"], DEFAULTS["timezone"],
                                          Decimal(DEFAULTS["min_margin"])))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.form, self.problem, self.buttons):
            layout.addWidget(widget)
        self.form.shop_name.textChanged.connect(self.check)
        self.form.currency.currentTextChanged.connect(self.check)
        self.form.timezone.currentTextChanged.connect(self.check)
        self.check()

    def check(self) -> list[Problem]:
        problems = check_settings(**self.form.values())  # type: ignore[arg-type]
        self.problem.setText("\n".join(str(p) for p in problems))
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(not problems)
        return problems
