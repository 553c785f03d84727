"""Pricing rules: channels' fixed fees and fee basis, price rules, market reference prices, the
price history (kept by triggers on every price column), the last preview and its applies.

Revision ID: 0008_pricing_rules
Revises: 0007_returns
Create Date: 2026-12-07 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008_pricing_rules'
down_revision = '0007_returns'
branch_labels = None
depends_on = None

# The SQL this revision runs, frozen here (issue #12): ecdesk/models/pricing.py may change, and
# a later revision re-creates the triggers then.
_HISTORY = (
    "INSERT INTO price_history (variant_id, channel_id, old_price, new_price, source, "
    "rule_name, apply_id, at) SELECT {variant}, {channel}, OLD.{column}, NEW.{column}, "
    "coalesce(s.source, 'edit'), '', s.apply_id, strftime('%Y-%m-%d %H:%M:%f', 'now') "
    "FROM (SELECT 1) LEFT JOIN price_change_source s ON s.id = 1 "
    "WHERE OLD.{column} IS NOT NEW.{column} AND coalesce(s.self_recorded, 0) = 0;")
_TRIGGERS = {
    "trg_price_history_variant": ("AFTER UPDATE OF price ON variants",
                                  _HISTORY.format(variant="NEW.id", channel="NULL",
                                                  column="price")),
    "trg_price_history_listing": ("AFTER UPDATE OF channel_price ON listings",
                                  _HISTORY.format(variant="NEW.variant_id",
                                                  channel="NEW.channel_id",
                                                  column="channel_price")),
}
CREATE_TRIGGERS = [f"CREATE TRIGGER {name} {event} BEGIN {body} END"
                   for name, (event, body) in _TRIGGERS.items()]
DROP_TRIGGERS = [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


def upgrade() -> None:
    with op.batch_alter_table('channels', recreate="never") as batch_op:
        batch_op.add_column(sa.Column('per_order_fee', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('per_unit_fee', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('fee_basis', sa.String(length=16), server_default='after_discounts', nullable=False))

    op.create_table('price_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('scope_id', sa.Integer(), nullable=True),
    sa.Column('scope_text', sa.String(length=120), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('min_quantity', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('rate', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('base', sa.String(length=16), nullable=False),
    sa.Column('base_channel_id', sa.Integer(), nullable=True),
    sa.Column('round_to', sa.Integer(), nullable=True),
    sa.Column('ending', sa.String(length=8), nullable=False),
    sa.Column('min_price', sa.Integer(), nullable=True),
    sa.Column('max_price', sa.Integer(), nullable=True),
    sa.Column('min_margin', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['base_channel_id'], ['channels.id'], name=op.f('fk_price_rules_base_channel_id_channels')),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_price_rules_channel_id_channels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_rules')),
    sa.UniqueConstraint('name', name=op.f('uq_price_rules_name'))
    )
    op.create_table('market_prices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('observed_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_market_prices_channel_id_channels')),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_market_prices_variant_id_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_prices'))
    )
    with op.batch_alter_table('market_prices', schema=None) as batch_op:
        batch_op.create_index('ix_market_prices_variant_id_channel_id_observed_on', ['variant_id', 'channel_id', 'observed_on'], unique=False)

    op.create_table('price_applies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.Column('backup', sa.Text(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_applies'))
    )
    op.create_table('price_change_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('apply_id', sa.Integer(), nullable=True),
    sa.Column('self_recorded', sa.Boolean(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_price_change_source_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_change_source'))
    )
    op.create_table('price_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('old_price', sa.Integer(), nullable=True),
    sa.Column('new_price', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('rule_name', sa.String(length=120), nullable=False),
    sa.Column('apply_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_history'))
    )
    with op.batch_alter_table('price_history', schema=None) as batch_op:
        batch_op.create_index('ix_price_history_apply_id', ['apply_id'], unique=False)
        batch_op.create_index('ix_price_history_variant_id_at', ['variant_id', 'at'], unique=False)

    op.create_table('price_preview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('rule_name', sa.String(length=120), nullable=False),
    sa.Column('old_price', sa.Integer(), nullable=True),
    sa.Column('old_effective', sa.Integer(), nullable=False),
    sa.Column('new_price', sa.Integer(), nullable=False),
    sa.Column('change_rate', sa.Integer(), nullable=True),
    sa.Column('margin_before', sa.Integer(), nullable=True),
    sa.Column('margin_after', sa.Integer(), nullable=True),
    sa.Column('follows_list', sa.Boolean(), nullable=False),
    sa.Column('flags', sa.Integer(), nullable=False),
    sa.Column('writes', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_preview'))
    )
    with op.batch_alter_table('price_preview', schema=None) as batch_op:
        batch_op.create_index('ix_price_preview_flags_change', ['flags', 'change_rate'], unique=False)
        batch_op.create_index('ix_price_preview_sku_channel', ['sku', 'channel_id'], unique=False)

    for statement in CREATE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_TRIGGERS:
        op.execute(statement)
    for table in ('price_preview', 'price_history', 'price_change_source', 'price_applies',
                  'market_prices', 'price_rules'):
        op.drop_table(table)
    with op.batch_alter_table('channels') as batch_op:
        for column in ('fee_basis', 'per_unit_fee', 'per_order_fee'):
            batch_op.drop_column(column)
