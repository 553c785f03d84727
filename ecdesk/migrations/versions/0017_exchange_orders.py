"""An exchange's replacement is an order: the order knows the ticket it replaces goods for,
and the returns whose goods it replaces know it.

A replacement order is one per ticket (a unique index on `orders.replaces_ticket_id`; SQLite
lets many NULLs through), so that receiving an exchange's goods twice cannot make two. Shops
already in use have no replacement orders: both columns start NULL.

Revision ID: 0017_exchange_orders
Revises: 0016_customer_rfm
Create Date: 2026-12-07 19:50:00
"""

from alembic import op

revision = '0017_exchange_orders'
down_revision = '0016_customer_rfm'
branch_labels = None
depends_on = None

# Frozen SQL: SQLite adds a column with a foreign key only through ALTER TABLE ... REFERENCES.
ADD_ORDER_TICKET = ("ALTER TABLE orders ADD COLUMN replaces_ticket_id INTEGER "
                    "CONSTRAINT fk_orders_replaces_ticket_id_tickets REFERENCES tickets (id)")
ADD_RETURN_ORDER = ("ALTER TABLE order_returns ADD COLUMN replacement_order_id INTEGER "
                    "CONSTRAINT fk_order_returns_replacement_order_id_orders "
                    "REFERENCES orders (id)")


def upgrade() -> None:
    op.execute(ADD_ORDER_TICKET)
    op.execute(ADD_RETURN_ORDER)
    op.create_index('uq_orders_replaces_ticket_id', 'orders', ['replaces_ticket_id'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('uq_orders_replaces_ticket_id', table_name='orders')
    with op.batch_alter_table('order_returns') as batch:
        batch.drop_column('replacement_order_id')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('replaces_ticket_id')
