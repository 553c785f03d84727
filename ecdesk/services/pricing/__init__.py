"""THE effective price and margin: one definition that every capability reads.

- `price`: the price a SKU sells at on a channel (the channel's own price, else the list
  price), as Python and as the SQL text the start-up reader uses.
- `margin`: the channel's fees, the margin before and after them, and the margin status
  (ok / thin / negative / unknown cost) that views only display.
- `sql`: the same rules as SQLAlchemy Core expressions for the queries.

The shop's minimum margin is a margin AFTER the channel's fees (what the seller keeps, as the
reports show it). A listing is judged after its channel's commission and payment fee; a SKU
with no channel (the catalog's own price) has no fees, so its margin before fees is the figure.

`price` and `margin` import neither SQLAlchemy nor the models: the Listings rows read at
start-up (services/catalog/first_rows.py) use them before SQLAlchemy is loaded.
"""
