"""The Orders page, the order form, status changes and order import."""
