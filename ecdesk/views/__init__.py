"""Everything Qt: the main window, pages, dialogs and table models. No SQL here."""
