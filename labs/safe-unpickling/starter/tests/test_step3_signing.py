"""Step 3: signed model files, verified before anything is unpickled, with the key from the environment."""

import hashlib
import hmac
import pathlib
import pickle
import secrets

import pytest

import safe_loading
from model import example_model
from safe_loading import HEADER, KEY_VARIABLE, SignatureError, SigningKeyError, dump_signed, key_from_env, load_signed, sign

KEY = b"lab-key-3f9a1c-not-for-production-use"
OTHER_KEY = b"another-key-of-enough-length-0123456789"


class Touch:
    """A pickle that creates `marker` when loaded (the step 1 trick)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.marker),))


def signed(data: bytes, key: bytes) -> bytes:
    """A signed model file for arbitrary pickle bytes, laid out as the README describes."""
    return HEADER + hmac.new(key, data, hashlib.sha256).hexdigest().encode("ascii") + b"\n" + data


def test_step3_sign_is_the_hmac_sha256_of_the_bytes():
    assert sign(b"model bytes", KEY) == hmac.new(KEY, b"model bytes", hashlib.sha256).hexdigest()
    assert sign(b"model bytes", KEY) != sign(b"model bytes", OTHER_KEY)


def test_step3_the_file_is_header_signature_newline_pickle():
    model = example_model()
    data = pickle.dumps(model)
    assert dump_signed(model, KEY) == signed(data, KEY)


def test_step3_a_signed_model_round_trips():
    model = example_model()
    assert load_signed(dump_signed(model, KEY), KEY) == model


def test_step3_the_key_is_never_in_the_file():
    assert KEY not in dump_signed(example_model(), KEY)


def test_step3_a_tampered_file_is_refused():
    blob = dump_signed(example_model(), KEY)
    tampered = blob.replace(b"support_calls", b"support_calln")
    assert tampered != blob
    with pytest.raises(SignatureError):
        load_signed(tampered, KEY)


def test_step3_a_file_signed_with_another_key_is_refused():
    with pytest.raises(SignatureError):
        load_signed(dump_signed(example_model(), OTHER_KEY), KEY)


def test_step3_a_file_without_a_signature_is_refused():
    with pytest.raises(SignatureError):
        load_signed(pickle.dumps(example_model()), KEY)


def test_step3_nothing_is_unpickled_before_the_signature_matches(tmp_path, monkeypatch):
    def unpickled(*args, **kwargs):
        raise AssertionError("the file was unpickled before its signature was checked")

    for target, name in [(pickle, "loads"), (pickle, "load"), (safe_loading, "safe_loads"), (safe_loading.ModelUnpickler, "load")]:
        monkeypatch.setattr(target, name, unpickled)
    marker = tmp_path / "marker"
    forged = signed(pickle.dumps(Touch(str(marker))), OTHER_KEY)
    with pytest.raises(SignatureError):
        load_signed(forged, KEY)
    assert not marker.exists()


def test_step3_a_correctly_signed_malicious_file_is_still_refused(tmp_path):
    # A leaked key must not mean code execution: the verified bytes still go through the allow-list.
    marker = tmp_path / "marker"
    with pytest.raises(pickle.UnpicklingError):
        load_signed(signed(pickle.dumps(Touch(str(marker))), KEY), KEY)
    assert not marker.exists()


def test_step3_signatures_are_compared_in_constant_time(monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    monkeypatch.setattr(secrets, "compare_digest", spy)
    if hasattr(safe_loading, "compare_digest"):
        monkeypatch.setattr(safe_loading, "compare_digest", spy)
    load_signed(dump_signed(example_model(), KEY), KEY)
    assert calls, "compare the signatures with hmac.compare_digest, not =="


def test_step3_the_key_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, KEY.decode())
    assert key_from_env() == KEY


def test_step3_a_missing_key_is_an_error_not_a_default(monkeypatch):
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    with pytest.raises(SigningKeyError, match=KEY_VARIABLE):
        key_from_env()


def test_step3_a_short_key_is_refused(monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, "secret")
    with pytest.raises(SigningKeyError, match=KEY_VARIABLE):
        key_from_env()
