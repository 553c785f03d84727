"""Shop settings: name, currency, timezone and the minimum margin that flags thin prices."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Setting
from ecdesk.money import MoneyError, to_decimal
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.shop_time import DEFAULT_TIMEZONE

DEFAULTS = {"shop_name": "", "currency": "CNY", "timezone": DEFAULT_TIMEZONE, "min_margin": "0.20"}
CURRENCIES = ("CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD", "AUD", "CAD", "SEK", "BRL")


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str
    currency: str
    timezone: str
    min_margin: Decimal
    initialized: bool = True


def get_settings(uow: UnitOfWork) -> ShopSettings:
    """The settings in a read of their own (inside a transaction, use read_settings)."""
    with uow:
        return read_settings(uow.session)


def read_settings(session: Session) -> ShopSettings:
    """The settings as the caller's transaction sees them."""
    stored = dict(session.execute(select(Setting.key, Setting.value)).tuples().all())
    values = {**DEFAULTS, **stored}
    return ShopSettings(
        shop_name=values["shop_name"], currency=values["currency"], timezone=values["timezone"],
        min_margin=Decimal(values["min_margin"]), initialized="shop_name" in stored,
    )


def check_settings(shop_name: str, currency: str, timezone: str, min_margin: Decimal | str
                   ) -> list[Problem]:
    problems = []
    if not shop_name.strip():
        problems.append(Problem(N_("Shop name"), _("is required")))
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        problems.append(
            Problem(
                N_("Currency"),
                _("'{currency}' is not a three-letter code such as CNY").format(currency=currency),
            )
        )
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            Problem(
                N_("Timezone"), _("'{timezone}' is not a known time zone").format(timezone=timezone)
            )
        )
    try:
        margin = to_decimal(min_margin)
        if not Decimal("0") <= margin < Decimal("1"):
            problems.append(Problem(N_("Minimum margin"), _("must be between 0 % and 100 %")))
    except MoneyError as error:
        problems.append(Problem(N_("Minimum margin"), str(error)))
    return problems


def update_settings(uow: UnitOfWork, *, shop_name: str, currency: str, timezone: str,
                    min_margin: Decimal | str) -> Changed:
    problems = check_settings(shop_name, currency, timezone, min_margin)
    if problems:
        raise ValidationError(problems)
    values = {"shop_name": shop_name.strip(), "currency": currency, "timezone": timezone,
              "min_margin": str(to_decimal(min_margin))}
    with uow:
        for key, value in values.items():
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            elif row.value != value:
                row.value = value
        uow.commit()
    return Changed.of(ChangeArea.SETTINGS, message=_("Settings saved"))
