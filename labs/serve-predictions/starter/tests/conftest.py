"""Shared fixtures. The real model is built once per test run."""

import pytest

from churn_api.model import load_model
from doubles import Spy


@pytest.fixture(scope="session")
def real_model():
    return load_model()


@pytest.fixture
def spy(real_model):
    return Spy(real_model)


@pytest.fixture
def customer():
    return {"tenure_months": 3, "monthly_charges": 95.0, "support_calls": 5, "contract": "month-to-month"}
