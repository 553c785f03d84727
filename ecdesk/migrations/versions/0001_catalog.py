"""The catalog: products, variants, categories, tags, channels, listings, settings, audit.

Revision ID: 0001_catalog
Revises: 
Create Date: 2026-11-22 07:41:06.350627
"""

from alembic import op
import sqlalchemy as sa

revision = '0001_catalog'
down_revision = None
branch_labels = None
depends_on = None

# The catalog search index as this revision creates it, frozen here (issue #12): the live
# definition in ecdesk/models/search.py may change, and a later revision re-creates the index
# then; this one must do for an old shop exactly what it did when it was written.
_DOCS = "catalog_search_docs"
_SEARCH = "catalog_search"
_CREATE_TABLES = [
    f"CREATE TABLE {_DOCS} (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL)",
    f"CREATE VIRTUAL TABLE {_SEARCH} USING fts5(body, content='{_DOCS}', "
    "content_rowid='rowid', tokenize='trigram')",
]
_BODY_OF = """
    SELECT v.id, p.title || ' ' || v.sku || ' ' || coalesce(v.barcode, '') || ' ' ||
           v.option1 || ' ' || v.option2 || ' ' || v.option3 || ' ' ||
           coalesce((SELECT group_concat(coalesce(l.channel_item_id, '') || ' ' || l.channel_title,
                                         ' ')
                     FROM listings l WHERE l.variant_id = v.id), '')
    FROM variants v JOIN products p ON p.id = v.product_id
"""


def _refresh(variant_ids: str) -> str:
    return f"""
        INSERT INTO {_SEARCH}({_SEARCH}, rowid, body)
            SELECT 'delete', rowid, body FROM {_DOCS} WHERE rowid IN ({variant_ids});
        DELETE FROM {_DOCS} WHERE rowid IN ({variant_ids});
        INSERT INTO {_DOCS}(rowid, body) {_BODY_OF} WHERE v.id IN ({variant_ids});
        INSERT INTO {_SEARCH}(rowid, body)
            SELECT rowid, body FROM {_DOCS} WHERE rowid IN ({variant_ids});"""


_TRIGGERS = {  # name: (event, variant ids to re-index)
    "trg_search_variant_insert": ("AFTER INSERT ON variants", "NEW.id"),
    "trg_search_variant_update": (
        "AFTER UPDATE OF sku, barcode, option1, option2, option3, product_id ON variants",
        "NEW.id, OLD.id"),
    "trg_search_variant_delete": ("AFTER DELETE ON variants", "OLD.id"),
    "trg_search_product_title": ("AFTER UPDATE OF title ON products",
                                 "SELECT id FROM variants WHERE product_id = NEW.id"),
    "trg_search_listing_insert": ("AFTER INSERT ON listings", "NEW.variant_id"),
    "trg_search_listing_update": (
        "AFTER UPDATE OF channel_item_id, channel_title, variant_id ON listings",
        "NEW.variant_id, OLD.variant_id"),
    "trg_search_listing_delete": ("AFTER DELETE ON listings", "OLD.variant_id"),
}
SEARCH_CREATE = [*_CREATE_TABLES, *(f"CREATE TRIGGER {name} {event} BEGIN {_refresh(ids)} END"
                                    for name, (event, ids) in _TRIGGERS.items())]
SEARCH_DROP = [*(f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS),
               f"DROP TABLE IF EXISTS {_SEARCH}", f"DROP TABLE IF EXISTS {_DOCS}"]


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity_entity_id', ['entity', 'entity_id'], unique=False)

    op.create_table('categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('path', sa.String(length=1000), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['categories.id'], name=op.f('fk_categories_parent_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories')),
    sa.UniqueConstraint('path', name=op.f('uq_categories_path')),
    sa.UniqueConstraint('parent_id', 'name', name=op.f('uq_categories_parent_id_name'))
    )
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_categories_parent_id'), ['parent_id'], unique=False)

    op.create_table('channels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.Enum('tmall', 'jd', 'pinduoduo', 'shopify', 'amazon', 'own_site', 'offline', 'other', name='channel_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('commission_rate', sa.Integer(), nullable=False),
    sa.Column('payment_fee_rate', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channels')),
    sa.UniqueConstraint('name', name=op.f('uq_channels_name'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('handle', sa.String(length=255), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('brand', sa.String(length=120), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'active', 'archived', name='product_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('option1_name', sa.String(length=60), nullable=False),
    sa.Column('option2_name', sa.String(length=60), nullable=False),
    sa.Column('option3_name', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_products_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('handle', name=op.f('uq_products_handle'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_title'), ['title'], unique=False)

    op.create_table('product_tags',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_tags_product_id_products'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_product_tags_tag_id_tags'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', 'tag_id', name=op.f('pk_product_tags'))
    )
    with op.batch_alter_table('product_tags', schema=None) as batch_op:
        batch_op.create_index('ix_product_tags_tag_id_product_id', ['tag_id', 'product_id'], unique=False)

    op.create_table('variants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('option1', sa.String(length=120), nullable=False),
    sa.Column('option2', sa.String(length=120), nullable=False),
    sa.Column('option3', sa.String(length=120), nullable=False),
    sa.Column('barcode', sa.String(length=14), nullable=True),
    sa.Column('weight_grams', sa.Integer(), nullable=True),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('compare_at_price', sa.Integer(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_variants_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_variants')),
    sa.UniqueConstraint('sku', name=op.f('uq_variants_sku'))
    )
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.create_index('ix_variants_barcode', ['barcode'], unique=False)
        batch_op.create_index('ix_variants_price', ['price'], unique=False)
        batch_op.create_index('ix_variants_product_id_position_archived', ['product_id', 'position', 'archived'], unique=False)
        batch_op.create_index('ix_variants_unit_cost', ['unit_cost'], unique=False)

    op.create_table('listings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('channel_item_id', sa.String(length=64), nullable=True),
    sa.Column('channel_title', sa.String(length=255), nullable=False),
    sa.Column('channel_price', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('listed', 'paused', 'unlisted', name='listing_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_listings_channel_id_channels')),
    sa.ForeignKeyConstraint(['variant_id'], ['variants.id'], name=op.f('fk_listings_variant_id_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listings')),
    sa.UniqueConstraint('channel_id', 'channel_item_id', name=op.f('uq_listings_channel_id_channel_item_id')),
    sa.UniqueConstraint('variant_id', 'channel_id', name=op.f('uq_listings_variant_id_channel_id'))
    )
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.create_index('ix_listings_channel_id_status', ['channel_id', 'status'], unique=False)

    for statement in SEARCH_CREATE:
        op.execute(statement)


def downgrade() -> None:
    for statement in SEARCH_DROP:
        op.execute(statement)
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index('ix_listings_channel_id_status')

    op.drop_table('listings')
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.drop_index('ix_variants_unit_cost')
        batch_op.drop_index('ix_variants_product_id_position_archived')
        batch_op.drop_index('ix_variants_price')
        batch_op.drop_index('ix_variants_barcode')

    op.drop_table('variants')
    with op.batch_alter_table('product_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_product_tags_tag_id_product_id')

    op.drop_table('product_tags')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_title'))
        batch_op.drop_index(batch_op.f('ix_products_status'))
        batch_op.drop_index(batch_op.f('ix_products_category_id'))

    op.drop_table('products')
    op.drop_table('tags')
    op.drop_table('settings')
    op.drop_table('channels')
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_categories_parent_id'))

    op.drop_table('categories')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity_entity_id')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
