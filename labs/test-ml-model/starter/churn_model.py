"""The churn model under test: data loading, the feature list and training.

This file is complete: you do not edit it. Your work is the tests in tests/test_churn_model.py.
"""
from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA = Path(__file__).parent / "data"
NUMERIC = ["tenure_months", "monthly_charges", "support_calls"]
CATEGORICAL = ["contract"]
FEATURES = NUMERIC + CATEGORICAL
CONTRACTS = ["month-to-month", "one-year", "two-year"]
#: Every column of a scoring batch, in order: the two identifiers plus the model's inputs.
BATCH_COLUMNS = ["customer_id", "gender", *FEATURES]


def load_customers() -> pd.DataFrame:
    """The labelled customer table (one row per customer, `churned` is 1 or 0)."""
    return pd.read_csv(DATA / "customers.csv")


def split(customers: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Training rows and hold-out rows: customers with an id ending in 0-6 train, 7-9 are held out."""
    held_out = customers["customer_id"] % 10 >= 7
    return customers[~held_out], customers[held_out]


def load_batch() -> pd.DataFrame:
    """Today's scoring batch: customers to score, without labels."""
    return pd.read_csv(DATA / "batch.csv")


def train(rows: pd.DataFrame, numeric=NUMERIC, categorical=CATEGORICAL, C: float = 1.0) -> Pipeline:
    """Fits the churn pipeline on `rows`; it reads only the named columns of what it scores."""
    prep = ColumnTransformer(
        [("num", StandardScaler(), list(numeric)), ("cat", OneHotEncoder(handle_unknown="ignore"), list(categorical))]
    )
    model = Pipeline([("prep", prep), ("clf", LogisticRegression(C=C, max_iter=1000))])
    return model.fit(rows, rows["churned"])
