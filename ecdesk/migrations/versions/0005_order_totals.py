"""Each order's line count, units and goods total, stored, indexed and kept by triggers.

Sorting the Orders table by total summed every order line of the shop (2.6 s on 700,000
orders); stored, the first page comes from an index. The figures of the orders already in the
file are filled from their lines here (about 3 s per million lines).

Revision ID: 0005_order_totals
Revises: 0004_order_search
Create Date: 2026-12-01 13:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_order_totals'
down_revision = '0004_order_search'
branch_labels = None
depends_on = None

COLUMNS = ("line_count", "units", "goods_total")

# The SQL this revision runs, frozen here (issue #12): the live definitions in
# ecdesk/models/order_totals.py may change, and a later revision re-creates the triggers then;
# this one must do for an old shop exactly what it did when it was written.
FILL_ALL = """
    UPDATE orders AS o SET line_count = t.lines, units = t.units, goods_total = t.goods
    FROM (SELECT order_id, count(*) AS lines, coalesce(sum(quantity), 0) AS units,
                 coalesce(sum(line_total), 0) AS goods
          FROM order_lines WHERE 1 GROUP BY order_id) AS t
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
CREATE_TRIGGERS = [f"CREATE TRIGGER {name} {event} BEGIN {body} END"
                   for name, (event, body) in _TRIGGERS.items()]
DROP_TRIGGERS = [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


def upgrade() -> None:
    with op.batch_alter_table("orders", recreate="never") as batch:
        for column in COLUMNS:
            batch.add_column(sa.Column(column, sa.Integer(), nullable=False, server_default="0"))
    op.execute(FILL_ALL)
    op.execute("CREATE INDEX ix_orders_total ON orders (goods_total + shipping)")
    for statement in CREATE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_TRIGGERS:
        op.execute(statement)
    op.drop_index("ix_orders_total", table_name="orders")
    with op.batch_alter_table("orders") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
