"""Starts the service in this process and sends it a few requests, printing each answer.

In the page there is no network, so the requests go straight to the app (see
churn_api/local_client.py). On your machine you can also serve it over HTTP:
    pip install uvicorn && uvicorn churn_api.app:create_app --factory --port 8000
"""

import json

from churn_api.app import create_app
from churn_api.local_client import LocalClient

customer = {"tenure_months": 3, "monthly_charges": 95.0, "support_calls": 5, "contract": "month-to-month"}
loyal = {"tenure_months": 60, "monthly_charges": 45.5, "support_calls": 0, "contract": "two-year"}


def show(label, response):
    print(f"{label}\n  {response.status_code} {json.dumps(response.json())}")
    print(f"  X-Model-Version: {response.headers.get('X-Model-Version')}")


with LocalClient(create_app()) as client:
    show("GET /health", client.get("/health"))
    show("POST /predict (a new customer on a monthly contract)", client.post("/predict", json=customer))
    show("POST /predict/batch (two customers)", client.post("/predict/batch", json={"customers": [customer, loyal]}))
    show('POST /predict with "tenure_months": "3" and a typo', client.post("/predict", json={**customer, "tenure_months": "3", "contrct": "one-year"}))
    show("POST /predict with a body that is not JSON", client.post("/predict", content=b"{", headers={"Content-Type": "application/json"}))
