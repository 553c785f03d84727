"""Promotions: their window (UTC, with the zone it was entered in and optional daily hours),
type and parameters, scope, funding, stacking and coupon code, and the channels they run on.
Enum rules are written as ORs (see 0012_checks_as_ors).

Revision ID: 0015_promotions
Revises: 0014_product_type
Create Date: 2026-12-07 18:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0015_promotions'
down_revision = '0014_product_type'
branch_labels = None
depends_on = None


def _one_of(column: str, *values: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(" OR ".join(f"{column} = '{value}'" for value in values),
                              name=op.f(f"ck_promotions_{column}"))


def upgrade() -> None:
    op.create_table(
        'promotions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('params', sa.Text(), nullable=False),
        sa.Column('starts_at', sa.DateTime(), nullable=False),
        sa.Column('ends_at', sa.DateTime(), nullable=False),
        sa.Column('time_zone', sa.String(length=64), nullable=False),
        sa.Column('daily_from', sa.String(length=5), nullable=False),
        sa.Column('daily_to', sa.String(length=5), nullable=False),
        sa.Column('scope', sa.String(length=16), nullable=False),
        sa.Column('scope_id', sa.Integer(), nullable=True),
        sa.Column('scope_text', sa.String(length=120), nullable=False),
        sa.Column('funded_by', sa.String(length=16), nullable=False),
        sa.Column('seller_share', sa.Integer(), nullable=False),
        sa.Column('stacking', sa.String(length=16), nullable=False),
        sa.Column('priority', sa.Integer(), nullable=False),
        sa.Column('coupon_code', sa.String(length=40), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        _one_of('status', 'draft', 'scheduled', 'cancelled'),
        _one_of('kind', 'percent_off', 'amount_off', 'basket_tiers', 'multi_buy', 'gift',
                'bundle', 'fixed_price'),
        _one_of('scope', 'all', 'category', 'tag', 'brand', 'product', 'sku'),
        _one_of('funded_by', 'seller', 'platform', 'shared'),
        _one_of('stacking', 'exclusive', 'stackable'),
        sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_promotions_window')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_promotions')),
        sa.UniqueConstraint('name', name=op.f('uq_promotions_name')))
    op.create_index('ix_promotions_starts_at_ends_at', 'promotions', ['starts_at', 'ends_at'])
    op.create_table(
        'promotion_channels',
        sa.Column('promotion_id', sa.Integer(), nullable=False),
        sa.Column('channel_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'], ondelete='CASCADE',
                                name=op.f('fk_promotion_channels_promotion_id_promotions')),
        sa.ForeignKeyConstraint(['channel_id'], ['channels.id'],
                                name=op.f('fk_promotion_channels_channel_id_channels')),
        sa.PrimaryKeyConstraint('promotion_id', 'channel_id', name=op.f('pk_promotion_channels')))
    op.create_index('ix_promotion_channels_channel_id', 'promotion_channels', ['channel_id'])


def downgrade() -> None:
    op.drop_index('ix_promotion_channels_channel_id', table_name='promotion_channels')
    op.drop_table('promotion_channels')
    op.drop_index('ix_promotions_starts_at_ends_at', table_name='promotions')
    op.drop_table('promotions')
