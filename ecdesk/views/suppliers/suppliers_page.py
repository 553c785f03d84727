"""The Suppliers page: the suppliers (searchable, paged), and for the one selected its details
and documents, the SKUs it supplies, its open purchase orders; the scorecards of all suppliers
over a period, with the user's weights; and a quote comparison for a SKU.

The scorecards and their monthly trend are read on a worker thread: they took 0.55 s on the
small demo shop (a scorecard a month for the trend), far more on a large shop, and froze the
window each time the page refreshed. The page stays usable meanwhile and says it is computing;
only the latest request's answer is shown (`LatestJob`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.period import Period
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.purchasing.queries import (
    PurchaseOrderRow,
    Quote,
    SupplierDetail,
    SupplierItemRow,
    SupplierRow,
    compare_quotes,
    list_suppliers,
    supplier_detail,
)
from ecdesk.services.stock.queries import find_count_line
from ecdesk.services.suppliers.score_trend import (
    ScoreTrend,
    build_score_trend_figure,
    get_score_trends,
)
from ecdesk.services.suppliers.scorecard import Scorecard, get_scorecards
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.suppliers.supplier_dialog import ItemDialog, SupplierDialog, WeightsDialog
from ecdesk.views.widgets.latest_job import LatestJob
from ecdesk.views.widgets.list_table_model import ListTableModel
from ecdesk.views.widgets.locale_format import amount, day, integer, percent
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import (
    PagedTableModel,
    paged_table_view,
    set_column_widths,
)


@dataclass(frozen=True)
class SupplierQuery:
    search: str = ""


@dataclass(frozen=True)
class ScorecardsRead:
    """What the worker reads for the Scorecards tab: the cards and each supplier's trend."""
    cards: list[Scorecard]
    trends: dict[int, ScoreTrend]


def read_scorecards(context: ShopContext, period: Period) -> ScorecardsRead:
    """On a worker thread: each call opens its own unit of work."""
    trends = {t.supplier_id: t for t in get_score_trends(context.uow(), period)}
    return ScorecardsRead(get_scorecards(context.uow(), period), trends)


HEADINGS = [
    (QT_TRANSLATE_NOOP("PagedTableModel", "Supplier"), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Contact"), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Currency"), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Status"), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Lead time"), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "SKUs"), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Open orders"), True),
]


class SuppliersModel(PagedTableModel[SupplierQuery, SupplierRow]):
    def row_id(self, row: SupplierRow) -> int:
        return row.id

    def cell_text(self, row: SupplierRow, column: int) -> str:
        status = self.tr("On hold") if row.status.value == "on_hold" else self.tr("Active")
        lead = "" if row.lead_time_days is None else str(row.lead_time_days)
        return [row.name, row.contact_name, row.currency, status, lead, integer(row.items),
                integer(row.open_orders)][column]


def _rate(value: Decimal | None) -> str:
    return "—" if value is None else percent(value)


