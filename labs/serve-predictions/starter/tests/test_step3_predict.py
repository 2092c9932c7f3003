from churn_api.app import create_app
from churn_api.local_client import LocalClient
from doubles import TEST_VERSION, Loader, Spy, failing_loader


def test_step3_health_reports_the_loaded_model_version(spy):
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model_version": TEST_VERSION}


def test_step3_predict_answers_with_the_models_probability(spy, real_model, customer):
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.post("/predict", json=customer)
    assert response.status_code == 200, response.text
    expected = real_model.predict_proba([customer])[0]
    assert response.json() == {"churn": True, "probability": round(expected, 4), "model_version": TEST_VERSION}
    assert spy.calls == [[customer]], "predict once, with the customer's features"


def test_step3_churn_follows_the_models_threshold(real_model, customer):
    strict = Spy(real_model, threshold=0.99)  # probability 0.83 is below it
    with LocalClient(create_app(Loader(strict))) as client:
        body = client.post("/predict", json=customer).json()
    assert body["churn"] is False and 0.8 < body["probability"] < 0.99


def test_step3_invalid_input_is_422_with_the_field_locations(spy, customer):
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.post("/predict", json={**customer, "tenure_months": "3", "support_calls": 99})
    assert response.status_code == 422
    locations = sorted(tuple(problem["loc"]) for problem in response.json()["detail"])
    assert locations == [("body", "support_calls"), ("body", "tenure_months")]
    assert all(problem["msg"] for problem in response.json()["detail"]), "each problem says what is wrong"
    assert spy.calls == [], "invalid input must never reach the model"


def test_step3_without_a_model_predict_is_503_but_bad_input_still_422(customer):
    with LocalClient(create_app(failing_loader)) as client:
        unavailable = client.post("/predict", json=customer)
        invalid = client.post("/predict", json={**customer, "contract": "weekly"})
    assert unavailable.status_code == 503
    assert invalid.status_code == 422, "a request that can never succeed should not be told to retry"
