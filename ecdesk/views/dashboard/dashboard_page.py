"""The Dashboard: sales, orders, margin, refunds, units and repeat customers for a period and
channel against the previous period, the sales trend, sales by channel, the best and worst
selling SKUs and the open stock alerts.

Every figure and the chart's Figure are computed off the GUI thread (views.workers.Job) by the
same services and builders as the PDF reports; only the Qt canvas is made here. matplotlib's Qt
backend is imported when the first chart arrives, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.money import from_minor_units
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.views.dashboard.dashboard_tiles import TileWidget
from ecdesk.views.dashboard.first_steps_panel import FirstStepsPanel
from ecdesk.views.shell.shop_clock import shop_time_text
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import amount, integer, percent
from ecdesk.views.widgets.workers import Job

if TYPE_CHECKING:
    from ecdesk.services.common.period import Period
    from ecdesk.services.dashboard.model import Dashboard

TILES_PER_ROW = 4
CHANGE_DELAY_MS = 500  # a burst of writes is one recomputation


def period_presets() -> list[tuple[str, Callable[[Any], Period]]]:
    """(label, today -> Period), in the order the combo box lists them."""
    from ecdesk.services.common.period import Period, last_month, this_month

    def last(days: int) -> Callable[[Any], Period]:
        return lambda today: Period(today - timedelta(days=days - 1), today)

    return [(QT_TRANSLATE_NOOP("DashboardPage", "Last 30 days"), last(30)),
            (QT_TRANSLATE_NOOP("DashboardPage", "Last 7 days"), last(7)),
            (QT_TRANSLATE_NOOP("DashboardPage", "This month"), this_month),
            (QT_TRANSLATE_NOOP("DashboardPage", "Last month"), last_month),
            (QT_TRANSLATE_NOOP("DashboardPage", "Last 90 days"), last(90)),
            (QT_TRANSLATE_NOOP("DashboardPage", "Last 12 months"), last(365))]


class DashboardPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.CATALOG, ChangeArea.CHANNELS, ChangeArea.SETTINGS, ChangeArea.ORDERS,
        ChangeArea.STOCK, ChangeArea.PURCHASING, ChangeArea.TICKETS,  # tickets: the overdue tile
        ChangeArea.PROMOTIONS})  # the promotions running now and their marks on the chart

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.board: Dashboard | None = None
        self._job: Job | None = None
        self._again = False
        self._canvas: QWidget | None = None
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        self._build()
        context.listen(self, self._on_changed)
        context.clock.day_changed.connect(self._on_new_day)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.first_steps = FirstStepsPanel(self.context)
        self._layout.addWidget(self.first_steps)
        self.first_steps.hide()  # until load() asks which steps are left
        self._layout.addLayout(self._controls())
        self._tiles_grid = QGridLayout()
        self._tiles: list[TileWidget] = []
        self._layout.addLayout(self._tiles_grid)
        self._chart_box = QGroupBox(self.tr("Sales and gross margin"))
        self._chart_layout = QVBoxLayout(self._chart_box)
        self._chart_placeholder = QLabel(self.tr("Computing…"))
        self._chart_layout.addWidget(self._chart_placeholder)
        self._chart_box.setMinimumHeight(260)
        self._layout.addWidget(self._chart_box)
        tables = QHBoxLayout()
        self.channels = self._table(tables, self.tr("Sales by channel"),
                                    [self.tr("Channel"), self.tr("Orders"), self.tr("Sales"),
                                     self.tr("Share")], stretch=0)
        self.top = self._table(tables, self.tr("Best selling SKUs"), self._sku_headers(), 1)
        self.bottom = self._table(tables, self.tr("Slowest selling SKUs"), self._sku_headers(), 1)
        self._layout.addLayout(tables)
        self._layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period = QComboBox()
        self._presets = period_presets()
        for label, _ in self._presets:
            self.period.addItem(self.tr(label))
        self.channel = QComboBox()
        self._fill_channels()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.channel.currentIndexChanged.connect(lambda _i: self.refresh())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.refresh)
        self.status = QLabel()
        for widget in (QLabel(self.tr("Period:")), self.period, QLabel(self.tr("Channel:")),
                       self.channel, refresh):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.status)
        return row

    def _fill_channels(self) -> None:
        from ecdesk.services.channels import list_channels

        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for channel in list_channels(self.context.uow()):
            self.channel.addItem(channel.name, channel.id)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(max(index, 0))
        self.channel.blockSignals(False)

    def _sku_headers(self) -> list[str]:
        return [self.tr("SKU"), self.tr("Product"), self.tr("Units"), self.tr("Sales")]

    def _table(self, row: QHBoxLayout, title: str, headers: list[str], stretch: int
               ) -> QTableWidget:
        """A small read-only table whose `stretch` column (the name) takes the spare width."""
        box = QGroupBox(title)
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setMinimumHeight(340)  # ten rows without scrolling
        QVBoxLayout(box).addWidget(table)
        row.addWidget(box)
        return table

    # -- computing ---------------------------------------------------------------------------
    def load(self) -> None:
        self.first_steps.refresh()
        self.refresh()

    @property
    def computing(self) -> bool:
        return self._job is not None and self._job.running

    def selected_period(self) -> Period:
        today = self.context.clock.today()
        return self._presets[self.period.currentIndex()][1](today)

    def refresh(self) -> None:
        if self.computing:
            self._again = True
            return
        period, channel = self.selected_period(), self.channel.currentData()
        db = self.context.db
        self.status.setText(self.tr("Computing…"))
        job = Job(lambda _progress: _compute(db, period, channel), self)
        job.signals.finished.connect(self._computed)
        job.signals.failed.connect(self._failed)
        self._job = job.start()

    def _computed(self, result: tuple[Dashboard, Any]) -> None:
        self.board, figure = result
        self._show_tiles(self.board)
        self._show_chart(figure)
        self._show_tables(self.board)
        stamp = shop_time_text(self.context.clock.now(), self.context.zone)
        self.status.setText(self.tr("{period} · updated {time}").format(
            period=self.board.scope.period.label(), time=stamp))
        self._after_job()

    def _failed(self, error: EcdeskError) -> None:
        self.status.setText(self.tr("Could not compute the dashboard: {error}").format(
            error=error))
        self._after_job()

    def _after_job(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _on_changed(self, change: Changed | None) -> None:
        if change is None:
            return
        if self.first_steps.steps is not None and not self.first_steps.steps.done:
            self.first_steps.refresh()
        if ChangeArea.CHANNELS in change.areas:
            self._fill_channels()
        if self.board is not None:
            self._change_timer.start()

    def _on_new_day(self, _day: date) -> None:
        """The periods count back from today ("Last 7 days"): a new shop day moves them."""
        if self.board is not None:
            self._change_timer.start()

    # -- showing -----------------------------------------------------------------------------
    def _show_tiles(self, board: Dashboard) -> None:
        while len(self._tiles) < len(board.tiles):
            tile = TileWidget()
            n = len(self._tiles)
            self._tiles_grid.addWidget(tile, n // TILES_PER_ROW, n % TILES_PER_ROW)
            self._tiles.append(tile)
        for widget, tile in zip(self._tiles, board.tiles, strict=False):
            widget.show_tile(tile)

    def _show_chart(self, figure: Any) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)
        canvas.setMinimumHeight(240)
        old = self._canvas or self._chart_placeholder
        self._chart_layout.replaceWidget(old, canvas)
        old.deleteLater()
        self._canvas = canvas
        self._chart_box.setTitle(self.tr("Sales and gross margin by week") if self.board
                                 and self.board.weekly else
                                 self.tr("Sales and gross margin by day"))

    def _show_tables(self, board: Dashboard) -> None:
        _fill(self.channels, [(c.channel, integer(c.orders), amount(from_minor_units(c.sales)),
                               percent(c.share)) for c in board.channels], numbers_from=1)
        for table, skus in ((self.top, board.top_skus), (self.bottom, board.bottom_skus)):
            _fill(table, [(s.sku, s.title, integer(s.units), amount(from_minor_units(s.sales)))
                          for s in skus], numbers_from=2)


def _compute(db: Any, period: Period, channel: int | None) -> tuple[Dashboard, Any]:
    """In the worker: the figures and the chart (an Agg Figure, no Qt)."""
    from ecdesk.services.dashboard.build import dashboard_scope, load_dashboard
    from ecdesk.services.dashboard.chart import build_dashboard_trend

    board = load_dashboard(db.uow("gui"), dashboard_scope(db.uow("gui"), period, channel))
    return board, build_dashboard_trend(board)


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], numbers_from: int) -> None:
    """A small table (ten rows at most): numbers, from that column on, right-aligned."""
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= numbers_from:
                item.setTextAlignment(right)
            table.setItem(r, c, item)
