"""What every page shares: the open shop, its settings, and the one "something changed" signal.

Pages never call each other: a write returns a `Changed` value, `ShopContext.changed` broadcasts
it, and each page decides whether it needs to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ecdesk.db import Database, UnitOfWork
from ecdesk.errors import EcdeskError, ValidationError
from ecdesk.services.changes import Changed
from ecdesk.services.settings import ShopSettings, get_settings


class ShopContext(QObject):
    changed = Signal(object)  # a Changed value
    status_message = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings: ShopSettings = get_settings(self.uow())

    def uow(self) -> UnitOfWork:
        return self.db.uow("gui")

    def write(self, parent: QWidget, action: Callable[..., Changed], *args: Any,
              **kwargs: Any) -> Changed | None:
        """Run a service write; on success broadcast it, on refusal explain it to the user."""
        try:
            result = action(self.uow(), *args, **kwargs)
        except ValidationError as error:
            inline = getattr(parent, "show_refused", None)  # a form marking its own fields
            if callable(inline):
                inline(error.problems)
            else:
                show_problems(parent, error)
            return None
        except EcdeskError as error:
            QMessageBox.warning(parent, parent.tr("Not saved"), str(error))
            return None
        if "settings" in result.areas:
            self.settings = get_settings(self.uow())
        self.changed.emit(result)
        if result.message:
            self.status_message.emit(result.message)
        return result


def show_problems(parent: QWidget, error: ValidationError) -> None:
    lines = "\n".join(f"• {problem}" for problem in error.problems)
    QMessageBox.warning(parent, parent.tr("Please check"), lines)
