"""The shop's pricing settings: the margin floor (the shop's minimum margin, after fees), the
change a preview flags as big, and how far apart channels may price a SKU."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Setting
from ecdesk.money import MoneyError, to_decimal
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.pricing.resolve import PriceSettings
from ecdesk.services.settings import read_settings

KEYS = {"price_change_threshold": Decimal("0.20"), "price_tolerance": Decimal("0.10")}


def read_price_settings(session: Session) -> PriceSettings:
    stored = dict(session.execute(select(Setting.key, Setting.value).where(
        Setting.key.in_(KEYS))).tuples().all())
    values = {key: Decimal(stored.get(key, str(default))) for key, default in KEYS.items()}
    return PriceSettings(read_settings(session).min_margin, values["price_change_threshold"],
                         values["price_tolerance"])


def set_price_settings(uow: UnitOfWork, *, change_threshold: Decimal | str,
                       tolerance: Decimal | str) -> Changed:
    """Set the big-change threshold and the channels' tolerance (fractions: 0.2 for 20 %)."""
    problems, values = [], {}
    for key, label, value in (("price_change_threshold", _("Big change above"), change_threshold),
                              ("price_tolerance", _("Channels may differ by"), tolerance)):
        try:
            rate = to_decimal(value)
        except MoneyError:
            problems.append(Problem(label, _("'{value}' is not a percentage").format(
                value=value)))
            continue
        if not Decimal(0) <= rate <= Decimal(10):
            problems.append(Problem(label, _("must be from 0 % to 1000 %")))
        values[key] = str(rate)
    if problems:
        raise ValidationError(problems)
    with uow:
        uow.session.execute(delete(Setting).where(Setting.key.in_(values)))
        uow.session.execute(insert(Setting), [{"key": k, "value": v} for k, v in values.items()])
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=_("Pricing settings saved"))
