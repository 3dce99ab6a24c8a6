#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The workbench's verdicts: the parts that parse and decide.

  results.py judge KUNIT_PY SPLAT_PATTERNS RUN_DIR KERNEL_CONFIG
      Judge one guest run (RUN_DIR/ktap.log, RUN_DIR/console.log): did it
      reach its end, what did each selftest program give (the kernel's own
      KTAP parser, tools/testing/kunit/kunit.py parse), which of its cases
      failed (kselftest's "# "-nested results), what did each KUnit suite
      the kernel ran at boot give (required if KERNEL_CONFIG builds one
      in), did the kernel splat.  Writes RUN_DIR/results.tsv, prints it,
      exits 1 on any failure.

  results.py kunit KUNIT_PY SPLAT_PATTERNS RUN_DIR KERNEL_CONFIG
      The same for a boot that ran KUnit suites only (RUN_DIR/console.log).

  results.py bench MIN_RATIO SLOW OUT_DIR LABEL...
      The splice benchmark's table and verdict.  OUT_DIR/LABEL/ktap.log
      holds each kernel's run: the first label is the base, the last but
      one the series tip, the last the deliberately slower variant SLOW.
      Writes OUT_DIR/table.txt, prints rows, exits 1 if the tip is slower
      than MIN_RATIO of the base anywhere or the slow variant is not.

  results.py lava WORKBENCH_RESULTS LAVA_LOG
      Compare the test cases a LAVA job of the same run recorded (LAVA_LOG,
      lava-run's log: one JSON object a line, "results" ones; definitions
      kunit and kselftest, ci/lava/job.yaml) with the main job's
      results.tsv: the same KUnit suites and selftest programs, each with
      the same result, the job complete and no monitor cut short.  Prints
      rows, exits 1 on any difference.

  results.py lava-error LAVA_LOG
      The one-line cause of a failed LAVA job: LAVA's last error, and the
      last line the guest (or QEMU) printed before it.

  results.py summary RESULTS_TSV
      The run's results, a short table per stage, the kernels the run
      built (kernels.tsv beside RESULTS_TSV), and the closing line
      "N passed, N failed, N skipped"; exits 1 if anything failed.

Rows are "STATUS<tab>what", STATUS one of PASS, FAIL, SKIP, INFO.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

END_OF_RUN = "# workbench: end of run"
WORKBENCH = "# workbench: "
KUNIT_SKIP = re.compile(r"\bok \d+ \S+ # SKIP (.*)$")
KUNIT_TESTS = re.compile(r"^CONFIG_\w*KUNIT\w*TEST=y$", re.M)
RESULT = re.compile(r"^((?:# )*)(not ok|ok) (\d+)(?: (.*?))?(?: # (.*))?$")


def splats(console, patterns):
    """The console lines that match one of the splat patterns."""
    regexes = [re.compile(p) for p in patterns]
    return [line for line in console if any(r.search(line) for r in regexes)]


def splat_report(console, first, limit=40):
    """The first splat's report: its console lines from the one that
    matched, up to the report's end marker, at most limit lines.  CI shows
    a run's output only, not its logs; the call trace must be in it."""
    start = console.index(first)
    report = []
    for line in console[start:start + limit]:
        report.append(re.sub(r"^\[[^]]*\] ?", "", line))
        if "---[ end trace" in line or (report[1:] and line.endswith("=" * 20)):
            break
    return report


def ktap_documents(lines):
    """run_kselftest.sh starts a KTAP document per collection."""
    docs = []
    for line in lines:
        if line.startswith("TAP version"):
            docs.append([])
        if docs:
            docs[-1].append(line)
    return docs


def kunit_json(kunit_py, lines):
    """kunit.py parse --json of lines, or None when it cannot parse them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "doc.log")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        out = os.path.join(tmp, "doc.json")
        try:
            subprocess.run([sys.executable, kunit_py, "parse", "--json=" + out, path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=120, check=False)
            with open(out) as f:
                return json.load(f)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            return None


def parse_with_kunit(kunit_py, doc):
    """[(status, name)] of a document's top level, by kunit.py parse."""
    result = kunit_json(kunit_py, doc)
    if result is None or "test_cases" not in result:
        return None
    return [({"PASS": "PASS", "SKIP": "SKIP"}.get(c["status"], "FAIL"), c["name"])
            for c in result["test_cases"]]


def kunit_cases(group, prefix=""):
    """[(path, status)] of the leaf cases of a kunit.py JSON group."""
    cases = [(prefix + c["name"], c["status"]) for c in group["test_cases"]]
    for sub in group["sub_groups"]:
        cases += kunit_cases(sub, prefix + sub["name"] + " > ")
    return cases


def kunit_rows(kunit_py, console, required):
    """One row per KUnit suite the kernel ran at boot (its KTAP is on the
    console): the failed cases named, the skipped ones with their reasons.
    required: the kernel has suites built in, so no results is a failure."""
    if not any(l.endswith("KTAP version 1") for l in console):
        return [("FAIL", "no KUnit results on the console, and the kernel "
                 "has KUnit suites built in")] if required else []
    result = kunit_json(kunit_py, console)
    if result is None:
        return [("FAIL", "kunit.py cannot parse the KUnit results on the console")]
    if not result.get("sub_groups"):
        # "1..0": KUnit is built in, no suite is (the base of the series).
        return [("FAIL", "no KUnit suite ran, and the kernel has KUnit "
                 "suites built in")] if required else []
    rows = []
    for suite in result["sub_groups"]:
        name = "kunit: " + suite["name"]
        cases = kunit_cases(suite)
        failed = [c for c, status in cases if status not in ("PASS", "SKIP")]
        misc = suite.get("misc", {})
        if failed or not cases or misc.get("crashed") or misc.get("errors"):
            rows.append(("FAIL", f"{name}: failed " + ("; ".join(failed) or
                                                       "(no case completed)")))
            continue
        skipped = [c for c, status in cases if status == "SKIP"]
        if skipped:
            reasons = [m.group(1) for m in map(KUNIT_SKIP.search, console) if m]
            name += (f" ({len(skipped)} of {len(cases)} skipped: "
                     f"{', '.join(skipped)}: {'; '.join(dict.fromkeys(reasons))})")
        rows.append(("SKIP" if len(skipped) == len(cases) else "PASS", name))
    return rows


def failed_cases(doc):
    """For each top-level test of a document, its failed nested cases.

    kselftest nests a program's own KTAP under "# " (and run_vmtests.sh its
    programs' under "# # "); a result line closes the results one level
    deeper that came before it.  Returns {top-level name: [path, ...]},
    each path "parent > child" down to the failed leaf, and the top-level
    result's directive (e.g. "TIMEOUT 1200 seconds", "exit=1").
    """
    pending = {}
    failures = {}
    for line in doc:
        m = RESULT.match(line)
        if not m:
            continue
        depth = len(m.group(1)) // 2
        status, directive = m.group(2), m.group(5) or ""
        name = m.group(4) or ""
        if depth:
            name = f"{m.group(3)} {name}".rstrip()
        children = pending.pop(depth + 1, [])
        # In KTAP a SKIP or TODO "not ok" is not a failure.
        failed = status == "not ok" and not directive.upper().startswith(("SKIP", "TODO"))
        paths = [f"{name} > {c}" for c in children] if children else []
        if failed and not paths:
            paths = [name + (f" ({directive})" if directive and depth else "")]
        if depth == 0:
            # A program's result may hide its cases' (run_vmtests.sh
            # exits with skip after a failed test): any failed case fails.
            if failed or children:
                failures[name] = (children, directive if failed else "")
            continue
        if failed:
            pending.setdefault(depth, []).extend(paths)
    return failures


def unfinished(doc):
    """The last selftest program a document started."""
    started = [l[2:] for l in doc if l.startswith("# selftests: ")]
    return started[-1] if started else "a test"


def selftest_rows(kunit_py, ktap, console):
    """The rows of run_kselftest.sh's output (ktap.log): an incomplete run,
    one row per selftest program, its failed cases named."""
    rows = []
    if END_OF_RUN not in ktap:
        panic = [l for l in console if "Kernel panic" in l]
        said = [l[len(WORKBENCH):] for l in ktap if l.startswith(WORKBENCH)]
        if panic:
            why = "guest panicked: " + panic[0]
        elif said:
            why = "guest stopped: " + said[-1]
        else:
            why = "guest stopped before the end of the run"
        rows.append(("FAIL", "run incomplete: " + why))
    ran = 0
    for n, doc in enumerate(ktap_documents(ktap), 1):
        tests = parse_with_kunit(kunit_py, doc)
        if tests is None:
            rows.append(("FAIL", f"kunit.py cannot parse KTAP document {n}"))
            continue
        failures = failed_cases(doc)
        ran += len(tests)
        for status, name in tests:
            if not name:
                name = unfinished(doc) + ": no result, the run stopped in it"
            elif name in failures:
                cases, directive = failures[name]
                if cases:
                    status = "FAIL"
                    name += ": failed " + "; ".join(cases)
                elif directive:
                    name += f" ({directive}, no case failed)"
            rows.append((status, name))
    if not ran:
        rows.append(("FAIL", "no test ran"))
    return rows


def judge(kunit_py, patterns, run_dir, config, selftests):
    """Judge a run: its selftests (unless a KUnit-only boot), the KUnit
    suites on its console (required when config, the kernel's .config,
    builds one in) and its splats."""
    with open(os.path.join(run_dir, "console.log"), errors="replace") as f:
        console = f.read().splitlines()
    with open(config) as f:
        required = bool(KUNIT_TESTS.search(f.read()))
    rows = []
    if selftests:
        with open(os.path.join(run_dir, "ktap.log"), errors="replace") as f:
            rows += selftest_rows(kunit_py, f.read().splitlines(), console)
    rows += kunit_rows(kunit_py, console, required or not selftests)
    found = splats(console, patterns)
    if found:
        report = splat_report(console, found[0])
        rows.append(("FAIL", "kernel splat: " + report[0]))
        rows.extend(("INFO", "| " + line) for line in report[1:])
    with open(os.path.join(run_dir, "splats.log"), "w") as f:
        f.write("".join(l + "\n" for l in found))
    text = "".join(f"{s}\t{w}\n" for s, w in rows)
    with open(os.path.join(run_dir, "results.tsv"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    return 1 if any(s == "FAIL" for s, _ in rows) else 0


BENCH_RESULT = re.compile(r"^[# ]*result: (\S+) (\S+) best ([0-9.]+) median \S+ worst \S+ ([^,\s]+)")


def bench_figures(ktap_path):
    """[(where, what, best, unit)] of one benchmark run: its "result:"
    lines (ci/bench/*.c), the larger figure the better."""
    with open(ktap_path) as f:
        return [(m.group(1), m.group(2), float(m.group(3)), m.group(4))
                for m in map(BENCH_RESULT.match, f) if m]


def bench(min_ratio, slow, out_dir, labels):
    runs = {label: bench_figures(os.path.join(out_dir, label, "ktap.log"))
            for label in labels}
    base, tip = labels[0], labels[-2]
    rows = []
    keys = [(w, c) for w, c, _, _ in runs[base]]
    for label in labels:
        if not runs[label]:
            rows.append(("FAIL", f"no figures from {label}"))
        elif [(w, c) for w, c, _, _ in runs[label]] != keys:
            rows.append(("FAIL", f"{label} and {base} measured different things"))
    if rows:
        return rows, ""
    head = f"{'':<6} {'':<14}" + "".join(f" {l:>16}" for l in labels)
    table = [head]
    worst = None
    for i, (fs, consumer) in enumerate(keys):
        b = runs[base][i][2]
        line = f"{fs:<6} {consumer:<14} {b:16.1f}"
        for label in labels[1:]:
            v = runs[label][i][2]
            line += f" {v:8.1f} {v / b:7.4f}"
        table.append(line)
        r = runs[tip][i][2] / b
        rows.append(("PASS" if r >= min_ratio else "FAIL",
                     f"{fs} {consumer}: tip/base {r:.4f} "
                     f"({runs[tip][i][2]} vs {b} {runs[base][i][3]}, "
                     f"at least {min_ratio})"))
        s = runs[labels[-1]][i][2] / b
        worst = s if worst is None else min(worst, s)
    rows.append(("PASS" if worst < min_ratio else "FAIL",
                  f"the benchmark sees broken/{slow}: worst ratio {worst:.4f}, "
                  f"below {min_ratio}"))
    return rows, "\n".join(table) + "\n"


def kernels_rows(path):
    """INFO rows for the kernels a run asked for, each once, in the order
    first asked: how it was had (built in this run, or reused from an
    earlier one), and for a build from scratch the seconds a compile
    took."""
    kernels = {}
    if not os.path.exists(path):
        return []
    with open(path) as f:
        for line in f:
            name, how, seconds, ccache = line.rstrip("\n").split("\t")
            what = f"{name}: {how}"
            if how != "reused":
                hits, total = (int(x) for x in ccache.split("/"))
                rate = f"{100 * hits / total:.0f}%" if total else "nothing compiled"
                what += f", {seconds}s, ccache {hits}/{total} ({rate})"
                # What the machine costs: a build from scratch is nearly
                # all compiles, and machines differ by more than half.
                if how == "from scratch" and total > hits:
                    what += f", {int(seconds) / (total - hits):.2f}s a compile"
            elif name in kernels:
                continue
            kernels[name] = what
    return [("INFO", what) for what in kernels.values()]


def lava_entries(lava_log):
    """lava-run's log: a YAML mapping a line (flow style, as
    lava_common/log.py writes it)."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(lava_log) as f:
        for line in f:
            try:
                entry = yaml.load(line, Loader=loader)
            except yaml.YAMLError:
                continue
            if isinstance(entry, dict):
                yield entry


def lava_error(lava_log):
    error, target, failed = "see the log", None, False
    for entry in lava_entries(lava_log):
        msg = entry.get("msg")
        if entry.get("lvl") in ("error", "exception") and isinstance(msg, str):
            error, failed = msg, True
        elif isinstance(msg, dict) and msg.get("error_msg"):
            error, failed = msg["error_msg"], True
        elif (entry.get("lvl") == "target" and isinstance(msg, str)
              and msg.strip() and not failed):
            # What the guest said before the failure, not after.
            target = msg.strip()
    error = str(error).strip().splitlines()[0].rstrip(":")
    return error + ("; last line from the guest: " + target if target else "")


def lava(workbench_tsv, lava_log):
    verdict = {"PASS": "pass", "FAIL": "fail", "SKIP": "skip"}
    want = {}
    with open(workbench_tsv) as f:
        for line in f:
            status, _, what = line.rstrip("\n").partition("\t")
            # Less what judge() adds after the name: ": failed CASES", " (...)".
            m = re.match(r"(kunit): ([^\s:]+)|selftests: \S+: [^\s:]+", what)
            if m:
                key = ("kunit", m.group(2)) if m.group(1) else ("kselftest", m.group(0))
                want[key] = verdict[status]
    got, job, rows = {}, None, []
    for entry in lava_entries(lava_log):
        msg = entry.get("msg")
        if entry.get("lvl") != "results" or not isinstance(msg, dict):
            continue
        definition, case = msg.get("definition"), msg.get("case")
        if definition == "lava" and case == "job":
            job = msg.get("result")
        elif definition == "lava" and case == "lava-test-monitor" and (
                msg.get("result") != "pass"
                or msg.get("extra", {}).get("status") == "failed"):
            rows.append(("FAIL", "LAVA: a monitor stopped before its end "
                                 f"(level {msg.get('level')}): {lava_error(lava_log)}"))
        elif definition in ("kunit", "kselftest"):
            key = (definition, msg.get("extra", {}).get("test_case_id", case))
            if key in got:
                rows.append(("FAIL", f"LAVA: {key[0]} {key[1]}: recorded twice"))
            got[key] = msg.get("result")
    if job != "pass":
        return [("FAIL", "LAVA: the job did not finish: " + lava_error(lava_log))]
    for key in sorted(want.keys() | got.keys()):
        name = f"{key[0]} {key[1]}"
        if key not in got:
            rows.append(("FAIL", f"LAVA: {name}: no test case in LAVA's results "
                                 f"(main job: {want[key]})"))
        elif key not in want:
            rows.append(("FAIL", f"LAVA: {name}: {got[key]} in LAVA, not run by the main job"))
        elif got[key] != want[key]:
            rows.append(("FAIL", f"LAVA: {name}: {got[key]} in LAVA, {want[key]} in the main job"))
        else:
            rows.append(("PASS", f"LAVA: {name}: {got[key]}, as in the main job"))
    if not want:
        rows.append(("FAIL", f"LAVA: no KUnit suite or selftest in {workbench_tsv}"))
    return rows


def summary(results_tsv):
    rows = []
    with open(results_tsv) as f:
        for line in f:
            row = line.rstrip("\n").split("\t", 2)
            if len(row) == 3 and row[1] in ("PASS", "FAIL", "SKIP", "INFO"):
                rows.append(row)
            elif line.strip():
                rows.append([row[0] if len(row) > 1 else "?", "FAIL",
                             "a row that is not STAGE<tab>STATUS<tab>what: " + line.strip()])
    logs = os.path.dirname(os.path.abspath(results_tsv))
    rows += [["kernels", s, w] for s, w in kernels_rows(os.path.join(logs, "kernels.tsv"))]
    count = {}
    stage = None
    for name, status, what in rows:
        if name != stage:
            stage = name
            print(f"\n== {stage}")
        print(f"  {status:<4}  {what}")
        count[status] = count.get(status, 0) + 1
    print(f"\nlogs: {logs}")
    print(f"{count.get('PASS', 0)} passed, {count.get('FAIL', 0)} failed, "
          f"{count.get('SKIP', 0)} skipped")
    return 1 if count.get("FAIL") else 0


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd in ("judge", "kunit") and len(argv) == 6:
        with open(argv[3]) as f:
            patterns = [re.sub(r"#.*", "", l).rstrip() for l in f]
        return judge(argv[2], [p for p in patterns if p], argv[4], argv[5],
                     cmd == "judge")
    if cmd == "bench" and len(argv) >= 7:
        rows, table = bench(float(argv[2]), argv[3], argv[4], argv[5:])
        with open(os.path.join(argv[4], "table.txt"), "w") as f:
            f.write(table)
        for s, w in rows:
            print(f"{s}\t{w}")
        return 1 if any(s == "FAIL" for s, _ in rows) else 0
    if cmd == "lava" and len(argv) == 4:
        rows = lava(argv[2], argv[3])
        for s, w in rows:
            print(f"{s}\t{w}")
        return 1 if any(s == "FAIL" for s, _ in rows) else 0
    if cmd == "lava-error" and len(argv) == 3:
        print(lava_error(argv[2]))
        return 0
    if cmd == "summary" and len(argv) == 3:
        return summary(argv[2])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
