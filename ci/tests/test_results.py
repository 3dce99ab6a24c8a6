#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of ci/lib/results.py on recorded guest logs.

Usage: ci/tests/test_results.py KUNIT_PY

ci/tests/judge/CASE/ holds ktap.log and console.log as a guest left them
(console.log alone for a KUnit-only boot), the kernel's config if it
matters to the case, and `expect`: the exit status the judge must give,
then lines its output must contain.  ci/tests/bench/LABEL/ktap.log are benchmark runs.
"""

import io
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import results  # noqa: E402

KUNIT_PY = None


def patterns():
    with open(os.path.join(HERE, "..", "splat-patterns")) as f:
        return [p for p in (l.split("#")[0].rstrip() for l in f) if p]


class Judge(unittest.TestCase):
    def run_case(self, name):
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, name)
            shutil.copytree(os.path.join(HERE, "judge", name), run)
            config = os.path.join(run, "config")
            if not os.path.exists(config):
                open(config, "w").close()
            out = io.StringIO()
            with redirect_stdout(out):
                rc = results.judge(KUNIT_PY, patterns(), run, config,
                                   os.path.exists(os.path.join(run, "ktap.log")))
            with open(os.path.join(run, "results.tsv")) as f:
                self.assertEqual(out.getvalue(), f.read())
        return rc, out.getvalue()

    def test_recorded_cases(self):
        cases = sorted(os.listdir(os.path.join(HERE, "judge")))
        self.assertGreater(len(cases), 5)
        for name in cases:
            with self.subTest(case=name):
                with open(os.path.join(HERE, "judge", name, "expect")) as f:
                    want = f.read().splitlines()
                rc, out = self.run_case(name)
                self.assertEqual(rc, int(want[0]), out)
                for line in want[1:]:
                    self.assertIn(line, out)

    def test_failed_case_is_named(self):
        _, out = self.run_case("case-fails")
        self.assertIn("FAIL\tselftests: inaccessible_folio: splice_inaccessible: "
                      "failed 2 splice.tmpfs.splice_through_pipe\n", out)

    def test_nested_failure_paths(self):
        doc = ["TAP version 13", "1..1",
               "# selftests: mm: run_vmtests.sh",
               "# # 1..2",
               "# # ok 1 Should have worked",
               "# # not ok 2 Should have failed",
               "# not ok 1 gup_longterm",
               "# ok 2 gup_test -u",
               "# # ok 1 # SKIP need more free huge pages",
               "# ok 3 hugetlb",
               "not ok 1 selftests: mm: run_vmtests.sh # exit=1"]
        self.assertEqual(results.failed_cases(doc),
                         {"selftests: mm: run_vmtests.sh":
                          (["1 gup_longterm > 2 Should have failed"], "exit=1")})

    def test_failed_case_under_a_skip_fails(self):
        # run_vmtests.sh exits with ksft_skip after a failed test.
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "console.log"), "w") as f:
                f.write("Linux version 6.12\n")
            with open(os.path.join(tmp, "ktap.log"), "w") as f:
                f.write("\n".join([
                    "TAP version 13", "1..1", "# selftests: mm: run_vmtests.sh",
                    "# TAP version 13", "# not ok 1 gup_test -u # exit=1",
                    "# ok 2 hugetlb # SKIP", "# 1..2",
                    "ok 1 selftests: mm: run_vmtests.sh # SKIP",
                    results.END_OF_RUN]) + "\n")
            open(os.path.join(tmp, "config"), "w").close()
            out = io.StringIO()
            with redirect_stdout(out):
                rc = results.judge(KUNIT_PY, patterns(), tmp, os.path.join(tmp, "config"), True)
        self.assertEqual(rc, 1)
        self.assertIn("FAIL\tselftests: mm: run_vmtests.sh: failed 1 gup_test -u", out.getvalue())

    def test_todo_is_not_a_failure(self):
        doc = ["TAP version 13", "1..1", "# not ok 1 later # TODO not yet",
               "ok 1 selftests: mm: gup_longterm"]
        self.assertEqual(results.failed_cases(doc), {})

    def test_skip_is_not_a_failure(self):
        doc = ["TAP version 13", "1..1", "# not ok 1 needs hugetlb # SKIP no pages",
               "ok 1 selftests: mm: gup_longterm"]
        self.assertEqual(results.failed_cases(doc), {})

    def test_splat_patterns(self):
        console = ["[ 1.0] Linux version 6.12", "[ 2.0] BUG: KASAN: use-after-free",
                   "[ 3.0] INFO: task init:1 blocked for more than 120 seconds."]
        self.assertEqual(results.splats(console, patterns()), console[1:])

    def test_splat_report_ends_at_its_marker(self):
        console = ["[ 1.0] Linux version 7.3", "[ 2.0] " + "=" * 66,
                   "[ 2.0] BUG: KASAN: wild-memory-access in f+0x1d/0x3a",
                   "[ 2.0] Call Trace:", "[ 2.0]  f+0x1d/0x3a", "[ 2.0] " + "=" * 66,
                   "[ 3.0] later"]
        self.assertEqual(results.splat_report(console, console[2]),
                         ["BUG: KASAN: wild-memory-access in f+0x1d/0x3a",
                          "Call Trace:", " f+0x1d/0x3a", "=" * 66])

    def test_splat_report_is_bounded(self):
        console = ["[ 1.0] WARNING: at f"] + [f"[ 1.0] line {i}" for i in range(100)]
        self.assertEqual(len(results.splat_report(console, console[0])), 40)


class Bench(unittest.TestCase):
    out = os.path.join(HERE, "bench")

    def verdicts(self, labels):
        rows, table = results.bench(0.99, "slow.patch", self.out, labels)
        return [s for s, _ in rows], rows, table

    def test_tip_as_fast_as_base(self):
        statuses, _, table = self.verdicts(["base", "0001", "0002", "slow"])
        self.assertEqual(statuses, ["PASS", "PASS", "PASS"])
        self.assertIn("tmpfs  splice-null", table)
        self.assertIn("7291.0  1.0000", table)

    def test_slower_tip_fails(self):
        statuses, rows, _ = self.verdicts(["base", "0001", "tip-slower", "slow"])
        self.assertEqual(statuses, ["FAIL", "PASS", "PASS"])
        self.assertIn("tmpfs splice-null: tip/base 0.9601", rows[0][1])

    def test_unseen_slow_variant_fails(self):
        statuses, _, _ = self.verdicts(["base", "0001", "0002", "slow-unseen"])
        self.assertEqual(statuses[-1], "FAIL")

    def test_different_measurements_fail(self):
        statuses, _, table = self.verdicts(["base", "0001", "other-things", "slow"])
        self.assertEqual(statuses, ["FAIL"])
        self.assertEqual(table, "")


class Summary(unittest.TestCase):
    def summarize(self, rows, kernels=None):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "results.tsv")
            with open(path, "w") as f:
                f.write("".join("\t".join(r) + "\n" for r in rows))
            if kernels:
                with open(os.path.join(tmp, "kernels.tsv"), "w") as f:
                    f.write(kernels)
            out = io.StringIO()
            with redirect_stdout(out):
                rc = results.summary(path)
        return rc, out.getvalue()

    def test_closing_line(self):
        rc, out = self.summarize([("a", "PASS", "x"), ("a", "SKIP", "y"),
                                  ("b", "INFO", "z"), ("b", "PASS", "w")])
        self.assertEqual(rc, 0)
        self.assertTrue(out.endswith("\n2 passed, 0 failed, 1 skipped\n"))

    def test_failure_fails(self):
        rc, out = self.summarize([("a", "FAIL", "x")])
        self.assertEqual(rc, 1)
        self.assertIn("0 passed, 1 failed, 0 skipped", out)

    def test_malformed_row_fails(self):
        rc, out = self.summarize([("a", "PASS", "x"), ("a line from a log",),
                                  ("b", "MAYBE", "y")])
        self.assertEqual(rc, 1)
        self.assertIn("1 passed, 2 failed, 0 skipped", out)

    def test_kernels(self):
        _, out = self.summarize([("a", "PASS", "x")],
                                "qemu-tip\tfrom scratch\t600\t0/1500\n"
                                "qemu-base\tincremental\t300\t750/1500\n"
                                "qemu-tip\treused\t0\t-\n")
        self.assertIn("qemu-tip: from scratch, 600s, ccache 0/1500 (0%), 0.40s a compile", out)
        self.assertIn("qemu-base: incremental, 300s, ccache 750/1500 (50%)\n", out)
        self.assertNotIn("qemu-tip: reused", out)
        _, out = self.summarize([("a", "PASS", "x")],
                                "debug-tip\treused\t0\t-\n"
                                "debug-tip\treused\t0\t-\n")
        self.assertEqual(out.count("debug-tip: reused\n"), 1)



class Lava(unittest.TestCase):
    """results.lava: LAVA's test cases against the main job's rows."""

    WORKBENCH = ("PASS\tselftests: mm: a\n"
                 "FAIL\tselftests: mm: b: failed x; y\n"
                 "PASS\tkunit: suite (1 of 5 skipped: c)\n"
                 "FAIL\tkunit: other: failed d\n"
                 "FAIL\tkernel splat: BUG\n")

    def compare(self, cases, job="pass", monitor="passed"):
        with tempfile.TemporaryDirectory() as tmp:
            tsv = os.path.join(tmp, "results.tsv")
            log = os.path.join(tmp, "lava.log")
            with open(tsv, "w") as f:
                f.write(self.WORKBENCH)
            with open(log, "w") as f:
                f.write('{"lvl": "info", "msg": "not a result"}\n')
                f.write('{"lvl": "results", "msg": {"definition": "lava", "case": "lava-test-monitor", '
                        '"level": "3.1", "result": "pass", "extra": {"status": "%s"}}}\n' % monitor)
                f.write('{"lvl": "results", "msg": {"definition": "lava", "case": "job", "result": "%s"}}\n' % job)
                for definition, case, result in cases:
                    f.write(results.json.dumps({"lvl": "results", "msg": {
                        "definition": definition, "case": "x", "result": result,
                        "extra": {"test_case_id": case}}}) + "\n")
            return results.lava(tsv, log)

    SAME = [("kselftest", "selftests: mm: a", "pass"),
            ("kselftest", "selftests: mm: b", "fail"),
            ("kunit", "suite", "pass"),
            ("kunit", "other", "fail")]

    def test_same_results_pass(self):
        rows = self.compare(self.SAME)
        self.assertEqual([s for s, _ in rows], ["PASS"] * 4)

    def test_unfinished_job_fails(self):
        rows = self.compare(self.SAME, job="fail")
        self.assertEqual([s for s, _ in rows], ["FAIL"])
        self.assertTrue(rows[0][1].startswith("LAVA: the job did not finish: "))

    def test_monitor_cut_short_fails(self):
        rows = self.compare(self.SAME, monitor="failed")
        self.assertIn("FAIL", [s for s, _ in rows])

    def test_case_recorded_twice_fails(self):
        rows = self.compare(self.SAME + self.SAME[:1])
        self.assertIn(("FAIL", "LAVA: kselftest selftests: mm: a: recorded twice"), rows)

    def test_other_result_fails(self):
        rows = self.compare(self.SAME[:1] + [("kselftest", "selftests: mm: b", "pass")] + self.SAME[2:])
        self.assertIn(("FAIL", "LAVA: kselftest selftests: mm: b: pass in LAVA, fail in the main job"), rows)

    def test_missing_and_extra_cases_fail(self):
        rows = self.compare(self.SAME[1:] + [("kselftest", "selftests: mm: z", "pass")])
        self.assertIn(("FAIL", "LAVA: kselftest selftests: mm: a: no test case in LAVA's results (main job: pass)"), rows)
        self.assertIn(("FAIL", "LAVA: kselftest selftests: mm: z: pass in LAVA, not run by the main job"), rows)


    def test_error_is_one_line_with_the_guest_last_words(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "lava.log")
            with open(log, "w") as f:
                for lvl, msg in (("target", "Booting"), ("target", "stuck here"),
                                 ("exception", "lava-test-monitor timed out after 15 seconds"),
                                 ("target", "poweroff"),
                                 ("error", "InfrastructureError: first line:\nsecond line")):
                    f.write(results.json.dumps({"lvl": lvl, "msg": msg}) + "\n")
            self.assertEqual(results.lava_error(log),
                             "InfrastructureError: first line; last line from the guest: stuck here")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    KUNIT_PY = sys.argv.pop(1)
    unittest.main(verbosity=0)
