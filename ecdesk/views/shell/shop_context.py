"""What every page shares: the open shop, its settings, the one "something changed" signal and
the requests to show something on another page.

Pages never call each other: a write returns a `Changed` value, `ShopContext.changed` broadcasts
it, and `listen` hands each page the changes that touch the areas it declares (`refresh_on`).
Pages whose content changes with time alone follow `clock` (views/shell/shop_clock.py). A page
that wants the owner taken to an item elsewhere ("Show in Inventory") asks `show_on_page`; the
main window switches to that page and hands it the target (its `show_target`). Long writes
(imports, the stock count, a backup) go through `run_operation`: the service runs on a worker
and its own Changed is broadcast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from weakref import WeakMethod
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ecdesk.db import Database, UnitOfWork
from ecdesk.errors import EcdeskError
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.settings import ShopSettings, get_settings
from ecdesk.views.shell.shop_clock import ShopClock
from ecdesk.views.widgets.operations import Operation, explain_refusal
from ecdesk.views.widgets.workers import Work


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
        self.clock = ShopClock(self.zone, self)

    def uow(self) -> UnitOfWork:
        return self.db.uow("gui")

    def close(self) -> None:
        """The shop file is being closed: time stops for its pages."""
        self.clock.stop()

    @property
    def zone(self) -> ZoneInfo:
        """The shop's time zone: every day and time the pages show is in it."""
        return ZoneInfo(self.settings.timezone)

    def listen(self, listener: QObject, slot: Callable[[Changed], None]) -> None:
        """Call `slot` with each change that touches one of `listener.refresh_on`'s areas, for
        as long as `listener` lives."""
        self.changed.connect(_AreaRelay(listener, slot).relay)

    def show_on_page(self, page_key: str, target: object) -> None:
        """Ask the window to open the page `page_key` at `target` (e.g. a SkuTarget)."""
        self.page_requested.emit(page_key, target)

    def write(self, parent: QWidget, action: Callable[..., Changed], *args: Any,
              **kwargs: Any) -> Changed | None:
        """Run a service write; on success broadcast it, on refusal explain it to the user."""
        try:
            result = action(self.uow(), *args, **kwargs)
        except EcdeskError as error:
            explain_refusal(parent, error, QCoreApplication.translate("ShopContext", "Not saved"))
            return None
        self.broadcast(result)
        return result

    def run_operation(self, parent: QWidget, title: str, work: Work,
                      on_done: Callable[[Any], None] | None = None, **options: Any) -> Operation:
        """Run `work(progress)` (a service call that opens its own unit of work) on a worker,
        with progress and Cancel; broadcast the `.changed` of its result, then `on_done(result)`.
        A refusal is explained in the service's words. `options`: see `Operation`."""
        return Operation(self, parent, title, work, self.broadcast, on_done, **options).start()

    def broadcast(self, change: Changed) -> None:
        """Tell every page what a write changed (and the owner what it did)."""
        if ChangeArea.SETTINGS in change.areas:
            self.settings = get_settings(self.uow())
            self.clock.set_zone(self.zone)
        self.changed.emit(change)
        if change.message:
            self.status_message.emit(change.message)


class _AreaRelay(QObject):
    """Hands a listener the changes of its areas; a child of the listener, so that Qt ends the
    connection when the listener goes (a plain lambda would call a deleted page)."""

    def __init__(self, listener: QObject, slot: Callable[[Changed], None]) -> None:
        super().__init__(listener)
        self._areas: frozenset[ChangeArea] = listener.refresh_on  # type: ignore[attr-defined]
        # Weakly: the listener owns this relay, and a strong reference back would keep a closed
        # page alive for as long as the shop is open.
        self._slot = WeakMethod(slot)

    def relay(self, change: Changed) -> None:
        slot = self._slot()
        if slot is not None and change.touches(self._areas):
            slot(change)
