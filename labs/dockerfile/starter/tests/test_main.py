"""Tests for the prediction service. Run them with: pip install -r requirements-dev.txt && pytest"""

from fastapi.testclient import TestClient

from app.main import app


def test_health_reports_the_model():
    with TestClient(app) as client:
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model": "iris-logreg", "model_version": "1.0.0"}


def test_predicts_setosa_for_a_small_flower():
    with TestClient(app) as client:
        response = client.post(
            "/predict",
            json={"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2},
        )
    assert response.status_code == 200
    body = response.json()
    assert body["species"] == "setosa"
    assert body["probability"] > 0.9


def test_rejects_invalid_input_with_422():
    with TestClient(app) as client:
        response = client.post("/predict", json={"sepal_length": -1, "sepal_width": 3.5, "petal_length": 1.4})
    assert response.status_code == 422


def test_requires_the_api_key_when_one_is_configured(monkeypatch):
    monkeypatch.setenv("API_KEY", "test-key")
    flower = {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3}
    with TestClient(app) as client:
        assert client.post("/predict", json=flower).status_code == 401
        response = client.post("/predict", json=flower, headers={"X-API-Key": "test-key"})
    assert response.status_code == 200
    assert response.json()["species"] == "virginica"
