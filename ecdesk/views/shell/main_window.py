"""The main window: navigation, pages, menus, global search, status bar, remembered geometry.

The window is built in two steps so that it paints before the slow imports: the shell (menus,
navigation, search box) needs only Qt; `attach` then brings the shop's pages, whose modules pull
in SQLAlchemy and the services (about 0.7 s of imports on a slow disk).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ecdesk import __version__
from ecdesk.config import data_dir

if TYPE_CHECKING:
    from ecdesk.services.catalog.dto import SearchHit
    from ecdesk.services.catalog.first_rows import FirstRows
    from ecdesk.views.catalog.listings_page import ListingsPage
    from ecdesk.views.settings.settings_page import SettingsPage
    from ecdesk.views.shell.shop_context import ShopContext

MAX_RECENT = 8
SEARCH_DELAY_MS = 200


class MainWindow(QMainWindow):
    shop_requested = Signal(Path)  # File > Open / New / Recent: the app opens it
    restore_requested = Signal(Path)  # File > Restore, confirmed: the app restores this backup
    listings: ListingsPage  # each page of views.pages.PAGES is an attribute named by its key
    settings_page: SettingsPage
    _first_rows_page: ListingsPage | None = None  # shown by show_first_rows, taken by attach
    opening_page: str | None = None  # a page key that overrides the remembered one

    def __init__(self, context: ShopContext | None, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: ShopContext | None = None
        self.settings = settings
        self._hits: list[SearchHit] = []
        self.setWindowTitle("ecdesk")
        self._build_layout()
        self._build_search()
        self._build_menus()
        self._shop_label = QLabel()
        self.statusBar().addPermanentWidget(self._shop_label)
        self._restore_geometry()
        if context is not None:
            self.attach(context)

    # -- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setMaximumWidth(220)
        self.pages = QStackedWidget()
        self._opening = QLabel(self.tr("Opening the shop…"))
        self.pages.addWidget(self._opening)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1100])
        self.setCentralWidget(self.splitter)

    def attach(self, context: ShopContext) -> None:
        """Show the shop: build its pages and connect them to the shop's change signal."""
        from ecdesk.views.shell.pages import PAGES, page_class, page_row

        self.context = context
        self.page_specs = PAGES
        self._loaded: set[int] = set()
        self.pages.removeWidget(self._opening)
        self._opening.deleteLater()
        for row, spec in enumerate(PAGES):
            page = self._take_first_rows_page(spec.key, context) or page_class(spec)(context)
            setattr(self, spec.key, page)
            label = self.tr(spec.label)
            self.navigation.addItem(label)
            self.pages.addWidget(page)
            badge = getattr(page, "badge_changed", None)
            if badge is not None:
                badge.connect(lambda text, r=row, name=label: self._show_badge(r, name, text))
            self._action(self.go_menu, label,
                         lambda _=False, r=row: self.navigation.setCurrentRow(r),
                         QKeySequence(f"Ctrl+{row + 1}") if row < 9 else None)
        self.navigation.currentRowChanged.connect(self._load_page)
        self.navigation.setCurrentRow(page_row(self.start_page()))
        self.navigation.currentRowChanged.connect(self._remember_page)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        context.changed.connect(self._on_changed)
        context.page_requested.connect(self.show_target)
        self._on_changed(None)
        self._remember_shop(context.db.path)

    def show_first_rows(self, first: FirstRows) -> ListingsPage:
        """Show the Listings page with the shop's first rows while the shop is being opened;
        `attach` then takes that page over (its rows stay) instead of building another."""
        from ecdesk.views.catalog.listings_page import ListingsPage

        page = ListingsPage(None)
        page.show_first_rows(first)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self._first_rows_page = page
        return page

    def _take_first_rows_page(self, key: str, context: ShopContext) -> ListingsPage | None:
        page = self._first_rows_page
        if key != "listings" or page is None:
            return None
        self._first_rows_page = None
        self.pages.removeWidget(page)  # added back in navigation order
        page.bind(context)
        return page

    def start_page(self) -> str:
        """The page the window opens on: the one last used, else the Dashboard."""
        from ecdesk.views.shell.pages import DEFAULT_PAGE, PAGES

        key = self.opening_page or self.settings.value("main_window/page", DEFAULT_PAGE)
        return key if any(spec.key == key for spec in PAGES) else DEFAULT_PAGE

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.page_specs):
            self.settings.setValue("main_window/page", self.page_specs[row].key)

    def show_page(self, key: str) -> None:
        from ecdesk.views.shell.pages import page_row

        self.navigation.setCurrentRow(page_row(key))

    def show_target(self, key: str, target: object) -> None:
        """A page asked for something on another ("Show in Inventory"): switch to that page
        (which loads it the first time) and hand it the target."""
        if not any(spec.key == key for spec in self.page_specs):
            return
        self.show_page(key)
        show = getattr(getattr(self, key), "show_target", None)
        if show is not None:
            show(target)

    def _show_badge(self, row: int, label: str, text: str) -> None:
        self.navigation.item(row).setText(f"{label} ({text})" if text else label)

    def _load_page(self, row: int) -> None:
        """Fill a page the first time it is shown (pages at start are filled by load_pages)."""
        if row < 0 or row in self._loaded or self.context is None:
            return
        self._loaded.add(row)
        load = getattr(self.pages.widget(row), "load", None)
        if load is not None and not self.page_specs[row].load_at_start:
            load()

    def _build_search(self) -> None:
        toolbar = QToolBar(self.tr("Search"), objectName="search_toolbar", movable=False)
        self.global_search = QLineEdit(placeholderText=self.tr("Search everything (Ctrl+K)"))
        self.global_search.setClearButtonEnabled(True)
        self.global_search.setMaximumWidth(420)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # Unfiltered completion: the popup's rows are the hits' rows.
        completer.activated[QModelIndex].connect(  # type: ignore[index]
            lambda index: self._open_hit(index.row()))
        self.global_search.setCompleter(completer)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._update_hits)
        self.global_search.textEdited.connect(lambda _text: self._search_timer.start())
        self.global_search.returnPressed.connect(self._show_in_listings)
        toolbar.addWidget(self.global_search)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New shop…"), self.new_shop, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open shop…"), self.open_shop,
                     QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Back up now…"), self.back_up_now, QKeySequence("Ctrl+B"))
        self._action(file_menu, self.tr("&Restore a backup…"), self.choose_backup)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import products…"), self.import_products,
                     QKeySequence("Ctrl+I"))
        self._action(file_menu, self.tr("Import &orders…"), self.import_orders,
                     QKeySequence("Ctrl+Shift+I"))
        self._action(file_menu, self.tr("&Export products…"), self.export_products,
                     QKeySequence("Ctrl+E"))
        self._action(file_menu, self.tr("Save import &template…"), self.save_import_template)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self._action(self.go_menu, self.tr("Search everything"), self.focus_global_search,
                     QKeySequence("Ctrl+K"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About ecdesk"), self.about)

    def _action(self, menu: object, text: str, slot: Callable[..., object],
                shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- behaviour -------------------------------------------------------------------------
    def load_pages(self) -> None:
        """Fill the start-up pages with data; called once the window shows."""
        for row, spec in enumerate(self.page_specs):
            if spec.load_at_start:
                self._loaded.add(row)
                self.pages.widget(row).load()  # type: ignore[attr-defined]

    def _on_changed(self, change: object) -> None:
        assert self.context is not None
        name = self.context.settings.shop_name
        mode = self.tr(" (read-only)") if self.context.db.read_only else ""
        self.setWindowTitle(f"{name or 'ecdesk'}{mode} — ecdesk")
        self._shop_label.setText(f"{name} · {self.context.db.path}")

    def focus_global_search(self) -> None:
        self.global_search.setFocus()
        self.global_search.selectAll()

    def _update_hits(self) -> None:
        from ecdesk.services.catalog.queries import search_everything

        if self.context is None:
            return
        self._hits = search_everything(self.context.uow(), self.global_search.text())
        self._completions.setStringList([hit.label for hit in self._hits])
        if self._hits and self.global_search.hasFocus():
            self.global_search.completer().complete()

    def _open_hit(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            hit = self._hits[row]
            self.show_page("listings")
            self.listings.edit_product(hit.id)

    def _show_in_listings(self) -> None:
        if self.context is None:
            return
        self.show_page("listings")
        self.listings.set_search(self.global_search.text())

    def open_shop(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open shop"), str(self._shop_folder()),
            self.tr("ecdesk shops (*.ecdesk *.sqlite *.db);;All files (*)"))
        if path:
            self.shop_requested.emit(Path(path))

    def new_shop(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New shop"), str(self._shop_folder() / "new-shop.ecdesk"),
            self.tr("ecdesk shops (*.ecdesk)"))
        if path:
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("New shop"),
                                    self.tr("%s already exists; use File > Open shop.") % path)
                return
            self.shop_requested.emit(Path(path))

    def back_up_now(self) -> None:
        """Write a verified backup to a folder the user picks (a USB stick, a cloud folder),
        on a worker: copying and checking a large shop takes seconds (Cancel keeps no copy)."""
        from ecdesk.views.shell.backup_dialogs import start_backup

        if self.context is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to which folder?"),
                                                  str(self._shop_folder()))
        if folder:
            start_backup(self, self.context, Path(folder))

    def choose_backup(self) -> None:
        """Pick a backup, see what it holds against the current shop, and confirm."""
        from ecdesk.errors import EcdeskError
        from ecdesk.services.shop_file.backups import backups_dir, describe
        from ecdesk.views.shell.backup_dialogs import RestoreDialog

        if self.context is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore which backup?"), str(backups_dir(self.context.db.path)),
            self.tr("ecdesk shops and backups (*.ecdesk *.sqlite);;All files (*)"))
        if not path:
            return
        try:
            dialog = RestoreDialog(describe(Path(path)), describe(self.context.db.path), self)
        except EcdeskError as error:
            QMessageBox.warning(self, self.tr("Restore"), str(error))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.restore_requested.emit(Path(path))

    def import_products(self) -> None:
        """File > Import products: the wizard (it broadcasts the change when it imports)."""
        from ecdesk.views.catalog.import_wizard import ImportWizard

        if self.context is None:
            return
        if self.context.db.read_only:
            QMessageBox.information(self, self.tr("Import products"),
                                    self.tr("This shop is open read-only: nothing can be "
                                            "imported into it."))
            return
        wizard = ImportWizard(self.context, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def import_orders(self) -> None:
        """File > Import orders: the wizard (it broadcasts the change when it imports)."""
        from ecdesk.views.orders.order_import_wizard import open_order_import

        if self.context is not None:
            open_order_import(self, self.context)

    def export_products(self) -> None:
        from ecdesk.views.catalog.export_dialog import ExportDialog

        if self.context is None:
            return
        dialog = ExportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def save_import_template(self) -> None:
        """Write the ecdesk template (headers, this shop's channels, one example row)."""
        from ecdesk.services.channels import list_channels
        from ecdesk.views.catalog.export_dialog import write_import_template

        if self.context is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save import template"),
            str(self._shop_folder() / "ecdesk-import-template.csv"), self.tr("CSV (*.csv)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".csv") else Path(path + ".csv")
        try:
            write_import_template(target, [c.name for c in list_channels(self.context.uow())])
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save import template"),
                                self.tr("The template could not be saved: %s") % error.strerror)
            return
        self.statusBar().showMessage(self.tr("Import template saved to %s") % target, 8000)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_shops():
            self.recent_menu.addAction(path).triggered.connect(
                lambda _=False, p=path: self.shop_requested.emit(Path(p)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def recent_shops(self) -> list[str]:
        value = self.settings.value("recent_shops", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if Path(p).exists()]

    def _remember_shop(self, path: Path) -> None:
        recent = [str(path), *[p for p in self.recent_shops() if p != str(path)]]
        self.settings.setValue("recent_shops", recent[:MAX_RECENT])

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About ecdesk"),
            self.tr("ecdesk %s\nOffline store management for small multi-marketplace shops.\n"
                    "Your data stays in one file you own:\n%s")
            % (__version__, self.context.db.path if self.context else ""))

    def _shop_folder(self) -> Path:
        return self.context.db.path.parent if self.context else data_dir()

    # -- geometry --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
