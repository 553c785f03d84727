"""Full-text search over the catalog, kept in step with the catalog by triggers.

One document per variant (product title, SKU, barcode, options, channel item ids and titles)
lives in the plain table `catalog_search_docs`; the FTS5 table `catalog_search` indexes it with
the trigram tokenizer (external content, so the text is stored once). Words of three characters
or more are found through the trigram index with LIKE, in any script; shorter words (two Chinese
characters are a common word) scan the plain table, several times faster than scanning FTS5.

Bulk loads drop the triggers, write, then rebuild everything in a few statements.
Changing anything here needs a new migration that re-creates the index.
The revisions keep their own frozen copy of this SQL; tests/integration/test_migrations.py
fails while the triggers here differ from those the revisions create.
"""

from __future__ import annotations

DOCS_TABLE = "catalog_search_docs"
SEARCH_TABLE = "catalog_search"

CREATE_TABLES = [
    f"CREATE TABLE {DOCS_TABLE} (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL)",
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(body, content='{DOCS_TABLE}', "
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

REBUILD = [
    f"DELETE FROM {DOCS_TABLE}",
    f"INSERT INTO {DOCS_TABLE}(rowid, body) {_BODY_OF}",
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES('rebuild')",
]


def _refresh(variant_ids: str) -> str:
    """Trigger body that re-indexes the variants selected by `variant_ids` (a SQL list)."""
    return f"""
        INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, body)
            SELECT 'delete', rowid, body FROM {DOCS_TABLE} WHERE rowid IN ({variant_ids});
        DELETE FROM {DOCS_TABLE} WHERE rowid IN ({variant_ids});
        INSERT INTO {DOCS_TABLE}(rowid, body) {_BODY_OF} WHERE v.id IN ({variant_ids});
        INSERT INTO {SEARCH_TABLE}(rowid, body)
            SELECT rowid, body FROM {DOCS_TABLE} WHERE rowid IN ({variant_ids});"""


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


def create_trigger_statements() -> list[str]:
    return [f"CREATE TRIGGER {name} {event} BEGIN {_refresh(ids)} END"
            for name, (event, ids) in _TRIGGERS.items()]


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


def create_statements() -> list[str]:
    return [*CREATE_TABLES, *create_trigger_statements()]


def drop_statements() -> list[str]:
    return [*drop_trigger_statements(), f"DROP TABLE IF EXISTS {SEARCH_TABLE}",
            f"DROP TABLE IF EXISTS {DOCS_TABLE}"]
