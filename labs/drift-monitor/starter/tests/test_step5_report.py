import json
import math

import numpy as np
import pandas as pd
import pytest

from drift import drift_report, ks_test, psi

FEATURES = ["tenure_months", "monthly_charges", "support_calls"]


def test_step5_verdicts_on_the_shipped_data(reference, live):
    report = drift_report(reference, live, FEATURES)
    verdicts = {name: row["verdict"] for name, row in report["features"].items()}
    assert verdicts == {"tenure_months": "ok", "monthly_charges": "alert", "support_calls": "ok"}
    assert report["drifted"] == ["monthly_charges"]
    assert report["n_reference"] == 500 and report["n_current"] == 300


def test_step5_numbers_come_from_psi_and_ks_test_without_missing_values(reference, live):
    report = drift_report(reference, live, FEATURES)
    for name in FEATURES:
        row = report["features"][name]
        ref, cur = reference[name].dropna(), live[name].dropna()
        assert row["psi"] == pytest.approx(psi(ref, cur))
        statistic, p_value = ks_test(ref, cur)
        assert row["ks_statistic"] == pytest.approx(statistic)
        assert row["p_value"] == pytest.approx(p_value)
        assert all(math.isfinite(row[key]) for key in ("psi", "ks_statistic", "p_value")), f"{name}: {row}"
    assert report["features"]["tenure_months"]["missing_current"] == 3
    assert report["features"]["monthly_charges"]["missing_current"] == 0


def test_step5_report_is_json(reference, live):
    report = drift_report(reference, live, FEATURES)
    assert json.loads(json.dumps(report)) == report
    row = report["features"]["monthly_charges"]
    assert set(row) == {"psi", "ks_statistic", "p_value", "ks_significant", "missing_current", "verdict"}
    assert row["ks_significant"] is True
    assert report["features"]["tenure_months"]["ks_significant"] is False


def test_step5_other_data_other_verdicts():
    rng = np.random.default_rng(5)
    before = pd.DataFrame({"a": rng.normal(0, 1, 400), "b": rng.normal(0, 1, 400), "id": np.arange(400)})
    # "a": the same values in another order, so no drift at all; "b": moved by 1.5 standard deviations.
    after = pd.DataFrame({"a": rng.permutation(before["a"]), "b": rng.normal(1.5, 1, 400), "id": np.arange(400)})
    report = drift_report(before, after, ["a", "b"])
    assert list(report["features"]) == ["a", "b"], "only the features asked for, in that order"
    assert report["features"]["a"]["verdict"] == "ok"
    assert report["features"]["b"]["verdict"] == "alert"
    assert report["drifted"] == ["b"]


def test_step5_large_samples_make_a_tiny_shift_significant():
    # 20,000 rows each, bills up by 1.6 on a spread of 20: PSI calls it stable, the KS test does not.
    rng = np.random.default_rng(11)
    before = pd.DataFrame({"bill": rng.normal(70, 20, 20_000)})
    after = pd.DataFrame({"bill": rng.normal(71.6, 20, 20_000)})
    row = drift_report(before, after, ["bill"])["features"]["bill"]
    assert row["psi"] < 0.1 and row["p_value"] < 0.01
    assert row["verdict"] == "warn"
    strict = drift_report(before, after, ["bill"], alpha=1e-12)
    assert strict["alpha"] == 1e-12
    assert strict["features"]["bill"]["verdict"] == "ok"
    assert strict["features"]["bill"]["ks_significant"] is False
