import pytest
from django.core.exceptions import ValidationError

from exhibitors.models import Organisation
from exhibitors.validators import bin_check_digit, validate_bin


def test_check_digit_uses_the_first_weights():
    # 1·1 + 0·2 + … + 0·11 = 1; 1 mod 11 = 1.
    assert bin_check_digit("10000000000") == 1


def test_check_digit_falls_back_to_the_second_weights_when_the_first_give_ten():
    # 1·1+2·2+…+9·9+0·10+1·11 = 296 ≡ 10 (mod 11); with 3,4,…,11,1,2: 377 ≡ 3.
    assert bin_check_digit("12345678901") == 3


def test_check_digit_is_none_when_both_weightings_give_ten():
    # Some prefixes give 10 with both weightings: numbers never issued.
    impossible = next(f"{n:011d}" for n in range(10**6) if bin_check_digit(f"{n:011d}") is None)
    assert bin_check_digit(impossible) is None


@pytest.mark.parametrize("value", ["123456789013", "100000000001"])
def test_valid_bins_pass(value):
    validate_bin(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("123456789012", "bin_check_digit"),
        ("12345678901", "bin_format"),
        ("1234567890133", "bin_format"),
        ("12345678901x", "bin_format"),
        ("１２３４５６７８９０１３", "bin_format"),  # full-width digits
    ],
)
def test_invalid_bins_are_refused_with_a_reason(value, code):
    with pytest.raises(ValidationError) as error:
        validate_bin(value)
    assert error.value.code == code


def test_organisation_validates_its_bin(db):
    organisation = Organisation(name_kk="Тексеру", bin="123456789012")

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "bin" in error.value.message_dict
