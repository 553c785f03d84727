"""A customer's tags: stored as one normalised text ("a, b, c") so that a LIKE finds one."""

from __future__ import annotations

from collections.abc import Iterable

SEPARATOR = ", "


def normalise_tags(tags: str | Iterable[str]) -> str:
    """Tags typed with commas (ASCII or Chinese) or given as a list: stripped, de-duplicated
    (ignoring case), sorted."""
    items = tags.replace("，", ",").split(",") if isinstance(tags, str) else tags
    seen: dict[str, str] = {}
    for item in items:
        tag = " ".join(item.split())
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return SEPARATOR.join(sorted(seen.values(), key=str.casefold))


def tag_list(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(SEPARATOR)) if stored else ()
