"""Iris prediction service: the FastAPI app from module 4, ready to be containerised.

The model is a multinomial logistic regression trained with scikit-learn and exported
as plain numbers to model.json, so serving it needs no scikit-learn at all.
Configuration comes from environment variables, which is how containers are configured:
  MODEL_PATH  where to find the model file (default: model.json next to this file)
  API_KEY     if set, POST /predict requires the header `X-API-Key` with this value
"""

import json
import math
import os
import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field

DEFAULT_MODEL_PATH = Path(__file__).with_name("model.json")


def load_model(path: Path) -> dict:
    """Read the model file once and check that its shapes agree."""
    model = json.loads(path.read_text(encoding="utf-8"))
    n_features = len(model["features"])
    if len(model["coef"]) != len(model["classes"]) or any(len(row) != n_features for row in model["coef"]):
        raise ValueError(f"{path}: coef must be one row of {n_features} numbers per class")
    return model


def predict_proba(model: dict, values: list[float]) -> list[float]:
    """Softmax over one linear score per class."""
    scores = [sum(w * x for w, x in zip(row, values)) + b for row, b in zip(model["coef"], model["intercept"])]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


class Features(BaseModel):
    """One flower, measured in centimetres."""

    sepal_length: float = Field(gt=0, lt=20)
    sepal_width: float = Field(gt=0, lt=20)
    petal_length: float = Field(gt=0, lt=20)
    petal_width: float = Field(gt=0, lt=20)


class Prediction(BaseModel):
    species: str
    probability: float
    model_version: str


@asynccontextmanager
async def lifespan(app: FastAPI):
    # Load the model once at start-up, not on every request.
    app.state.model = load_model(Path(os.environ.get("MODEL_PATH", DEFAULT_MODEL_PATH)))
    # Secrets arrive at run time (docker run -e API_KEY=... or an orchestrator's secret store).
    app.state.api_key = os.environ.get("API_KEY")
    yield


app = FastAPI(title="Iris classifier", version="1.0.0", lifespan=lifespan)


@app.get("/health")
def health(request: Request) -> dict:
    """Liveness: the process is up and the model is loaded."""
    model = request.app.state.model
    return {"status": "ok", "model": model["name"], "model_version": model["version"]}


@app.post("/predict", response_model=Prediction)
def predict(features: Features, request: Request, x_api_key: str | None = Header(default=None)) -> Prediction:
    expected = request.app.state.api_key
    if expected and not (x_api_key and secrets.compare_digest(x_api_key, expected)):
        raise HTTPException(status_code=401, detail="missing or wrong X-API-Key header")
    model = request.app.state.model
    values = [getattr(features, name) for name in model["features"]]
    probs = predict_proba(model, values)
    best = max(range(len(probs)), key=probs.__getitem__)
    return Prediction(species=model["classes"][best], probability=round(probs[best], 4), model_version=model["version"])
