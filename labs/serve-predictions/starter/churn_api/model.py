"""The churn model the service serves. Given: you do not need to change this file.

The lab ships training code and a small CSV instead of a saved model file: a pickle is
neither portable across scikit-learn versions nor safe to load from someone else, so
`load_model` trains the pipeline (a fraction of a second on 300 rows).
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA_FILE = Path(__file__).parent.parent / "data" / "churn.csv"
NUMERIC = ["tenure_months", "monthly_charges", "support_calls"]
CATEGORICAL = ["contract"]
FEATURES = NUMERIC + CATEGORICAL
MODEL_VERSION = "2.1.0"


@dataclass
class ChurnModel:
    """A fitted pipeline with the version and decision threshold it is served with."""

    pipeline: Pipeline
    version: str = MODEL_VERSION
    threshold: float = 0.5

    def predict_proba(self, rows: list[dict]) -> list[float]:
        """The churn probability of each row (a dict with every feature), in one model call."""
        frame = pd.DataFrame(rows, columns=FEATURES)
        return [float(p) for p in self.pipeline.predict_proba(frame)[:, 1]]


def load_model(path: Path = DATA_FILE) -> ChurnModel:
    """Builds the model from the training data: the slow step a service must run only once."""
    frame = pd.read_csv(path)
    pipeline = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ])),
        ("clf", LogisticRegression(max_iter=1000)),
    ]).fit(frame[FEATURES], frame["churned"])
    return ChurnModel(pipeline)
