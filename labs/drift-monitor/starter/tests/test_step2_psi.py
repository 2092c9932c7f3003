import math

import numpy as np
import pytest

from drift import psi

REFERENCE = np.arange(100.0)  # quartile edges 24.75, 49.5, 74.25: each bin holds 25 values


def psi_of_shares(expected, actual, eps=1e-4):
    """PSI written out from bin shares: the formula from the lesson, with the eps floor."""
    return sum((max(a, eps) - max(e, eps)) * math.log(max(a, eps) / max(e, eps)) for e, a in zip(expected, actual))


def test_step2_identical_samples_give_zero():
    assert psi(REFERENCE, REFERENCE, bins=4) == pytest.approx(0.0, abs=1e-12)
    sample = np.random.default_rng(1).normal(70, 20, 500)
    assert psi(sample, sample) == pytest.approx(0.0, abs=1e-12)


def test_step2_the_lessons_table_gives_0_105():
    # Shares 0.15, 0.20, 0.30, 0.35 against 0.25 each: the worked example in the lesson.
    current = np.concatenate([np.full(15, 10.0), np.full(20, 30.0), np.full(30, 60.0), np.full(35, 90.0)])
    assert psi(REFERENCE, current, bins=4) == pytest.approx(0.1050, abs=1e-4)
    assert psi(REFERENCE, current, bins=4) == pytest.approx(psi_of_shares([0.25] * 4, [0.15, 0.20, 0.30, 0.35]))


def test_step2_bins_come_from_the_reference_not_the_current_sample():
    current = np.arange(0.0, 200.0, 2.0)  # 0, 2, ..., 198: spread over twice the range
    # With the reference's edges: 13, 12 and 13 values in the first three bins, 62 above 74.25.
    expected = psi_of_shares([0.25] * 4, [0.13, 0.12, 0.13, 0.62])
    assert psi(REFERENCE, current, bins=4) == pytest.approx(expected, rel=1e-9)


def test_step2_empty_bins_give_a_large_finite_value():
    current = np.full(50, 10.0)  # every value in the first bin, three bins empty
    value = psi(REFERENCE, current, bins=4)
    assert math.isfinite(value)
    assert value == pytest.approx(psi_of_shares([0.25] * 4, [1, 0, 0, 0]), rel=1e-9)
    assert psi(REFERENCE, current, bins=4, eps=1e-3) == pytest.approx(psi_of_shares([0.25] * 4, [1, 0, 0, 0], eps=1e-3), rel=1e-9)


def test_step2_values_outside_the_reference_range_count_in_the_outer_bins():
    above = np.full(40, 500.0)  # every bill above anything seen in training
    below = np.full(40, -5.0)
    assert psi(REFERENCE, above, bins=4) == pytest.approx(psi_of_shares([0.25] * 4, [0, 0, 0, 1]), rel=1e-9)
    assert psi(REFERENCE, below, bins=4) == pytest.approx(psi_of_shares([0.25] * 4, [1, 0, 0, 0]), rel=1e-9)


def test_step2_a_value_on_an_edge_belongs_to_the_bin_above():
    reference = np.array([1.0, 2.0, 3.0, 4.0])  # median edge 2.5 with bins=2
    assert psi(reference, [2.5, 2.5], bins=2) == pytest.approx(psi_of_shares([0.5, 0.5], [0, 1]), rel=1e-9)


def test_step2_a_count_feature_with_duplicate_edges():
    reference = np.array([0] * 50 + [1] * 30 + [2] * 20)
    current = np.array([0] * 30 + [1] * 30 + [2] * 40)
    # Edges 0, 0.5, 1, 1.2, 2: the zeros sit in bin 1, the ones in bin 3, the twos in bin 5.
    value = psi(reference, current, bins=10)
    assert math.isfinite(value)
    assert value == pytest.approx(psi_of_shares([0, 0.5, 0, 0.3, 0, 0.2], [0, 0.3, 0, 0.3, 0, 0.4]), rel=1e-9)
