"""The service's contract: what a request may contain and what a response holds.

Step 1: write `Customer` and `BatchRequest` (README.md has the rules). The response models
below are written for you.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Contract = Literal["month-to-month", "one-year", "two-year"]


class Customer(BaseModel):
    """One customer's features. Goal: every field required, of its exact JSON type, within
    its range, and no field the model does not know."""

    # strict: "12" and true are errors, not numbers; forbid: a misspelt field is an error.
    model_config = ConfigDict(strict=True, extra="forbid")

    tenure_months: int = Field(ge=0, le=120, description="Months as a customer")
    monthly_charges: float = Field(gt=0, le=500, description="Monthly bill")
    support_calls: int = Field(ge=0, le=50, description="Support calls in the last 90 days")
    contract: Contract


class BatchRequest(BaseModel):
    """`{"customers": [...]}`: from 1 to 100 customers, no other field."""

    model_config = ConfigDict(strict=True, extra="forbid")

    customers: list[Customer] = Field(min_length=1, max_length=100)


class Score(BaseModel):
    """The model's answer for one customer."""

    churn: bool
    probability: float


class Prediction(Score):
    """The answer of `POST /predict`."""

    model_version: str


class BatchPrediction(BaseModel):
    """The answer of `POST /predict/batch`: one score per customer, in the request's order."""

    predictions: list[Score]
    model_version: str
