"""Fixtures for your tests. The system under test is chosen by LAB_VARIANT (default: good),
so the same tests can be run against the correct model and against broken ones."""
import os

import pandas as pd
import pytest
from sklearn.pipeline import Pipeline

from churn_model import load_customers, split
from variants import build_system


@pytest.fixture(scope="session")
def _system() -> tuple[Pipeline, pd.DataFrame]:
    # Read at fixture time, not import time: one process may run the tests against several variants.
    return build_system(os.environ.get("LAB_VARIANT", "good"))


@pytest.fixture(scope="session")
def model(_system) -> Pipeline:
    """The trained churn pipeline: `model.predict_proba(frame)[:, 1]` gives churn scores, `model.predict(frame)` 0 or 1."""
    return _system[0]


@pytest.fixture
def batch(_system) -> pd.DataFrame:
    """Today's scoring batch (no labels), a fresh copy for each test."""
    return _system[1].copy()


@pytest.fixture
def holdout() -> pd.DataFrame:
    """Labelled customers the model never trained on (`churned` is 1 or 0), a fresh copy for each test."""
    return split(load_customers())[1].copy()
