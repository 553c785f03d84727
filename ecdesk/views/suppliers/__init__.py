"""The Suppliers page: who supplies what, their open orders, scorecards and quotes."""
