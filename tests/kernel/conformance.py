"""Run the Jupyter project's kernel conformance suite (Debian's python3-jupyter-kernel-test) against a kernelspec.

Usage: /usr/bin/python3 conformance.py SAMPLES.json [--kernel dgmlab]
SAMPLES.json holds the feature samples (the attributes of jupyter_kernel_test.KernelTests: code_hello_world,
code_execute_result, …); tests/kernel/conformance.test.ts writes it. The kernelspec is found through JUPYTER_PATH.

Every `test_*` method of the installed KernelTests runs (the list is read from the class, so a newer suite's new
tests run too). The last line printed is one JSON object:
  {"version": "0.4.5", "tests": [{"name", "outcome": "pass"|"fail"|"error"|"skip", "message"}], "counts": {...}}
A test with sub-tests (test_history, test_execute_result, …) counts as one test; a failing or skipped sub-test
makes it "fail" or "skip" and the message names the sub-test.
"""
import argparse
import json
import sys
import unittest

import jupyter_kernel_test


class Collector(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}

    @staticmethod
    def _name(test):
        test = getattr(test, "test_case", test)  # a sub-test reports under its test
        return getattr(test, "_testMethodName", str(test))

    def _set(self, test, outcome, message=""):
        name = self._name(test)
        if hasattr(test, "test_case"):
            message = f"{test._subDescription()}: {message}"
        rank = {"pass": 0, "skip": 1, "fail": 2, "error": 3}
        old = self.outcomes.get(name)
        if old is None or rank[outcome] > rank[old["outcome"]]:
            self.outcomes[name] = {"name": name, "outcome": outcome, "message": message}
        elif message and outcome != "pass":
            old["message"] += "\n" + message

    def addSuccess(self, test):
        self._set(test, "pass")

    def addFailure(self, test, err):
        self._set(test, "fail", self._exc_info_to_string(err, test)[-3000:])

    def addError(self, test, err):
        self._set(test, "error", self._exc_info_to_string(err, test)[-3000:])

    def addSkip(self, test, reason):
        self._set(test, "skip", f"skipped: {reason or 'no sample for this feature'}")

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        if issubclass(err[0], test.failureException):
            self._set(subtest, "fail", self._exc_info_to_string(err, test)[-3000:])
        else:
            self._set(subtest, "error", self._exc_info_to_string(err, test)[-3000:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("samples")
    ap.add_argument("--kernel", default="dgmlab")
    args = ap.parse_args()
    with open(args.samples) as f:
        samples = json.load(f)
    attrs = {"kernel_name": args.kernel}
    for key, value in samples.items():
        if not hasattr(jupyter_kernel_test.KernelTests, key):
            raise SystemExit(f"unknown KernelTests attribute {key!r}")
        attrs[key] = tuple(value) if key == "supported_history_operations" else value
    cls = type("DgmlabKernelTests", (jupyter_kernel_test.KernelTests,), attrs)
    names = sorted(n for n in dir(jupyter_kernel_test.KernelTests) if n.startswith("test_"))
    suite = unittest.TestSuite(cls(n) for n in names)
    result = Collector()
    suite.run(result)
    # A failure in setUpClass/tearDownClass is reported against a pseudo-test.
    for test, err in result.errors + result.failures:
        if not hasattr(test, "_testMethodName"):
            result.outcomes.setdefault(str(test), {"name": str(test), "outcome": "error", "message": err[-3000:]})
    tests = [result.outcomes.get(n, {"name": n, "outcome": "error", "message": "did not run"}) for n in names]
    tests += [o for k, o in result.outcomes.items() if k not in names]
    counts = {k: sum(1 for t in tests if t["outcome"] == k) for k in ("pass", "fail", "error", "skip")}
    print(json.dumps({"version": jupyter_kernel_test.__version__, "tests": tests, "counts": counts}))


if __name__ == "__main__":
    main()
