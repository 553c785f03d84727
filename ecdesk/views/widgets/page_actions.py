"""A page's keyboard actions, made one way so that every page's keys behave alike.

A page's keys fire while the focus is inside the page (WidgetWithChildrenShortcut), so the same
key can mean "new" on every page (Ctrl+Shift+N); the shell puts the focus in a page when it
switches to it. The tooltip names the key as the system writes it (⌘ on macOS).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence | QKeySequence.StandardKey


def page_action(page: QWidget, text: str, keys: Keys, slot: Callable[..., object],
                *also: QWidget) -> QAction:
    """An action of `page` for `keys`, also shown on `also` (a toolbar, a table's context menu);
    without `text` it is a shortcut only."""
    action = QAction(text, page)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if text:
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({shown})")
    action.triggered.connect(slot)
    page.addAction(action)
    for widget in also:
        widget.addAction(action)
    return action
