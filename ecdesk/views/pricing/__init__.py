"""The Pricing page: price rules, their preview, apply and undo, market prices, the channel
consistency check; and the price breakdown the product dialog shows."""
