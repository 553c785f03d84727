"""Text search helpers that every capability's search box uses.

User text never reaches SQL or FTS5 as syntax: LIKE wildcards are escaped (with a backslash), and
FTS5 words become quoted phrases (a phrase is literal, so no word is read as an operator; a quote
is doubled). Words of three characters or more can use a trigram index; shorter ones cannot.
"""

from __future__ import annotations

from typing import Any

MIN_TRIGRAM = 3  # the shortest word a trigram index can find


def search_words(text: str) -> list[str]:
    """The words typed in a search box (split on white space); none means "no search"."""
    return [term for term in text.split() if term]


def escape_like(term: str) -> str:
    """`term` with LIKE's wildcards and the escape character itself escaped by a backslash."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column_: Any, term: str) -> Any:
    """A condition: `column_` contains `term` literally (SQLite's LIKE ignores ASCII case)."""
    return column_.like(f"%{escape_like(term)}%", escape="\\")


def starts_with(column_: Any, term: str) -> Any:
    """A condition: `column_` starts with `term` literally (ASCII case ignored)."""
    return column_.like(f"{escape_like(term)}%", escape="\\")


def fts_phrase(word: str) -> str:
    """`word` as a quoted FTS5 phrase: matched literally, never read as query syntax."""
    return '"' + word.replace('"', '""') + '"'
