"""Returns per order line: goods received back move stock once (sellable back on the shelf,
damaged received then written off), within the channel's return window unless overridden."""
