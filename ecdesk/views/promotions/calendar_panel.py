"""The calendar half of the Promotions page: previous / today / next, month or week, the title of
the range shown and the calendar itself, read from the service for that range.

The page hands it the ids its filters let through (`load(shown_ids)`), so the list and the
calendar always show the same promotions. A drag asks the service to move the draft (refused,
and explained, for anything else); the clock's minute moves the today line.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ecdesk.services.promotions.calendar import calendar_bars, move_draft
from ecdesk.views.promotions.promotion_calendar import PromotionCalendar, View
from ecdesk.views.shell.shop_context import ShopContext


class CalendarPanel(QWidget):
    selected = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.shown_ids: set[int] | None = None
        self.calendar = PromotionCalendar(context.zone, context.clock.today())
        self.calendar.range_changed.connect(self.reload)
        self.calendar.selected.connect(self.selected)
        self.calendar.edit_requested.connect(self.edit_requested)
        self.calendar.move_requested.connect(self._move)
        self.previous = QPushButton(self.tr("‹ Previous"))
        self.today = QPushButton(self.tr("Today"))
        self.next = QPushButton(self.tr("Next ›"))
        self.previous.clicked.connect(lambda: self.calendar.step(-1))
        self.next.clicked.connect(lambda: self.calendar.step(1))
        self.today.clicked.connect(lambda: self.calendar.go_to(context.clock.today()))
        self.view = QComboBox()
        self.view.addItem(self.tr("Month"), View.MONTH.value)
        self.view.addItem(self.tr("Week"), View.WEEK.value)
        self.view.currentIndexChanged.connect(
            lambda: self.calendar.set_view(View(self.view.currentData())))
        self.title = QLabel()
        bar = QHBoxLayout()
        for widget in (self.previous, self.today, self.next):
            bar.addWidget(widget)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.view)
        # Under the bar and wrapped: beside it, its one line made the page too wide for a laptop.
        hint = QLabel(self.tr("Drafts can be dragged to move them, or by an end to "
                              "change their dates."), wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.calendar, 1)
        context.clock.minute_changed.connect(self._tick)

    def load(self, shown_ids: set[int] | None = None) -> None:
        self.shown_ids = shown_ids
        self.reload()

    def reload(self) -> None:
        start, end = self.calendar.range()
        now = self.context.clock.now()
        bars = [bar for bar in calendar_bars(self.context.uow(), start, end, now)
                if self.shown_ids is None or bar.promotion.id in self.shown_ids]
        self.calendar.zone = self.context.zone
        self.calendar.set_bars(bars, now)
        anchor = self.calendar.anchor
        self.title.setText(f"<b>{anchor:%Y-%m}</b>" if self.calendar.view is View.MONTH else
                           self.tr("<b>Week of %s</b>") % f"{self.calendar.first_day():%Y-%m-%d}")

    def select(self, promotion_id: int | None) -> None:
        self.calendar.selected_id = promotion_id
        self.calendar.update()

    def _tick(self, now: datetime) -> None:
        self.calendar.set_now(now)

    def _move(self, promotion_id: int, starts_at: datetime, ends_at: datetime) -> None:
        if self.context.write(self, move_draft, promotion_id, starts_at, ends_at) is None:
            self.reload()  # refused: the bar goes back where it was
