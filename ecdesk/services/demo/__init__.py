"""The demo shop: `shop.create_demo_shop` writes it; one generator module per capability
(catalog, orders, stock, customers) and the shared pieces (calendar, draw, rows, targets)."""
