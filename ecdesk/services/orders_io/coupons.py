"""Discount (coupon) codes as an order keeps them: upper-case, comma-separated, no spaces.

Shopify's "Discount Code" holds one code, or several joined by commas; codes are matched
without regard to case (a buyer types "d11" for "D11"), so they are kept upper-case.
"""

from __future__ import annotations

LIMIT = 120  # the orders.coupon_codes column


def coupon_list(text: str) -> str:
    """'d11, freeship ' -> 'D11,FREESHIP' (each code once, in the file's order)."""
    codes: list[str] = []
    for part in text.split(","):
        code = "".join(part.split()).upper()
        if code and code not in codes:
            codes.append(code)
    return ",".join(codes)[:LIMIT]
