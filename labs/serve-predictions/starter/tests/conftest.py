"""Shared fixtures. The real model is built once per test run."""

import threading

import pytest

from churn_api.model import load_model
from doubles import Spy


@pytest.fixture(scope="session")
def real_model():
    return load_model()


@pytest.fixture
def spy(real_model):
    return Spy(real_model)


@pytest.fixture
def customer():
    return {"tenure_months": 3, "monthly_charges": 95.0, "support_calls": 5, "contract": "month-to-month"}


@pytest.fixture(autouse=True)
def no_threads(monkeypatch):
    """The page runs Python without threads, so the tests do too: code that passes here then
    passes there. (A plain `def` endpoint would need FastAPI's thread pool.)"""

    def refuse(self, *args, **kwargs):
        raise RuntimeError("can't start a thread: the page has none, so write the endpoints with async def")

    monkeypatch.setattr(threading.Thread, "start", refuse)
