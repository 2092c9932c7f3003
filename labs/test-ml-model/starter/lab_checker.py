"""Runs the tests in tests/test_churn_model.py against one variant of the system.

It calls pytest in this same process (no subprocess, so it also works in the browser), with
LAB_VARIANT set for the duration of the run, and records each test's outcome. This file is
part of the lab's checking, not of your work.
"""
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).parent
STUDENT_TESTS = ROOT / "tests" / "test_churn_model.py"
_STEP = re.compile(r"(?:test_step|TestStep)(\d+)")


@dataclass
class Outcome:
    """One test of yours in one run: `passed`, `failed` (the test body failed) or `error`/`skipped`."""

    name: str
    step: int | None
    result: str
    message: str = ""


@dataclass
class Run:
    """Everything one run of your tests against one variant produced."""

    variant: str
    outcomes: list[Outcome] = field(default_factory=list)
    collection_errors: list[str] = field(default_factory=list)

    def step(self, step: int) -> list[Outcome]:
        """Your tests whose names start with test_step<step> (or classes TestStep<step>)."""
        return [o for o in self.outcomes if o.step == step]


def step_of(nodeid: str) -> int | None:
    """The step number in a test's name, e.g. 2 for `tests/x.py::test_step2_calls[3]`."""
    for part in nodeid.split("::")[1:]:
        match = _STEP.match(part)
        if match:
            return int(match.group(1))
    return None


class _Recorder:
    """A pytest plugin that keeps one outcome per test."""

    def __init__(self, run: Run):
        self.run = run
        self.by_id: dict[str, Outcome] = {}

    def pytest_collectreport(self, report):
        if report.failed:
            self.run.collection_errors.append(str(report.longrepr).strip().splitlines()[-1])

    def pytest_runtest_logreport(self, report):
        outcome = self.by_id.get(report.nodeid)
        if outcome is None:
            outcome = self.by_id[report.nodeid] = Outcome(report.nodeid.split("::", 1)[-1], step_of(report.nodeid), "passed")
            self.run.outcomes.append(outcome)
        if outcome.result != "passed":
            return  # keep the first problem (a failing body, not its teardown)
        if report.skipped or hasattr(report, "wasxfail"):
            outcome.result = "skipped"
        elif report.failed:
            # Only a failing test body counts as catching a bug; a failing fixture is not your test.
            outcome.result = "failed" if report.when == "call" else "error"
            crash = getattr(report.longrepr, "reprcrash", None)
            outcome.message = (crash.message if crash else str(report.longrepr)).strip().splitlines()[0][:300]


def run_student_tests(variant: str) -> Run:
    """Runs tests/test_churn_model.py against `variant` in this process and returns each outcome."""
    run = Run(variant)
    saved = {name: os.environ.get(name) for name in ("LAB_VARIANT", "PYTEST_ADDOPTS")}
    os.environ["LAB_VARIANT"] = variant
    os.environ.pop("PYTEST_ADDOPTS", None)  # the outer run's options (a report file, say) are not for this one
    try:
        pytest.main(
            [str(STUDENT_TESTS), "-p", "no:terminal", "-p", "no:cacheprovider", "-o", "addopts=", "-W", "ignore"],
            plugins=[_Recorder(run)],
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return run
