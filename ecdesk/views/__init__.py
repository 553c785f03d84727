"""Everything Qt: the main window, pages, dialogs and table models. No SQL here."""

from ecdesk.views.pyside_source_scan import read_sources_without_keeping_them

read_sources_without_keeping_them()  # before any page is imported: see that module
