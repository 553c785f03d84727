"""The user guide, offline: one Markdown page per capability and language under resources/help
(resources/help/README.md), shown in a QTextBrowser; F1 opens the page of the page on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from ecdesk.config import resource_path
from ecdesk.i18n import ENGLISH, current_language
from ecdesk.views.shell.pages import PAGES, registry_text

INDEX = "index"


def help_file(topic: str, language: str | None = None) -> Path | None:
    """The guide's page for `topic` in the language, else in English, else None."""
    for code in (language or current_language(), ENGLISH):
        path = resource_path("help", code, f"{topic}.md")
        if path.is_file():
            return path
    return None


class HelpDialog(QDialog):
    def __init__(self, topic: str = INDEX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ecdesk user guide"))
        self.resize(880, 600)
        self.topics = QListWidget()
        self.topics.setMaximumWidth(200)
        self.browser = QTextBrowser(openExternalLinks=False)
        for key, label in [(INDEX, self.tr("Start and shortcuts")),
                           *((spec.key, registry_text(spec.label)) for spec in PAGES)]:
            if help_file(key) is not None:
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.topics.addItem(item)
        layout = QHBoxLayout(self)
        layout.addWidget(self.topics)
        layout.addWidget(self.browser, 1)
        self.topics.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        """The topic's page; a capability without a page of its own opens the start page."""
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                self.topics.setCurrentRow(row)
                return
        self.topics.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        path = help_file(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self.browser.setMarkdown(path.read_text(encoding="utf-8") if path else "")

    @property
    def topic(self) -> str:
        item = self.topics.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
