"""What several capabilities share and no capability owns: Page, Period, shop time, text search,
the amount rule, progress callbacks, document numbers.

Nothing here imports a capability (checked by tests/integration/test_layers.py)."""
