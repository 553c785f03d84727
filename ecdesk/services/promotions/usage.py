"""How often each promotion's coupon code was used: the orders placed in its window, on its
channels, that carried the code (recorded by the order imports, orders.coupon_codes)."""

from __future__ import annotations

from ecdesk.db import UnitOfWork
from ecdesk.services.promotions.results_queries import ResultsScope, coupon_uses, slots
from ecdesk.services.promotions.store import read_promotions
from ecdesk.services.settings import read_settings


def coupon_use_counts(uow: UnitOfWork) -> dict[int, int]:
    """{promotion id: orders that used its code}, for the promotions that have a code."""
    with uow:
        session = uow.session
        currency = read_settings(session).currency
        return {p.id: coupon_uses(session, ResultsScope(p.id, tuple(slots(p)), currency),
                                  p.coupon_code)
                for p in read_promotions(session) if p.coupon_code}
