"""The model this lab saves and loads: a tiny linear scorer, complete and tested.

Unpickling one needs exactly these globals, and no others:
model.LinearModel, collections.OrderedDict, datetime.datetime,
datetime.timezone and datetime.timedelta (for the UTC time zone).
"""

import os
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass
class LinearModel:
    """score = bias + sum(weight * feature), with the weights kept in feature order."""

    weights: "OrderedDict[str, float]"
    bias: float
    trained_at: datetime
    version: str = "1.0.0"

    def score(self, row: dict) -> float:
        """The score of one row given as {feature: value}; every feature must be present."""
        missing = [name for name in self.weights if name not in row]
        if missing:
            raise KeyError(f"missing features: {', '.join(missing)}")
        return self.bias + sum(weight * row[name] for name, weight in self.weights.items())


def example_model() -> LinearModel:
    """The churn scorer the lab saves: three features, trained (say) on 2026-11-27."""
    weights = OrderedDict(tenure_months=-0.04, monthly_charges=0.02, support_calls=0.5)
    return LinearModel(weights, bias=-1.5, trained_at=datetime(2026, 11, 27, 9, 30, tzinfo=timezone.utc))


# Where the lab's demo writes files; a real project reads settings like this from the environment.
WORK_DIR = os.environ.get("LAB_WORK_DIR", ".")
