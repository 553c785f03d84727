"""A SKU's unit cost at a moment, from the cost history the triggers on `variants` keep
(ecdesk/models/cost_history.py): the cost most recently set before the moment; for a moment
before the SKU's first recorded cost, that first cost (what the SKU was entered at)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Connection

from ecdesk.i18n import _


def cost_as_of_sql(variant_id: str, moment: str) -> str:
    """SQL for the unit cost (minor units) of the SKU whose id is the column `variant_id`, as it
    stood just before `moment` (a bound parameter or column in the stored time form). Qualify
    the column ("k.variant_id"): a bare name would be read as cost_history's own."""
    mine = f"ch.variant_id = {variant_id}"
    return (f"coalesce((SELECT ch.unit_cost FROM cost_history AS ch WHERE {mine} "
            f"AND ch.at < {moment} ORDER BY ch.at DESC, ch.id DESC LIMIT 1), "
            f"(SELECT ch.unit_cost FROM cost_history AS ch WHERE {mine} "
            f"ORDER BY ch.at, ch.id LIMIT 1))")


def costed_by_receipts(conn: Connection, variant_ids: Iterable[int]) -> set[int]:
    """The SKUs among `variant_ids` whose cost is kept by the moving average: those that ever
    had units accepted from a purchase order. A catalog import keeps their cost (with a
    warning) rather than let a file's Cost column undo the average of what was paid."""
    rows = conn.exec_driver_sql(
        "SELECT DISTINCT pol.variant_id FROM purchase_order_lines AS pol "
        "WHERE pol.variant_id IN (SELECT value FROM json_each(?)) AND pol.received > 0",
        (json.dumps(sorted(set(variant_ids))),))
    return {vid for (vid,) in rows}


def average_cost_kept(sku: str, cost: Decimal, kept: Decimal) -> str:
    """The import's warning for a SKU whose cost the file would have replaced."""
    return _("{sku}: the file's cost {cost} is not imported: the SKU's cost {kept} is the "
             "moving average of its purchase receipts").format(sku=sku, cost=cost, kept=kept)
