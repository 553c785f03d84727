"""SQLAlchemy typed ORM models. Imports only the standard library, sqlalchemy and ecdesk.money."""

from ecdesk.models.audit import AuditEntry
from ecdesk.models.base import Base
from ecdesk.models.catalog import Category, Product, ProductStatus, Tag, Variant, product_tags
from ecdesk.models.channels import Channel, ChannelKind, Listing, ListingStatus
from ecdesk.models.customer_rfm import CustomerRfm, CustomerRfmState
from ecdesk.models.customers import Customer, CustomerHandle
from ecdesk.models.orders import Order, OrderLine, OrderStatus
from ecdesk.models.pricing import (
    MarketPrice,
    PriceApply,
    PriceChangeSource,
    PriceHistory,
    PricePreviewRow,
    PriceRule,
)
from ecdesk.models.promotions import Promotion, PromotionChannel
from ecdesk.models.purchasing import (
    CostHistory,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Receipt,
    ReceiptLine,
    Supplier,
    SupplierItem,
    SupplierPriceBreak,
    SupplierStatus,
)
from ecdesk.models.returns import OrderRefund, OrderReturn, ReturnCondition, ReturnReason
from ecdesk.models.settings import Setting
from ecdesk.models.stock import AlertAck, MovementKind, StockMovement, StockPolicy
from ecdesk.models.tickets import (
    CalendarDay,
    CannedReply,
    EntryKind,
    LineOutcome,
    SlaPolicy,
    Ticket,
    TicketEntry,
    TicketLine,
    TicketPriority,
    TicketStatus,
    TicketType,
)

__all__ = [
    "AlertAck", "AuditEntry", "Base", "CalendarDay", "CannedReply", "Category", "Channel",
    "ChannelKind", "CostHistory", "Customer", "CustomerHandle", "CustomerRfm",
    "CustomerRfmState", "EntryKind", "LineOutcome",
    "Listing", "ListingStatus", "MarketPrice", "MovementKind", "Order", "OrderLine",
    "OrderRefund", "OrderReturn", "OrderStatus", "PriceApply", "PriceChangeSource",
    "PriceHistory", "PricePreviewRow", "PriceRule", "Product", "ProductStatus", "Promotion",
    "PromotionChannel", "PurchaseOrder", "PurchaseOrderLine", "PurchaseOrderStatus", "Receipt",
    "ReceiptLine", "ReturnCondition", "ReturnReason", "Setting", "SlaPolicy", "StockMovement",
    "StockPolicy", "Supplier", "SupplierItem", "SupplierPriceBreak", "SupplierStatus", "Tag",
    "Ticket", "TicketEntry", "TicketLine", "TicketPriority", "TicketStatus", "TicketType",
    "Variant", "product_tags",
]
