"""The prediction service. Steps 2 to 5 of README.md happen in `create_app`."""

import logging
from collections.abc import Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .model import ChurnModel, load_model
from .schemas import BatchPrediction, BatchRequest, Customer, Prediction, Score

logger = logging.getLogger("churn_api")
VERSION_HEADER = "X-Model-Version"


def create_app(loader: Callable[[], ChurnModel] = load_model) -> FastAPI:
    """Builds the service. `loader` builds the model; the tests pass one that counts calls.

    Contract: `loader` runs once, when the app starts (its lifespan), never per request; the
    app still starts when it raises. Routes: GET /health, POST /predict, POST /predict/batch,
    written with `async def` (the page has no threads). Every response, errors included,
    carries the VERSION_HEADER header.
    """
    state: dict[str, ChurnModel | None] = {"model": None}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            state["model"] = loader()
            logger.info("loaded model version %s", state["model"].version)
        except Exception:
            # Start anyway: /health answers 503, so no traffic is routed here.
            logger.exception("could not load the model")
        yield
        state["model"] = None

    app = FastAPI(title="Churn risk", lifespan=lifespan)

    def version() -> str:
        return state["model"].version if state["model"] else "none"

    def require_model() -> ChurnModel:
        if state["model"] is None:
            raise HTTPException(status_code=503, detail="Model not loaded")
        return state["model"]

    def score(model: ChurnModel, probability: float) -> dict:
        return {"churn": probability >= model.threshold, "probability": round(probability, 4)}

    @app.middleware("http")
    async def add_version_header(request: Request, call_next):
        response = await call_next(request)
        response.headers[VERSION_HEADER] = version()
        return response

    @app.get("/health")
    async def health():
        if state["model"] is None:
            return JSONResponse(status_code=503, content={"status": "unavailable", "model_version": None})
        return {"status": "ok", "model_version": version()}

    # async def: the page runs without threads, where FastAPI could not run a plain def
    # endpoint in its thread pool. Elsewhere, prefer def for CPU-bound work (see README).
    @app.post("/predict", response_model=Prediction)
    async def predict(customer: Customer):
        model = require_model()
        [probability] = model.predict_proba([customer.model_dump()])
        return Prediction(**score(model, probability), model_version=model.version)

    @app.post("/predict/batch", response_model=BatchPrediction)
    async def predict_batch(batch: BatchRequest):
        model = require_model()
        probabilities = model.predict_proba([customer.model_dump() for customer in batch.customers])
        return BatchPrediction(
            predictions=[Score(**score(model, p)) for p in probabilities], model_version=model.version
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        if any(error["type"] == "json_invalid" for error in errors):
            return JSONResponse(status_code=400, content={"detail": "Request body is not valid JSON"})
        return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception):
        # The traceback goes to the log for operators; the client learns only that it was not their fault.
        return JSONResponse(
            status_code=500, content={"detail": "Internal server error"}, headers={VERSION_HEADER: version()}
        )

    return app
