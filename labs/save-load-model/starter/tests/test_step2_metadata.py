import hashlib
import json
import platform
import re
from datetime import datetime, timedelta, timezone

import joblib
import numpy
import pandas
import pytest
import sklearn

from model_store import build_metadata
from train import FEATURES, load_data, train

# ISO 8601 in UTC, as datetime.isoformat writes it: 2026-11-27T09:30:00+00:00 (a Z suffix is fine too).
UTC_ISO_8601 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)")


def parse_utc(text):
    assert isinstance(text, str) and UTC_ISO_8601.fullmatch(text), (
        f"created_at should be ISO 8601 in UTC, like 2026-11-27T09:30:00+00:00; got {text!r}"
    )
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def metadata_of(trained, data_file):
    """Called inside each test, not as a fixture, so an unfinished step fails as a test."""
    return build_metadata(trained[0], data_file, trained[1])


def test_step2_schema_version_and_target(trained, data_file):
    metadata = metadata_of(trained, data_file)
    assert metadata["schema_version"] == 1
    assert metadata["target"] == "churned"


def test_step2_training_data_path_hash_and_rows(trained, data_file):
    metadata = metadata_of(trained, data_file)
    data = metadata["training_data"]
    assert data["path"] == "churn.csv", "record the data file's name"
    assert data["sha256"] == hashlib.sha256(data_file.read_bytes()).hexdigest()
    rows = len(data_file.read_text().strip().splitlines()) - 1  # minus the header line
    assert data["rows"] == rows == 300, "rows counts customers, not lines: the header is not a row"
    assert type(data["rows"]) is int


def test_step2_features_come_from_the_model(trained, data_file):
    assert build_metadata(trained[0], data_file, trained[1])["features"] == FEATURES
    # A pipeline trained on other columns records those, in its own order.
    small, small_metrics = train(load_data(data_file), ["contract", "tenure_months"])
    assert build_metadata(small, data_file, small_metrics)["features"] == ["contract", "tenure_months"]


def test_step2_metrics_are_recorded_as_numbers_between_0_and_1(trained, data_file):
    metadata = metadata_of(trained, data_file)
    assert metadata["metrics"] == trained[1]
    for name, value in metadata["metrics"].items():
        assert type(value) is float and 0 <= value <= 1, f"metrics.{name} = {value!r}"
    # numpy numbers are not JSON: the record must survive a JSON round trip unchanged.
    numpy_metrics = {"accuracy": numpy.float32(0.75), "roc_auc": numpy.float64(0.5)}
    record = build_metadata(trained[0], data_file, numpy_metrics)
    assert json.loads(json.dumps(record))["metrics"] == {"accuracy": 0.75, "roc_auc": 0.5}


def test_step2_library_versions(trained, data_file):
    metadata = metadata_of(trained, data_file)
    assert metadata["versions"] == {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "pandas": pandas.__version__,
        "joblib": joblib.__version__,
    }


def test_step2_created_at_is_now_in_utc(trained, data_file):
    metadata = metadata_of(trained, data_file)
    created = parse_utc(metadata["created_at"])
    assert abs(datetime.now(timezone.utc) - created) < timedelta(minutes=1), "created_at should be the current time"


def test_step2_created_at_converts_other_time_zones_to_utc(trained, data_file):
    paris_morning = datetime(2026, 11, 27, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    created = build_metadata(trained[0], data_file, trained[1], now=paris_morning)["created_at"]
    assert parse_utc(created) == paris_morning
    assert created.startswith("2026-11-27T09:30:00")


def test_step2_created_at_refuses_a_time_without_zone(trained, data_file):
    with pytest.raises(ValueError, match="timezone"):
        build_metadata(trained[0], data_file, trained[1], now=datetime(2026, 11, 27, 10, 30))


def test_step2_record_is_plain_json(trained, data_file):
    metadata = metadata_of(trained, data_file)
    assert json.loads(json.dumps(metadata)) == metadata
