from decimal import Decimal

import pytest

from wagtail_baucu.text.numbers import number_vi, percent_vi


@pytest.mark.parametrize(
    "value, text", [(0, "0"), (999, "999"), (1000, "1.000"), (1234567, "1.234.567"), (None, "")]
)
def test_number_vi(value, text):
    assert number_vi(value) == text


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("83.33"), "83,33%"),
        (Decimal("100"), "100,00%"),
        (Decimal("1234.5"), "1.234,50%"),
        (None, "–"),
    ],
)
def test_percent_vi(value, text):
    assert percent_vi(value) == text
