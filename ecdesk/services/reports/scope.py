"""What every report builder is given: the shop, the period, the channel, the moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ecdesk.i18n import N_, _
from ecdesk.services.common.period import Period

ALL_CHANNELS = N_("All channels")


@dataclass(frozen=True)
class ReportScope:
    shop_name: str
    currency: str
    timezone: str
    period: Period
    generated_at: datetime  # aware
    channel_id: int | None = None
    channel_name: str | None = None  # None: every channel
    promotion_id: int | None = None  # the promotion results report: this one only

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def scope_label(self) -> str:
        if self.channel_name:
            return _("Channel: {name}").format(name=self.channel_name)
        return _(ALL_CHANNELS)


Step = Callable[[], None]  # called between queries; raises CancelledError when cancelled


def no_steps() -> None:
    """A Step for callers that neither show progress nor cancel."""
