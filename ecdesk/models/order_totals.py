"""Each order's line count, units and goods total, stored on the order and kept by triggers.

The Orders table sorts by these; computed from the lines, a sort by total summed every line of
the shop (2.6 s on 700,000 orders). Stored and indexed, it reads the first page from an index.
Triggers on `order_lines` keep them right whoever writes a line (the order form, an import, the
demo), so the stored figures cannot drift from the lines they sum.

Bulk loads may drop the triggers, write, then fill the figures of the orders they wrote in one
statement (ecdesk.services.shop_file.sqlite_only). Changing anything here needs a new migration.
The revisions keep their own frozen copy of this SQL; tests/integration/test_migrations.py
fails while the triggers here differ from those the revisions create.
"""

from __future__ import annotations

# The figures of the orders numbered from :first on, from their lines (after a bulk load).
FILL_FROM = """
    UPDATE orders AS o SET line_count = t.lines, units = t.units, goods_total = t.goods
    FROM (SELECT order_id, count(*) AS lines, coalesce(sum(quantity), 0) AS units,
                 coalesce(sum(line_total), 0) AS goods
          FROM order_lines WHERE order_id >= :first GROUP BY order_id) AS t
    WHERE o.id = t.order_id"""

_ADD = ("UPDATE orders SET line_count = line_count + 1, units = units + NEW.quantity, "
        "goods_total = goods_total + NEW.line_total WHERE id = NEW.order_id;")
_REMOVE = ("UPDATE orders SET line_count = line_count - 1, units = units - OLD.quantity, "
           "goods_total = goods_total - OLD.line_total WHERE id = OLD.order_id;")

_TRIGGERS = {
    "trg_order_totals_insert": ("AFTER INSERT ON order_lines", _ADD),
    "trg_order_totals_update": ("AFTER UPDATE OF order_id, quantity, line_total ON order_lines",
                                _REMOVE + _ADD),
    "trg_order_totals_delete": ("AFTER DELETE ON order_lines", _REMOVE),
}

# Orders whose stored figures differ from their lines (for `check` and backup verification).
MISMATCH_SQL = """
    SELECT o.id, o.number FROM orders o
    LEFT JOIN (SELECT order_id, count(*) AS lines, sum(quantity) AS units,
                      sum(line_total) AS goods FROM order_lines GROUP BY order_id) t
      ON t.order_id = o.id
    WHERE o.line_count != coalesce(t.lines, 0) OR o.units != coalesce(t.units, 0)
       OR o.goods_total != coalesce(t.goods, 0)
    LIMIT ?"""


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {event} BEGIN {body} END"
            for name, (event, body) in _TRIGGERS.items()]


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]
