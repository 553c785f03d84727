"""ecdesk: an offline desktop store-management application."""

__version__ = "0.1.0"
