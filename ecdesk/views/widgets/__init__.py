"""Pieces every page may use: the paged table model and its list view, workers and background
operations, the import wizard's pages and parts, forms (problems under fields, Save only
without errors), completers.

Nothing here imports a capability's views (checked by tests/integration/test_layers.py)."""
