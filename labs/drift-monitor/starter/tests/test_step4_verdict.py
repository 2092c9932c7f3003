import pytest

from drift import ALPHA, verdict


def test_step4_alpha_is_sensible():
    assert 0 < ALPHA <= 0.05


@pytest.mark.parametrize(
    ("psi_value", "p_value", "expected"),
    [
        (0.02, 0.6, "ok"),
        (0.0999, 0.5, "ok"),
        (0.1, 0.5, "warn"),  # 0.1 starts the moderate band
        (0.2499, 0.9, "warn"),
        (0.25, 0.9, "alert"),  # 0.25 starts the major band
        (0.6, 0.3, "alert"),
        (0.05, 0.001, "warn"),  # the KS test alone can raise a warning...
        (0.05, 1e-30, "warn"),  # ...but never an alert: with many rows tiny shifts are "significant"
        (0.3, 1e-30, "alert"),
        (0.05, 0.0101, "ok"),
    ],
)
def test_step4_bands_and_the_ks_test(psi_value, p_value, expected):
    assert verdict(psi_value, p_value) == expected


def test_step4_alpha_is_a_parameter():
    assert verdict(0.05, 0.03) == "ok"
    assert verdict(0.05, 0.03, alpha=0.05) == "warn"
    assert verdict(0.05, 0.06, alpha=0.05) == "ok"
