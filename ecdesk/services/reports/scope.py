"""What every report builder is given: the shop, the period, the channel, the moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ecdesk.services.common.period import Period

ALL_CHANNELS = "All channels"


@dataclass(frozen=True)
class ReportScope:
    shop_name: str
    currency: str
    timezone: str
    period: Period
    generated_at: datetime  # aware
    channel_id: int | None = None
    channel_name: str | None = None  # None: every channel

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def scope_label(self) -> str:
        return f"Channel: {self.channel_name}" if self.channel_name else ALL_CHANNELS


Step = Callable[[], None]  # called between queries; raises CancelledError when cancelled


def no_steps() -> None:
    """A Step for callers that neither show progress nor cancel."""
