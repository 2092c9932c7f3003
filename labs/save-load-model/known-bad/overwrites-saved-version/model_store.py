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
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_metadata(model, data_path: Path, metrics: dict[str, float], *, target: str = TARGET, now: datetime | None = None) -> dict:
    """Step 2. The metadata record of a model trained on `data_path` (layout in README.md).

    `now` (default: the current time) must be timezone-aware; `created_at` is written in UTC.
    The result must survive json.dumps and json.loads unchanged.
    """
    now = now or datetime.now(timezone.utc)
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware, e.g. datetime.now(timezone.utc)")
    data_path = Path(data_path)
    return {
        "schema_version": SCHEMA_VERSION,
        "created_at": now.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "training_data": {
            "path": data_path.name,
            "sha256": sha256_file(data_path),
            "rows": len(pandas.read_csv(data_path)),
        },
        "features": [str(name) for name in model.feature_names_in_],
        "target": target,
        "metrics": {name: float(value) for name, value in metrics.items()},
        "versions": installed_versions(),
    }


def save_model(model, metadata: dict, folder: Path) -> Path:
    """Step 3. Writes MODEL_FILE and METADATA_FILE into `folder` (created if missing).

    A folder that already holds a model is a published version: raise FileExistsError and
    change nothing. Returns the folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / MODEL_FILE)
    (folder / METADATA_FILE).write_text(json.dumps(metadata, indent=2) + "\n")
    return folder


def load_model(folder: Path, data_path: Path):
    """Step 4. Returns (model, metadata) from `folder`, or raises ModelLoadError.

    Refuses, before it unpickles anything: missing metadata, an unsupported schema version,
    a missing field, a library whose major version differs from this environment's, and
    training data at `data_path` whose hash differs from the recorded one. After loading,
    refuses a model whose feature names differ from metadata's.
    """
    folder = Path(folder)
    metadata_path = folder / METADATA_FILE
    if not metadata_path.exists():
        raise ModelLoadError(f"{metadata_path} is missing: refusing to load a model without its metadata")
    try:
        metadata = json.loads(metadata_path.read_text())
    except json.JSONDecodeError as error:
        raise ModelLoadError(f"{metadata_path} is not valid JSON ({error})") from None

    if metadata.get("schema_version") not in SUPPORTED_SCHEMA_VERSIONS:
        raise ModelLoadError(
            f"schema_version {metadata.get('schema_version')!r} is not supported "
            f"(this loader reads {sorted(SUPPORTED_SCHEMA_VERSIONS)})"
        )
    for field in REQUIRED_FIELDS:
        value = metadata
        for key in field.split("."):
            if not isinstance(value, dict) or key not in value:
                raise ModelLoadError(f"{metadata_path} is missing the field {field!r}")
            value = value[key]

    for name, installed in installed_versions().items():
        if name == "python":
            continue
        recorded = str(metadata["versions"][name])
        if recorded.split(".")[0] != installed.split(".")[0]:
            raise ModelLoadError(
                f"the model was saved with {name} {recorded}, this environment has {installed}: "
                "a different major version may not load it faithfully"
            )

    expected = metadata["training_data"]["sha256"]
    actual = sha256_file(data_path)
    if actual != expected:
        raise ModelLoadError(
            f"the training data changed: {data_path} has SHA-256 {actual[:12]}..., "
            f"the model was trained on {expected[:12]}..."
        )

    # Only now run the unpickler, on a folder whose metadata checked out.
    model = joblib.load(folder / MODEL_FILE)
    expects = [str(name) for name in model.feature_names_in_]
    if expects != metadata["features"]:
        raise ModelLoadError(
            f"the model's features {expects} differ from the features metadata lists {metadata['features']}"
        )
    return model, metadata


def predict(model, metadata: dict, rows: pandas.DataFrame) -> numpy.ndarray:
    """Step 5. The churn probability of each row, using the features metadata lists.

    Rows may hold extra columns and columns in any order; rows that lack a feature raise
    FeatureError naming every missing one.
    """
    features = metadata["features"]
    missing = [name for name in features if name not in rows.columns]
    if missing:
        raise FeatureError(f"missing features: {', '.join(missing)}; the model needs {', '.join(features)}")
    return model.predict_proba(rows[features])[:, 1]
