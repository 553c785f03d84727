"""Shop-wide stock defaults: what a SKU without its own policy falls back to."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Setting
from ecdesk.services.changes import ChangeArea, Changed

PREFIX = "stock."


@dataclass(frozen=True)
class StockDefaults:
    lead_time_days: int = 14  # from ordering to goods on the shelf
    safety_days: int = 7  # safety stock = this many days of sales, unless set per SKU
    cover_days: int = 30  # maximum level = reorder point + this many days of sales
    velocity_window_days: int = 28  # the recent sales that set the velocity
    overstock_days: int = 180  # more days of cover than this is overstock
    dead_stock_days: int = 90  # no sale for this long while in stock is dead stock
    pack_multiple: int = 1
    min_order_qty: int = 1
    # Economic order quantity (经济订货量) for reorder suggestions: the cost of placing one
    # purchase order, in whole units of the shop's currency (0: EOQ off), and the cost of
    # holding one unit for a year, as a percentage of its unit cost.
    ordering_cost: int = 0
    holding_percent: int = 25
    allow_negative: bool = False  # may shipping take on-hand below zero?


LABELS = {
    "lead_time_days": N_("Lead time (days)"), "safety_days": N_("Safety stock (days of sales)"),
    "cover_days": N_("Cover above reorder point (days)"),
    "velocity_window_days": N_("Sales window (days)"),
    "overstock_days": N_("Overstock after (days of cover)"),
    "dead_stock_days": N_("Dead stock after (days without a sale)"),
    "pack_multiple": N_("Pack multiple"), "min_order_qty": N_("Minimum order quantity"),
    "ordering_cost": N_("Ordering cost per purchase order (EOQ; 0: off)"),
    "holding_percent": N_("Holding cost (% of unit cost a year)"),
    "allow_negative": N_("Allow negative stock"),
}
MINIMUM = {"velocity_window_days": 1, "pack_multiple": 1, "min_order_qty": 1,
           "overstock_days": 1, "dead_stock_days": 1, "holding_percent": 1}


def get_stock_defaults(uow: UnitOfWork) -> StockDefaults:
    """The defaults in a read of their own (inside a transaction, use read_stock_defaults)."""
    with uow:
        return read_stock_defaults(uow.session)


def read_stock_defaults(session: Session) -> StockDefaults:
    """The defaults as the caller's transaction sees them."""
    query = select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX))
    stored = dict(session.execute(query).tuples().all())
    values: dict[str, object] = {}
    for item in fields(StockDefaults):
        text = stored.get(PREFIX + item.name)
        if text is not None:
            values[item.name] = text == "1" if item.type == "bool" else int(text)
    return StockDefaults(**values)  # type: ignore[arg-type]


def check_stock_defaults(defaults: StockDefaults) -> list[Problem]:
    problems = []
    for name, value in asdict(defaults).items():
        if isinstance(value, bool):
            continue
        lowest = MINIMUM.get(name, 0)
        if not isinstance(value, int) or value < lowest:
            problems.append(
                Problem(
                    LABELS[name],
                    _("must be a whole number of at least {lowest}").format(lowest=lowest),
                )
            )
    return problems


def update_stock_defaults(uow: UnitOfWork, defaults: StockDefaults) -> Changed:
    problems = check_stock_defaults(defaults)
    if problems:
        raise ValidationError(problems)
    with uow:
        for name, value in asdict(defaults).items():
            text = ("1" if value else "0") if isinstance(value, bool) else str(value)
            row = uow.session.get(Setting, PREFIX + name)
            if row is None:
                uow.session.add(Setting(key=PREFIX + name, value=text))
            elif row.value != text:
                row.value = text
        uow.commit()
    return Changed.of(ChangeArea.STOCK, message=_("Stock defaults saved"))
