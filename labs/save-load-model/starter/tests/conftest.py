"""Shared fixtures: the pipeline is trained once per test run, and every test gets its own
copy of the data file, so a test that changes it cannot affect another."""

import shutil

import pytest

from train import DATA_FILE, load_data, train


@pytest.fixture(scope="session")
def trained():
    """(model, metrics) of the pipeline trained on the shipped CSV."""
    return train(load_data())


@pytest.fixture
def data_file(tmp_path):
    """A private copy of data/churn.csv."""
    copy = tmp_path / "churn.csv"
    shutil.copyfile(DATA_FILE, copy)
    return copy
