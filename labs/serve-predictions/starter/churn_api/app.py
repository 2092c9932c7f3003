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
    raise NotImplementedError("steps 2 to 5: build the FastAPI app")
