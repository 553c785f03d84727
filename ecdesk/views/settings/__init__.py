"""The Settings page and the shop's forms."""
