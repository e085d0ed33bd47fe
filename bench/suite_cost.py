"""Cost of each shipped suite on the planted model: wall and CPU seconds of one full run.

Usage: python bench/suite_cost.py --data-dir ../shared/data [--timeout 150]
       [--json bench/suite_cost.json] [--suite NAME ...]

Runs ``python -m xlmaudit run --model planted --suite S --data-dir D --out TMP --no-cache`` for each
shipped suite (one process at a time, CPU), with a wall-clock limit per suite. Records wall seconds,
the child's CPU seconds (user + system), the exit status, the 1-minute load average before the run
and the machine. A run past the limit is recorded as ``timeout`` with the limit as a lower bound.
The README's suite table and the docs read ``bench/suite_cost.json`` (never retyped).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xlmaudit.suites import shipped_suites


def cpu_name() -> str:
    """The CPU's model name (``/proc/cpuinfo``), else the platform's machine type."""
    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.is_file() else []
    names = [x.split(":", 1)[1].strip() for x in lines if x.startswith("model name")]
    return names[0] if names else platform.machine()


def run_one(suite: str, data_dir: str, timeout: float) -> dict:
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        argv = [sys.executable, "-m", "xlmaudit", "run", "--model", "planted", "--suite", suite,
                "--data-dir", data_dir, "--out", str(Path(tmp) / "run"), "--no-cache",
                "--device", "cpu"]  # fmt: skip
        start = time.perf_counter()
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            err = done.stderr.strip().splitlines()[-1:] if done.returncode else []
        except subprocess.TimeoutExpired:
            status, err = "timeout", []
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"suite": suite, "status": status, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "load_1m_before": round(load, 2), "error": err[0] if err else ""}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--timeout", type=float, default=150.0)
    ap.add_argument("--json", default="bench/suite_cost.json")
    ap.add_argument("--suite", action="append", default=[])
    args = ap.parse_args()
    names = args.suite or [p.stem for p in shipped_suites()]
    path = Path(args.json)
    record = json.loads(path.read_text()) if path.is_file() else {"runs": {}}
    record.update({"machine": f"{cpu_name()}, {os.cpu_count()} cores",
                   "model": "planted",
                   "command": "python -m xlmaudit run --model planted --suite S --data-dir D "
                              "--out TMP --no-cache --device cpu"})  # fmt: skip
    for name in names:
        rec = run_one(name, args.data_dir, args.timeout)
        rec["date"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        rec["timeout_s"] = args.timeout
        record["runs"][name] = rec
        print(json.dumps(rec), flush=True)
        tmp = path.with_suffix(".json.tmp")  # the docs build may read it meanwhile: rename whole
        tmp.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
        tmp.replace(path)


if __name__ == "__main__":
    main()
