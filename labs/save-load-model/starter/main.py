"""Trains the churn model, saves it with metadata, loads it back and compares predictions.

Run it once every test passes: it writes models/churn-classifier/<time>/ and prints what
the loader checked.
"""

from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from model_store import build_metadata, load_model, predict, save_model
from train import DATA_FILE, load_data, train

frame = load_data()
model, metrics = train(frame)
metadata = build_metadata(model, DATA_FILE, metrics)
# A new folder per run: a saved version is never overwritten.
version = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
folder = save_model(model, metadata, Path("models") / "churn-classifier" / version)
print(f"saved {folder}")
print(f"  trained on {metadata['training_data']['rows']} rows, sha256 {metadata['training_data']['sha256'][:12]}...")
print(f"  metrics {metadata['metrics']}")
print(f"  versions {metadata['versions']}")

loaded, loaded_metadata = load_model(folder, DATA_FILE)
before = predict(model, metadata, frame)
after = predict(loaded, loaded_metadata, frame)
same = int(np.sum(before == after))
print(f"loaded it back: {same} of {len(frame)} predictions identical")
