"""GTIN check digits: EAN-13, UPC-A (12 digits), EAN-8 and GTIN-14 share one mod-10 rule."""

from __future__ import annotations

GTIN_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


def check_digit(body: str) -> int:
    """The digit that completes `body` (all digits but the last)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def barcode_problem(code: str) -> str | None:
    """None when `code` is a valid GTIN, else the reason in plain words."""
    if not (code.isascii() and code.isdigit()):  # isdigit() alone accepts "１２" and "²"
        return f"'{code}' must contain digits only"
    if len(code) not in GTIN_LENGTHS:
        return f"'{code}' has {len(code)} digits; EAN-13 has 13, UPC-A 12, EAN-8 8"
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        kind = GTIN_LENGTHS[len(code)]
        return f"'{code}' is not a valid {kind}: the check digit should be {expected}"
    return None
