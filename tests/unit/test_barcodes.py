"""GTIN barcodes: EAN-13, UPC-A, EAN-8 and GTIN-14 share one mod-10 check digit."""

from __future__ import annotations

import pytest

from ecdesk.services.catalog.barcodes import barcode_problem, check_digit


@pytest.mark.parametrize(("code", "kind"), [
    ("4006381333931", "EAN-13"),
    ("5901234123457", "EAN-13"),
    ("6900000000014", "EAN-13"),  # a Chinese (69x) prefix, as in the demo shop
    ("036000291452", "UPC-A"),
    ("96385074", "EAN-8"),
    ("10012345678902", "GTIN-14"),
])
def test_a_valid_gtin_has_no_problem(code: str, kind: str) -> None:
    assert barcode_problem(code) is None, kind


@pytest.mark.parametrize(("body", "digit"), [
    ("400638133393", 1), ("03600029145", 2), ("9638507", 4), ("1001234567890", 2),
    ("00000000000", 0),
])
def test_the_check_digit_completes_the_body(body: str, digit: int) -> None:
    assert check_digit(body) == digit


@pytest.mark.parametrize(("code", "message"), [
    ("4006381333932", "'4006381333932' is not a valid EAN-13: the check digit should be 1"),
    ("036000291453", "'036000291453' is not a valid UPC-A: the check digit should be 2"),
    ("96385075", "'96385075' is not a valid EAN-8: the check digit should be 4"),
    ("10012345678900", "'10012345678900' is not a valid GTIN-14: the check digit should be 2"),
])
def test_a_wrong_check_digit_is_named_with_the_digit_expected(code: str, message: str) -> None:
    assert barcode_problem(code) == message


@pytest.mark.parametrize("code", ["40063813339A1", "4006-381333931", " 4006381333931", "EAN"])
def test_letters_and_other_signs_are_refused(code: str) -> None:
    assert barcode_problem(code) == f"'{code}' must contain digits only"


@pytest.mark.parametrize("code", ["123", "9638507", "400638133393100", "40063813339"])
def test_a_code_of_the_wrong_length_is_refused_with_its_length(code: str) -> None:
    assert barcode_problem(code) == (
        f"'{code}' has {len(code)} digits; EAN-13 has 13, UPC-A 12, EAN-8 8")


def test_full_width_digits_typed_with_a_chinese_input_method_are_not_accepted_as_they_are(
        ) -> None:
    # Regression: str.isdigit() alone accepted them and the code was stored as typed.
    code = "４００６３８１３３３９３１"  # 4006381333931 in full-width digits
    assert barcode_problem(code) == f"'{code}' must contain digits only"


def test_a_superscript_digit_is_reported_as_a_problem_and_does_not_raise() -> None:
    # Regression: str.isdigit() accepted "²" and int() then raised ValueError.
    code = "400638133393²"
    assert barcode_problem(code) == f"'{code}' must contain digits only"
