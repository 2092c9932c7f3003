"""Drift checks for the churn model's numeric features: PSI, the KS test, verdicts and a report."""
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
    """Step 1: the inner bin edges, at the reference's quantiles 1/bins ... (bins-1)/bins, duplicates removed."""
    reference = np.asarray(reference, dtype=float)
    return np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)[1:-1]))


def psi(reference, current, bins: int = 10, eps: float = EPS) -> float:
    """Step 2: Population Stability Index of `current` against `reference`."""
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    edges = quantile_edges(reference, bins)
    # Open outer bins: values below the first edge or above the last still count.
    expected = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1) / len(reference)
    actual = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1) / len(current)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def ks_test(reference, current) -> tuple[float, float]:
    """Step 3: the two-sample Kolmogorov-Smirnov statistic D and its p-value, as plain floats."""
    result = stats.ks_2samp(np.asarray(reference, dtype=float), np.asarray(current, dtype=float))
    return float(result.statistic), float(result.pvalue)


def verdict(psi_value: float, p_value: float, alpha: float = ALPHA) -> str:
    """Step 4: "alert" for a major PSI, "warn" for a moderate PSI or a significant KS test alone, else "ok"."""
    if psi_value >= PSI_MAJOR:
        return "alert"
    if psi_value >= PSI_MODERATE or p_value < alpha:
        return "warn"
    return "ok"


def drift_report(reference: pd.DataFrame, current: pd.DataFrame, features: list[str], bins: int = 10, alpha: float = ALPHA) -> dict:
    """Step 5: a JSON-ready report of each feature's PSI, KS statistic, p-value and verdict."""
    report = {"n_reference": len(reference), "n_current": len(current), "alpha": alpha, "features": {}, "drifted": []}
    for name in features:
        ref = reference[name].dropna().to_numpy(dtype=float)
        cur = current[name].dropna().to_numpy(dtype=float)
        value = psi(ref, cur, bins)
        statistic, p_value = ks_test(ref, cur)
        level = verdict(value, p_value, alpha)
        report["features"][name] = {
            "psi": value,
            "ks_statistic": statistic,
            "p_value": p_value,
            "ks_significant": bool(p_value < alpha),
            "missing_current": int(current[name].isna().sum()),
            "verdict": level,
        }
        if level != "ok":
            report["drifted"].append(name)
    return report
