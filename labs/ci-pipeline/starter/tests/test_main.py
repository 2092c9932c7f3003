from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health_reports_the_model_version():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_predicts_an_obvious_setosa():
    flower = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
    response = client.post("/predict", json=flower)
    assert response.status_code == 200
    assert response.json()["species"] == "setosa"


def test_predicts_an_obvious_virginica():
    flower = {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3}
    assert client.post("/predict", json=flower).json()["species"] == "virginica"


def test_rejects_a_negative_measurement():
    flower = {"sepal_length": -1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
    assert client.post("/predict", json=flower).status_code == 422
