"""Step 1: a crafted pickle runs code when it is loaded (the effect is an empty marker file)."""

import pickle

from unsafe_demo import craft_payload


def test_step1_making_the_pickle_runs_nothing(tmp_path):
    marker = tmp_path / "marker"
    craft_payload(str(marker))
    assert not marker.exists(), "craft_payload created the marker itself; the effect must happen when the pickle is loaded"


def test_step1_loading_the_pickle_runs_code(tmp_path):
    marker = tmp_path / "marker"
    payload = craft_payload(str(marker))
    assert not marker.exists()
    result = pickle.loads(payload)
    assert marker.exists(), "pickle.loads(payload) returned without creating the marker file"
    assert not result, "the call's result replaces the object: Path.touch returns None"


def test_step1_the_loader_needs_none_of_your_code(tmp_path):
    payload = craft_payload(str(tmp_path / "marker"))
    # The victim has no MaliciousModel class: the file names only the function to call.
    assert b"MaliciousModel" not in payload
    assert b"unsafe_demo" not in payload
