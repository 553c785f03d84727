"""Order times as exports write them, turned into aware UTC datetimes.

Shopify writes `2024-03-05 14:22:10 -0500` (the offset of the shop's time zone at that moment);
Taobao writes `2024-03-05 14:22:10` with no offset, meaning the seller's clock, which ecdesk
takes as the shop's time zone. A spreadsheet may have rewritten either as `2024/3/5 14:22`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

# Year first, any of - / . between the parts, optional seconds and offset (+0800, +08:00, Z).
_LOOSE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
                    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
                    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?", re.IGNORECASE)

EXAMPLE = "2024-03-05 14:22:10 -0500"


def parse_time(text: str, zone: tzinfo) -> datetime:
    """`text` as an aware UTC datetime; a time without an offset is in `zone`.

    Raises ValueError (with no message for the user: the caller names the cell).
    """
    value = text.strip()
    if len(value) > 6 and value[-6] == " " and value[-5] in "+-":  # "... 14:22:10 -0500"
        value = value[:-6] + value[-5:]
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = _loose(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)


def _loose(value: str) -> datetime:
    match = _LOOSE.fullmatch(value)
    if match is None:
        raise ValueError(value)
    year, month, day, hour, minute, second, offset = match.groups()
    zone = _offset(offset) if offset else None
    return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                    int(second or 0), tzinfo=zone)


def _offset(text: str) -> tzinfo:
    if text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)
