"""Your tests for the churn model: this file is the work of the lab.

Fixtures (from conftest.py): `model` (the trained pipeline), `holdout` (labelled customers
the model never saw) and `batch` (today's scoring batch, no labels). Name every test after
its step (test_step1_..., test_step2_...) and add as many as you like. Each test here must
pass on the correct model and fail on the buggy versions its step is about; run `pytest`
to see both, and `python main.py` for a table of which bug each test caught.
"""
import numpy as np
import pandas as pd
import pytest

from churn_model import BATCH_COLUMNS, CONTRACTS


def scores(model, frame: pd.DataFrame) -> np.ndarray:
    """Churn probability of each row."""
    return model.predict_proba(frame)[:, 1]


def test_step1_gender_and_customer_id_do_not_change_scores(model, holdout):
    before = scores(model, holdout)
    flipped = holdout.assign(
        gender=np.where(holdout["gender"] == "male", "female", "male"),
        customer_id=holdout["customer_id"] + 100_000,
    )
    # Floating-point noise only: the model must not use these columns at all.
    np.testing.assert_allclose(scores(model, flipped), before, rtol=0, atol=1e-9)


def test_step2_more_support_calls_raise_every_score(model, holdout):
    before = scores(model, holdout)
    after = scores(model, holdout.assign(support_calls=holdout["support_calls"] + 3))
    # Strictly higher: a model that ignores support calls leaves scores unchanged and must fail.
    assert (after > before).all(), f"{(after <= before).sum()} customers did not get a higher score"


def test_step2_longer_tenure_lowers_every_score(model, holdout):
    before = scores(model, holdout)
    after = scores(model, holdout.assign(tenure_months=holdout["tenure_months"] + 24))
    assert (after < before).all(), f"{(after >= before).sum()} customers did not get a lower score"


def customer(**values) -> pd.DataFrame:
    base = {"customer_id": 1, "gender": "female", "tenure_months": 24, "monthly_charges": 70.0,
            "support_calls": 1, "contract": "one-year"}
    return pd.DataFrame([{**base, **values}])


def test_step3_obvious_customers(model):
    loyal = customer(tenure_months=60, monthly_charges=40.0, support_calls=0, contract="two-year")
    unhappy = customer(tenure_months=2, monthly_charges=110.0, support_calls=6, contract="month-to-month")
    assert scores(model, loyal)[0] < 0.2 and model.predict(loyal)[0] == 0
    assert scores(model, unhappy)[0] > 0.8 and model.predict(unhappy)[0] == 1


def test_step4_batch_meets_the_contract(batch):
    assert not batch.isna().any().any(), f"nulls in {list(batch.columns[batch.isna().any()])}"


@pytest.mark.parametrize("contract", CONTRACTS)
def test_step5_accuracy_on_every_contract_type(model, holdout, contract):
    rows = holdout[holdout["contract"] == contract]
    assert len(rows) >= 30, f"only {len(rows)} {contract} customers: too few for a stable accuracy"
    accuracy = (model.predict(rows) == rows["churned"]).mean()
    assert accuracy >= 0.70, f"accuracy {accuracy:.3f} on {contract} customers"
