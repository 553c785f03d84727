"""What several capabilities share and no capability owns: Page, Period, shop time, text search.

Nothing here imports a capability."""
