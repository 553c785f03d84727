"""The Dashboard page and its tiles."""
