"""The pages of the main window, in navigation order, imported only when a shop is attached.

Each entry names a QWidget subclass taking the ShopContext, the navigation group it sits in
(groups show in the order of their first page; a capability not built has no entry, so its
group does not show), and what the shell offers for it: File menu entries to start something
new or import, and the kinds of "search everything" hits it opens. A page may offer:
- `load()`: fill itself with data; called once the window shows (or when it is first opened),
- `badge_changed = Signal(str)`: a short count shown on its navigation item ("Alerts (12)"),
- `show_target(target)`: show the item another page asked for through
  `ShopContext.show_on_page` (Inventory takes a `SkuTarget`; a page that opens search hits
  takes the `SearchHit`).
Every page says which change areas it refreshes on (`refresh_on`, a frozenset of ChangeArea;
`ShopContext.listen` hands it only those changes), and a page whose content changes with time
alone follows `ShopContext.clock`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageAction:
    """A File menu entry for a page: "New product…", "Import orders…"."""

    label: str  # with its menu mnemonic ("&Import products…")
    # How it starts: the name of a method of the page (the page is shown first), or
    # "module:Class" of a dialog taking (context, parent) that the window opens.
    start: str
    shortcut: str = ""  # the page's own key for a method; a window-wide key for a dialog


@dataclass(frozen=True)
class StartOnPage:
    """Asks the window (ShopContext.show_on_page) to start a page's action as its File menu
    entry would: `start` is a method of the page or "module:Class" of a dialog."""

    start: str
    kind: str = "new"  # or "imports" (what a read-only shop's refusal says)


@dataclass(frozen=True)
class PageSpec:
    key: str  # the window's attribute for the page (window.listings)
    label: str
    module: str
    cls: str
    group: str  # its navigation heading; a group of one page named like it shows no heading
    load_at_start: bool = False  # else loaded the first time it is shown
    new: tuple[PageAction, ...] = ()  # File > New … entries
    imports: tuple[PageAction, ...] = ()  # File > Import … entries
    opens: tuple[str, ...] = ()  # the kinds of search hits (SearchHit.kind) its show_target takes


def window_text(text: str) -> str:
    """Marks a page's name, group or File menu entry for translation (lupdate reads it as
    QT_TR_NOOP: no context); the window shows it as `registry_text(text)`."""
    return text


def registry_text(text: str) -> str:
    """A text marked with window_text, in the window's language."""
    return QCoreApplication.translate("", text)


PAGES = (
    PageSpec("dashboard", window_text("Dashboard"), "ecdesk.views.dashboard.dashboard_page",
             "DashboardPage", window_text("Overview")),
    PageSpec("listings", window_text("Listings"), "ecdesk.views.catalog.listings_page",
             "ListingsPage", window_text("Sell"), load_at_start=True,
             new=(PageAction(window_text("New &product…"), "new_product", "Ctrl+Shift+N"),),
             imports=(PageAction(window_text("&Import products…"),
                                 "ecdesk.views.catalog.import_wizard:ImportWizard", "Ctrl+I"),),
             opens=("product",)),
    PageSpec("pricing", window_text("Pricing"), "ecdesk.views.pricing.pricing_page",
             "PricingPage", window_text("Sell"),
             new=(PageAction(window_text("New price &rule…"), "new_rule", "Ctrl+Shift+N"),),
             imports=(PageAction(window_text("Import &market prices…"), "import_market_prices",
                                 "Ctrl+Shift+M"),),
             opens=("price_rule",)),
    PageSpec("promotions", window_text("Promotions"), "ecdesk.views.promotions.promotions_page",
             "PromotionsPage", window_text("Sell"),
             new=(PageAction(window_text("New pro&motion…"), "new_promotion", "Ctrl+Shift+N"),),
             opens=("promotion",)),
    PageSpec("orders", window_text("Orders"), "ecdesk.views.orders.orders_page", "OrdersPage",
             window_text("Orders and service"),
             new=(PageAction(window_text("New or&der…"), "new_order", "Ctrl+Shift+N"),),
             imports=(PageAction(window_text("Import &orders…"),
                                 "ecdesk.views.orders.order_import_wizard:OrderImportWizard",
                                 "Ctrl+Shift+I"),),
             opens=("order",)),
    PageSpec("tickets", window_text("Tickets"), "ecdesk.views.tickets.tickets_page", "TicketsPage",
             window_text("Orders and service"),
             new=(PageAction(window_text("New &ticket…"), "new_ticket", "Ctrl+Shift+N"),),
             opens=("ticket",)),
    PageSpec("customers", window_text("Customers"), "ecdesk.views.customers.customers_page",
             "CustomersPage", window_text("Orders and service"), opens=("customer",)),
    PageSpec("inventory", window_text("Inventory"), "ecdesk.views.stock.inventory_page",
             "InventoryPage", window_text("Stock")),
    PageSpec("alerts", window_text("Alerts"), "ecdesk.views.stock.alerts_page", "AlertsPage",
             window_text("Stock")),
    PageSpec("suppliers", window_text("Suppliers"), "ecdesk.views.suppliers.suppliers_page",
             "SuppliersPage", window_text("Stock"),
             new=(PageAction(window_text("New &supplier…"), "new_supplier", "Ctrl+Shift+N"),),
             opens=("supplier",)),
    PageSpec("purchasing", window_text("Purchasing"), "ecdesk.views.purchasing.purchasing_page",
             "PurchasingPage", window_text("Stock"),
             new=(PageAction(window_text("New purchase order…"), "new_order", "Ctrl+Shift+N"),),
             opens=("purchase_order",)),
    PageSpec("reports", window_text("Reports"), "ecdesk.views.reports.reports_page",
             "ReportsPage", window_text("Reports")),
    PageSpec("settings_page", window_text("Settings"), "ecdesk.views.settings.settings_page",
             "SettingsPage", window_text("Settings")),
)


@dataclass(frozen=True)
class SettingsSection:
    """A capability's settings shown as a tab of the Settings page: a QWidget taking
    (context, parent), the same editor its own page may open in a dialog."""

    label: str
    module: str
    cls: str


# The Settings page imports no capability's views: it builds these by name.
SETTINGS_SECTIONS = (
    SettingsSection(window_text("Service"), "ecdesk.views.tickets.service_settings_editor",
                    "ServiceSettingsEditor"),
)


def section_class(section: SettingsSection) -> type[QWidget]:
    return getattr(import_module(section.module), section.cls)  # type: ignore[no-any-return]


DEFAULT_PAGE = "dashboard"  # a new user starts here; afterwards, on the page last used


def page_row(key: str) -> int:
    return next(row for row, spec in enumerate(PAGES) if spec.key == key)


def page_class(spec: PageSpec) -> type[QWidget]:
    return getattr(import_module(spec.module), spec.cls)  # type: ignore[no-any-return]


def dialog_class(action: PageAction) -> type[QWidget]:
    """The dialog a "module:Class" action opens."""
    module, name = action.start.split(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def group_headings(specs: tuple[PageSpec, ...] | list[PageSpec]) -> list[str]:
    """For each page, the heading shown above it in the navigation: its group's name on the
    first page of a group, "" elsewhere and for a group of one page named like the page."""
    headings, previous = [], None
    for spec in specs:
        members = [s for s in specs if s.group == spec.group]
        alone = len(members) == 1 and spec.label == spec.group
        headings.append("" if spec.group == previous or alone else spec.group)
        previous = spec.group
    return headings
