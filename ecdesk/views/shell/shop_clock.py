"""The shop's clock as the views use it: every time on screen is shop time, and pages whose
content changes with time alone (Orders' "today", the Dashboard's "last 7 days", snoozes that end
at midnight; later overdue tickets and promotions that start at 10:00) follow its ticks.

The time itself comes from services/common/shop_time.py; this adds the words a person reads and
one timer for the whole window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ecdesk.services.common.shop_time import (
    computer_clock_differs,
    shop_now,
)
from ecdesk.views.widgets.locale_format import stamp, time_of_day

Now = Callable[[], datetime]  # an aware "now"; tests hand the clock a fake one
TICK_SLACK_MS = 50  # wake just after the minute turns, never just before it


def shop_time_text(moment: datetime, zone: ZoneInfo, now: datetime | None = None, *,
                   day: bool = False) -> str:
    """`20:38` on the shop's clock (`2026/12/7 20:38` with `day`; the language's way), or
    `20:38 shop time` when this computer's clock reads differently (a laptop set to Berlin
    running a Shanghai shop), where a bare time misleads."""
    clock = stamp(moment, zone) if day else time_of_day(moment, zone)
    if computer_clock_differs(zone, now):
        return QCoreApplication.translate("ShopClock", "%s shop time") % clock
    return clock


class ShopClock(QObject):
    """Says when the shop's minute and day turn, from one single-shot timer armed for the next
    minute: one wake-up a minute for the whole window, not a poll per page.

    After a sleep or a jump of the computer's clock the next check emits once, with the minute
    it is now (and `day_changed` when the shop's day is another one), not once per missed minute.
    A new time zone for the shop (`set_zone`) turns its clock too.
    """

    minute_changed = Signal(object)  # the shop's new minute: an aware datetime in its zone
    day_changed = Signal(object)  # the shop's new calendar day: a date

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None,
                 now: Now | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._source: Now = now or (lambda: datetime.now(UTC))
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.check)
        self._minute = self._wall_minute()
        self._stopped = False
        self._arm()

    def now(self) -> datetime:
        """This moment on the shop's clock."""
        return shop_now(self._zone, self._source())

    def today(self) -> date:
        return self.now().date()

    def set_source(self, now: Now) -> None:
        """Read the time from `now` from here on (a fake clock in tests), without a tick."""
        self._source = now
        self._minute = self._wall_minute()
        self._arm()

    def set_zone(self, zone: ZoneInfo) -> None:
        """The shop moved to another time zone: its clock reads differently from now on."""
        self._zone = zone
        self.check()

    def check(self) -> None:
        if self._stopped:
            return
        minute = self._wall_minute()
        if minute != self._minute:
            new_day = minute.date() != self._minute.date()
            self._minute = minute
            shop_minute = minute.replace(tzinfo=self._zone)
            self.minute_changed.emit(shop_minute)
            if new_day:
                self.day_changed.emit(shop_minute.date())
        self._arm()

    def _wall_minute(self) -> datetime:
        # The reading of the shop's wall clock, without its zone: comparing aware times would
        # compare instants, and a new zone moves the reading while the instant stays.
        return self.now().replace(second=0, microsecond=0, tzinfo=None)

    def stop(self) -> None:
        """The shop was closed: no tick reaches its pages again (they would read a closed file)."""
        self._stopped = True
        self._timer.stop()

    def _arm(self) -> None:
        if self._stopped:
            return
        now = self._source()
        into_minute_ms = now.second * 1000 + now.microsecond // 1000
        self._timer.start(60_000 - into_minute_ms + TICK_SLACK_MS)
