from churn_api.app import create_app
from churn_api.local_client import LocalClient
from doubles import Loader, failing_loader


def test_step2_loads_the_model_once_at_startup(spy, customer):
    loader = Loader(spy)
    app = create_app(loader)
    assert loader.count == 0, "create_app must not load the model: loading belongs to startup (the lifespan)"
    with LocalClient(app) as client:
        assert loader.count == 1, "the model should be loaded when the app starts, before any request"
        for _ in range(3):
            assert client.get("/health").status_code == 200
            assert client.post("/predict", json=customer).status_code == 200
            assert client.post("/predict/batch", json={"customers": [customer]}).status_code == 200
    assert loader.count == 1, f"the model was loaded {loader.count} times; load it once, at startup"


def test_step2_each_start_loads_once(spy):
    loader = Loader(spy)
    app = create_app(loader)
    for expected in (1, 2):
        with LocalClient(app) as client:
            client.get("/health")
        assert loader.count == expected


def test_step2_starts_even_when_the_model_fails_to_load(caplog):
    with LocalClient(create_app(failing_loader)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "model store unreachable" in caplog.text, "log why the model could not be loaded"
