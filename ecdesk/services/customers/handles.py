"""Find or create the customer of each order, by its handle (channel, customer_key).

One set-based pass serves every writer of orders: the order form (one order), the order import
(tens of thousands) and the demo shop (a year). They insert their orders with no customer and
call `link_order_customers` for the ids they wrote, inside their own transaction: handles the
shop knows give their customer, each new handle becomes a new customer (named after its latest
named order, with its e-mail when the key is one, a customer since its first order), and every
such order points at its customer.
On the large shop's 100,000-line import this adds a GROUP BY over the new orders and one UPDATE,
not a query per order.
"""

from __future__ import annotations

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from ecdesk.models.audit import record_bulk
from ecdesk.models.base import UtcDateTime, utc_now
from ecdesk.models.customers import KEY_LIMIT

# New handles among the unlinked orders from :first on, numbered in the order they first bought.
_NEW_HANDLES = """
    CREATE TEMP TABLE new_customer_handles AS
    SELECT :base + row_number() OVER (ORDER BY min(o.ordered_at), o.channel_id, o.customer_key)
               AS customer_id,
           o.channel_id, o.customer_key AS key, min(o.ordered_at) AS first_at
    FROM orders o
    WHERE o.id >= :first AND o.customer_id IS NULL AND o.customer_key != ''
      AND NOT EXISTS (SELECT 1 FROM customer_handles h
                      WHERE h.channel_id = o.channel_id AND h.key = o.customer_key)
    GROUP BY o.channel_id, o.customer_key"""
# INDEXED BY: without ANALYZE's statistics (a new or freshly generated shop) SQLite chose the
# (channel_id, number) index and read a whole channel's orders per new customer: 0.5 s each on
# the large shop, so the demo's 500,000 customers never finished (24 us each by the key).
_INSERT_CUSTOMERS = """
    INSERT INTO customers (id, name, email, phone, address, birthday, notes, tags,
                           merged_into_id, created_at, updated_at)
    SELECT f.customer_id,
           coalesce((SELECT n.customer_name FROM orders n INDEXED BY ix_orders_customer_key
                     WHERE n.customer_key = f.key AND n.channel_id = f.channel_id
                       AND n.customer_name != '' ORDER BY n.ordered_at DESC LIMIT 1), f.key),
           CASE WHEN f.key LIKE '_%@_%' THEN substr(f.key, 1, 200) ELSE '' END,
           '', '', NULL, '', '', NULL, f.first_at, :now
    FROM new_customer_handles f ORDER BY f.customer_id"""
_INSERT_HANDLES = """
    INSERT INTO customer_handles (customer_id, channel_id, key, created_at)
    SELECT customer_id, channel_id, key, :now FROM new_customer_handles ORDER BY customer_id"""
_LINK_ORDERS = """
    UPDATE orders SET customer_id = h.customer_id FROM customer_handles h
    WHERE orders.id >= :first AND orders.customer_id IS NULL AND orders.customer_key != ''
      AND h.channel_id = orders.channel_id AND h.key = orders.customer_key"""


def handle_key(key: str, name: str = "") -> str:
    """The key a handle is stored under: as typed or imported, else the name; casefolded."""
    return (key.strip() or name.strip()).casefold()[:KEY_LIMIT]


def link_order_customers(session: Session, first_order_id: int, *, source: str) -> int:
    """Point every order from `first_order_id` on that has no customer yet at the customer of
    its handle, creating the customers not known yet; returns how many were created.

    Runs inside the caller's transaction; the new customers are one audit row (`source` says
    which write made them)."""
    now = utc_now()
    base = session.execute(text("SELECT coalesce(max(id), 0) FROM customers")).scalar_one()
    session.execute(text("DROP TABLE IF EXISTS new_customer_handles"))
    session.execute(text(_NEW_HANDLES), {"base": base, "first": first_order_id})
    created = session.execute(text("SELECT count(*) FROM new_customer_handles")).scalar_one()
    if created:
        for sql in (_INSERT_CUSTOMERS, _INSERT_HANDLES):
            session.execute(text(sql).bindparams(bindparam("now", type_=UtcDateTime())),
                            {"now": now})
    session.execute(text("DROP TABLE new_customer_handles"))
    session.execute(text(_LINK_ORDERS), {"first": first_order_id})
    if created:
        record_bulk(session, "customers", {"created": created, "source": source,
                                           "ids": [base + 1, base + created]})
    return int(created)

