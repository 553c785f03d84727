"""SQLAlchemy typed ORM models. Imports only the standard library, sqlalchemy and ecdesk.money."""

from ecdesk.models.audit import AuditEntry
from ecdesk.models.base import Base
from ecdesk.models.catalog import Category, Product, ProductStatus, Tag, Variant, product_tags
from ecdesk.models.channels import Channel, ChannelKind, Listing, ListingStatus
from ecdesk.models.settings import Setting

__all__ = [
    "AuditEntry", "Base", "Category", "Channel", "ChannelKind", "Listing", "ListingStatus",
    "Product", "ProductStatus", "Setting", "Tag", "Variant", "product_tags",
]
