"""Settings > Language: 简体中文 or English for the window, its messages and new reports.

The choice belongs to this computer's user, not to the shop (two people can open one shop in
their own languages), so it is kept with the window settings. It applies at the next start:
every text is translated as its widget is built.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QWidget

from ecdesk.i18n import CHINESE, ENGLISH, LANGUAGE_NAMES, LANGUAGES, current_language
from ecdesk.views.shell.languages import app_settings, choose_language, chosen_language

# The restart note in the language just chosen, whatever the window's (not looked up: the
# window's catalogue is in its own language).
RESTART_NOTES = {CHINESE: "重新启动 ecdesk 后生效。", ENGLISH: "Applies when ecdesk starts again."}


class LanguageBox(QGroupBox):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.settings = settings or app_settings()
        self.choice = QComboBox()
        for code in LANGUAGES:
            self.choice.addItem(LANGUAGE_NAMES[code], code)
        self.choice.setCurrentIndex(self.choice.findData(chosen_language(self.settings)))
        self.note = QLabel(wordWrap=True)
        row = QHBoxLayout(self)
        row.addWidget(self.choice)
        row.addWidget(self.note, 1)
        self.choice.currentIndexChanged.connect(self._chosen)
        self._show_note()

    def _chosen(self, _index: int) -> None:
        choose_language(self.settings, self.choice.currentData())
        self._show_note()

    def _show_note(self) -> None:
        """Say that a new choice waits for a restart (in both languages: the person choosing
        may not read the one the window is in)."""
        chosen = self.choice.currentData()
        if chosen == current_language():
            self.note.setText(self.tr("Menus, pages, messages and new reports."))
        else:
            restart = self.tr("Applies when ecdesk starts again.")
            self.note.setText(restart if restart == RESTART_NOTES[chosen]
                              else f"{restart} / {RESTART_NOTES[chosen]}")
