"""Shared fixtures: the shipped reference and live samples."""
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def reference() -> pd.DataFrame:
    return pd.read_csv(DATA / "reference.csv")


@pytest.fixture
def live() -> pd.DataFrame:
    return pd.read_csv(DATA / "live.csv")
