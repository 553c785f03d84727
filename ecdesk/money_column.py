"""The SQLAlchemy column type behind `ecdesk.money.Money()` and `Rate()`.

Kept apart from `ecdesk.money` so that formatting and arithmetic on amounts (the Listings table's
first rows at start-up) do not import SQLAlchemy; `ecdesk.money` still exports `ScaledDecimal`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from ecdesk.money import MoneyError, to_decimal


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an INTEGER count of 10**-scale units (scale 2: cents, fen).

    SQLAlchemy's Numeric goes through float on SQLite; this type never does. A value with more
    decimals than the scale is refused rather than rounded, because rounding belongs to the
    named rounding points, not to storage.
    """

    impl = Integer
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale
        self._factor = Decimal(10) ** scale

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = to_decimal(value) * self._factor
        if scaled != scaled.to_integral_value():
            raise MoneyError(f"{value} has more than {self.scale} decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / self._factor).quantize(Decimal(1).scaleb(-self.scale))
