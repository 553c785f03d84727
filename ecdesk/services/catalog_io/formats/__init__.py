"""The file formats ecdesk reads, and which one a header is."""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from ecdesk.services.catalog_io.formats import shopify, taobao, template, woocommerce
from ecdesk.services.tabular_io.columns import match_aliases
from ecdesk.services.tabular_io.formats import FormatGuess, guess_format

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (shopify, woocommerce, taobao, template)}
LEAD = 0.2  # product formats share columns (Title, SKU, Price): a sure guess must stand out


def detect_format(header: list[str]) -> FormatGuess:
    """The format whose signature columns the header has most of; unsure when it is close.

    A header that another format reads more columns of is read as that format, as a guess:
    an ecdesk template without its optional columns (Product ID, Weight (g), Archived) has
    more of Shopify's signature than of its own, and read as Shopify its Cost and Stock
    columns were dropped without a word."""
    guess = guess_format(header, FORMATS, LEAD)
    covered = {name: len(set(column_index(header, name).values())) for name in FORMATS}
    best = max(FORMATS, key=lambda name: (covered[name], guess.scores[name]))
    if covered[best] > covered[guess.name]:
        return replace(guess, name=best, confident=False)
    return guess


def column_index(header: list[str], name: str) -> dict[str, int]:
    """Field -> column index for format `name`, from its header aliases and extra columns."""
    module = FORMATS[name]
    found = match_aliases(header, module.ALIASES)
    for field, index in module.extra_columns(header).items():
        found.setdefault(field, index)
    return found


def format_labels() -> dict[str, str]:
    return {name: m.LABEL for name, m in FORMATS.items()}
