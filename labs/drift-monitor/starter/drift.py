"""Drift checks for the churn model's numeric features: PSI, the KS test, verdicts and a report.

You write the five functions below (README.md has the steps). Each states its contract;
`pytest` checks them, and `python main.py` prints the report for the shipped data.
"""
import math

import numpy as np
import pandas as pd
from scipy import stats

#: PSI bands (rules of thumb from credit scoring): below 0.1 stable, 0.1 to 0.25 moderate, from 0.25 major.
PSI_MODERATE = 0.1
PSI_MAJOR = 0.25
#: Significance level of the KS test. 0.01 rather than 0.05: the report tests several features every day.
ALPHA = 0.01
#: Floor for a bin's share, so an empty bin gives a large finite term instead of log(0).
EPS = 1e-4


def quantile_edges(reference, bins: int = 10) -> np.ndarray:
    """Step 1: the inner bin edges, at the reference's quantiles 1/bins ... (bins-1)/bins, duplicates removed.

    Returns a strictly increasing array of at most bins - 1 numbers, computed from `reference`
    alone (NumPy's default quantile method). The outer bins are open: everything below the
    first edge is bin 0, everything from the last edge up is the last bin.
    """
    raise NotImplementedError("step 1: quantile_edges")


def psi(reference, current, bins: int = 10, eps: float = EPS) -> float:
    """Step 2: Population Stability Index of `current` against `reference`, as a float.

    Bins come from quantile_edges(reference, bins); a value equal to an edge belongs to the
    bin above it. Each bin's share of reference (e) and of current (a) values is floored at
    `eps`, then PSI = sum((a - e) * ln(a / e)). Never inf or nan.
    """
    raise NotImplementedError("step 2: psi")


def ks_test(reference, current) -> tuple[float, float]:
    """Step 3: the two-sample Kolmogorov-Smirnov statistic D and its p-value, as plain Python floats."""
    raise NotImplementedError("step 3: ks_test")


def verdict(psi_value: float, p_value: float, alpha: float = ALPHA) -> str:
    """Step 4: "alert" from a major PSI, "warn" from a moderate PSI or a KS p-value below alpha, else "ok"."""
    raise NotImplementedError("step 4: verdict")


def drift_report(reference: pd.DataFrame, current: pd.DataFrame, features: list[str], bins: int = 10, alpha: float = ALPHA) -> dict:
    """Step 5: a JSON-ready report; README.md step 5 shows its shape.

    Missing values are left out of every statistic and counted per feature in `missing_current`.
    """
    raise NotImplementedError("step 5: drift_report")
