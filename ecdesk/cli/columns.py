"""Text tables for the terminal whose columns line up with Chinese text (two columns a
character)."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shorten(text: str, most: int) -> str:
    """`text` cut to `most` terminal columns, with an ellipsis when cut."""
    if width(text) <= most:
        return text
    while width(text) > most - 1:
        text = text[:-1]
    return text + "…"


def columns(rows: list[list[str]], right: range) -> list[str]:
    """The rows as lines of aligned columns; the columns in `right` aligned to the right."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, (cell, column_width) in enumerate(zip(row, widths, strict=True)):
            padding = " " * (column_width - width(cell))
            cells.append(padding + cell if i in right else cell + padding)
        lines.append("  ".join(cells).rstrip())
    return lines
