import json

import joblib
import numpy as np
import pytest

from model_store import build_metadata, save_model
from train import load_data


def metadata_of(trained, data_file):
    """Called inside each test, not as a fixture, so an unfinished step fails as a test."""
    return build_metadata(trained[0], data_file, trained[1])


def test_step3_writes_model_and_metadata_into_a_new_folder(trained, data_file, tmp_path):
    metadata = metadata_of(trained, data_file)
    folder = tmp_path / "models" / "churn-classifier" / "1.0.0"  # none of these exist yet
    assert save_model(trained[0], metadata, folder) == folder
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.json", "model.joblib"]
    assert json.loads((folder / "metadata.json").read_text()) == metadata


def test_step3_metadata_file_is_indented_for_people(trained, data_file, tmp_path):
    metadata = metadata_of(trained, data_file)
    text = save_model(trained[0], metadata, tmp_path / "v1").joinpath("metadata.json").read_text()
    assert text.startswith('{\n  "'), "indent the JSON with two spaces, so a diff or a reviewer can read it"
    assert text.endswith("\n")


def test_step3_model_file_holds_the_fitted_pipeline(trained, data_file, tmp_path):
    metadata = metadata_of(trained, data_file)
    folder = save_model(trained[0], metadata, tmp_path / "v1")
    rows = load_data()
    loaded = joblib.load(folder / "model.joblib")
    assert np.array_equal(loaded.predict_proba(rows), trained[0].predict_proba(rows))


def test_step3_refuses_to_overwrite_a_saved_version(trained, data_file, tmp_path):
    metadata = metadata_of(trained, data_file)
    folder = save_model(trained[0], metadata, tmp_path / "v1")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    changed = {**metadata, "target": "something-else"}
    with pytest.raises(FileExistsError, match="v1"):
        save_model(trained[0], changed, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "a refused save must change nothing"
