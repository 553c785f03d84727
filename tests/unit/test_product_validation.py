"""The product form's checks: every problem with its field and row; warnings do not block."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecdesk.errors import Problem
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.catalog.validation import blocking, check_product

MIN_MARGIN = Decimal("0.20")


def product(*variants: VariantDraft, title: str = "Cotton tee", **fields) -> ProductDraft:
    return ProductDraft(title=title, variants=variants, **fields)


def sku(code: str = "TEE-1", **fields) -> VariantDraft:
    values = {"unit_cost": "5.00", "price": "20.00", **fields}
    return VariantDraft(sku=code, **values)


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_a_complete_product_has_no_problem() -> None:
    draft = product(sku("TEE-1", barcode="4006381333931", weight_grams="180",
                        compare_at_price="29.90"),
                    sku("TEE-2", price="1,234.50", unit_cost="12,50"),
                    listings=(ListingDraft(0, 1, "listed", channel_price="18.80"),))
    assert check_product(draft, MIN_MARGIN) == []


def test_a_missing_title_is_an_error() -> None:
    problems = check_product(product(sku(), title="   "), MIN_MARGIN)
    assert problems == [Problem("Title", "is required")]
    assert messages(problems) == ["Title: is required"]
    assert problems[0].is_error


def test_a_product_without_variants_is_an_error() -> None:
    assert messages(check_product(product(), MIN_MARGIN)) == [
        "Variants: a product needs at least one SKU"]


def test_an_unknown_product_status_is_an_error() -> None:
    assert messages(check_product(product(sku(), status="gone"), MIN_MARGIN)) == [
        "Status: 'gone' is not a product status"]


def test_a_sku_used_twice_in_the_form_names_both_rows_ignoring_case() -> None:
    draft = product(sku("TEE-1"), sku("TEE-2"), sku("tee-1 "), sku("TEE-2"))
    assert messages(check_product(draft, MIN_MARGIN)) == [
        "Row 3, SKU: 'tee-1' is also used in row 1",
        "Row 4, SKU: 'TEE-2' is also used in row 2",
    ]


def test_a_missing_sku_is_an_error_on_its_row() -> None:
    assert messages(check_product(product(sku("TEE-1"), sku("  ")), MIN_MARGIN)) == [
        "Row 2, SKU: is required"]


def test_a_sku_with_spaces_is_an_error() -> None:
    assert messages(check_product(product(sku("TEE 1")), MIN_MARGIN)) == [
        "Row 1, SKU: 'TEE 1' contains spaces"]


def test_a_sku_with_a_full_width_space_is_an_error_too() -> None:
    assert messages(check_product(product(sku("TEE\u30001")), MIN_MARGIN)) == [
        "Row 1, SKU: 'TEE\u30001' contains spaces"]


def test_a_sku_longer_than_the_column_is_an_error() -> None:
    assert messages(check_product(product(sku("X" * 65)), MIN_MARGIN)) == [
        "Row 1, SKU: is longer than 64 characters"]
    assert check_product(product(sku("X" * 64)), MIN_MARGIN) == []


def test_a_bad_barcode_is_an_error_that_names_the_check_digit() -> None:
    assert messages(check_product(product(sku(barcode="4006381333932")), MIN_MARGIN)) == [
        "Row 1, Barcode: '4006381333932' is not a valid EAN-13: the check digit should be 1"]


def test_a_weight_that_is_not_whole_grams_is_an_error() -> None:
    assert messages(check_product(product(sku(weight_grams="1.5kg")), MIN_MARGIN)) == [
        "Row 1, Weight: '1.5kg' is not whole grams"]


def test_a_weight_in_superscript_digits_is_an_error() -> None:
    assert messages(check_product(product(sku(weight_grams="²")), MIN_MARGIN)) == [
        "Row 1, Weight: '²' is not whole grams"]


def test_a_negative_price_is_an_error() -> None:
    problems = check_product(product(sku(price="-5")), MIN_MARGIN)
    assert messages(problems) == ["Row 1, Price: '-5' is negative"]
    assert problems[0].severity == "error"


def test_an_unparsable_price_is_an_error_quoting_what_was_typed() -> None:
    assert messages(check_product(product(sku(price="12,5O")), MIN_MARGIN)) == [
        "Row 1, Price: '12,5O' is not a number"]


def test_a_price_with_more_than_two_decimals_is_an_error() -> None:
    assert messages(check_product(product(sku(price="12.3456")), MIN_MARGIN)) == [
        "Row 1, Price: '12.3456' has more than two decimals"]


def test_a_price_with_three_decimals_is_an_error_not_a_price_in_thousands() -> None:
    # Regression: parse_amount read '12.345' as 12345 and the form accepted it.
    assert messages(check_product(product(sku(price="12.345")), MIN_MARGIN)) == [
        "Row 1, Price: '12.345' has more than two decimals"]


def test_missing_price_and_cost_are_both_reported() -> None:
    assert messages(check_product(product(sku(price=" ", unit_cost="")), MIN_MARGIN)) == [
        "Row 1, Cost: is required", "Row 1, Price: is required"]


def test_every_problem_of_every_row_is_reported_not_only_the_first() -> None:
    draft = product(sku("A 1", price="x"), sku("B-1", unit_cost="-1", barcode="12"), title="")
    assert messages(check_product(draft, MIN_MARGIN)) == [
        "Title: is required",
        "Row 1, SKU: 'A 1' contains spaces",
        "Row 1, Price: 'x' is not a number",
        "Row 2, Barcode: '12' has 2 digits; EAN-13 has 13, UPC-A 12, EAN-8 8",
        "Row 2, Cost: '-1' is negative",
    ]


def test_a_price_below_cost_is_a_warning_not_an_error() -> None:
    problems = check_product(product(sku(price="10.00", unit_cost="12.00")), MIN_MARGIN)
    assert problems == [Problem("Price", "10.00 is below the cost 12.00", 1, "warning")]
    assert not problems[0].is_error
    assert blocking(problems) == []


def test_a_margin_under_the_shop_minimum_is_a_warning() -> None:
    problems = check_product(product(sku(price="100", unit_cost="90")), MIN_MARGIN)
    assert problems == [Problem(
        "Price", "margin 10.0 % is under the shop minimum 20.0 %", 1, "warning")]
    assert blocking(problems) == []


def test_a_margin_at_the_shop_minimum_is_fine() -> None:
    assert check_product(product(sku(price="100", unit_cost="80")), MIN_MARGIN) == []


def test_a_free_item_has_no_margin_warning() -> None:
    assert check_product(product(sku(price="0", unit_cost="0")), MIN_MARGIN) == []


@pytest.mark.parametrize("compare_at", ["20.00", "19.99"])
def test_a_compare_at_price_at_or_below_the_price_is_a_warning(compare_at: str) -> None:
    problems = check_product(product(sku(compare_at_price=compare_at)), MIN_MARGIN)
    assert problems == [Problem("Compare-at price", "should be above the price", 1, "warning")]
    assert blocking(problems) == []


def test_a_compare_at_price_above_the_price_is_fine() -> None:
    assert check_product(product(sku(compare_at_price="20.01")), MIN_MARGIN) == []


def test_blocking_keeps_only_the_errors_in_order() -> None:
    draft = product(sku("A-1", price="10", unit_cost="12"), sku("A-2", price="bad"),
                    sku("A-3", compare_at_price="1"), title="")
    problems = check_product(draft, MIN_MARGIN)
    assert [p.severity for p in problems] == ["error", "warning", "error", "warning"]
    assert messages(blocking(problems)) == ["Title: is required",
                                            "Row 2, Price: 'bad' is not a number"]


def test_a_listing_pointing_outside_the_form_is_an_error() -> None:
    draft = product(sku(), listings=(ListingDraft(1, 1, "listed"),))
    assert messages(check_product(draft, MIN_MARGIN)) == [
        "Listing 1: points at a SKU that is not in the form"]


def test_a_listing_with_an_unknown_status_or_bad_price_is_an_error() -> None:
    draft = product(sku(), listings=(ListingDraft(0, 1, "sold"),
                                     ListingDraft(0, 2, "listed", channel_price="9,9O")))
    assert messages(check_product(draft, MIN_MARGIN)) == [
        "Listing 1: 'sold' is not a listing status",
        "Row 2, Channel price: '9,9O' is not a number",
    ]


def test_a_problem_reads_as_a_sentence_for_the_shop_owner() -> None:
    assert str(Problem("Price", "'12,5O' is not a number", 14)) == (
        "Row 14, Price: '12,5O' is not a number")
    assert str(Problem("Title", "is required")) == "Title: is required"
