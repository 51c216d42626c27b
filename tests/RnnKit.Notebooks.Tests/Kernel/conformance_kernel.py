"""Jupyter's own kernel conformance suite (Debian's python3-jupyter-kernel-test) run against rnnkit-csharp, with
every feature it can test claimed: execute, stdout/stderr, errors, results, display, clear_output, completion,
is_complete, inspect, history (tail, range, search). The pager test is not claimed: the kernel has no pager
(docs/kernel.md). Prints one JSON line: tests run, their names, and the failures, errors and skips.

Usage: JUPYTER_DATA_DIR=... python3 conformance_kernel.py KERNEL_NAME
"""
import json
import sys
import unittest

import jupyter_kernel_test


class RnnKitKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = sys.argv[1] if len(sys.argv) > 1 else "rnnkit-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("careful");'
    code_generate_error = 'throw new InvalidOperationException("boom");'
    code_clear_output = 'Console.WriteLine("soon gone");\nClearOutput();'
    code_inspect_sample = "Console.WriteLine"

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sq", "matches": {"Sqrt"}},
    ]
    complete_code_samples = ["var a = 1;", "Console.WriteLine(a);", "6 * 7"]
    incomplete_code_samples = ["for (var i = 0; i < 3; i++) {", "class Cell {", "Console.WriteLine("]
    invalid_code_samples = ["var x = ;", "}", "int 3d = 1;"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"rnn\".ToUpper()", "result": "RNN"},
        {"code": "Math.Max(2, 3)", "result": "3"},
    ]
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(42);", "mime": "text/plain"},
    ]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")

    # Not claimed: the kernel sends no pager payloads (docs/kernel.md), so the suite's pager test is left out
    # rather than reported as skipped.
    test_pager = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first cell starts Roslyn (seconds on a loaded machine); the suite's own timeouts are 15 s.
        msg_id = cls.kc.execute("1")
        while cls.kc.get_shell_msg(timeout=300)["parent_header"].get("msg_id") != msg_id:
            pass


class Result(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ran = []

    def startTest(self, test):
        super().startTest(test)
        self.ran.append(test.id().rsplit(".", 1)[-1])

    def addSubTest(self, test, subtest, outcome):
        super().addSubTest(test, subtest, outcome)


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(RnnKitKernelTests)
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=Result)
    result = runner.run(suite)
    print(json.dumps({
        "run": result.testsRun,
        "tests": result.ran,
        "failures": [f"{t.id()}: {trace}" for t, trace in result.failures],
        "errors": [f"{t.id()}: {trace}" for t, trace in result.errors],
        "skipped": [f"{t.id()}: {reason}" for t, reason in result.skipped],
    }))


if __name__ == "__main__":
    main()
