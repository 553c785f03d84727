"""Full-text search over orders (number, customer name, customer id), kept in step by triggers.

An FTS5 table with the trigram tokenizer indexes the three columns of `orders` itself (external
content: the text is stored once, in `orders`). Words of three characters or more are found
through it in any script; shorter ones are matched with LIKE. Changing the status or the money
of an order does not touch the index: only these three columns fire the update trigger.

Bulk loads may drop the triggers, write, then index their new orders in one statement
(ecdesk.services.shop_file.sqlite_only). Changing anything here needs a new migration.
The revisions keep their own frozen copy of this SQL; tests/integration/test_migrations.py
fails while the triggers here differ from those the revisions create.
"""

from __future__ import annotations

ORDER_SEARCH_TABLE = "order_search"
COLUMNS = "number, customer_name, customer_key"
_NEW = "NEW.id, NEW.number, NEW.customer_name, NEW.customer_key"
_OLD = "OLD.id, OLD.number, OLD.customer_name, OLD.customer_key"
_ADD = f"INSERT INTO {ORDER_SEARCH_TABLE}(rowid, {COLUMNS}) VALUES ({_NEW});"
_REMOVE = (f"INSERT INTO {ORDER_SEARCH_TABLE}({ORDER_SEARCH_TABLE}, rowid, {COLUMNS}) "
           f"VALUES ('delete', {_OLD});")

CREATE_TABLE = (f"CREATE VIRTUAL TABLE {ORDER_SEARCH_TABLE} USING fts5({COLUMNS}, "
                "content='orders', content_rowid='id', tokenize='trigram')")
REBUILD = f"INSERT INTO {ORDER_SEARCH_TABLE}({ORDER_SEARCH_TABLE}) VALUES('rebuild')"
# Index the orders numbered from :first on (a bulk load's new orders) in one statement.
INDEX_FROM = (f"INSERT INTO {ORDER_SEARCH_TABLE}(rowid, {COLUMNS}) "
              f"SELECT id, {COLUMNS} FROM orders WHERE id >= :first")

_TRIGGERS = {
    "trg_order_search_insert": ("AFTER INSERT ON orders", _ADD),
    "trg_order_search_update": (
        "AFTER UPDATE OF number, customer_name, customer_key ON orders", _REMOVE + _ADD),
    "trg_order_search_delete": ("AFTER DELETE ON orders", _REMOVE),
}


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {event} BEGIN {body} END"
            for name, (event, body) in _TRIGGERS.items()]


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


def create_statements() -> list[str]:
    """A new index over the orders already there, and the triggers that keep it in step."""
    return [CREATE_TABLE, REBUILD, *create_trigger_statements()]


def drop_statements() -> list[str]:
    return [*drop_trigger_statements(), f"DROP TABLE IF EXISTS {ORDER_SEARCH_TABLE}"]
