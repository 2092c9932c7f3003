"""Runs your tests against every version of the churn system and prints what they caught."""
from lab_checker import run_student_tests
from variants import VARIANTS


def main() -> None:
    for variant in VARIANTS:
        run = run_student_tests(variant.name)
        failed = [o.name for o in run.outcomes if o.result == "failed"]
        if variant.step is None:
            verdict = "ok, all your tests pass" if not failed and run.outcomes else f"PROBLEM, correct system but failing: {', '.join(failed) or 'no tests ran'}"
        else:
            mine = [name for name in failed if name.startswith((f"test_step{variant.step}", f"TestStep{variant.step}"))]
            verdict = f"caught by {', '.join(mine)}" if mine else f"NOT CAUGHT by your step {variant.step} tests"
        print(f"{variant.name:24} {verdict}")
        if variant.step is not None and not failed:
            print(f"{'':24} the bug: {variant.story}")


if __name__ == "__main__":
    main()
