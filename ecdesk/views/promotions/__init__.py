"""The Promotions page (Sell): the promotion calendar as a list with filters, and the checks."""
