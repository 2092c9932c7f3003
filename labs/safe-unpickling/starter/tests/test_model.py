"""The model you were given (already passes): scores rows and refuses missing features."""

import pytest

from model import example_model


def test_model_scores_a_row():
    model = example_model()
    row = {"tenure_months": 10, "monthly_charges": 50, "support_calls": 2}
    assert model.score(row) == pytest.approx(-1.5 - 0.4 + 1.0 + 1.0)


def test_model_refuses_a_row_with_missing_features():
    with pytest.raises(KeyError, match="support_calls"):
        example_model().score({"tenure_months": 10, "monthly_charges": 50})
