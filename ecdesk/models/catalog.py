"""The catalog: categories (a tree), products, their variants (SKUs) and tags."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Column,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecdesk.models.base import EMPTY_TEXT, Base, UtcDateTime, utc_now
from ecdesk.money import Money


class ProductStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    """Store enum values (not names) as text, with a CHECK constraint."""
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e],
                native_enum=False, validate_strings=True, create_constraint=True, length=16)


class Category(Base):
    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # The full path ("Clothing > T-shirts"), kept so that tables can sort and show it cheaply.
    path: Mapped[str] = mapped_column(String(1000), unique=True)

    parent: Mapped[Category | None] = relationship(remote_side=[id])


product_tags = Table(
    "product_tags",
    Base.metadata,
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_product_tags_tag_id_product_id", "tag_id", "product_id"),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255), index=True)
    handle: Mapped[str | None] = mapped_column(String(255), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")  # HTML kept as HTML
    brand: Mapped[str] = mapped_column(String(120), default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    status: Mapped[ProductStatus] = mapped_column(
        _enum(ProductStatus, "product_status"), default=ProductStatus.DRAFT, index=True
    )
    option1_name: Mapped[str] = mapped_column(String(60), default="")
    option2_name: Mapped[str] = mapped_column(String(60), default="")
    option3_name: Mapped[str] = mapped_column(String(60), default="")
    # The platform's own word for the kind of product (Shopify's Type), kept beside the category
    product_type: Mapped[str] = mapped_column(String(120), default="", server_default=EMPTY_TEXT)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    category: Mapped[Category | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=product_tags, order_by=Tag.name)
    variants: Mapped[list[Variant]] = relationship(
        back_populates="product", order_by="Variant.position"
    )


class Variant(Base):
    """One sellable SKU of a product."""

    __tablename__ = "variants"
    __table_args__ = (
        # Covers both the product's SKUs in order and the "not archived" count.
        Index("ix_variants_product_id_position_archived", "product_id", "position", "archived"),
        Index("ix_variants_price", "price"),
        Index("ix_variants_unit_cost", "unit_cost"),
        Index("ix_variants_barcode", "barcode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    option1: Mapped[str] = mapped_column(String(120), default="")
    option2: Mapped[str] = mapped_column(String(120), default="")
    option3: Mapped[str] = mapped_column(String(120), default="")
    barcode: Mapped[str | None] = mapped_column(String(14))
    weight_grams: Mapped[int | None] = mapped_column(Integer)
    unit_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    compare_at_price: Mapped[Decimal | None] = mapped_column(Money())
    archived: Mapped[bool] = mapped_column(default=False)
    # Cached sum of the stock ledger (the inventory capability keeps it in step).
    on_hand: Mapped[int] = mapped_column(Integer, default=0)

    product: Mapped[Product] = relationship(back_populates="variants")
