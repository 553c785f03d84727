"""The checks before a promotion starts, as SQL over the promotions that are not cancelled and
have not ended (`:now`, naive UTC text as stored). Each lists its SKUs.

`PROMOTION_SKUS` expands each promotion's scope into (promotion_id, variant_id) rows with one
indexed join per kind of scope (the pricing rules' scopes: all, SKU, product, brand, category
and every category under it, tag), never a promotion x SKU product with ORs.
Money is integer cents and rates integer millionths, rounded as pricing/sql.py rounds them.
"""

from __future__ import annotations

from ecdesk.services.pricing.sql import below_floor_text, fees_cents_text

LIVE = """live AS (SELECT * FROM promotions WHERE status != 'cancelled' AND ends_at > :now)"""

PROMOTION_SKUS = """
subtree(root, id) AS (
    SELECT id, id FROM categories
    UNION ALL SELECT s.root, c.id FROM categories c JOIN subtree s ON c.parent_id = s.id),
scoped(promotion_id, variant_id) AS (
    SELECT pr.id, v.id FROM live pr JOIN variants v ON pr.scope = 'all'
    UNION ALL SELECT pr.id, pr.scope_id FROM live pr WHERE pr.scope = 'sku'
    UNION ALL SELECT pr.id, v.id FROM live pr JOIN variants v ON v.product_id = pr.scope_id
        WHERE pr.scope = 'product'
    UNION ALL SELECT pr.id, v.id FROM live pr
        JOIN products p ON pr.scope = 'brand' AND lower(p.brand) = lower(pr.scope_text)
        JOIN variants v ON v.product_id = p.id
    UNION ALL SELECT pr.id, v.id FROM live pr
        JOIN subtree s ON pr.scope = 'category' AND s.root = pr.scope_id
        JOIN products p ON p.category_id = s.id JOIN variants v ON v.product_id = p.id
    UNION ALL SELECT pr.id, v.id FROM live pr
        JOIN product_tags t ON pr.scope = 'tag' AND t.tag_id = pr.scope_id
        JOIN variants v ON v.product_id = t.product_id),
priced AS (
    SELECT sc.promotion_id, pc.channel_id, v.id AS variant_id, v.sku, v.unit_cost AS cost,
           v.compare_at_price AS compare_at, coalesce(l.channel_price, v.price) AS regular
    FROM scoped sc
    JOIN variants v ON v.id = sc.variant_id AND v.archived = 0
    JOIN products p ON p.id = v.product_id AND p.status != 'archived'
    JOIN promotion_channels pc ON pc.promotion_id = sc.promotion_id
    JOIN listings l ON l.variant_id = v.id AND l.channel_id = pc.channel_id)"""

# Pairs of promotions whose windows meet, on a shared channel, covering the same SKU.
OVERLAPS = f"""
WITH RECURSIVE {LIVE}, {PROMOTION_SKUS}
SELECT a.id, b.id, ch.name, a.stacking = 'stackable' AND b.stacking = 'stackable', pa.sku
FROM live a
JOIN live b ON a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
JOIN priced pa ON pa.promotion_id = a.id
JOIN priced pb ON pb.promotion_id = b.id AND pb.channel_id = pa.channel_id
    AND pb.variant_id = pa.variant_id
JOIN channels ch ON ch.id = pa.channel_id
ORDER BY a.id, b.id, ch.name, pa.sku"""

# The promotional price of a unit (per-item types), what the seller receives of it (the price
# plus the part of the discount the platform pays), and the channel's fees on it.
_PROMO_PRICE = """CASE pr.kind
    WHEN 'percent_off' THEN (x.regular * (1000000 - CAST(round(json_extract(pr.params,
        '$.rate') * 1000000) AS INTEGER)) + 500000) / 1000000
    WHEN 'amount_off' THEN max(x.regular - CAST(round(json_extract(pr.params, '$.amount')
        * 100) AS INTEGER), 0)
    ELSE min(x.regular, CAST(round(json_extract(pr.params, '$.amount') * 100) AS INTEGER))
END"""
_RECEIVED = ("(q.promo + (q.regular - q.promo) - "
             "((q.regular - q.promo) * q.seller_share + 500000) / 1000000)")
_FEE_BASE = "(CASE c.fee_basis WHEN 'before_discounts' THEN q.regular ELSE q.promo END)"
BELOW_FLOOR = f"""
WITH RECURSIVE {LIVE}, {PROMOTION_SKUS},
promo AS (
    SELECT pr.id, x.channel_id, x.sku, x.cost, x.regular, pr.seller_share,
           {_PROMO_PRICE} AS promo
    FROM live pr JOIN priced x ON x.promotion_id = pr.id
    WHERE pr.kind IN ('percent_off', 'amount_off', 'fixed_price'))
SELECT q.id, c.name, q.sku, q.promo, {_RECEIVED} < q.cost AS below_cost
FROM promo q JOIN channels c ON c.id = q.channel_id
WHERE {below_floor_text(_RECEIVED, "q.cost", fees_cents_text(_FEE_BASE, "c"), ":floor")}
ORDER BY q.id, c.name, q.sku"""

# A compare-at ("was") price above the lowest price charged on the channel in the seven days
# before the promotion starts, or, with no sale then, above the last price charged before it.
REFERENCE_PRICE = f"""
WITH RECURSIVE {LIVE}, {PROMOTION_SKUS},
sold AS (
    SELECT pr.id, x.channel_id, x.sku, x.compare_at,
        (SELECT min(ol.line_total * 1.0 / ol.quantity) FROM order_lines ol
         JOIN orders o ON o.id = ol.order_id
         WHERE ol.variant_id = x.variant_id AND o.channel_id = x.channel_id
           AND o.status != 'cancelled' AND ol.quantity > 0
           AND o.ordered_at >= datetime(pr.starts_at, '-7 days')
           AND o.ordered_at < pr.starts_at) AS lowest,
        (SELECT ol.line_total * 1.0 / ol.quantity FROM order_lines ol
         JOIN orders o ON o.id = ol.order_id
         WHERE ol.variant_id = x.variant_id AND o.channel_id = x.channel_id
           AND o.status != 'cancelled' AND ol.quantity > 0 AND o.ordered_at < pr.starts_at
         ORDER BY o.ordered_at DESC, ol.id DESC LIMIT 1) AS last
    FROM live pr JOIN priced x ON x.promotion_id = pr.id
    WHERE x.compare_at IS NOT NULL)
SELECT s.id, c.name, s.sku, s.compare_at, coalesce(s.lowest, s.last) AS reference,
       s.lowest IS NULL AS from_last
FROM sold s JOIN channels c ON c.id = s.channel_id
WHERE coalesce(s.lowest, s.last) IS NOT NULL AND s.compare_at > coalesce(s.lowest, s.last)
ORDER BY s.id, c.name, s.sku"""
