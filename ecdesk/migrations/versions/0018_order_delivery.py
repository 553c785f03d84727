"""When an order was delivered, and how long a channel's parcels travel: the return window
(七天无理由) counts from delivery.

`orders.delivered_at` comes from the platform's file where it carries the buyer's confirmed
receipt (Taobao/Tmall and Pinduoduo 确认收货时间) or from "Mark delivered" on the Orders page;
without it, delivery is taken as the shipping time plus the channel's `transit_days` (3 by
default). Orders already in the file have no delivery time (NULL): their windows count from
shipping plus the transit days.

Revision ID: 0018_order_delivery
Revises: 0017_exchange_orders
Create Date: 2026-12-07 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0018_order_delivery'
down_revision = '0017_exchange_orders'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('orders', recreate="never") as batch:
        batch.add_column(sa.Column('delivered_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('channels', recreate="never") as batch:
        batch.add_column(sa.Column('transit_days', sa.Integer(), nullable=False,
                                   server_default='3'))


def downgrade() -> None:
    with op.batch_alter_table('channels') as batch:
        batch.drop_column('transit_days')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('delivered_at')
