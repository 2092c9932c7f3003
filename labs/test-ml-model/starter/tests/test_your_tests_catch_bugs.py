"""The lab's checks: your tests must pass on the correct systems and catch every bug.

Each check runs tests/test_churn_model.py again, in this process, against one variant from
variants.py. A bug counts as caught when at least one of your tests for its step fails in
its body (a failing fixture or a skipped test catches nothing).
"""
import re

import pytest

from lab_checker import STUDENT_TESTS, Run, run_student_tests
from variants import VARIANTS

CORRECT = [v.name for v in VARIANTS if v.step is None]
STORY = {v.name: v.story for v in VARIANTS}
# Tests that look at which variant is running, instead of at its behaviour, judge nothing.
PEEKING = re.compile(r"LAB_VARIANT|\bvariants\b|environ|getenv")


def bugs_for(step: int) -> list[str]:
    return [v.name for v in VARIANTS if v.step == step]


@pytest.fixture(scope="session")
def runs():
    """Runs your tests at most once per variant during this pytest session."""
    done: dict[str, Run] = {}

    def get(variant: str) -> Run:
        if variant not in done:
            done[variant] = run_student_tests(variant)
        return done[variant]

    return get


def listing(tests) -> str:
    return "\n".join(f"  {t.name}: {t.result}{(' - ' + t.message) if t.message else ''}" for t in tests)


def assert_pass_on_correct_systems(runs, step: int) -> None:
    source = STUDENT_TESTS.read_text(encoding="utf-8")
    found = PEEKING.search(source)
    assert not found, f"tests/test_churn_model.py mentions {found.group(0)!r}. Fix: judge the model's behaviour, not which variant is running."
    for variant in CORRECT:
        run = runs(variant)
        assert not run.collection_errors, f"tests/test_churn_model.py cannot be collected: {run.collection_errors[0]}"
        tests = run.step(step)
        assert tests, f"No test named test_step{step}_… in tests/test_churn_model.py. Fix: write one for step {step}."
        broken = [t for t in tests if t.result != "passed"]
        assert not broken, (
            f"Your step {step} tests must pass on the correct system {variant!r} ({STORY[variant]}), "
            f"or they fail correct models too:\n{listing(broken)}"
        )


def assert_caught(runs, step: int, bug: str) -> None:
    assert_pass_on_correct_systems(runs, step)
    tests = runs(bug).step(step)
    assert any(t.result == "failed" for t in tests), (
        f"Bug {bug!r} went uncaught: {STORY[bug]}\nNone of your step {step} tests failed on it:\n{listing(tests)}"
    )


def test_step1_tests_pass_on_correct_models(runs):
    assert_pass_on_correct_systems(runs, 1)


@pytest.mark.parametrize("bug", bugs_for(1))
def test_step1_tests_catch(runs, bug):
    assert_caught(runs, 1, bug)


def test_step2_tests_pass_on_correct_models(runs):
    assert_pass_on_correct_systems(runs, 2)


@pytest.mark.parametrize("bug", bugs_for(2))
def test_step2_tests_catch(runs, bug):
    assert_caught(runs, 2, bug)


def test_step3_tests_pass_on_correct_models(runs):
    assert_pass_on_correct_systems(runs, 3)


@pytest.mark.parametrize("bug", bugs_for(3))
def test_step3_tests_catch(runs, bug):
    assert_caught(runs, 3, bug)


def test_step4_tests_pass_on_correct_batches(runs):
    assert_pass_on_correct_systems(runs, 4)


@pytest.mark.parametrize("bug", bugs_for(4))
def test_step4_tests_catch(runs, bug):
    assert_caught(runs, 4, bug)


def test_step5_tests_pass_on_correct_models(runs):
    assert_pass_on_correct_systems(runs, 5)


@pytest.mark.parametrize("bug", bugs_for(5))
def test_step5_tests_catch(runs, bug):
    assert_caught(runs, 5, bug)
