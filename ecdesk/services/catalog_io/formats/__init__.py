"""The file formats ecdesk reads, and which one a header is."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from ecdesk.services.catalog_io.formats import shopify, taobao, template, woocommerce
from ecdesk.services.catalog_io.formats.common import match_aliases, signature_score

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (shopify, woocommerce, taobao, template)}
CONFIDENT = 0.6  # share of a format's signature columns present for a sure detection


@dataclass(frozen=True)
class FormatGuess:
    name: str
    confident: bool
    scores: dict[str, float]


def detect_format(header: list[str]) -> FormatGuess:
    """The format whose signature columns the header has most of; unsure when it is close."""
    scores = {name: signature_score(header, m.SIGNATURE) for name, m in FORMATS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, score), (_, second) = ranked[0], ranked[1]
    return FormatGuess(best, score >= CONFIDENT and score - second >= 0.2, scores)


def column_index(header: list[str], name: str) -> dict[str, int]:
    """Field -> column index for format `name`, from its header aliases and extra columns."""
    module = FORMATS[name]
    found = match_aliases(header, module.ALIASES)
    for field, index in module.extra_columns(header).items():
        found.setdefault(field, index)
    return found


def format_labels() -> dict[str, str]:
    return {name: m.LABEL for name, m in FORMATS.items()}