def _table(model: ListTableModel, stretch: int = 1) -> QTableView:  # type: ignore[type-arg]
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class SuppliersPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.PURCHASING, ChangeArea.CATALOG, ChangeArea.SETTINGS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded = False
        self.detail: SupplierDetail | None = None
        self.trends: dict[int, ScoreTrend] = {}
        self.trend_canvas: Any = None  # a FigureCanvasQTAgg once a supplier's trend is shown
        self._scoring = LatestJob(self)
        self._scoring.finished.connect(self._scorecards_arrived)
        self._scoring.failed.connect(self._scorecards_failed)
        self.model = SuppliersModel(self._load, SupplierQuery(), HEADINGS, self)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        context.listen(self, self._on_changed)

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search supplier or contact…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = page_action(self, self.tr("New supplier…"), "Ctrl+Shift+N",
                                      self.new_supplier)
        self.edit_action = page_action(self, self.tr("Edit…"), "Ctrl+E", self.edit_supplier)
        self.item_action = page_action(self, self.tr("Add SKU…"), "Ctrl+Shift+A", self.add_item)
        for action in (self.new_action, self.edit_action, self.item_action):
            toolbar.addAction(action)
        self.table = paged_table_view(self.model, 0)
        self.table.setSortingEnabled(False)
        # every column fits the splitter's share at 1366 px (the status was cut off at 480)
        set_column_widths(self.table, (190, 90, 50, 60, 70, 60, 80))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), self.tr("Details"))
        self.items_model: ListTableModel[SupplierItemRow] = ListTableModel([
            (self.tr("SKU"), lambda r: r.sku, False),
            (self.tr("Product"), lambda r: r.title, False),
            (self.tr("Their code"), lambda r: r.supplier_code, False),
            (self.tr("Unit cost"), lambda r: amount(r.unit_cost), True),
            (self.tr("Price breaks"), lambda r: "  ".join(f"{q}+: {c}" for q, c in
                                                          r.price_breaks), False),
            (self.tr("MOQ"), lambda r: "" if r.min_order_qty is None else str(r.min_order_qty),
             True),
            (self.tr("Pack"), lambda r: "" if r.pack_multiple is None else str(r.pack_multiple),
             True),
            (self.tr("Lead time"), lambda r: "" if r.lead_time_days is None
             else str(r.lead_time_days), True),
            (self.tr("Preferred"), lambda r: "★" if r.preferred else "", False)], self)
        self.items_table = _table(self.items_model)
        self.items_table.doubleClicked.connect(self._edit_item)
        self.tabs.addTab(self.items_table, self.tr("Supplies"))
        self.orders_model: ListTableModel[PurchaseOrderRow] = ListTableModel([
            (self.tr("Number"), lambda r: r.number, False),
            (self.tr("Status"), lambda r: r.status.value.replace("_", " ")
             + (" · " + self.tr("late") if r.late else ""), False),
            (self.tr("Expected"), lambda r: day(r.expected_on),
             False),
            (self.tr("Units"), lambda r: integer(r.units), True),
            (self.tr("Received"), lambda r: integer(r.received), True),
            (self.tr("Goods total"), lambda r: amount(r.goods_total, r.currency), True)], self)
        self.tabs.addTab(_table(self.orders_model, 0), self.tr("Open orders"))
        self.tabs.addTab(self._scorecard_tab(), self.tr("Scorecards"))
        self.tabs.addTab(self._quotes_tab(), self.tr("Compare quotes"))
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([760, 540])
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        self._enable()

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.documents = QListWidget()
        self.documents.itemActivated.connect(
            lambda item: QDesktopServices.openUrl(QUrl.fromLocalFile(item.text())))
        layout = QVBoxLayout(tab)
        layout.addWidget(self.details, 1)
        layout.addWidget(QLabel(self.tr("Documents (double-click to open):")))
        layout.addWidget(self.documents)
        return tab

    def _scorecard_tab(self) -> QWidget:
        tab = QWidget()
        self.period = QComboBox()
        for label, days in ((self.tr("Last 90 days"), 90), (self.tr("Last 12 months"), 365),
                            (self.tr("Last 30 days"), 30)):
            self.period.addItem(label, days)
        self.period.currentIndexChanged.connect(self._show_scorecards)
        self.scores_model: ListTableModel[Scorecard] = ListTableModel([
            (self.tr("Supplier"), lambda c: c.supplier_name, False),
            (self.tr("Score"), lambda c: "—" if c.score is None else str(c.score), True),
            (self.tr("On time"), lambda c: _rate(c.on_time), True),
            (self.tr("Fill rate"), lambda c: _rate(c.fill_rate), True),
            (self.tr("Lead time (actual / promised)"), lambda c: "—" if c.lead_days_actual
             is None else f"{c.lead_days_actual} / {c.lead_days_promised}", True),
            (self.tr("Rejected"), lambda c: _rate(c.rejection_rate), True),
            (self.tr("Customer returns"), lambda c: _rate(c.return_rate), True),
            (self.tr("Price variance"), lambda c: _rate(c.price_variance), True),
            (self.tr("Service"), lambda c: str(c.service_rating or "—"), True),
            (self.tr("Innovation"), lambda c: str(c.innovation_rating or "—"), True)], self)
        weights = QPushButton(self.tr("Weights…"))
        weights.clicked.connect(self.edit_weights)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period)
        row.addStretch(1)
        row.addWidget(weights)
        self.scores_table = _table(self.scores_model, 0)
        # The ten columns are wider than the tab at 1366 px: a stretched name column was
        # squeezed to "…"; it keeps a readable width and the table scrolls sideways instead.
        self.scores_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive)
        self.scores_table.setColumnWidth(0, 170)
        self.scores_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.scores_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.scores_table.selectionModel().selectionChanged.connect(self._show_trend)
        self.scores_note = QLabel()
        self.trend_box = QGroupBox(self.tr("By month"))
        self.trend_placeholder = QLabel(self.tr("Select a supplier to see its score by month."))
        self.trend_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.trend_placeholder.setMinimumHeight(220)
        QVBoxLayout(self.trend_box).addWidget(self.trend_placeholder)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.scores_table)
        splitter.addWidget(self.trend_box)
        splitter.setSizes([260, 260])
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.scores_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(self.tr("The score (0-100) weighs each part by your weights; "
                                        "a part without data is left out.")))
        return tab

    def _quotes_tab(self) -> QWidget:
        tab = QWidget()
        self.quote_sku = QLineEdit(placeholderText=self.tr("SKU or barcode"))
        self.quote_quantity = QSpinBox(minimum=1, maximum=1_000_000, value=100)
        compare = QPushButton(self.tr("Compare"))
        compare.clicked.connect(self._compare)
        self.quote_sku.returnPressed.connect(self._compare)
        self.quotes_model: ListTableModel[Quote] = ListTableModel([
            (self.tr("Supplier"), lambda q: q.supplier_name + (" ★" if q.preferred else ""),
             False),
            (self.tr("Unit cost"), lambda q: f"{q.unit_cost} {q.currency}", True),
            (self.tr("Total"), lambda q: amount(q.line_total, q.currency), True),
            (self.tr("Lead time"), lambda q: "" if q.lead_time_days is None
             else str(q.lead_time_days), True),
            (self.tr("MOQ"), lambda q: str(q.min_order_qty or ""), True),
            (self.tr("Pack"), lambda q: str(q.pack_multiple or ""), True),
            (self.tr("Score"), lambda q: "—" if q.score is None else str(q.score), True)], self)
        self.quote_note = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.quote_sku, 2)
        row.addWidget(QLabel(self.tr("Quantity")))
        row.addWidget(self.quote_quantity)
        row.addWidget(compare)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.quote_note)
        layout.addWidget(_table(self.quotes_model, 0), 1)
        return tab

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: SupplierQuery, offset: int, limit: int) -> Page[SupplierRow]:
        return list_suppliers(self.context.uow(), search=query.search, offset=offset,
                              limit=limit)

    def load(self) -> None:
        self.loaded = True
        self.refresh()

    def refresh(self) -> None:
        if not self.loaded:
            return
        selected = self.detail.supplier.id if self.detail else None
        self.model.set_query(SupplierQuery(self.search.text()))
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_scorecards()

    def _on_changed(self, _change: Changed) -> None:
        self.refresh()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        supplier_id = self.model.row_at(rows[0].row()).id if rows else None
        self.detail = (supplier_detail(self.context.uow(), supplier_id)
                       if supplier_id is not None else None)
        detail = self.detail
        self.items_model.set_rows(detail.items if detail else [])
        self.orders_model.set_rows(detail.open_orders if detail else [])
        self.documents.clear()
        if detail is not None:
            self.documents.addItems(list(detail.supplier.documents))
            self.details.setText(self._describe(detail))
        else:
            self.details.setText(self.tr("No supplier selected."))
        self._enable()

    def _describe(self, detail: SupplierDetail) -> str:
        s = detail.supplier
        rows = [(self.tr("Contact"), " · ".join(p for p in (s.contact_name, s.email, s.phone)
                                                if p)),
                (self.tr("Address"), s.address.replace("\n", ", ")),
                (self.tr("Currency"), s.currency),
                (self.tr("Payment terms"), s.payment_terms),
                (self.tr("Lead time"), "" if s.lead_time_days is None
                 else self.tr("%d days") % s.lead_time_days),
                (self.tr("Minimum order value"), amount(s.min_order_value, s.currency)),
                (self.tr("Status"), self.tr("On hold") if s.status.value == "on_hold"
                 else self.tr("Active")),
                (self.tr("Contract"), " – ".join(day(d) for d in (s.contract_from,
                                                                         s.contract_to) if d)),
                (self.tr("Next evaluation"), day(s.next_evaluation)),
                (self.tr("Ratings"), self.tr("service %1, innovation %2")
                 .replace("%1", str(s.service_rating or "—"))
                 .replace("%2", str(s.innovation_rating or "—"))),
                (self.tr("Notes"), s.notes)]
        body = "".join(f"<tr><td><b>{label}</b></td><td>{value}</td></tr>"
                       for label, value in rows if value)
        return f"<h3>{s.name}</h3><table cellspacing=4>{body}</table>"

    @property
    def scores_loading(self) -> bool:
        """The scorecards asked for last are still being computed."""
        return self._scoring.running

    def _show_scorecards(self) -> None:
        """Compute the period's scorecards and trends on a worker; the rows shown stay until
        the new ones come."""
        today = self.context.clock.today()
        period = Period(today - timedelta(days=self.period.currentData() - 1), today)
        self.scores_note.setText(self.tr("Computing the scorecards…"))
        context = self.context
        self._scoring.start(period, lambda: read_scorecards(context, period))

    def _scorecards_failed(self, _period: Period, error: object) -> None:
        self.scores_note.setText(self.tr("The scorecards could not be computed: %s") % error)

    def _scorecards_arrived(self, period: Period, read: ScorecardsRead) -> None:
        self.scores_note.setText(self.tr("%1 to %2").replace("%1", period.first.isoformat())
                                 .replace("%2", period.last.isoformat()))
        cards = read.cards
        self.trends = read.trends
        chosen = self._chosen_scorecard()
        self.scores_model.set_rows(cards)
        ids = [card.supplier_id for card in cards]
        if ids:
            self.scores_table.selectRow(ids.index(chosen) if chosen in ids else 0)
        self._show_trend()

    def _chosen_scorecard(self) -> int | None:
        """The supplier whose trend is shown: the scorecard row selected, else the supplier
        selected in the list."""
        rows = self.scores_table.selectionModel().selectedRows()
        if rows and rows[0].row() < self.scores_model.rowCount():
            return self.scores_model.row_at(rows[0].row()).supplier_id
        return self.detail.supplier.id if self.detail else None

    def _show_trend(self) -> None:
        """The selected supplier's score, on-time and fill rates by month, drawn by the same
        figure builder as the Suppliers report."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        chosen = self._chosen_scorecard()
        trend = self.trends.get(chosen) if chosen is not None else None
        old = self.trend_canvas
        if trend is None:
            self.trend_box.setTitle(self.tr("By month"))
            self.trend_placeholder.show()
            self.trend_canvas = None
        else:
            self.trend_box.setTitle(self.tr("%1 by month").replace("%1", trend.supplier_name))
            self.trend_canvas = FigureCanvasQTAgg(build_score_trend_figure(trend))
            self.trend_canvas.setMinimumHeight(220)
            self.trend_placeholder.hide()
            self.trend_box.layout().addWidget(self.trend_canvas)
        if old is not None:
            self.trend_box.layout().removeWidget(old)
            old.setParent(None)  # off screen now, not at the next turn of the event loop
            old.deleteLater()

    def _compare(self) -> None:
        found = find_count_line(self.context.uow(), self.quote_sku.text())
        if found is None:
            self.quote_note.setText(self.tr("There is no SKU %s") % self.quote_sku.text())
            self.quotes_model.set_rows([])
            return
        quotes = compare_quotes(self.context.uow(), found.variant_id,
                                self.quote_quantity.value())
        self.quote_note.setText(f"{found.sku} · {found.title}" + (
            "" if quotes else " — " + self.tr("no supplier supplies it yet")))
        self.quotes_model.set_rows(quotes)

    def _enable(self) -> None:
        for action in (self.edit_action, self.item_action):
            action.setEnabled(self.detail is not None)

    def show_target(self, hit: SearchHit) -> None:
        """Show the supplier a search hit names."""
        self.loaded = True
        self.search.setText("")
        self.detail = None
        self.model.set_query(SupplierQuery())
        row = self.model.fetch_until(lambda supplier: supplier.id == hit.id)
        if row is not None:
            self.table.selectRow(row)
        self._show_scorecards()

    # -- actions ---------------------------------------------------------------------------
    def new_supplier(self) -> None:
        SupplierDialog(self.context, None, self).exec()

    def edit_supplier(self) -> None:
        if self.detail is not None:
            SupplierDialog(self.context, self.detail.supplier, self).exec()

    def edit_weights(self) -> None:
        WeightsDialog(self.context, self).exec()

    def add_item(self) -> None:
        if self.detail is not None:
            ItemDialog(self.context, self.detail.supplier.id, None, self).exec()

    def _edit_item(self) -> None:
        rows = self.items_table.selectionModel().selectedRows() or [
            self.items_table.currentIndex()]
        if self.detail is not None and rows and rows[0].isValid():
            ItemDialog(self.context, self.detail.supplier.id,
                       self.items_model.row_at(rows[0].row()), self).exec()



