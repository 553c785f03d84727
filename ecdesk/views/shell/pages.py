"""The pages of the main window, in navigation order, imported only when a shop is attached.

Each entry names a QWidget subclass taking the ShopContext. A page may offer:
- `load()`: fill itself with data; called once the window shows (or when it is first opened),
- `badge_changed = Signal(str)`: a short count shown on its navigation item ("Alerts (12)"),
- `show_target(target)`: show the item another page asked for through
  `ShopContext.show_on_page` (Inventory takes a `SkuTarget`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str  # the window's attribute for the page (window.listings)
    label: str
    module: str
    cls: str
    load_at_start: bool = False  # else loaded the first time it is shown


PAGES = (
    PageSpec("dashboard", "Dashboard", "ecdesk.views.dashboard.dashboard_page", "DashboardPage"),
    PageSpec("listings", "Listings", "ecdesk.views.catalog.listings_page", "ListingsPage",
             load_at_start=True),
    PageSpec("orders", "Orders", "ecdesk.views.orders.orders_page", "OrdersPage"),
    PageSpec("inventory", "Inventory", "ecdesk.views.stock.inventory_page", "InventoryPage"),
    PageSpec("alerts", "Alerts", "ecdesk.views.stock.alerts_page", "AlertsPage"),
    PageSpec("reports", "Reports", "ecdesk.views.reports.reports_page", "ReportsPage"),
    PageSpec("settings_page", "Settings", "ecdesk.views.settings.settings_page", "SettingsPage"),
)


DEFAULT_PAGE = "dashboard"  # a new user starts here; afterwards, on the page last used


def page_row(key: str) -> int:
    return next(row for row, spec in enumerate(PAGES) if spec.key == key)


def page_class(spec: PageSpec) -> type[QWidget]:
    return getattr(import_module(spec.module), spec.cls)  # type: ignore[no-any-return]
