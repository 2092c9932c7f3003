"""Saving a trained pipeline with its metadata, and loading it back only when it checks out.

Write the five functions below in order; each is one step of README.md, and the tests
named `test_step<n>_...` check step n.
"""

import hashlib
import json
import platform
from datetime import datetime, timezone
from pathlib import Path

import joblib
import numpy
import pandas
import sklearn

from train import TARGET

SCHEMA_VERSION = 1
SUPPORTED_SCHEMA_VERSIONS = {1}
MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"

# The libraries a saved pipeline depends on, by the name metadata.json records them under.
LIBRARIES = {"scikit-learn": sklearn, "numpy": numpy, "pandas": pandas, "joblib": joblib}

# Every field load_model needs, as dotted paths into metadata.json.
REQUIRED_FIELDS = [
    "schema_version",
    "created_at",
    "training_data.path",
    "training_data.sha256",
    "training_data.rows",
    "features",
    "target",
    "metrics",
    "versions.python",
    *(f"versions.{name}" for name in LIBRARIES),
]


class ModelLoadError(Exception):
    """A saved model that this code refuses to load; the message says what is wrong."""


class FeatureError(ValueError):
    """Input rows that lack a feature the model needs; the message names the missing ones."""


def installed_versions() -> dict[str, str]:
    """The versions of Python and of LIBRARIES in this environment."""
    return {"python": platform.python_version(), **{name: lib.__version__ for name, lib in LIBRARIES.items()}}


def sha256_file(path: Path) -> str:
    """Step 1. The SHA-256 of the file's exact bytes, as 64 lower-case hex characters.

    Reads the file in pieces, so a large file never has to fit in memory.
    """
    raise NotImplementedError("step 1: hash the file's bytes")


def build_metadata(model, data_path: Path, metrics: dict[str, float], *, target: str = TARGET, now: datetime | None = None) -> dict:
    """Step 2. The metadata record of a model trained on `data_path` (layout in README.md).

    `now` (default: the current time) must be timezone-aware; `created_at` is written in UTC.
    The result must survive json.dumps and json.loads unchanged.
    """
    raise NotImplementedError("step 2: build the metadata record")


def save_model(model, metadata: dict, folder: Path) -> Path:
    """Step 3. Writes MODEL_FILE and METADATA_FILE into `folder` (created if missing).

    A folder that already holds a model is a published version: raise FileExistsError and
    change nothing. Returns the folder.
    """
    raise NotImplementedError("step 3: save the model and its metadata")


def load_model(folder: Path, data_path: Path):
    """Step 4. Returns (model, metadata) from `folder`, or raises ModelLoadError.

    Refuses, before it unpickles anything: missing metadata, an unsupported schema version,
    a missing field, a library whose major version differs from this environment's, and
    training data at `data_path` whose hash differs from the recorded one. After loading,
    refuses a model whose feature names differ from metadata's.
    """
    raise NotImplementedError("step 4: load the model, checking everything first")


def predict(model, metadata: dict, rows: pandas.DataFrame) -> numpy.ndarray:
    """Step 5. The churn probability of each row, using the features metadata lists.

    Rows may hold extra columns and columns in any order; rows that lack a feature raise
    FeatureError naming every missing one.
    """
    raise NotImplementedError("step 5: predict from rows with the recorded features")
