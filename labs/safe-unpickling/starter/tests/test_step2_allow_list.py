"""Step 2: a restricted Unpickler that builds a model and refuses every other global."""

import io
import pathlib
import pickle
import sys

import pytest

from model import LinearModel, example_model
from safe_loading import ALLOWED_GLOBALS, ModelUnpickler, safe_loads

ROW = {"tenure_months": 12, "monthly_charges": 70.5, "support_calls": 3}


def stack_global(module: str, name: str) -> bytes:
    """A protocol-4 pickle whose only content is the global module.name (nothing is called)."""

    def text(value: str) -> bytes:
        raw = value.encode("utf-8")
        return b"\x8c" + bytes([len(raw)]) + raw  # SHORT_BINUNICODE

    return b"\x80\x04" + text(module) + text(name) + b"\x93."  # STACK_GLOBAL, STOP


def globals_needed(data: bytes) -> set:
    """Every (module, name) a pickle asks for, recorded by an unrestricted Unpickler."""
    seen = set()

    class Recorder(pickle.Unpickler):
        def find_class(self, module, name):
            seen.add((module, name))
            return super().find_class(module, name)

    Recorder(io.BytesIO(data)).load()
    return seen


def test_step2_a_model_round_trips():
    model = example_model()
    loaded = safe_loads(pickle.dumps(model))
    assert isinstance(loaded, LinearModel)
    assert loaded == model
    assert loaded.score(ROW) == model.score(ROW)


def test_step2_the_allow_list_is_exactly_what_a_model_needs():
    needed = globals_needed(pickle.dumps(example_model()))
    assert set(ALLOWED_GLOBALS) == needed, f"allow exactly {sorted(needed)}"


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("builtins", "eval"),
        ("builtins", "exec"),
        ("builtins", "getattr"),
        ("builtins", "__import__"),
        ("os", "system"),
        ("posix", "system"),
        ("nt", "system"),
        ("subprocess", "Popen"),
        ("pathlib", "Path.touch"),
        ("model", "os.system"),
        ("model", "example_model"),
        ("collections", "OrderedDict.fromkeys"),
        ("collections.abc", "Callable"),
        ("datetime", "datetime.now"),
        ("datetime", "date"),
    ],
)
def test_step2_refuses_every_other_global(module, name):
    with pytest.raises(pickle.UnpicklingError) as refused:
        safe_loads(stack_global(module, name))
    assert f"{module}.{name}" in str(refused.value), "the message should name the refused global"


def test_step2_refuses_before_importing_anything():
    sys.modules.pop("this", None)  # importing `this` prints a poem: a harmless side effect
    with pytest.raises(pickle.UnpicklingError):
        ModelUnpickler(io.BytesIO(b"")).find_class("this", "s")
    assert "this" not in sys.modules, "find_class imported the module before refusing it"
    with pytest.raises(pickle.UnpicklingError):
        ModelUnpickler(io.BytesIO(b"")).find_class("no_such_module_anywhere", "Thing")


class Touch:
    """The step 1 trick, written here so this step is checked on its own."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.marker),))


def test_step2_a_crafted_pickle_is_refused_and_runs_nothing(tmp_path):
    marker = tmp_path / "marker"
    with pytest.raises(pickle.UnpicklingError):
        safe_loads(pickle.dumps(Touch(str(marker))))
    assert not marker.exists(), "the crafted pickle ran code through safe_loads"
