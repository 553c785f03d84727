"""The Tickets page's Service settings (Ctrl+Shift+T): the same editor as the Settings page's
Service section, in a dialog of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.service_settings_editor import ServiceSettingsEditor


class ServiceSettingsDialog(QDialog):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Service settings"))
        self.editor = ServiceSettingsEditor(context, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(close)
        self.resize(1000, 680)
