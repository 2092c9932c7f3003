"""Runs your tests against every version of the churn system and prints what they caught."""
from lab_checker import run_student_tests
from variants import VARIANTS


def failing(run) -> list[str]:
    """Names of your tests that did not pass in this run."""
    return [o.name for o in run.outcomes if o.result != "passed"]


def main() -> None:
    runs = {variant.name: run_student_tests(variant.name) for variant in VARIANTS}
    # A test that fails on a correct system "catches" every bug, so it proves nothing.
    unreliable = {name for variant in VARIANTS if variant.step is None for name in failing(runs[variant.name])}
    for variant in VARIANTS:
        run = runs[variant.name]
        if variant.step is None:
            names = failing(run)
            verdict = "ok, all your tests pass" if run.outcomes and not names else f"PROBLEM, failing on a correct system: {', '.join(names) or 'no tests ran'}"
        else:
            caught = [o.name for o in run.outcomes if o.step == variant.step and o.result == "failed" and o.name not in unreliable]
            verdict = f"caught by {', '.join(caught)}" if caught else f"NOT CAUGHT by a step {variant.step} test that passes on the correct systems"
        print(f"{variant.name:24} {verdict}")
        if variant.step is not None and verdict.startswith("NOT"):
            print(f"{'':24} the bug: {variant.story}")


if __name__ == "__main__":
    main()
