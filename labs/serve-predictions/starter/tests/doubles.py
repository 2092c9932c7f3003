"""Test doubles: `Spy` wraps the real model to count how often the app calls it and to give
it a version no code can guess; `Loader` counts how often the app builds the model."""

TEST_VERSION = "9.9.9-test"


class Spy:
    """A model that answers like the real one and records every call."""

    def __init__(self, model, version=TEST_VERSION, threshold=0.5):
        self.model, self.version, self.threshold = model, version, threshold
        self.calls = []  # one list of rows per predict_proba call

    def predict_proba(self, rows):
        self.calls.append(list(rows))
        return self.model.predict_proba(rows)


class Loader:
    """A loader that counts how many times the app calls it."""

    def __init__(self, model):
        self.model, self.count = model, 0

    def __call__(self):
        self.count += 1
        return self.model


def failing_loader():
    raise OSError("model store unreachable")
