"""Orders and their lines, the stock ledger, stock policies and alert acknowledgements.

Revision ID: 0002_orders_stock
Revises: 0001_catalog
Create Date: 2026-12-01 09:38:00.018607
"""

from alembic import op
import sqlalchemy as sa


revision = '0002_orders_stock'
down_revision = '0001_catalog'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('ordered_at', sa.DateTime(), nullable=False),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('shipped_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded', name='order_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('customer_name', sa.String(length=120), nullable=False),
    sa.Column('customer_key', sa.String(length=120), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('shipping', sa.Integer(), nullable=False),
    sa.Column('platform_fees', sa.Integer(), nullable=False),
    sa.Column('refunded', sa.Integer(), nullable=False),
    sa.Column('stock_issued', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_orders_channel_id_channels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('channel_id', 'number', name=op.f('uq_orders_channel_id_number'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_customer_key', ['customer_key'], unique=False)
        batch_op.create_index('ix_orders_ordered_at', ['ordered_at'], unique=False)
        batch_op.create_index('ix_orders_status', ['status'], unique=False)

    op.create_table('alert_acks',
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=False),
    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
    sa.Column('severity_measure', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_alert_acks_variant_id_variants')),
    sa.PrimaryKeyConstraint('variant_id', 'kind', name=op.f('pk_alert_acks'))
    )
    op.create_table('order_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('discount', sa.Integer(), nullable=False),
    sa.Column('line_total', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders')),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_order_lines_variant_id_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines'))
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index('ix_order_lines_order_id_position', ['order_id', 'position'], unique=False)
        batch_op.create_index('ix_order_lines_variant_id', ['variant_id'], unique=False)

    op.create_table('stock_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.Enum('received', 'sold', 'returned', 'adjusted', 'counted', 'written_off', name='movement_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=120), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_stock_movements_order_id_orders')),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_stock_movements_variant_id_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements'))
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movements_order_id', ['order_id'], unique=False)
        batch_op.create_index('ix_stock_movements_variant_id_at', ['variant_id', 'at'], unique=False)

    op.create_table('stock_policies',
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('reorder_point', sa.Integer(), nullable=True),
    sa.Column('safety_stock', sa.Integer(), nullable=True),
    sa.Column('max_stock', sa.Integer(), nullable=True),
    sa.Column('lead_time_days', sa.Integer(), nullable=True),
    sa.Column('pack_multiple', sa.Integer(), nullable=True),
    sa.Column('min_order_qty', sa.Integer(), nullable=True),
    sa.Column('allow_negative', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_stock_policies_variant_id_variants')),
    sa.PrimaryKeyConstraint('variant_id', name=op.f('pk_stock_policies'))
    )
    # Stock entered before the ledger existed becomes its opening movement, so that on-hand
    # equals the ledger's sum from the first day.
    op.execute(
        "INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference) "
        "SELECT id, CURRENT_TIMESTAMP, 'adjusted', on_hand, 'Opening balance', '' "
        "FROM variants WHERE on_hand != 0"
    )


def downgrade() -> None:
    op.drop_table('stock_policies')
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movements_variant_id_at')
        batch_op.drop_index('ix_stock_movements_order_id')

    op.drop_table('stock_movements')
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_order_lines_variant_id')
        batch_op.drop_index('ix_order_lines_order_id_position')

    op.drop_table('order_lines')
    op.drop_table('alert_acks')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_status')
        batch_op.drop_index('ix_orders_ordered_at')
        batch_op.drop_index('ix_orders_customer_key')

    op.drop_table('orders')
