"""Returns and refunds per order line: units that came back, money paid back, return windows.

Order lines learn how many of their units came back (`returned_quantity`), so that a refund,
cancel or re-import after a return restocks only the rest; each receipt and each refund is a
row of its own; channels get their return window (七天无理由: 7 days by default). The orders
already refunded get one refund row each for their recorded amount.

Revision ID: 0007_returns
Revises: 0006_customers
Create Date: 2026-12-07 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_returns'
down_revision = '0006_customers'
branch_labels = None
depends_on = None

# Frozen SQL (issue #12): what an old shop's refunded orders become, whatever the models say.
FILL_REFUNDS = """
    INSERT INTO order_refunds (order_id, order_line_id, amount, refunded_at, reason, reference)
    SELECT id, NULL, refunded, updated_at, 'Refund recorded before refunds per order', ''
    FROM orders WHERE refunded > 0 ORDER BY id"""


def upgrade() -> None:
    with op.batch_alter_table('order_lines', recreate="never") as batch:
        batch.add_column(sa.Column('returned_quantity', sa.Integer(), nullable=False,
                                   server_default='0'))
    with op.batch_alter_table('channels', recreate="never") as batch:
        batch.add_column(sa.Column('return_window_days', sa.Integer(), nullable=False,
                                   server_default='7'))
    op.create_table(
        'order_returns',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('order_line_id', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('condition', sa.Enum('sellable', 'damaged', name='return_condition',
                                       native_enum=False, create_constraint=True, length=16),
                  nullable=False),
        sa.Column('reason', sa.Enum('no_reason', 'wrong_size', 'quality', 'not_described',
                                    'wrong_item', 'transit_damage', 'other',
                                    name='return_reason', native_enum=False,
                                    create_constraint=True, length=16), nullable=False),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.Column('window_overridden', sa.Boolean(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                                name=op.f('fk_order_returns_order_id_orders')),
        sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'],
                                name=op.f('fk_order_returns_order_line_id_order_lines')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_returns')))
    op.create_index('ix_order_returns_order_line_id', 'order_returns', ['order_line_id'])
    op.create_index('ix_order_returns_received_at', 'order_returns', ['received_at'])
    op.create_table(
        'order_refunds',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('order_line_id', sa.Integer(), nullable=True),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('refunded_at', sa.DateTime(), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                                name=op.f('fk_order_refunds_order_id_orders')),
        sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'],
                                name=op.f('fk_order_refunds_order_line_id_order_lines')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_refunds')))
    op.create_index('ix_order_refunds_order_id', 'order_refunds', ['order_id'])
    op.create_index('ix_order_refunds_refunded_at', 'order_refunds', ['refunded_at'])
    op.execute(FILL_REFUNDS)


def downgrade() -> None:
    op.drop_table('order_refunds')
    op.drop_table('order_returns')
    with op.batch_alter_table('channels') as batch:
        batch.drop_column('return_window_days')
    with op.batch_alter_table('order_lines') as batch:
        batch.drop_column('returned_quantity')
