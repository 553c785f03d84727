"""Customers with per-channel handles; orders point at their customer.

Each distinct (channel, customer_key) of the orders already in the file becomes one customer
with one handle (the key was never scoped by channel: the same key on two channels becomes two
customers, which the owner can merge). The customer takes the name of the handle's latest named
order, its e-mail when the key is one, and "customer since" from its first order.

Revision ID: 0006_customers
Revises: 0005_order_totals
Create Date: 2026-12-07 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_customers'
down_revision = '0005_order_totals'
branch_labels = None
depends_on = None

# Frozen SQL (issue #12): what this revision does for an old shop never changes with the models.
ADD_ORDER_CUSTOMER = ("ALTER TABLE orders ADD COLUMN customer_id INTEGER "
                      "CONSTRAINT fk_orders_customer_id_customers REFERENCES customers (id)")
FILL_HANDLES = """
    CREATE TEMP TABLE customer_fill AS
    SELECT row_number() OVER (ORDER BY min(o.ordered_at), o.channel_id, o.customer_key) AS id,
           o.channel_id, o.customer_key AS key, min(o.ordered_at) AS first_at
    FROM orders o WHERE o.customer_key != '' GROUP BY o.channel_id, o.customer_key"""
FILL_CUSTOMERS = """
    INSERT INTO customers (id, name, email, phone, address, birthday, notes, tags,
                           merged_into_id, created_at, updated_at)
    SELECT f.id,
           coalesce((SELECT n.customer_name FROM orders n
                     WHERE n.customer_key = f.key AND n.channel_id = f.channel_id
                       AND n.customer_name != '' ORDER BY n.ordered_at DESC LIMIT 1), f.key),
           CASE WHEN f.key LIKE '_%@_%' THEN substr(f.key, 1, 200) ELSE '' END,
           '', '', NULL, '', '', NULL, f.first_at, f.first_at
    FROM customer_fill f ORDER BY f.id"""
FILL_HANDLE_ROWS = """
    INSERT INTO customer_handles (customer_id, channel_id, key, created_at)
    SELECT id, channel_id, key, first_at FROM customer_fill ORDER BY id"""
LINK_ORDERS = """
    UPDATE orders SET customer_id = h.customer_id FROM customer_handles h
    WHERE h.channel_id = orders.channel_id AND h.key = orders.customer_key
      AND orders.customer_key != ''"""


def upgrade() -> None:
    op.create_table(
        'customers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('email', sa.String(length=200), nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('address', sa.Text(), nullable=False),
        sa.Column('birthday', sa.Date(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('tags', sa.Text(), nullable=False),
        sa.Column('merged_into_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['merged_into_id'], ['customers.id'],
                                name='fk_customers_merged_into_id_customers'),
        sa.PrimaryKeyConstraint('id', name='pk_customers'),
    )
    op.create_index('ix_customers_merged_into_id', 'customers', ['merged_into_id'])
    op.create_table(
        'customer_handles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('channel_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=120), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['channel_id'], ['channels.id'],
                                name='fk_customer_handles_channel_id_channels'),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name='fk_customer_handles_customer_id_customers'),
        sa.PrimaryKeyConstraint('id', name='pk_customer_handles'),
        sa.UniqueConstraint('channel_id', 'key', name='uq_customer_handles_channel_id_key'),
    )
    op.create_index('ix_customer_handles_customer_id', 'customer_handles', ['customer_id'])
    op.execute(ADD_ORDER_CUSTOMER)
    op.execute(FILL_HANDLES)
    op.execute(FILL_CUSTOMERS)
    op.execute(FILL_HANDLE_ROWS)
    op.execute("DROP TABLE customer_fill")
    op.execute(LINK_ORDERS)
    op.create_index('ix_orders_customer_id_ordered_at', 'orders', ['customer_id', 'ordered_at'])


def downgrade() -> None:
    op.drop_index('ix_orders_customer_id_ordered_at', table_name='orders')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('customer_id')
    op.drop_index('ix_customer_handles_customer_id', table_name='customer_handles')
    op.drop_table('customer_handles')
    op.drop_index('ix_customers_merged_into_id', table_name='customers')
    op.drop_table('customers')
