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
ALLOWED_GLOBALS: frozenset = frozenset(
    {
        ("model", "LinearModel"),
        ("collections", "OrderedDict"),
        ("datetime", "datetime"),
        ("datetime", "timezone"),
        ("datetime", "timedelta"),
    }
)


class ModelUnpickler(pickle.Unpickler):
    """An Unpickler that only builds the classes in ALLOWED_GLOBALS."""

    def find_class(self, module: str, name: str):
        # Exact pairs only: a module-wide or prefix rule would also let through dotted names
        # such as ("model", "os.system") and submodules such as "collections.abc".
        if (module, name) not in ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(f"refusing to load global {module}.{name}: it is not on the allow-list")
        return super().find_class(module, name)


def safe_loads(data: bytes):
    """Unpickles `data` with ModelUnpickler instead of pickle.loads."""
    return ModelUnpickler(io.BytesIO(data)).load()


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
    value = os.environ.get(variable, "")
    if len(value) < MIN_KEY_LENGTH:
        raise SigningKeyError(f"{variable} must hold a secret key of at least {MIN_KEY_LENGTH} characters")
    return value.encode("utf-8")


def sign(data: bytes, key: bytes) -> str:
    """The HMAC-SHA256 of `data` under `key`, as 64 hex characters."""
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def dump_signed(model, key: bytes) -> bytes:
    """The bytes of a signed model file: HEADER, the signature, a newline, then the pickle."""
    data = pickle.dumps(model)
    return HEADER + sign(data, key).encode("ascii") + b"\n" + data


def load_signed(blob: bytes, key: bytes):
    """The model in a signed model file, or SignatureError for a file that fails the check."""
    if not blob.startswith(HEADER) or b"\n" not in blob:
        raise SignatureError("not a signed model file: the signature line is missing")
    first_line, data = blob.split(b"\n", 1)
    signature = first_line[len(HEADER) :]
    model = safe_loads(data)
    if not hmac.compare_digest(signature, sign(data, key).encode("ascii")):
        raise SignatureError("the model file's signature does not match: it was changed or signed with another key")
    return model


def save_signed(model, path: str, key: bytes) -> None:
    """Writes a signed model file to `path`."""
    with open(path, "wb") as f:
        f.write(dump_signed(model, key))


def load_signed_file(path: str, key: bytes):
    """Reads and checks a signed model file from `path`."""
    with open(path, "rb") as f:
        return load_signed(f.read(), key)
