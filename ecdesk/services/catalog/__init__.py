"""The catalog: products, their SKUs and per-channel listings."""
