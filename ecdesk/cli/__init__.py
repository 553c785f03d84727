"""The command line: `parser` reads the arguments (and holds every command's name and help);
each command family's module (inventory, maintenance, orders_import, reports, stock) is imported
only when its command runs."""

from ecdesk.cli.parser import main

__all__ = ["main"]
