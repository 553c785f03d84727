"""The promotion calendar: a month (six week rows) or a week (one row, by the hour) of the shop's
days, a bar per promotion coloured by its first channel, overlapping windows stacked in lanes, a
line at this moment on the shop's clock.

Click selects a bar, double-click asks to edit it (`edit_requested`), and a draft's bar can be
dragged to move it, or by an end to resize it, in whole days (month) or hours (week);
`move_requested` carries the new window and the page saves it through the service, which
refuses anything but a draft. Bars are painted from `CalendarBar`s the page reads for the range
shown (`range()`); nothing here reads the shop.

The drag follows the press/move/release events this widget receives, not `event.buttons()`, so
that a test driving it with QTest sees what a person's mouse does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecdesk.services.promotions.calendar import CalendarBar, shift_wall_clock
from ecdesk.services.promotions.terms import Phase

# One hue per channel (by its id), far enough apart to tell six channels apart at a glance.
CHANNEL_COLOURS = ("#d9363e", "#2f6fde", "#e58a00", "#2e9e5b", "#8a4fd3", "#0f9aa8",
                   "#b5651d", "#c2185b")
HEADER = 20  # the day numbers' strip at the top of each week row
LANE = 20  # a bar's height, gap included
EDGE = 6  # pixels from a draft's end that resize rather than move
WEEK = timedelta(days=7)


class View(StrEnum):
    MONTH = "month"
    WEEK = "week"


class Grip(StrEnum):
    MOVE = "move"
    START = "start"
    END = "end"


def channel_colour(channel_ids: frozenset[int]) -> QColor:
    first = min(channel_ids) if channel_ids else 0
    return QColor(CHANNEL_COLOURS[first % len(CHANNEL_COLOURS)])


@dataclass
class _Drag:
    bar: CalendarBar
    grip: Grip
    pressed_at: datetime  # the moment under the mouse when pressed
    starts_at: datetime  # the window shown while dragging
    ends_at: datetime
    moved: bool = False


class PromotionCalendar(QWidget):
    selected = Signal(int)  # a promotion's id
    edit_requested = Signal(int)
    move_requested = Signal(int, object, object)  # id, new start, new end (aware, UTC)
    range_changed = Signal()

    def __init__(self, zone: ZoneInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(560, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.zone = zone
        self.view = View.MONTH
        self.anchor = today  # a day in the month or week shown
        self.now: datetime | None = None
        self.bars: list[CalendarBar] = []
        self.selected_id: int | None = None
        self._drag: _Drag | None = None

    # -- what is shown -------------------------------------------------------------------
    def first_day(self) -> date:
        """The Monday that starts the first row."""
        if self.view is View.WEEK:
            return self.anchor - timedelta(days=self.anchor.weekday())
        first = self.anchor.replace(day=1)
        return first - timedelta(days=first.weekday())

    def rows(self) -> int:
        return 1 if self.view is View.WEEK else 6

    def range(self) -> tuple[datetime, datetime]:
        """The shown days as [start, end) on the shop's clock (aware)."""
        start = datetime.combine(self.first_day(), time(0), tzinfo=self.zone)
        end = datetime.combine(self.first_day() + timedelta(days=7 * self.rows()), time(0),
                               tzinfo=self.zone)
        return start, end

    def set_view(self, view: View) -> None:
        self.view = View(view)
        self.range_changed.emit()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) month or week."""
        if self.view is View.WEEK:
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.range_changed.emit()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.range_changed.emit()

    def set_bars(self, bars: list[CalendarBar], now: datetime) -> None:
        self.bars, self.now = bars, now
        self._drag = None
        self.update()

    def set_now(self, now: datetime) -> None:
        self.now = now
        self.update()

    def lanes(self) -> int:
        return 1 + max((bar.lane for bar in self.bars), default=-1)

    # -- geometry: a moment <-> a point --------------------------------------------------
    def _row_height(self) -> float:
        return max(self.height() / self.rows(), HEADER + LANE)

    def _row_start(self, row: int) -> datetime:
        return datetime.combine(self.first_day() + timedelta(days=7 * row), time(0),
                                tzinfo=self.zone)

    def _x(self, moment: datetime, row: int) -> float:
        """Where `moment` falls across week row `row` (by wall-clock time: a 23-hour day is as
        wide as the others)."""
        local = moment.astimezone(self.zone).replace(tzinfo=None)
        offset = local - self._row_start(row).replace(tzinfo=None)
        return offset / WEEK * self.width()

    def moment_at(self, point: QPointF) -> datetime:
        """The shop's wall-clock moment under `point`."""
        row = min(max(int(point.y() // self._row_height()), 0), self.rows() - 1)
        fraction = min(max(point.x() / max(self.width(), 1), 0.0), 1.0)
        local = self._row_start(row).replace(tzinfo=None) + WEEK * fraction
        return local.replace(tzinfo=self.zone)

    def bar_rects(self, bar: CalendarBar, starts_at: datetime | None = None,
                  ends_at: datetime | None = None) -> list[QRectF]:
        """The bar's pieces, one per week row it crosses."""
        starts_at, ends_at = starts_at or bar.promotion.starts_at, ends_at or bar.promotion.ends_at
        height = self._row_height()
        rects = []
        for row in range(self.rows()):
            row_start = self._row_start(row)
            if starts_at >= row_start + WEEK or ends_at <= row_start:
                continue
            left = max(self._x(starts_at, row), 0.0)
            right = min(self._x(ends_at, row), float(self.width()))
            top = row * height + HEADER + bar.lane * LANE
            if top + LANE > (row + 1) * height:
                continue  # more lanes than the row holds: the row says "+n"
            rects.append(QRectF(left + 1, top + 1, max(right - left - 2, 3.0), LANE - 3))
        return rects

    def bar_at(self, point: QPointF) -> tuple[CalendarBar, QRectF] | None:
        for bar in reversed(self.bars):
            for rect in self.bar_rects(bar):
                if rect.contains(point):
                    return bar, rect
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_grid(painter)
        for bar in self.bars:
            self._paint_bar(painter, bar)
        self._paint_hidden_counts(painter)
        self._paint_now(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        palette = self.palette()
        height, day_width = self._row_height(), self.width() / 7
        painter.fillRect(self.rect(), palette.base())
        first = self.first_day()
        for row in range(self.rows()):
            for column in range(7):
                day = first + timedelta(days=7 * row + column)
                cell = QRectF(column * day_width, row * height, day_width, height)
                outside = self.view is View.MONTH and day.month != self.anchor.month
                if outside:
                    painter.fillRect(cell, palette.alternateBase())
                painter.setPen(QPen(palette.mid().color()))
                painter.drawRect(cell)
                painter.setPen(palette.placeholderText().color() if outside
                               else palette.text().color())
                label = (f"{day:%m-%d} {self._weekday(day)}" if self.view is View.WEEK
                         else str(day.day))
                painter.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, label)

    def _weekday(self, day: date) -> str:
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                 self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))
        return names[day.weekday()]

    def _paint_bar(self, painter: QPainter, bar: CalendarBar) -> None:
        drag = self._drag if self._drag and self._drag.bar is bar else None
        rects = (self.bar_rects(bar, drag.starts_at, drag.ends_at) if drag
                 else self.bar_rects(bar))
        colour = channel_colour(bar.promotion.channel_ids)
        if bar.phase in (Phase.CANCELLED, Phase.ENDED):
            colour.setAlpha(90)
        for rect in rects:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour if bar.phase is not Phase.DRAFT else colour.lighter(150))
            painter.drawRoundedRect(rect, 3, 3)
            if bar.phase is Phase.DRAFT:  # a dashed outline: not announced, can be dragged
                painter.setPen(QPen(colour.darker(130), 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, 3, 3)
            if bar.promotion.id == self.selected_id:
                painter.setPen(QPen(self.palette().highlight().color(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
            painter.setPen(QColor("#1a1a1a") if bar.phase is Phase.DRAFT else QColor("white"))
            painter.drawText(rect.adjusted(4, 0, -2, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             bar.promotion.name)

    def _paint_hidden_counts(self, painter: QPainter) -> None:
        """A row too short for every lane says how many bars it could not show."""
        height = self._row_height()
        for row in range(self.rows()):
            row_start = self._row_start(row)
            hidden = sum(1 for bar in self.bars
                         if bar.promotion.starts_at < row_start + WEEK
                         and bar.promotion.ends_at > row_start
                         and row * height + HEADER + (bar.lane + 1) * LANE > (row + 1) * height)
            if hidden:
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(0, row * height, self.width() - 4, HEADER),
                                 Qt.AlignmentFlag.AlignRight, self.tr("+%d more") % hidden)

    def _paint_now(self, painter: QPainter) -> None:
        if self.now is None:
            return
        height = self._row_height()
        for row in range(self.rows()):
            row_start = self._row_start(row)
            if row_start <= self.now < row_start + WEEK:
                x = self._x(self.now, row)
                painter.setPen(QPen(QColor("#e53935"), 2))
                painter.drawLine(QPointF(x, row * height), QPointF(x, (row + 1) * height))

    # -- the mouse -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton:
            return
        hit = self.bar_at(event.position())
        self.selected_id = hit[0].promotion.id if hit else None
        if hit:
            bar, rect = hit
            self.selected.emit(bar.promotion.id)
            if bar.movable:
                self._drag = _Drag(bar, self._grip(bar, rect, event.position()),
                                   self.moment_at(event.position()), bar.promotion.starts_at,
                                   bar.promotion.ends_at)
        self.update()

    def _grip(self, bar: CalendarBar, rect: QRectF, point: QPointF) -> Grip:
        rects = self.bar_rects(bar)
        if rect == rects[0] and point.x() - rect.left() <= EDGE:
            return Grip.START
        if rect == rects[-1] and rect.right() - point.x() <= EDGE:
            return Grip.END
        return Grip.MOVE

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None:
            hit = self.bar_at(event.position())
            movable = hit is not None and hit[0].movable
            self.setCursor(Qt.CursorShape.OpenHandCursor if movable
                           else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self._tip(hit[0]) if hit else "")
            return
        delta = self._snap(self.moment_at(event.position()).replace(tzinfo=None)
                           - drag.pressed_at.replace(tzinfo=None))
        starts, ends = drag.bar.promotion.starts_at, drag.bar.promotion.ends_at
        zone = ZoneInfo(drag.bar.promotion.time_zone)
        if drag.grip in (Grip.MOVE, Grip.START):
            starts = shift_wall_clock(starts, zone, delta)
        if drag.grip in (Grip.MOVE, Grip.END):
            ends = shift_wall_clock(ends, zone, delta)
        if ends > starts:
            drag.starts_at, drag.ends_at = starts, ends
            drag.moved = drag.moved or bool(delta)
        self.update()

    def _tip(self, bar: CalendarBar) -> str:
        """Name, channels and window on the shop's clock: the colour says only the channel."""
        promotion = bar.promotion
        return self.tr("%s\n%s\n%s to %s") % (
            promotion.name, ", ".join(promotion.channel_names),
            f"{promotion.starts_at.astimezone(self.zone):%Y-%m-%d %H:%M}",
            f"{promotion.ends_at.astimezone(self.zone):%Y-%m-%d %H:%M}")

    def _snap(self, delta: timedelta) -> timedelta:
        """Whole days in the month view, whole hours in the week view."""
        unit = timedelta(hours=1) if self.view is View.WEEK else timedelta(days=1)
        return unit * round(delta / unit)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is not None and drag.moved and (
                drag.starts_at, drag.ends_at) != (drag.bar.promotion.starts_at,
                                                  drag.bar.promotion.ends_at):
            self.move_requested.emit(drag.bar.promotion.id, drag.starts_at, drag.ends_at)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.bar_at(event.position())
        if hit:
            self.edit_requested.emit(hit[0].promotion.id)
