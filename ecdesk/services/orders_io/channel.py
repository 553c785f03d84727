"""Which channel imported orders belong to: the one named, or the shop's only channel of the
file's kind (a Shopify export goes to the Shopify channel)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _
from ecdesk.models import Channel
from ecdesk.services.channels import ChannelInfo, channel_info
from ecdesk.services.orders_io.dto import ChannelChoiceError
from ecdesk.services.orders_io.formats import ORDER_FORMATS

KIND_LABELS = {"shopify": "Shopify", "tmall": "Tmall / Taobao", "jd": "JD", "pinduoduo":
               "Pinduoduo", "other": "'other' (Douyin)"}
ChannelRef = int | str | None  # an id, a name, or None for the default of the format


def channel_for(session: Session, format_name: str, channel: ChannelRef) -> ChannelInfo:
    """The channel `channel` names, or the default one; ChannelChoiceError says why not."""
    if isinstance(channel, int):
        found = session.get(Channel, channel)
        if found is None:
            raise ChannelChoiceError(_("channel {channel} no longer exists: choose another")
                                     .format(channel=channel))
        return channel_info(found)
    if isinstance(channel, str) and channel.strip():
        found = session.scalar(select(Channel).where(
            func.lower(Channel.name) == channel.strip().lower()))
        if found is None:
            names = ", ".join(session.scalars(select(Channel.name).order_by(Channel.position)))
            raise ChannelChoiceError(_("there is no channel '{strip}' in the shop (its channels: "
                                       "{value})").format(
                                           strip=channel.strip(), value=names or 'none yet'))
        return channel_info(found)
    kinds = ORDER_FORMATS[format_name].CHANNEL_KINDS
    rows = session.scalars(select(Channel).where(
        Channel.kind.in_(kinds), Channel.archived.is_(False)).order_by(
        Channel.position, Channel.id)).all()
    if len(rows) == 1:
        return channel_info(rows[0])
    kind = " or ".join(KIND_LABELS.get(k, k) for k in kinds)
    if not rows:
        raise ChannelChoiceError(
            _(
                "the shop has no {kind} channel for these orders: add one under Settings, or "
                "choose the channel the orders belong to"
            ).format(kind=kind)
        )
    names = ", ".join(f"'{row.name}'" for row in rows)
    raise ChannelChoiceError(
        _(
            "the shop has several {kind} channels ({names}): choose the one these orders belong to"
        ).format(kind=kind, names=names)
    )


def default_channel(uow: UnitOfWork, format_name: str) -> ChannelInfo | None:
    """The channel a file of this format goes to unless the user chooses (None: must choose)."""
    with uow:
        try:
            return channel_for(uow.session, format_name, None)
        except ChannelChoiceError:
            return None
