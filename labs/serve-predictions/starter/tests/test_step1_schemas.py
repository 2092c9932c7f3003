import pytest
from pydantic import ValidationError

from churn_api.schemas import BatchRequest, Customer

FIELDS = ["tenure_months", "monthly_charges", "support_calls", "contract"]


def problems(model, data):
    """The (location, type) of every validation error, or [] when `data` is valid."""
    try:
        model.model_validate(data)
    except ValidationError as error:
        return [(error["loc"], error["type"]) for error in error.errors()]
    return []


def test_step1_accepts_a_valid_customer(customer):
    assert problems(Customer, customer) == []
    assert problems(Customer, {**customer, "monthly_charges": 70}) == [], "a whole number is a valid amount"
    assert Customer.model_validate(customer).model_dump() == customer


@pytest.mark.parametrize("field", FIELDS)
def test_step1_every_field_is_required(customer, field):
    del customer[field]
    assert problems(Customer, customer) == [((field,), "missing")]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tenure_months", "12"),
        ("tenure_months", 12.5),
        ("tenure_months", 12.0),
        ("tenure_months", True),
        ("monthly_charges", "95.0"),
        ("support_calls", "2"),
        ("support_calls", False),
        ("contract", 1),
    ],
)
def test_step1_rejects_wrong_types_instead_of_converting(customer, field, value):
    found = problems(Customer, {**customer, field: value})
    assert [loc for loc, _ in found] == [(field,)], f"{field}={value!r} should be refused: {found}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tenure_months", -1), ("tenure_months", 121),
        ("monthly_charges", 0), ("monthly_charges", -5.5), ("monthly_charges", 500.01),
        ("support_calls", -1), ("support_calls", 51),
        ("contract", "weekly"), ("contract", "Month-to-month"),
    ],
)
def test_step1_rejects_values_out_of_range(customer, field, value):
    found = problems(Customer, {**customer, field: value})
    assert [loc for loc, _ in found] == [(field,)], f"{field}={value!r} should be refused: {found}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tenure_months", 0), ("tenure_months", 120),
        ("monthly_charges", 0.01), ("monthly_charges", 500),
        ("support_calls", 0), ("support_calls", 50),
        ("contract", "one-year"), ("contract", "two-year"),
    ],
)
def test_step1_accepts_the_edges_of_each_range(customer, field, value):
    assert problems(Customer, {**customer, field: value}) == []


def test_step1_rejects_unknown_fields(customer):
    # A typo: without a rule against unknown fields, "tenure" would be silently dropped.
    assert problems(Customer, {**customer, "tenure": 3}) == [(("tenure",), "extra_forbidden")]


def test_step1_reports_every_problem_at_once(customer):
    bad = {**customer, "tenure_months": "3", "support_calls": 99, "colour": "blue"}
    del bad["contract"]
    assert sorted(loc for loc, _ in problems(Customer, bad)) == [
        ("colour",), ("contract",), ("support_calls",), ("tenure_months",)
    ]


def test_step1_batch_holds_1_to_100_customers(customer):
    assert problems(BatchRequest, {"customers": [customer]}) == []
    assert problems(BatchRequest, {"customers": [customer] * 100}) == []
    assert [loc for loc, _ in problems(BatchRequest, {"customers": []})] == [("customers",)]
    assert [loc for loc, _ in problems(BatchRequest, {"customers": [customer] * 101})] == [("customers",)]
    assert [loc for loc, _ in problems(BatchRequest, {})] == [("customers",)]


def test_step1_batch_checks_each_customer_and_unknown_fields(customer):
    batch = {"customers": [customer, {**customer, "contract": "weekly"}], "priority": "high"}
    assert sorted(loc for loc, _ in problems(BatchRequest, batch)) == [("customers", 1, "contract"), ("priority",)]
