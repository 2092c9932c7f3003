"""Steps 2 and 3: load model files without letting them run code.

Step 2: ModelUnpickler resolves only the globals a LinearModel needs and refuses the rest.
Step 3: signed model files: an HMAC-SHA256 over the pickle's bytes, checked before any
unpickling, with the key from the environment and never in the file.
"""

import hashlib
import hmac
import io
import os
import pickle

# Step 2: every (module, name) pair a LinearModel's pickle asks for (see model.py).
ALLOWED_GLOBALS: frozenset = frozenset()


class ModelUnpickler(pickle.Unpickler):
    """An Unpickler that only builds the classes in ALLOWED_GLOBALS."""

    def find_class(self, module: str, name: str):
        # Goal: resolve a global only if (module, name) is allowed, exactly as written.
        # Contract: anything else raises pickle.UnpicklingError whose message names
        # "module.name", before anything is imported or looked up.
        raise NotImplementedError("step 2: allow exactly the globals a model needs")


def safe_loads(data: bytes):
    """Unpickles `data` with ModelUnpickler instead of pickle.loads."""
    raise NotImplementedError("step 2: unpickle through ModelUnpickler")


# Step 3: the file starts with this line, then the hex signature, a newline, and the pickle.
HEADER = b"MODEL-HMAC-SHA256 "
KEY_VARIABLE = "MODEL_SIGNING_KEY"
MIN_KEY_LENGTH = 32


class SignatureError(Exception):
    """A model file whose signature is missing, malformed or does not match."""


class SigningKeyError(Exception):
    """No usable signing key in the environment."""


def key_from_env(variable: str = KEY_VARIABLE) -> bytes:
    """The signing key from the environment variable `variable`: its text encoded as UTF-8."""
    # Contract: a missing variable, or one shorter than MIN_KEY_LENGTH characters, raises
    # SigningKeyError that names the variable. There is no fallback key.
    raise NotImplementedError("step 3: read the key from the environment")


def sign(data: bytes, key: bytes) -> str:
    """The HMAC-SHA256 of `data` under `key`, as 64 hex characters."""
    raise NotImplementedError("step 3: compute the signature")


def dump_signed(model, key: bytes) -> bytes:
    """The bytes of a signed model file: HEADER, the signature, a newline, then the pickle."""
    raise NotImplementedError("step 3: pickle the model and sign the pickle's bytes")


def load_signed(blob: bytes, key: bytes):
    """The model in a signed model file, or SignatureError for a file that fails the check."""
    # Contract: nothing is unpickled unless the signature matches; the comparison takes the
    # same time however many characters match; the model comes back through safe_loads.
    raise NotImplementedError("step 3: verify, then unpickle safely")


def save_signed(model, path: str, key: bytes) -> None:
    """Writes a signed model file to `path`."""
    with open(path, "wb") as f:
        f.write(dump_signed(model, key))


def load_signed_file(path: str, key: bytes):
    """Reads and checks a signed model file from `path`."""
    with open(path, "rb") as f:
        return load_signed(f.read(), key)
