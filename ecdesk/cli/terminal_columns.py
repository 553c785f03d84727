"""Columns of text that line up in a terminal, Chinese included (a CJK character takes two
columns): one home for the CLI's tables (inventory, alerts, customers)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shorten(text: str, width: int) -> str:
    """`text`, cut with "…" to fit `width` columns."""
    if display_width(text) <= width:
        return text
    while display_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def columns(rows: list[list[str]], right: range) -> list[str]:
    """The rows as lines of aligned columns; the columns in `right` right-aligned."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
            padding = " " * (width - display_width(cell))
            cells.append(padding + cell if i in right else cell + padding)
        lines.append("  ".join(cells).rstrip())
    return lines
