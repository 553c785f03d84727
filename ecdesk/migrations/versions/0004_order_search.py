"""Search over orders: an FTS5 trigram index of order number, customer name and customer id.

The Orders page searches as the user types; on a shop with hundreds of thousands of orders a
LIKE over three columns of every order takes a second, the index a few milliseconds. The index
is built over the orders already in the file (about 5 s per 300,000 orders).

Revision ID: 0004_order_search
Revises: 0003_alert_indexes
Create Date: 2026-12-01 10:50:00
"""

from alembic import op

revision = '0004_order_search'
down_revision = '0003_alert_indexes'
branch_labels = None
depends_on = None

# The order search index as this revision creates it, frozen here (issue #12): the live
# definition in ecdesk/models/order_search.py may change, and a later revision re-creates the
# index then; this one must do for an old shop exactly what it did when it was written.
_COLUMNS = "number, customer_name, customer_key"
_NEW = "NEW.id, NEW.number, NEW.customer_name, NEW.customer_key"
_OLD = "OLD.id, OLD.number, OLD.customer_name, OLD.customer_key"
_ADD = f"INSERT INTO order_search(rowid, {_COLUMNS}) VALUES ({_NEW});"
_REMOVE = f"INSERT INTO order_search(order_search, rowid, {_COLUMNS}) VALUES ('delete', {_OLD});"
_TRIGGERS = {
    "trg_order_search_insert": ("AFTER INSERT ON orders", _ADD),
    "trg_order_search_update": (
        "AFTER UPDATE OF number, customer_name, customer_key ON orders", _REMOVE + _ADD),
    "trg_order_search_delete": ("AFTER DELETE ON orders", _REMOVE),
}
CREATE = [
    f"CREATE VIRTUAL TABLE order_search USING fts5({_COLUMNS}, "
    "content='orders', content_rowid='id', tokenize='trigram')",
    "INSERT INTO order_search(order_search) VALUES('rebuild')",  # the orders already there
    *(f"CREATE TRIGGER {name} {event} BEGIN {body} END"
      for name, (event, body) in _TRIGGERS.items()),
]
DROP = [*(f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS),
        "DROP TABLE IF EXISTS order_search"]


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP:
        op.execute(statement)
