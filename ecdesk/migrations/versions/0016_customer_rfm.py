"""Stored RFM: each live customer's recency/frequency/monetary figures, scores and segment
(customer_rfm), and one state row with the moment they were computed and a change counter that
triggers bump on every write to orders and to who is a live customer, so that a reader knows in
one comparison whether the stored scores still hold. The table starts empty and stale; the app
fills it off the GUI thread.

Revision ID: 0016_customer_rfm
Revises: 0015_promotions
Create Date: 2026-12-07 18:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0016_customer_rfm'
down_revision = '0015_promotions'
branch_labels = None
depends_on = None

# Frozen SQL: what changes a customer's RFM. An order's other columns (notes, tracking) do not.
_BUMP = "UPDATE customer_rfm_state SET changes = changes + 1 WHERE id = 1"
_ORDER_COLUMNS = "customer_id, status, ordered_at, currency, goods_total, shipping, refunded"
TRIGGERS = {
    'trg_customer_rfm_order_insert': "AFTER INSERT ON orders",
    'trg_customer_rfm_order_delete': "AFTER DELETE ON orders",
    'trg_customer_rfm_order_update': f"AFTER UPDATE OF {_ORDER_COLUMNS} ON orders",
    'trg_customer_rfm_customer_insert': "AFTER INSERT ON customers",
    'trg_customer_rfm_customer_delete': "AFTER DELETE ON customers",
    'trg_customer_rfm_customer_merge': "AFTER UPDATE OF merged_into_id ON customers",
}


def upgrade() -> None:
    op.create_table(
        'customer_rfm',
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('last_order_at', sa.DateTime(), nullable=True),
        sa.Column('orders', sa.Integer(), nullable=False),
        sa.Column('spent', sa.Integer(), nullable=False),
        sa.Column('recency_days', sa.Integer(), nullable=True),
        sa.Column('r', sa.Integer(), nullable=True),
        sa.Column('f', sa.Integer(), nullable=True),
        sa.Column('m', sa.Integer(), nullable=True),
        sa.Column('segment', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name='fk_customer_rfm_customer_id_customers'),
        sa.PrimaryKeyConstraint('customer_id', name='pk_customer_rfm'),
    )
    op.create_index('ix_customer_rfm_spent', 'customer_rfm', ['spent', 'customer_id'])
    op.create_index('ix_customer_rfm_orders', 'customer_rfm', ['orders', 'customer_id'])
    op.create_index('ix_customer_rfm_last_order_at', 'customer_rfm',
                    ['last_order_at', 'customer_id'])
    op.create_index('ix_customer_rfm_segment_spent', 'customer_rfm',
                    ['segment', 'spent', 'customer_id'])
    op.create_table(
        'customer_rfm_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('changes', sa.Integer(), nullable=False),
        sa.Column('computed_changes', sa.Integer(), nullable=True),
        sa.Column('as_of', sa.DateTime(), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_customer_rfm_state'),
    )
    op.execute("INSERT INTO customer_rfm_state (id, changes, computed_changes, as_of, currency) "
               "VALUES (1, 0, NULL, NULL, '')")
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {_BUMP}; END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table('customer_rfm_state')
    op.drop_index('ix_customer_rfm_segment_spent', table_name='customer_rfm')
    op.drop_index('ix_customer_rfm_last_order_at', table_name='customer_rfm')
    op.drop_index('ix_customer_rfm_orders', table_name='customer_rfm')
    op.drop_index('ix_customer_rfm_spent', table_name='customer_rfm')
    op.drop_table('customer_rfm')
