"""How an order shipped, typed by hand: its carrier (快递公司) and tracking number (快递单号).

A tracking number belongs to one parcel, so it is given for one order at a time; a carrier may
be given for several orders shipped together. Both are optional: a seller who ships by hand
with no number still marks the order shipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem
from ecdesk.i18n import N_, _
from ecdesk.models import Order

MAX_SHIPPING_TEXT = 60  # the width of orders.carrier and orders.tracking_number
# Letters, digits and dashes: what carriers print (SF1234567890123, JT0001234567890, 1Z999AA1…)
TRACKING_PATTERN = re.compile(r"[A-Za-z0-9-]+")
RECENT_ORDERS = 5000


@dataclass(frozen=True)
class ShippedWith:
    carrier: str = ""
    tracking_number: str = ""

    @property
    def empty(self) -> bool:
        return not (self.carrier or self.tracking_number)


def read_shipped_with(carrier: str | None, tracking_number: str | None, orders: int,
                      problems: list[Problem]) -> ShippedWith:
    """The typed carrier and tracking number, trimmed; what is wrong goes to `problems`."""
    carrier = " ".join((carrier or "").split())
    tracking = "".join((tracking_number or "").split())  # copied numbers often carry spaces
    if len(carrier) > MAX_SHIPPING_TEXT:
        problems.append(Problem(N_("Carrier"), _("is longer than {limit} characters")
                                .format(limit=MAX_SHIPPING_TEXT)))
    if tracking and orders != 1:
        problems.append(Problem(N_("Tracking number"),
                                _("a tracking number can be given for one order at a time")))
    if len(tracking) > MAX_SHIPPING_TEXT:
        problems.append(Problem(N_("Tracking number"), _("is longer than {limit} characters")
                                .format(limit=MAX_SHIPPING_TEXT)))
    elif tracking and not TRACKING_PATTERN.fullmatch(tracking):
        problems.append(Problem(N_("Tracking number"),
                                _("{value} may hold only letters, digits and dashes")
                                .format(value=tracking)))
    return ShippedWith(carrier, tracking)


def record_shipped_with(order: Order, shipped: ShippedWith) -> None:
    """Write what was typed; a field left empty keeps what the platform's file said."""
    if shipped.carrier:
        order.carrier = shipped.carrier
    if shipped.tracking_number:
        order.tracking_number = shipped.tracking_number


def carriers_in_use(uow: UnitOfWork, limit: int = 20) -> list[str]:
    """The carriers the shop's latest orders name, the most used first (offered when shipping).

    Only the latest orders are counted: they say which carriers the seller uses now, and a
    large shop's whole order table would take too long to group while a dialog opens."""
    with uow:
        latest = (select(Order.carrier).order_by(Order.id.desc()).limit(RECENT_ORDERS)
                  .subquery())
        return list(uow.session.scalars(
            select(latest.c.carrier).where(latest.c.carrier != "").group_by(latest.c.carrier)
            .order_by(func.count().desc(), latest.c.carrier).limit(limit)))
