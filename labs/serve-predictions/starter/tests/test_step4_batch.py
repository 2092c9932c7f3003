from churn_api.app import create_app
from churn_api.local_client import LocalClient
from doubles import TEST_VERSION, Loader, failing_loader


def customers(customer):
    return [
        customer,
        {**customer, "tenure_months": 60, "contract": "two-year", "support_calls": 0},
        {**customer, "monthly_charges": 20, "contract": "one-year"},
    ]


def test_step4_batch_scores_every_customer_in_order(spy, real_model, customer):
    batch = customers(customer)
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.post("/predict/batch", json={"customers": batch})
    assert response.status_code == 200, response.text
    expected = [round(p, 4) for p in real_model.predict_proba(batch)]
    body = response.json()
    assert body["model_version"] == TEST_VERSION
    assert body["predictions"] == [{"churn": p >= 0.5, "probability": p} for p in expected]
    assert [p["churn"] for p in body["predictions"]] == [True, False, False]


def test_step4_batch_calls_the_model_once(spy, customer):
    batch = customers(customer)
    with LocalClient(create_app(Loader(spy))) as client:
        client.post("/predict/batch", json={"customers": batch})
    assert spy.calls == [batch], f"expected one model call with all {len(batch)} rows, got {spy.calls}"


def test_step4_batch_errors_name_the_customer_and_field(spy, customer):
    batch = customers(customer)
    batch[2] = {**batch[2], "contract": "weekly"}
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.post("/predict/batch", json={"customers": batch})
    assert response.status_code == 422
    assert [problem["loc"] for problem in response.json()["detail"]] == [["body", "customers", 2, "contract"]]
    assert spy.calls == []


def test_step4_batch_size_limits(spy, customer):
    with LocalClient(create_app(Loader(spy))) as client:
        assert client.post("/predict/batch", json={"customers": []}).status_code == 422
        assert client.post("/predict/batch", json={"customers": [customer] * 101}).status_code == 422
        assert client.post("/predict/batch", json={"customers": [customer] * 100}).status_code == 200


def test_step4_batch_without_a_model_is_503(customer):
    with LocalClient(create_app(failing_loader)) as client:
        assert client.post("/predict/batch", json={"customers": [customer]}).status_code == 503
