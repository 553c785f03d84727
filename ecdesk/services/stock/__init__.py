"""Stock: the movement ledger, stock counts, per-SKU policies, reorder arithmetic and alerts."""
