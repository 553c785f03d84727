"""Inventory, stock movements, the stock count and the Alerts page."""
