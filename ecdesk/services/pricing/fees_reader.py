"""The channels' fees read with the driver alone (sqlite3 or SQLAlchemy's exec_driver_sql), for
the Listings rows at start-up and the price preview: one reading for both."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ecdesk.money import from_minor_units
from ecdesk.services.pricing.margin import ChannelFees, FeeBasis

# (sql, parameters) -> rows: sqlite3's Connection.execute or SQLAlchemy's exec_driver_sql
Execute = Callable[[str, tuple[Any, ...]], Iterable[Any]]
RATE_SCALE = Decimal(10) ** 6  # rates are stored as integer millionths (money.Rate)
CHANNEL_FEES = ("SELECT id, commission_rate, payment_fee_rate, per_order_fee, per_unit_fee, "
                "fee_basis FROM channels")


def read_channel_fees(execute: Execute) -> dict[int, ChannelFees]:
    """Every channel's fees by channel id."""
    return {channel_id: ChannelFees(Decimal(commission) / RATE_SCALE,
                                    Decimal(payment) / RATE_SCALE,
                                    from_minor_units(per_order),  # type: ignore[arg-type]
                                    from_minor_units(per_unit),  # type: ignore[arg-type]
                                    FeeBasis(basis))
            for channel_id, commission, payment, per_order, per_unit, basis
            in execute(CHANNEL_FEES, ())}
