"""The main window: navigation, pages, menus, global search, status bar, remembered geometry.

The window is built in two steps so that it paints before the slow imports: the shell (menus,
navigation, search box) needs only Qt and the page registry (views/shell/pages.py); `attach`
then brings the shop's pages, whose modules pull in SQLAlchemy and the services (about 0.7 s of
imports on a slow disk).

Switching to a page by key (Ctrl+1 …, Go to page…, a search hit, "Show in …") puts the keyboard
focus in that page: its shortcuts are bound to the page and its children
(WidgetWithChildrenShortcut), so while the focus stayed in the navigation list Ctrl+Shift+N
did nothing until the page was clicked. Arrowing through the navigation list keeps the focus
there; a click or Enter on an item moves it into the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk import __version__
from ecdesk.config import data_dir
from ecdesk.i18n import _
from ecdesk.views.shell.navigation import NavigationList
from ecdesk.views.shell.pages import (
    DEFAULT_PAGE,
    PAGES,
    PageAction,
    PageSpec,
    StartOnPage,
    dialog_class,
    group_headings,
    page_class,
    page_row,
    registry_text,
)

if TYPE_CHECKING:
    from ecdesk.services.catalog.first_rows import FirstRows
    from ecdesk.services.common.search_registry import SearchGroup, SearchHit
    from ecdesk.services.shop_file.backups import RestorePreview
    from ecdesk.views.catalog.listings_page import ListingsPage
    from ecdesk.views.settings.settings_page import SettingsPage
    from ecdesk.views.shell.shop_context import ShopContext

MAX_RECENT = 8
SEARCH_DELAY_MS = 200
MAX_POPUP_ROWS = 18  # two groups of eight hits and their headings, without scrolling


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
        self._hits: list[SearchHit] = []  # every hit shown, in the popup's order
        self._hit_rows: list[SearchHit | None] = []  # per popup row: its hit (None: a heading)
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
        self.navigation = NavigationList()
        self.pages = QStackedWidget()
        self._opening = QLabel(self.tr("Opening the shop…"))
        self.pages.addWidget(self._opening)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1100])
        # Above every page while the shop is open read-only: the title bar alone was missed.
        self.read_only_banner = QLabel(wordWrap=True, visible=False)
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; padding: 6px 10px; "
            "border-bottom: 1px solid #e0c36a; }")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def attach(self, context: ShopContext) -> None:
        """Show the shop: build its pages and connect them to the shop's change signal."""
        self.context = context
        self.page_specs = PAGES
        self._loaded: set[int] = set()
        self.pages.removeWidget(self._opening)
        self._opening.deleteLater()
        for row, (spec, heading) in enumerate(zip(PAGES, group_headings(PAGES), strict=True)):
            page = self._take_first_rows_page(spec.key, context) or page_class(spec)(context)
            setattr(self, spec.key, page)
            label = registry_text(spec.label)
            grouped = spec.group != spec.label or heading != ""
            self.navigation.add_page(label, registry_text(heading), grouped)
            self.pages.addWidget(page)
            badge = getattr(page, "badge_changed", None)
            if badge is not None:
                badge.connect(lambda text, r=row, name=label: self._show_badge(r, name, text))
            self._action(self.go_menu, label, lambda _=False, r=row: self.switch_to_row(r),
                         QKeySequence(f"Ctrl+{row + 1}") if row < 9 else None)
        self.navigation.currentRowChanged.connect(self._load_page)
        self.navigation.setCurrentRow(page_row(self.start_page()))
        self.navigation.currentRowChanged.connect(self._remember_page)
        self.navigation.clicked.connect(lambda _index: self._focus_page())
        self.navigation.activated.connect(lambda _index: self._focus_page())
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        context.changed.connect(self._on_changed)
        context.page_requested.connect(self.show_target)
        self._on_changed(None)
        self._remember_shop(context.db.path)
        self.read_only_banner.setText(self.tr(
            "Read-only: this shop is open elsewhere, or its file, folder or drive cannot be "
            "written. You can look everything up; changes cannot be saved."))
        self.read_only_banner.setVisible(context.db.read_only)

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
        key = self.opening_page or self.settings.value("main_window/page", DEFAULT_PAGE)
        return key if any(spec.key == key for spec in PAGES) else DEFAULT_PAGE

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.page_specs):
            self.settings.setValue("main_window/page", self.page_specs[row].key)

    def show_page(self, key: str) -> None:
        self.switch_to_row(page_row(key))

    def switch_to_row(self, row: int) -> None:
        """Show page `row` with the keyboard focus in it, so that its shortcuts work at once."""
        self.navigation.setCurrentRow(row)
        self._focus_page()

    def _focus_page(self) -> None:
        """Focus the widget last focused in the current page, else its first focusable one."""
        page = self.pages.currentWidget()
        if page is None or page.isAncestorOf(QApplication.focusWidget()):
            return
        last = page.focusWidget()
        if last is not None and last.isVisibleTo(page) and last.isEnabled():
            last.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None and page.isAncestorOf(widget):
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page)
                    and widget.isEnabled()):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_page(self) -> None:
        """Go to page… : every page by name and group, Enter to go."""
        from ecdesk.views.shell.page_palette import PagePalette

        if self.context is None:
            return
        palette = PagePalette([(spec.key, registry_text(spec.label), registry_text(spec.group))
                               for spec in self.page_specs], self)
        if palette.exec() == QDialog.DialogCode.Accepted and palette.chosen is not None:
            self.show_page(palette.chosen)

    def show_target(self, key: str, target: object) -> None:
        """A page asked for something on another ("Show in Inventory"): switch to that page
        (which loads it the first time) and hand it the target."""
        spec = next((spec for spec in self.page_specs if spec.key == key), None)
        if spec is None:
            return
        if isinstance(target, StartOnPage):  # (the Dashboard's first steps)
            self.start(spec, PageAction("", target.start), target.kind)
            return
        self.show_page(key)
        show = getattr(getattr(self, key), "show_target", None)
        if show is not None:
            show(target)
        self._focus_page()  # (the page may have moved the focus to the item it showed)

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
        self._completions = QStandardItemModel(self)  # (a few dozen rows at most)
        completer = QCompleter(self._completions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(MAX_POPUP_ROWS)
        # Unfiltered completion: the popup's rows are the model's rows.
        completer.activated[QModelIndex].connect(  # type: ignore[index]
            lambda index: self._open_hit_row(index.row()))
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
        self._add_page_actions(file_menu, "new")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Back up now…"), self.back_up_now, QKeySequence("Ctrl+B"))
        self._action(file_menu, self.tr("&Restore a backup…"), self.choose_backup)
        file_menu.addSeparator()
        self._add_page_actions(file_menu, "imports")
        self._action(file_menu, self.tr("&Export products…"), self.export_products,
                     QKeySequence("Ctrl+E"))
        self._action(file_menu, self.tr("Save import &template…"), self.save_import_template)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self._action(self.go_menu, self.tr("Search everything"), self.focus_global_search,
                     QKeySequence("Ctrl+K"))
        self._action(self.go_menu, self.tr("Go to page…"), self.go_to_page, QKeySequence("Ctrl+G"))
        self.go_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&User guide"), self.show_help,
                     QKeySequence(QKeySequence.StandardKey.HelpContents))
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About ecdesk"), self.about)

    def _add_page_actions(self, menu: object, kind: str) -> None:
        """The File menu's New … or Import … entries, as the pages declare them."""
        for spec in PAGES:
            for page_action in getattr(spec, kind):
                action = self._action(
                    menu, registry_text(page_action.label),
                    lambda _=False, s=spec, a=page_action, k=kind: self.start(s, a, k),
                    QKeySequence(page_action.shortcut or ""))
                if ":" not in page_action.start:
                    # The page's own action owns its key (Ctrl+Shift+N is "new" on every page);
                    # the menu only shows it.
                    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def start(self, spec: PageSpec, action: PageAction, kind: str = "new") -> None:
        """Start a page's File menu entry (`kind` "new" or "imports"): its dialog, or its
        method with the page shown. A shop open read-only takes neither."""
        if self.context is None:
            return
        if self.context.db.read_only:
            refusal = (self.tr("This shop is open read-only: nothing can be imported into it.")
                       if kind == "imports" else
                       self.tr("This shop is open read-only: nothing can be added to it."))
            title = registry_text(action.label).replace("&", "").rstrip("…")
            QMessageBox.information(self, title, refusal)
            return
        if ":" in action.start:
            dialog = dialog_class(action)(self.context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()  # type: ignore[attr-defined]
            return
        self.show_page(spec.key)
        getattr(getattr(self, spec.key), action.start)()

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
        from ecdesk.services.search_providers import search_everything

        if self.context is None:
            return
        self._show_hits(search_everything(self.context.uow(), self.global_search.text()))
        if self._hits and self.global_search.hasFocus():
            self.global_search.completer().complete()

    def _show_hits(self, groups: list[SearchGroup]) -> None:
        """The popup's rows: each provider's heading (not selectable), then its hits."""
        self._completions.clear()
        self._hits, self._hit_rows = [], []
        for group in groups:
            heading = QStandardItem(_(group.provider.label))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # the arrow keys step over it
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            self._completions.appendRow(heading)
            self._hit_rows.append(None)
            for hit in group.hits:
                self._completions.appendRow(QStandardItem(hit.label))
                self._hit_rows.append(hit)
                self._hits.append(hit)

    def _open_hit_row(self, row: int) -> None:
        hit = self._hit_rows[row] if 0 <= row < len(self._hit_rows) else None
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: SearchHit) -> None:
        """Take the owner to the page that owns the hit's kind, on that item."""
        owner = next((spec for spec in self.page_specs if hit.kind in spec.opens), None)
        if owner is not None and self.context is not None:
            self.context.show_on_page(owner.key, hit)

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
        """Pick a backup, see what it holds against the current shop, and confirm. Both files
        get the full integrity check, which takes minutes on a large shop: on a worker."""
        from ecdesk.services.shop_file.backups import backups_dir, preview_restore

        if self.context is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore which backup?"), str(backups_dir(self.context.db.path)),
            self.tr("ecdesk shops and backups (*.ecdesk *.sqlite);;All files (*)"))
        if not path:
            return
        shop = self.context.db.path
        self.context.run_operation(
            self, self.tr("Restore"),
            lambda progress: preview_restore(Path(path), shop, progress),
            self._confirm_restore, text=self.tr("Checking the backup and the shop…"))

    def _confirm_restore(self, preview: RestorePreview) -> None:
        from ecdesk.views.shell.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(preview.backup, preview.current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.restore_requested.emit(preview.backup.path)

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

    def show_help(self) -> None:
        """F1: the guide's page of the page on screen (its start page before a shop is open)."""
        from ecdesk.views.shell.help_dialog import INDEX, HelpDialog

        row = self.navigation.currentRow() if self.context is not None else -1
        topic = self.page_specs[row].key if 0 <= row < len(self.page_specs) else INDEX
        dialog = HelpDialog(topic, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.help_dialog = dialog

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
        if self.context is not None:
            self.context.close()  # closing the window closes the shop: no page reads it again
        super().closeEvent(event)
