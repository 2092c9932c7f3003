import numpy as np
import pytest

from drift import ks_test


def test_step3_identical_samples():
    sample = np.random.default_rng(2).normal(size=200)
    assert ks_test(sample, sample) == pytest.approx((0.0, 1.0))


def test_step3_samples_that_do_not_overlap():
    # D is 1 (the curves are 0 and 1 apart at x = 3) and the exact p-value is 2 / C(6, 3) = 0.1.
    statistic, p_value = ks_test([1, 2, 3], [4, 5, 6])
    assert statistic == pytest.approx(1.0)
    assert p_value == pytest.approx(0.1)


def test_step3_a_shifted_sample_is_significant():
    rng = np.random.default_rng(3)
    statistic, p_value = ks_test(rng.normal(70, 20, 500), rng.normal(82, 20, 300))
    assert 0.15 < statistic < 0.4
    assert p_value < 1e-6


def test_step3_returns_plain_python_floats():
    # numpy floats look the same when printed; plain floats keep the report JSON-ready.
    statistic, p_value = ks_test([1.0, 2.0, 3.0, 4.0], [2.0, 3.0, 4.0, 5.0])
    assert type(statistic) is float and type(p_value) is float
