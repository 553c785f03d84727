"""The channel's return window (七天无理由): days after delivery in which goods may come back.

The rule, as the Service settings and the README state it: the window counts from the order's
delivery time, which the platform's file gives where it carries the buyer's confirmed receipt
(Taobao/Tmall and Pinduoduo 确认收货时间) or "Mark delivered" on the Orders page records; an
order without one is taken as delivered the channel's transit days after it shipped.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Channel, Order
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.returns.dto import ReturnWindow, WindowBasis

DEFAULT_DAYS = 7
MAX_DAYS = 365
DEFAULT_TRANSIT_DAYS = 3
MAX_TRANSIT_DAYS = 60
# The rule in one sentence, where the windows are set (Settings and the Service settings).
WINDOW_RULE = N_("Returns are accepted for the channel's days after delivery: the delivery "
                 "time the platform's file gives (确认收货时间) or \"Mark delivered\" on the "
                 "Orders page records, else the shipping time plus the channel's transit days.")


def return_window(order: Order, channel: Channel) -> ReturnWindow:
    """The order's window: from delivery when known, else from shipping plus the transit days;
    none while the goods have not left the shelf."""
    days = channel.return_window_days
    if not order.stock_issued:
        return ReturnWindow(days, None, None)
    if order.delivered_at is not None:
        starts, basis = order.delivered_at, WindowBasis.DELIVERED
    elif order.shipped_at is not None:
        starts = order.shipped_at + timedelta(days=channel.transit_days)
        basis = WindowBasis.SHIPPED_PLUS_TRANSIT
    else:
        return ReturnWindow(days, None, None)
    return ReturnWindow(days, starts, starts + timedelta(days=days), basis)


def _days(value: int, most: int, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise ValidationError([Problem(field, _(
            "'{value}' is not a number of days from 1 to {most}").format(value=value,
                                                                         most=most))])


def set_return_window(uow: UnitOfWork, channel_id: int, days: int) -> Changed:
    """Set a channel's return window in days after delivery (1 to 365)."""
    _days(days, MAX_DAYS, _("Return window"))
    with uow:
        channel = _channel(uow, channel_id)
        channel.return_window_days = days
        name = channel.name
        uow.commit()
    return Changed.of(ChangeArea.CHANNELS, message=_(
        "Channel '{name}': returns accepted for {days} day(s) after delivery").format(
            name=name, days=days), ids=(channel_id,))


def set_transit_days(uow: UnitOfWork, channel_id: int, days: int) -> Changed:
    """Set how many days a channel's parcels travel (1 to 60): an order without a delivery
    time is taken as delivered that long after it shipped."""
    _days(days, MAX_TRANSIT_DAYS, _("Transit days"))
    with uow:
        channel = _channel(uow, channel_id)
        channel.transit_days = days
        name = channel.name
        uow.commit()
    return Changed.of(ChangeArea.CHANNELS, message=_(
        "Channel '{name}': parcels taken as delivered {days} day(s) after shipping").format(
            name=name, days=days), ids=(channel_id,))


def _channel(uow: UnitOfWork, channel_id: int) -> Channel:
    channel = uow.session.get(Channel, channel_id)
    if channel is None:
        raise NotFoundError(_("Channel {id} does not exist").format(id=channel_id))
    return channel


def return_windows(uow: UnitOfWork) -> dict[int, tuple[int, int]]:
    """Channel id: (its return window in days, its transit days), archived channels included."""
    with uow:
        return {channel_id: (days, transit) for channel_id, days, transit in uow.session.execute(
            select(Channel.id, Channel.return_window_days, Channel.transit_days))}
