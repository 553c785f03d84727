"""Checks of a product form, without the database: every problem, with its field and row.

Errors block saving; warnings (price below cost, margin under the shop minimum) are shown but
allowed, because a loss leader is a decision, not a typo.
"""

from __future__ import annotations

from decimal import Decimal

from ecdesk.errors import Problem
from ecdesk.i18n import N_, NC_, _
from ecdesk.models import ListingStatus, ProductStatus
from ecdesk.money import format_rate
from ecdesk.services.catalog.barcodes import barcode_problem
from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
from ecdesk.services.common.amounts import read_amount
from ecdesk.services.pricing.margin import MarginStatus, margin_before_fees, margin_status

MAX_SKU_LENGTH = 64


def parse_money_field(text: str, label: str, row: int | None, problems: list[Problem],
                      required: bool = True) -> Decimal | None:
    """Parse a form amount; append a problem and return None when it is not a valid amount."""
    if not text.strip():
        if required:
            problems.append(Problem(label, _("is required"), row))
        return None
    return read_amount(text, label, row, problems)


def whole_grams(text: str) -> int | None:
    """Grams typed as ASCII or full-width digits ("３５０" from a Chinese input method)."""
    digits = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in text.strip())
    return int(digits) if digits.isascii() and digits.isdigit() else None


def check_variant(variant: VariantDraft, row: int, min_margin: Decimal) -> list[Problem]:
    problems: list[Problem] = []
    sku = variant.sku.strip()
    if not sku:
        problems.append(Problem(N_("SKU"), _("is required"), row))
    elif len(sku) > MAX_SKU_LENGTH:
        problems.append(
            Problem(
                N_("SKU"),
                _("is longer than {MAX_SKU_LENGTH} characters").format(
                    MAX_SKU_LENGTH=MAX_SKU_LENGTH
                ),
                row,
            )
        )
    elif any(ch.isspace() for ch in sku):
        problems.append(Problem(N_("SKU"), _("'{sku}' contains spaces").format(sku=sku), row))
    if variant.barcode.strip():
        reason = barcode_problem(variant.barcode.strip())
        if reason:
            problems.append(Problem(N_("Barcode"), reason, row))
    if variant.weight_grams.strip() and whole_grams(variant.weight_grams) is None:
        problems.append(
            Problem(
                NC_("product", "Weight"),
                _("'{weight_grams}' is not whole grams").format(weight_grams=variant.weight_grams),
                row,
            )
        )
    cost = parse_money_field(variant.unit_cost, "Cost", row, problems)
    price = parse_money_field(variant.price, "Price", row, problems)
    compare = parse_money_field(variant.compare_at_price, "Compare-at price", row, problems,
                                required=False)
    if price is not None and compare is not None and compare <= price:
        problems.append(Problem(N_("Compare-at price"), _("should be above the price"), row,
                                "warning"))
    problems.extend(price_warnings(price, cost, min_margin, row))
    return problems


def price_warnings(price: Decimal | None, cost: Decimal | None, min_margin: Decimal,
                   row: int | None, label: str = "Price") -> list[Problem]:
    """The list price's margin (no channel: before fees) against the shop's minimum."""
    if price is None or cost is None:
        return []
    margin = margin_before_fees(price, cost)
    status = margin_status(margin, cost, min_margin)
    if status == MarginStatus.NEGATIVE:
        return [
            Problem(
                label,
                _("{price} is below the cost {cost}").format(price=price, cost=cost),
                row,
                "warning",
            )
        ]
    if status == MarginStatus.THIN:
        return [
            Problem(
                label,
                _("margin {format_rate} is under the shop minimum {format_rate2}").format(
                    format_rate=format_rate(margin), format_rate2=format_rate(min_margin)
                ),
                row,
                "warning",
            )
        ]
    return []


def check_product(draft: ProductDraft, min_margin: Decimal = Decimal("0")) -> list[Problem]:
    """All problems of a product form; the database checks (SKU in use) come on top."""
    problems: list[Problem] = []
    if not draft.title.strip():
        problems.append(Problem(N_("Title"), _("is required")))
    if draft.status not in {s.value for s in ProductStatus}:
        problems.append(
            Problem(N_("Status"),
                    _("'{status}' is not a product status").format(status=draft.status))
        )
    if not draft.variants:
        problems.append(Problem(N_("Variants"), _("a product needs at least one SKU")))
    seen: dict[str, int] = {}
    for row, variant in enumerate(draft.variants, start=1):
        problems.extend(check_variant(variant, row, min_margin))
        key = variant.sku.strip().lower()
        if key and key in seen:
            message = f"'{variant.sku.strip()}' is also used in row {seen[key]}"
            problems.append(Problem(N_("SKU"), message, row))
        seen.setdefault(key, row)
    problems.extend(_check_listings(draft))
    return problems


def _check_listings(draft: ProductDraft) -> list[Problem]:
    problems: list[Problem] = []
    statuses = {s.value for s in ListingStatus}
    for row, listing in enumerate(draft.listings, start=1):
        label = f"Listing {row}"
        if not 0 <= listing.variant_index < len(draft.variants):
            problems.append(Problem(label, _("points at a SKU that is not in the form")))
            continue
        if listing.status not in statuses:
            problems.append(
                Problem(
                    label, _("'{status}' is not a listing status").format(status=listing.status)
                )
            )
        parse_money_field(listing.channel_price, "Channel price", row, problems, required=False)
    return problems


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
