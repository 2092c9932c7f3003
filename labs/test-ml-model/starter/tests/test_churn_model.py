"""Your tests for the churn model: this file is the work of the lab.

Fixtures (from conftest.py): `model` (the trained pipeline), `holdout` (labelled customers
the model never saw) and `batch` (today's scoring batch, no labels). Name every test after
its step (test_step1_..., test_step2_...) and add as many as you like. Each test here must
pass on the correct model and fail on the buggy versions its step is about; run `pytest`
to see both, and `python main.py` for a table of which bug each test caught.
"""
import numpy as np
import pandas as pd
import pytest

from churn_model import BATCH_COLUMNS, CONTRACTS


def test_step1_gender_and_customer_id_do_not_change_scores(model, holdout):
    # Goal: changing what the model must ignore (gender, customer_id) leaves every score unchanged.
    raise NotImplementedError("step 1: write this test")


def test_step2_more_support_calls_raise_every_score(model, holdout):
    # Goal: three more support calls give every hold-out customer a higher churn score.
    raise NotImplementedError("step 2: write this test")


def test_step2_longer_tenure_lowers_every_score(model, holdout):
    # Goal: two more years of tenure give every hold-out customer a lower churn score.
    raise NotImplementedError("step 2: write this test")


def test_step3_obvious_customers(model):
    # Goal: the two customers in README step 3 get the obvious answer.
    raise NotImplementedError("step 3: write this test")


def test_step4_batch_meets_the_contract(batch):
    # Goal: the batch has the expected columns and types, no nulls, and values in range.
    raise NotImplementedError("step 4: write this test")


def test_step5_accuracy_on_every_contract_type(model, holdout):
    # Goal: accuracy on the hold-out customers of each contract type is at least 0.70.
    raise NotImplementedError("step 5: write this test")
