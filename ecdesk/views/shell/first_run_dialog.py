"""Asked once, when a new shop file is created: what the shop is called, where it is, and the
sales channels it sells on (services.channels.add_channels creates them with the shop)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.channels import NewChannel, check_new_channels
from ecdesk.services.settings import DEFAULTS, ShopSettings, check_settings
from ecdesk.views.settings.settings_forms import ShopSettingsForm
from ecdesk.views.shell.first_run_channels import NewChannelsEditor


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to ecdesk"))
        intro = QLabel(self.tr("Tell ecdesk about your shop. You can change this later under "
                               "Settings."), wordWrap=True)
        self.form = ShopSettingsForm()
        self.form.set_values(ShopSettings("", DEFAULTS["currency"], DEFAULTS["timezone"],
                                          Decimal(DEFAULTS["min_margin"])))
        self.channel_editor = NewChannelsEditor(DEFAULTS["currency"])
        channels_box = QGroupBox(self.tr("Your sales channels"))
        QVBoxLayout(channels_box).addWidget(self.channel_editor)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.form, channels_box, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(620, self.sizeHint().height())
        self.form.shop_name.textChanged.connect(self.check)
        self.form.currency.currentTextChanged.connect(self._on_currency_changed)
        self.form.timezone.currentTextChanged.connect(self.check)
        self.channel_editor.edited.connect(self.check)
        self.check()

    def _on_currency_changed(self, currency: str) -> None:
        self.channel_editor.set_shop_currency(currency.strip())
        self.check()

    def channels(self) -> list[NewChannel]:
        return self.channel_editor.channels()

    def check(self) -> list[Problem]:
        problems = check_settings(**self.form.values())  # type: ignore[arg-type]
        problems += [self._on_row_shown(p) for p in check_new_channels(self.channels())]
        self.problem.setText("\n".join(str(p) for p in problems))
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(not problems)
        return problems

    def _on_row_shown(self, problem: Problem) -> Problem:
        """A channel's problem, numbered as the row the user sees (unnamed rows count)."""
        if problem.row is None:
            return problem
        return Problem(self.tr("Channel %1: %2").replace(
            "%1", str(self.channel_editor.row_shown(problem.row))).replace(
            "%2", _(problem.field)), problem.message, None, problem.severity)
