"""Customers: people known across channels by their per-channel handles, their RFM segments,
merges and the Customers page's queries."""
