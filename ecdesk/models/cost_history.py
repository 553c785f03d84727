"""Each SKU's unit cost over time, kept by triggers on `variants`.

Whoever writes a SKU's cost (the product form, a catalog import, a receipt's moving average, the
demo) leaves a row here saying from when the SKU cost what, so that a valuation of a past moment
reads the cost of that moment (ecdesk.services.purchasing.cost_method) and never changes when
stock is received or costs are edited later. A new SKU's first cost is recorded when it is made.
The time is the wall clock's, in the stored form of UtcDateTime (naive UTC, microseconds).

Changing anything here needs a new migration: the revisions keep their own frozen copy of this
SQL, and tests/integration/test_migrations.py fails while the two differ.
"""

from __future__ import annotations

_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
_RECORD = (f"INSERT INTO cost_history (variant_id, at, unit_cost) "
           f"VALUES (NEW.id, {_NOW}, NEW.unit_cost);")
_TRIGGERS = {
    "trg_cost_history_insert": "AFTER INSERT ON variants",
    "trg_cost_history_update": ("AFTER UPDATE OF unit_cost ON variants "
                                "WHEN NEW.unit_cost IS NOT OLD.unit_cost"),
}


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {event} BEGIN {_RECORD} END"
            for name, event in _TRIGGERS.items()]
