"""Plain frozen values that cross from the catalog services to the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from ecdesk.services.pricing.margin import (
    ChannelFees,
    MarginStatus,
    margin_after_fees,
    margin_status,
)

STATUS_NOT_ARCHIVED = "not_archived"


@dataclass(frozen=True)
class ListingCell:
    channel_id: int
    status: str
    price: Decimal  # the channel price, or the SKU's list price when the channel has none
    own_price: bool  # True when the channel has a price of its own
    channel_item_id: str | None
    cost: Decimal  # the SKU's unit cost
    fees: ChannelFees  # the channel's
    min_margin: Decimal  # the shop's minimum margin

    # Judged when first asked for, not when the page is read: a page of 256 SKUs has some 700
    # cells and their fees (two rounded products each) took ~1.7 ms of a ~9 ms page, while a
    # table shows a tenth of them. Both are the pricing module's figures all the same.
    @cached_property
    def margin(self) -> Decimal | None:
        """What the seller keeps after the channel's fees."""
        return margin_after_fees(self.price, self.cost, self.fees)

    @cached_property
    def margin_status(self) -> MarginStatus:
        """`margin` against the shop's minimum."""
        return margin_status(self.margin, self.cost, self.min_margin)


@dataclass(frozen=True)
class VariantRow:
    variant_id: int
    product_id: int
    title: str
    sku: str
    options: str
    status: str
    category: str
    price: Decimal
    cost: Decimal
    margin: Decimal | None  # of the list price: no channel, so no fees
    margin_status: MarginStatus  # `margin` against the shop's minimum
    min_margin: Decimal  # the shop's minimum margin the statuses were judged against
    stock: int
    barcode: str | None
    listings: dict[int, ListingCell] = field(default_factory=dict)


@dataclass(frozen=True)
class VariantQuery:
    """What the Listings table shows: filters, search text and sort, all applied in SQL."""

    search: str = ""
    status: str = STATUS_NOT_ARCHIVED  # a ProductStatus value, "not_archived" or "" for all
    category_id: int | None = None  # includes sub-categories
    tag_id: int | None = None
    channel_id: int | None = None
    listing_status: str | None = None  # with channel_id: listed | paused | unlisted | "none"
    sort: str = "title"  # a SORT_KEYS key or "channel:<id>"
    descending: bool = False


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class FilterOptions:
    categories: list[Choice]  # label is the full path, "Clothing > T-shirts"
    tags: list[Choice]
    channels: list[Choice]


@dataclass(frozen=True)
class VariantDraft:
    """A SKU as typed in the product form; amounts are the text the user typed."""

    sku: str
    option1: str = ""
    option2: str = ""
    option3: str = ""
    barcode: str = ""
    weight_grams: str = ""
    unit_cost: str = "0"
    price: str = "0"
    compare_at_price: str = ""
    archived: bool = False
    id: int | None = None


@dataclass(frozen=True)
class ListingDraft:
    """A SKU on a channel; `variant_index` points into ProductDraft.variants."""

    variant_index: int
    channel_id: int
    status: str  # listed | paused | unlisted
    channel_price: str = ""  # empty: use the SKU's list price
    channel_item_id: str = ""
    channel_title: str = ""


@dataclass(frozen=True)
class ProductDraft:
    title: str
    description: str = ""
    brand: str = ""
    category_path: str = ""  # "Clothing > T-shirts"; created when new
    tags: tuple[str, ...] = ()
    status: str = "draft"
    option_names: tuple[str, str, str] = ("", "", "")
    variants: tuple[VariantDraft, ...] = ()
    listings: tuple[ListingDraft, ...] = ()


@dataclass(frozen=True)
class ProductDetail:
    id: int
    draft: ProductDraft
    created_at: str
    updated_at: str


