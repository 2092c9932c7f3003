"""Versions of the churn system that your tests are run against.

Two are correct (`good`, and `retrained`: another honest training run on another day's
batch); the others each carry one realistic bug. `tests/conftest.py` picks one by the
environment variable LAB_VARIANT (`good` when it is not set). Your tests must pass on both
correct versions and fail on every buggy one; `tests/test_your_tests_catch_bugs.py` checks that.
Write your tests from the rules in README.md, not from this file: real bugs do not come
with a list.
"""
from dataclasses import dataclass
from typing import Callable

import pandas as pd
from sklearn.pipeline import Pipeline

from churn_model import load_batch, load_customers, split, train


@dataclass(frozen=True)
class Variant:
    """One version of the system: what is wrong with it, and the step whose tests must catch it."""

    name: str
    story: str
    step: int | None  # None for the correct versions
    build: Callable[[], tuple[Pipeline, pd.DataFrame]]


def _training_rows() -> pd.DataFrame:
    return split(load_customers())[0]


def _with_model(make_model: Callable[[pd.DataFrame], Pipeline]) -> Callable[[], tuple[Pipeline, pd.DataFrame]]:
    return lambda: (make_model(_training_rows()), load_batch())


def _with_batch(change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[], tuple[Pipeline, pd.DataFrame]]:
    return lambda: (train(_training_rows()), change(load_batch()))


def _another_day() -> tuple[Pipeline, pd.DataFrame]:
    rows = _training_rows().sample(frac=1.0, replace=True, random_state=7)
    return train(rows, C=0.3), load_batch().iloc[20:].iloc[::-1].reset_index(drop=True)


def _nulls(batch: pd.DataFrame) -> pd.DataFrame:
    batch = batch.astype({"monthly_charges": "float64"})
    batch.loc[batch.index[::15], "monthly_charges"] = float("nan")
    return batch


VARIANTS = [
    Variant("good", "The model and batch as shipped.", None, _with_model(train)),
    Variant("retrained", "Retrained on a bootstrap sample with C=0.3, scoring another day's clean batch.", None, _another_day),
    Variant(
        "uses-gender",
        "A careless feature list (SELECT *) put gender into the model, which policy forbids.",
        1,
        _with_model(lambda rows: train(rows, categorical=["contract", "gender"])),
    ),
    Variant(
        "ignores-support-calls",
        "A failed join filled support_calls with 0 in the training data, so the model learned nothing from it.",
        2,
        _with_model(lambda rows: train(rows.assign(support_calls=0))),
    ),
    Variant(
        "tenure-reversed",
        "The training extract stored tenure as a negative offset (signup minus today); serving sends months.",
        2,
        _with_model(lambda rows: train(rows.assign(tenure_months=-rows["tenure_months"]))),
    ),
    Variant(
        "always-stays",
        "A typo set C=1e-4: regularisation so strong that every customer gets about the base rate.",
        3,
        _with_model(lambda rows: train(rows, C=1e-4)),
    ),
    Variant("batch-nulls", "The billing join missed some customers: monthly_charges is empty for them.", 4, _with_batch(_nulls)),
    Variant(
        "batch-cents",
        "Billing switched to sending monthly_charges in cents.",
        4,
        _with_batch(lambda b: b.assign(monthly_charges=(b["monthly_charges"] * 100).round(0))),
    ),
    Variant("batch-renamed-column", "The source system renamed contract to contract_type.", 4, _with_batch(lambda b: b.rename(columns={"contract": "contract_type"}))),
    Variant(
        "batch-unknown-contract",
        "A new source system spells two-year as two_year; the encoder silently ignores the unknown value.",
        4,
        _with_batch(lambda b: b.assign(contract=b["contract"].replace("two-year", "two_year"))),
    ),
    Variant(
        "drops-two-year",
        "A filter meant for test accounts also dropped every two-year customer from the training data.",
        5,
        _with_model(lambda rows: train(rows[rows["contract"] != "two-year"])),
    ),
]
BY_NAME = {v.name: v for v in VARIANTS}


def build_system(name: str) -> tuple[Pipeline, pd.DataFrame]:
    """The model and scoring batch of the variant called `name`."""
    if name not in BY_NAME:
        raise ValueError(f"LAB_VARIANT is {name!r}, which is not a variant. Fix: use one of {', '.join(BY_NAME)}.")
    return BY_NAME[name].build()
