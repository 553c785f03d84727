"""Listings, the product editor, and catalog import and export."""
