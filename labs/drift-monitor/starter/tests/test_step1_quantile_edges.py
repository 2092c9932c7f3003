import numpy as np
import pytest

from drift import quantile_edges


def test_step1_quartile_edges_of_0_to_99():
    # NumPy's default (linear) quantiles of 0..99: positions 24.75, 49.5 and 74.25.
    assert quantile_edges(np.arange(100), bins=4) == pytest.approx([24.75, 49.5, 74.25])


def test_step1_edges_follow_the_data_not_its_range():
    # Skewed data: equal-width bins between min and max would put almost everything in bin 0.
    reference = np.arange(1, 101) ** 2  # 1, 4, 9, ..., 10000
    edges = quantile_edges(reference, bins=4)
    assert edges == pytest.approx([663.25, 2550.5, 5662.75])


def test_step1_ten_bins_give_nine_decile_edges():
    edges = quantile_edges(np.arange(1001), bins=10)
    assert edges == pytest.approx([100, 200, 300, 400, 500, 600, 700, 800, 900])


def test_step1_duplicate_edges_are_removed():
    # A count feature: half the customers made 0 calls, so several deciles are the same value.
    reference = np.array([0] * 50 + [1] * 30 + [2] * 20)
    edges = quantile_edges(reference, bins=10)
    assert edges == pytest.approx([0.0, 0.5, 1.0, 1.2, 2.0])
    assert np.all(np.diff(edges) > 0), "edges must be strictly increasing"


def test_step1_accepts_lists_and_leaves_the_input_alone():
    reference = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert quantile_edges(reference, bins=2) == pytest.approx([3.0])
    assert reference == [5.0, 1.0, 4.0, 2.0, 3.0]
