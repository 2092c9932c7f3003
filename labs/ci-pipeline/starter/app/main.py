"""Prediction service: an iris classifier whose weights ship as JSON in model/model.json."""
import json
from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel, Field

MODEL = json.loads((Path(__file__).resolve().parent.parent / "model" / "model.json").read_text())

app = FastAPI(title="prediction-service")


class Flower(BaseModel):
    sepal_length: float = Field(gt=0, description="cm")
    sepal_width: float = Field(gt=0, description="cm")
    petal_length: float = Field(gt=0, description="cm")
    petal_width: float = Field(gt=0, description="cm")


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "model_version": MODEL["version"]}


@app.post("/predict")
def predict(flower: Flower) -> dict:
    x = [getattr(flower, name) for name in MODEL["features"]]
    scores = [
        bias + sum(w * v for w, v in zip(weights, x))
        for weights, bias in zip(MODEL["coef"], MODEL["intercept"])
    ]
    best = max(range(len(scores)), key=scores.__getitem__)
    return {"species": MODEL["classes"][best], "model_version": MODEL["version"]}
