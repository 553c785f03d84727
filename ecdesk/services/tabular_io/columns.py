"""Finding fields in a file's header: by aliases, compared without case, BOM or stars."""

from __future__ import annotations

from collections.abc import Mapping


def normalize(name: str) -> str:
    """Header names compared without case, BOM, extra spaces or a 'required' star."""
    return " ".join(name.replace("\ufeff", "").strip().strip("*").lower().split())


class Columns:
    """Where each field is in the row (a column index), and the file's name for it.

    A field the file has no column for is named by `labels` (the words the import uses for it),
    else by its key."""

    def __init__(self, header: list[str], index: dict[str, int],
                 labels: Mapping[str, str] | None = None) -> None:
        self.header = header
        self.index = index
        self.labels = labels or {}

    def has(self, field: str) -> bool:
        return field in self.index

    def name(self, field: str) -> str:
        i = self.index.get(field)
        return self.header[i] if i is not None else self.labels.get(field, field)

    def get(self, cells: list[str], field: str) -> str:
        i = self.index.get(field, -1)
        return cells[i] if 0 <= i < len(cells) else ""


def match_aliases(header: list[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Field -> index of the first column whose name is one of the field's aliases."""
    normalized = [normalize(h) for h in header]
    found: dict[str, int] = {}
    for field, names in aliases.items():
        for name in names:
            if name in normalized:
                found[field] = normalized.index(name)
                break
    return found


def signature_score(header: list[str], signature: tuple[tuple[str, ...], ...]) -> float:
    """The share of a format's signature column groups that the header has one name of."""
    normalized = set(normalize(h) for h in header)
    hits = sum(1 for group in signature if normalized.intersection(group))
    return hits / len(signature)
