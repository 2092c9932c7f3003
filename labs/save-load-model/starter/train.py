"""Trains the churn pipeline that the lab saves. Given: you do not need to change this file."""

from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA_FILE = Path(__file__).parent / "data" / "churn.csv"
NUMERIC = ["tenure_months", "monthly_charges", "support_calls"]
CATEGORICAL = ["contract"]
FEATURES = NUMERIC + CATEGORICAL
TARGET = "churned"
SEED = 42


def load_data(path: Path = DATA_FILE) -> pd.DataFrame:
    """The training snapshot as a DataFrame, one row per customer."""
    return pd.read_csv(path)


def train(frame: pd.DataFrame, features: list[str] = FEATURES) -> tuple[Pipeline, dict[str, float]]:
    """Fits scaling, one-hot encoding and a logistic regression on `features` of `frame`.

    Returns the fitted pipeline and its metrics on a held-out quarter of the rows.
    """
    X, y = frame[features], frame[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=SEED, stratify=y
    )
    numeric = [name for name in features if name in NUMERIC]
    categorical = [name for name in features if name in CATEGORICAL]
    model = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ])),
        ("clf", LogisticRegression(max_iter=1000)),
    ]).fit(X_train, y_train)
    metrics = {
        "accuracy": round(float(accuracy_score(y_test, model.predict(X_test))), 4),
        "roc_auc": round(float(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])), 4),
    }
    return model, metrics
