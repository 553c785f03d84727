"""What every page shares: the open shop, its settings, the one "something changed" signal and
the requests to show something on another page.

Pages never call each other: a write returns a `Changed` value, `ShopContext.changed` broadcasts
it, and each page decides whether it needs to refresh. A page that wants the owner taken to an
item elsewhere ("Show in Inventory") asks `show_on_page`; the main window switches to that page
and hands it the target (its `show_target`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ecdesk.db import Database, UnitOfWork
from ecdesk.errors import EcdeskError, ValidationError
from ecdesk.services.changes import Changed
from ecdesk.services.settings import ShopSettings, get_settings


@dataclass(frozen=True)
class SkuTarget:
    """A SKU to show: its id to find it, its code to search for it when it is not loaded."""

    variant_id: int
    sku: str


class ShopContext(QObject):
    changed = Signal(object)  # a Changed value
    status_message = Signal(str)
    page_requested = Signal(str, object)  # a page key (views.pages) and what to show on it

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings: ShopSettings = get_settings(self.uow())

    def uow(self) -> UnitOfWork:
        return self.db.uow("gui")

    @property
    def zone(self) -> ZoneInfo:
        """The shop's time zone: every day and time the pages show is in it."""
        return ZoneInfo(self.settings.timezone)

    def show_on_page(self, page_key: str, target: object) -> None:
        """Ask the window to open the page `page_key` at `target` (e.g. a SkuTarget)."""
        self.page_requested.emit(page_key, target)

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
