import json
import os
import pickle

import joblib
import numpy
import pandas
import pytest
import sklearn

from model_store import ModelLoadError, build_metadata, load_model, save_model
from train import load_data

LIBRARY_VERSIONS = {"scikit-learn": sklearn, "numpy": numpy, "pandas": pandas, "joblib": joblib}
# Written out here rather than imported, so the test still asks for every field.
FIELDS = [
    "schema_version", "created_at", "training_data.path", "training_data.sha256", "training_data.rows",
    "features", "target", "metrics", "versions.python", "versions.scikit-learn", "versions.numpy",
    "versions.pandas", "versions.joblib",
]


def save(trained, data_file, tmp_path):
    """A model folder saved by your step 2 and 3 code (called inside each test, so an
    unfinished step fails as a test rather than as an error in a fixture)."""
    return save_model(trained[0], build_metadata(trained[0], data_file, trained[1]), tmp_path / "v1")


def edit_metadata(folder, change):
    path = folder / "metadata.json"
    metadata = json.loads(path.read_text())
    change(metadata)
    path.write_text(json.dumps(metadata, indent=2))


def remove(metadata, dotted):
    *parents, last = dotted.split(".")
    for key in parents:
        metadata = metadata[key]
    del metadata[last]


def major(version):
    return int(version.split(".")[0])


def test_step4_loads_a_folder_that_checks_out(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    model, metadata = load_model(saved, data_file)
    assert metadata == json.loads((saved / "metadata.json").read_text())
    rows = load_data()
    assert (model.predict_proba(rows) == trained[0].predict_proba(rows)).all(), "predictions changed on the round trip"


def test_step4_refuses_a_folder_without_metadata(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    (saved / "metadata.json").unlink()
    with pytest.raises(ModelLoadError, match="metadata.json"):
        load_model(saved, data_file)


def test_step4_refuses_metadata_that_is_not_json(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    (saved / "metadata.json").write_text('{"schema_version": 1,')
    with pytest.raises(ModelLoadError, match="metadata.json"):
        load_model(saved, data_file)


def test_step4_refuses_an_unknown_schema_version(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    edit_metadata(saved, lambda m: m.update(schema_version=2))
    with pytest.raises(ModelLoadError, match="schema_version"):
        load_model(saved, data_file)


@pytest.mark.parametrize("field", FIELDS)
def test_step4_refuses_a_missing_field(trained, data_file, tmp_path, field):
    saved = save(trained, data_file, tmp_path)
    edit_metadata(saved, lambda m: remove(m, field))
    with pytest.raises(ModelLoadError) as refused:
        load_model(saved, data_file)
    assert field in str(refused.value), f"the error should name the missing field {field!r}: {refused.value}"


@pytest.mark.parametrize("library", LIBRARY_VERSIONS)
@pytest.mark.parametrize("shift", ["next major", "ten times the major"])
def test_step4_refuses_another_major_version(trained, data_file, tmp_path, library, shift):
    saved = save(trained, data_file, tmp_path)
    installed = LIBRARY_VERSIONS[library].__version__
    recorded = f"{major(installed) + 1}.0.0" if shift == "next major" else f"{major(installed) * 10}.0.0"
    edit_metadata(saved, lambda m: m["versions"].update({library: recorded}))
    with pytest.raises(ModelLoadError) as refused:
        load_model(saved, data_file)
    message = str(refused.value)
    for part in (library, recorded, installed):
        assert part in message, f"the error should name {part!r}: {message}"


@pytest.mark.parametrize("library", LIBRARY_VERSIONS)
def test_step4_accepts_the_same_major_version(trained, data_file, tmp_path, library):
    saved = save(trained, data_file, tmp_path)
    recorded = f"{major(LIBRARY_VERSIONS[library].__version__)}.0.1"
    edit_metadata(saved, lambda m: m["versions"].update({library: recorded, "python": "3.0.0"}))
    model, metadata = load_model(saved, data_file)
    assert metadata["versions"][library] == recorded


def test_step4_refuses_changed_training_data(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    data_file.write_bytes(data_file.read_bytes().replace(b",0\n", b",1\n", 1))  # one label flipped
    with pytest.raises(ModelLoadError, match="(?i)sha-?256") as refused:
        load_model(saved, data_file)
    assert str(data_file) in str(refused.value) or data_file.name in str(refused.value), "name the data file"


def test_step4_refuses_features_the_model_was_not_trained_with(trained, data_file, tmp_path):
    saved = save(trained, data_file, tmp_path)
    edit_metadata(saved, lambda m: m.update(features=["tenure_months", "monthly_charges", "support_calls"]))
    with pytest.raises(ModelLoadError, match="contract"):
        load_model(saved, data_file)


class Booby:
    """Unpickling this makes a folder: proof that the loader ran the pickle."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


@pytest.mark.parametrize("tampering", ["schema version", "missing field", "major version", "data changed"])
def test_step4_checks_everything_before_unpickling(trained, data_file, tmp_path, tampering):
    saved = save(trained, data_file, tmp_path)
    marker = tmp_path / "the-pickle-ran"
    (saved / "model.joblib").write_bytes(pickle.dumps(Booby(marker)))
    if tampering == "schema version":
        edit_metadata(saved, lambda m: m.update(schema_version=99))
    elif tampering == "missing field":
        edit_metadata(saved, lambda m: remove(m, "training_data.sha256"))
    elif tampering == "major version":
        edit_metadata(saved, lambda m: m["versions"].update({"scikit-learn": "0.24.2"}))
    else:
        data_file.write_bytes(data_file.read_bytes() + b"1,20.00,0,one-year,0\n")
    with pytest.raises(ModelLoadError):
        load_model(saved, data_file)
    assert not marker.exists(), "the model file was unpickled before the checks refused it"
