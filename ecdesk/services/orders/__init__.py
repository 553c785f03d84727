"""Orders from every channel: entered by hand or imported; shipping them issues stock."""
