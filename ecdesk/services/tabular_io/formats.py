"""Which of several file formats a header is: the one whose signature columns it has most of."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from ecdesk.services.tabular_io.columns import signature_score

CONFIDENT = 0.6  # share of a format's signature columns present for a sure detection


@dataclass(frozen=True)
class FormatGuess:
    name: str
    confident: bool
    scores: dict[str, float]


def guess_format(header: list[str], formats: Mapping[str, ModuleType],
                 lead: float = 0.0) -> FormatGuess:
    """The format (a module with a SIGNATURE) that scores best; sure when it scores at least
    CONFIDENT and `lead` more than the next best (formats that share columns need a lead)."""
    scores = {name: signature_score(header, m.SIGNATURE) for name, m in formats.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return FormatGuess(best, score >= CONFIDENT and score - second >= lead, scores)
