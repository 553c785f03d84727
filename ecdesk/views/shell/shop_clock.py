"""The shop's clock as the views show it: every time on screen is shop time.

The time itself comes from services/common/shop_time.py; this adds the words a person reads.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from ecdesk.services.common.shop_time import computer_clock_differs, shop_clock


def shop_time_text(moment: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """`20:38` on the shop's clock, or `20:38 shop time` when this computer's clock reads
    differently (a laptop set to Berlin running a Shanghai shop), where a bare time misleads."""
    clock = shop_clock(moment, zone)
    if computer_clock_differs(zone, now):
        return QCoreApplication.translate("ShopClock", "%s shop time") % clock
    return clock
