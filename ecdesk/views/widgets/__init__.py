"""Pieces every page may use: the paged table model, workers, wizard parts, completers,
form widgets."""
