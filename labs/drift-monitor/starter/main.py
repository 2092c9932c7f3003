"""Prints the drift report of data/live.csv against data/reference.csv."""
import json
from pathlib import Path

import pandas as pd

from drift import drift_report

DATA = Path(__file__).parent / "data"


def main() -> None:
    reference = pd.read_csv(DATA / "reference.csv")
    live = pd.read_csv(DATA / "live.csv")
    try:
        report = drift_report(reference, live, list(reference.columns))
    except NotImplementedError as unfinished:
        print(f"Not written yet: {unfinished}. Run pytest to see which step to work on.")
        return
    print(f"reference rows: {report['n_reference']}, live rows: {report['n_current']}, alpha: {report['alpha']}")
    print(f"{'feature':18} {'PSI':>7} {'KS D':>7} {'p-value':>9} {'missing':>8}  verdict")
    for name, row in report["features"].items():
        print(f"{name:18} {row['psi']:7.3f} {row['ks_statistic']:7.3f} {row['p_value']:9.2g} {row['missing_current']:8d}  {row['verdict']}")
    print("drifted:", ", ".join(report["drifted"]) or "none")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
