"""A scope's value with suggestions (a price rule's or a promotion's "applies to"): as the user
types, the category paths, tags, brands, product titles or SKUs of the chosen scope that
contain the text, asked for after a short pause, a few at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

SUGGEST_DELAY_MS = 120
Suggest = Callable[[str], list[str]]  # the typed text -> values of the current scope


def attach_scope_completer(edit: QLineEdit, suggest: Suggest) -> QCompleter:
    """Give `edit` a completer that asks `suggest` after each pause in typing."""
    model = QStringListModel(edit)
    completer = QCompleter(model, edit)
    # The service already matched; the completer must not filter its answer again.
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    edit.setCompleter(completer)
    timer = QTimer(edit, singleShot=True, interval=SUGGEST_DELAY_MS)

    def refresh() -> None:
        values = suggest(edit.text())
        model.setStringList(values)
        if values and edit.hasFocus():
            completer.complete()

    timer.timeout.connect(refresh)
    edit.textEdited.connect(lambda _text: timer.start())
    return completer
