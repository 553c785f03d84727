"""SKU entry with suggestions: the popup shows "SKU · product · price", picking one enters the SKU.

Suggestions come from the catalog as the user types (after a short pause), a few at a time, so
the completer never holds the whole catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ecdesk.services.orders.form_queries import SkuChoice
from ecdesk.views.widgets.locale_format import amount

SUGGEST_DELAY_MS = 120
Suggest = Callable[[str], list[SkuChoice]]
AnyIndex = QModelIndex | QPersistentModelIndex


class SkuSuggestions(QAbstractListModel):
    """A handful of SKU choices: displayed with title and price, completed as the bare SKU."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[SkuChoice] = []

    def set_choices(self, choices: list[SkuChoice]) -> None:
        self.beginResetModel()
        self.choices = choices
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{choice.sku} · {choice.title} · {amount(choice.price)}"
        if role == Qt.ItemDataRole.EditRole:
            return choice.sku
        return None


def attach_sku_completer(edit: QLineEdit, suggest: Suggest) -> QCompleter:
    """Give `edit` a completer that asks `suggest` for SKUs after each pause in typing."""
    model = SkuSuggestions(edit)
    completer = QCompleter(model, edit)
    completer.setCompletionRole(Qt.ItemDataRole.EditRole)
    # The service already matched prefix and title words; the completer must not filter again.
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.popup().setMinimumWidth(560)
    edit.setCompleter(completer)
    timer = QTimer(edit, singleShot=True, interval=SUGGEST_DELAY_MS)

    def refresh() -> None:
        model.set_choices(suggest(edit.text()))
        if model.choices and edit.hasFocus():
            completer.complete()

    timer.timeout.connect(refresh)
    edit.textEdited.connect(lambda _text: timer.start())
    return completer


class SkuDelegate(QStyledItemDelegate):
    """The SKU column's editor: a line edit with SKU suggestions."""

    def __init__(self, suggest: Suggest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        edit = QLineEdit(parent)
        attach_sku_completer(edit, self._suggest)
        return edit

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)
