"""The reply box: canned replies come in while typing.

Typing "/" and the start of a canned reply's title offers the replies whose title starts so (a
completer popup); choosing one replaces the "/…" with the reply, its placeholders ({customer},
{order}, {sku}, {ticket}, {today}, {due}) filled from the ticket by the service's `fill`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QWidget

from ecdesk.services.tickets.canned import fill
from ecdesk.services.tickets.dto import CannedReplyRow

TRIGGER = re.compile(r"(?:^|\s)/(\S*)$")


class ReplyBox(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Write a reply… type / and a canned reply's title to "
                                        "insert it"))
        self._replies: dict[str, CannedReplyRow] = {}
        self._values: dict[str, str] = {}
        self._titles = QStringListModel(self)
        self.completer = QCompleter(self._titles, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self.insert_reply)
        self.textChanged.connect(self._offer)

    def set_replies(self, replies: list[CannedReplyRow], values: dict[str, str]) -> None:
        """The canned replies to offer and what their placeholders stand for on this ticket."""
        self._replies = {reply.title: reply for reply in replies}
        self._titles.setStringList(list(self._replies))
        self._values = values

    def _typed_prefix(self) -> str | None:
        cursor = self.textCursor()
        before = self.toPlainText()[:cursor.position()]
        match = TRIGGER.search(before)
        return match.group(1) if match else None

    def _offer(self) -> None:
        prefix = self._typed_prefix()
        if prefix is None or not self._replies:
            self.completer.popup().hide()
            return
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0:
            self.completer.popup().hide()
            return
        rect = self.cursorRect()
        rect.setWidth(320)
        self.completer.complete(rect)

    def insert_reply(self, title: str) -> None:
        """Replace the typed "/prefix" with the reply `title`, its placeholders filled."""
        reply = self._replies.get(title)
        prefix = self._typed_prefix()
        if reply is None or prefix is None:
            return
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(prefix) + 1)
        cursor.insertText(fill(reply.body, self._values))
        self.setTextCursor(cursor)
        self.completer.popup().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                 Qt.Key.Key_Tab):
            index = popup.currentIndex()
            if not index.isValid():
                index = self.completer.completionModel().index(0, 0)
            self.insert_reply(index.data())
            return
        super().keyPressEvent(event)
