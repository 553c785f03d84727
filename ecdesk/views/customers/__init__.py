"""The Customers page: customers across channels, their RFM segments, orders and merges."""
