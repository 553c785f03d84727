"""The demo shop's price rules and market prices: a rule of each kind, chosen so that a preview
flags a few prices (a clearance cap under the margin floor, SKUs without a market price, channels
drifting apart), one rule due for review, and a quantity tier. Same rules for the same seed."""

from __future__ import annotations

import random
from decimal import Decimal

from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.pricing.market import MarketPriceDraft, add_market_prices
from ecdesk.services.pricing.price_settings import set_price_settings
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import save_rule

PHONE_ACCESSORIES = "数码配件 Electronics > 手机配件 Phone accessories"
CLEARANCE = "清仓 clearance"
PDD = "拼多多 Pinduoduo"
RULES = [
    RuleDraft(name="京东 JD 2% under the list price", method="relative", channel="京东 JD",
              base="list_price", rate="2", ending=".90", review_on="2025-06-30",
              note="JD's buyers compare: keep it a little under the list price"),
    RuleDraft(name="护肤 Skincare on Tmall: 50% margin after fees", method="target_margin",
              rate="50", channel="天猫旗舰店 Tmall", scope="category",
              scope_value="美妆 Beauty > 护肤 Skincare", ending=".90"),
    RuleDraft(name="拼多多 PDD 3% under the market", method="relative", channel=PDD,
              base="market", rate="3", scope="category", scope_value=PHONE_ACCESSORIES),
    RuleDraft(name="官网 Own site 8% off from 10 units", method="relative",
              channel="官网 Own site", base="list_price", rate="8", min_quantity="10"),
]


def add_pricing(db: Database, seed: int) -> dict[str, int]:
    """The rules above, a clearance cap on three SKUs (flagged: under the floor), and market
    prices for most phone accessories on Pinduoduo (the rest are flagged: no market price)."""
    # 拼多多 sells some 8 % under the others: channels 15 % apart are still consistent here
    set_price_settings(db.uow("demo"), change_threshold="0.20", tolerance="0.15")
    for draft in RULES:
        save_rule(db.uow("demo"), draft)
    with db.uow("demo") as uow:
        clearance = uow.session.execute(text(
            "SELECT v.sku, v.unit_cost FROM variants v JOIN product_tags pt "
            "ON pt.product_id = v.product_id JOIN tags t ON t.id = pt.tag_id "
            "WHERE t.name = :tag AND v.unit_cost > 0 ORDER BY v.id LIMIT 3"),
            {"tag": CLEARANCE}).all()
        accessories = uow.session.execute(text(
            "SELECT v.sku, v.price FROM variants v JOIN products p ON p.id = v.product_id "
            "JOIN categories c ON c.id = p.category_id JOIN listings l ON l.variant_id = v.id "
            "JOIN channels ch ON ch.id = l.channel_id "
            "WHERE c.path = :path AND ch.name = :pdd ORDER BY v.id"),
            {"path": PHONE_ACCESSORIES, "pdd": PDD}).all()
    for sku, cost_cents in clearance:
        cap = (Decimal(cost_cents) * Decimal("1.02") / 100).quantize(Decimal("0.01"))
        save_rule(db.uow("demo"), RuleDraft(
            name=f"清仓限价 Clearance cap {sku}", method="cost_plus", rate="2", scope="sku",
            scope_value=sku, max_price=str(cap), min_margin="5"))
    rng = random.Random(f"pricing-{seed}")
    market = [MarketPriceDraft(sku, PDD, str((Decimal(cents) * Decimal(rng.randint(92, 104))
                                              / 10000).quantize(Decimal("0.01"))),
                               "2026-11-20", rng.choice(["竞品A", "竞品B", "比价网"]))
              for sku, cents in accessories if rng.random() < 0.8]
    add_market_prices(db.uow("demo"), market)
    return {"price_rules": len(RULES) + len(clearance), "market_prices": len(market)}
