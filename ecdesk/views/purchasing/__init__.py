"""The Purchasing page: purchase orders, their editor, receiving and reorder suggestions."""
