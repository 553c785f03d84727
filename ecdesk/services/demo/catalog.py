"""What the demo's sales generator needs to know about a shop's catalog, read back with SQL.

SKUs are addressed by their position in these lists (an "index"), not by id, so the generator's
per-SKU tallies can be flat lists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import Connection

from ecdesk.services.demo.draw import Weighted
from ecdesk.services.pricing.fees_reader import read_channel_fees
from ecdesk.services.pricing.margin import ChannelFees
from ecdesk.services.pricing.price import effective_price_text

# Share of orders per channel kind; kinds not named here get OTHER_SHARE.
CHANNEL_SHARE = {"tmall": 40, "jd": 20, "pinduoduo": 25, "own_site": 15, "shopify": 15,
                 "amazon": 10}
OTHER_SHARE = 5
NEVER_SELLS = 0.09  # of active SKUs: nobody wants them
FADED = 0.05  # of active SKUs: sold in the first months, then nothing (dead stock)


@dataclass
class SalesChannel:
    id: int
    kind: str
    currency: str
    fees: ChannelFees  # billed on each order as pricing.margin.channel_fees bills them
    share: float
    prices: dict[int, int] = field(default_factory=dict)  # SKU index -> unit price, minor units


@dataclass
class ShopCatalog:
    ids: list[int]
    product_ids: list[int]
    costs: list[int]
    product_status: list[str]
    channels: list[SalesChannel]
    popularity: list[float] = field(default_factory=list)  # 0: never sells
    faded: list[bool] = field(default_factory=list)  # sells only in the first months

    def __len__(self) -> int:
        return len(self.ids)


def read_catalog(conn: Connection) -> ShopCatalog:
    rows = conn.exec_driver_sql(
        "SELECT v.id, v.product_id, v.unit_cost, p.status FROM variants v "
        "JOIN products p ON p.id = v.product_id WHERE v.archived = 0 ORDER BY v.id").all()
    ids, product_ids, costs, statuses = (list(column) for column in zip(*rows, strict=True)
                                         ) if rows else ([], [], [], [])
    fees = read_channel_fees(lambda sql, params: conn.exec_driver_sql(sql, params))
    channels = [SalesChannel(cid, kind, currency, fees[cid], CHANNEL_SHARE.get(kind, OTHER_SHARE))
                for cid, kind, currency in conn.exec_driver_sql(
                    "SELECT id, kind, currency FROM channels WHERE archived = 0 "
                    "ORDER BY position, id")]
    index_of = {vid: i for i, vid in enumerate(ids)}
    by_id = {channel.id: channel for channel in channels}
    for vid, cid, price in conn.exec_driver_sql(
            "SELECT l.variant_id, l.channel_id, "
            f"{effective_price_text('l.channel_price', 'v.price')} "
            "FROM listings l JOIN variants v ON v.id = l.variant_id ORDER BY l.id"):
        index, channel = index_of.get(vid), by_id.get(cid)
        if index is not None and channel is not None:
            channel.prices[index] = price
    return ShopCatalog(ids, product_ids, costs, statuses, channels)


def assign_popularity(rng: random.Random, catalog: ShopCatalog) -> None:
    """A few best sellers, a long tail, some SKUs that never sell. Drafts are not on sale yet;
    archived products sold out their stock in the first months of the year."""
    count = len(catalog)
    catalog.popularity = [0.0] * count
    catalog.faded = [status == "archived" for status in catalog.product_status]
    selling = []
    for index, status in enumerate(catalog.product_status):
        if status == "draft":
            continue
        roll = rng.random()
        if status == "active" and roll < NEVER_SELLS:
            continue
        if status == "active" and roll < NEVER_SELLS + FADED:
            catalog.faded[index] = True
        selling.append(index)
    rng.shuffle(selling)
    for rank, index in enumerate(selling):
        catalog.popularity[index] = 1 / (rank + 4)


def assortment(catalog: ShopCatalog, channel: SalesChannel, late: bool) -> Weighted[int]:
    """The SKUs (indexes) one channel sells in one phase of the year, by popularity."""
    skus = [i for i in sorted(channel.prices)
            if catalog.popularity[i] > 0 and not (late and catalog.faded[i])]
    return Weighted(skus, (catalog.popularity[i] for i in skus))
