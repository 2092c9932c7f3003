from churn_api.app import create_app
from churn_api.local_client import LocalClient
from doubles import TEST_VERSION, Loader, failing_loader

SECRET = "postgres://admin:hunter2-s3cret@db.internal/churn"


class Broken:
    """A model whose call fails with an error message holding a password."""

    version = TEST_VERSION
    threshold = 0.5

    def predict_proba(self, rows):
        raise RuntimeError(f"feature store query failed on {SECRET}")


def test_step5_malformed_json_is_400(spy):
    with LocalClient(create_app(Loader(spy))) as client:
        response = client.post("/predict", content=b'{"tenure_months": 3,', headers={"Content-Type": "application/json"})
    assert response.status_code == 400, "a body that is not JSON is a 400, not a 422"
    assert isinstance(response.json()["detail"], str)


def test_step5_a_500_hides_the_error_from_the_client_and_logs_it(caplog, customer):
    with LocalClient(create_app(Loader(Broken()))) as client:
        response = client.post("/predict", json=customer)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    for leak in (SECRET, "hunter2", "RuntimeError", "feature store", "Traceback"):
        assert leak not in response.text, f"the 500 body leaks {leak!r}: {response.text}"
    assert isinstance(response.json()["detail"], str)
    assert SECRET in caplog.text, "log the real error (with its traceback) for the operators"


def test_step5_every_response_carries_the_model_version(spy, customer):
    with LocalClient(create_app(Loader(spy))) as client:
        responses = {
            "health": client.get("/health"),
            "predict": client.post("/predict", json=customer),
            "batch": client.post("/predict/batch", json={"customers": [customer]}),
            "422": client.post("/predict", json={}),
            "400": client.post("/predict", content=b"{", headers={"Content-Type": "application/json"}),
            "404": client.get("/nowhere"),
            "405": client.get("/predict"),
        }
    with LocalClient(create_app(Loader(Broken()))) as client:
        responses["500"] = client.post("/predict", json=customer)
    for name, response in responses.items():
        assert response.headers.get("X-Model-Version") == TEST_VERSION, f"the {name} response has no X-Model-Version"


def test_step5_without_a_model_the_version_header_says_none(customer):
    with LocalClient(create_app(failing_loader)) as client:
        for response in (client.get("/health"), client.post("/predict", json=customer)):
            assert response.status_code == 503
            assert response.headers.get("X-Model-Version") == "none"


def test_step5_routing_errors_are_json(spy):
    with LocalClient(create_app(Loader(spy))) as client:
        wrong_method = client.get("/predict")
        unknown = client.get("/predict/all")
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"
    assert unknown.status_code == 404
    assert isinstance(wrong_method.json()["detail"], str) and isinstance(unknown.json()["detail"], str)
