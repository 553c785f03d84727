"""The channel's return window (七天无理由): days after shipping in which goods may come back.

Counted from the shipping time: the shop records no delivery time (no channel export carries
one), so the window is the channel's days after the goods left; a seller who counts from
delivery sets a few more days on the channel.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Channel, Order
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.returns.dto import ReturnWindow

DEFAULT_DAYS = 7
MAX_DAYS = 365


def return_window(order: Order, channel: Channel) -> ReturnWindow:
    days = channel.return_window_days
    starts = order.shipped_at if order.stock_issued else None
    return ReturnWindow(days, starts, starts + timedelta(days=days) if starts else None)


def set_return_window(uow: UnitOfWork, channel_id: int, days: int) -> Changed:
    """Set a channel's return window in days (1 to 365)."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValidationError([Problem(_("Return window"), _(
            "'{value}' is not a number of days from 1 to {most}").format(value=days,
                                                                         most=MAX_DAYS))])
    with uow:
        channel = uow.session.get(Channel, channel_id)
        if channel is None:
            raise NotFoundError(_("Channel {id} does not exist").format(id=channel_id))
        channel.return_window_days = days
        name = channel.name
        uow.commit()
    return Changed.of(ChangeArea.CHANNELS, message=_(
        "Channel '{name}': returns accepted for {days} day(s) after shipping").format(
            name=name, days=days), ids=(channel_id,))


def return_windows(uow: UnitOfWork) -> dict[int, int]:
    """Channel id: its return window in days (archived channels included)."""
    with uow:
        return dict(uow.session.execute(
            select(Channel.id, Channel.return_window_days)).tuples().all())
