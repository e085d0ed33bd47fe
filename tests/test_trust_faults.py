"""Fault tests of `xlmaudit run` as a subprocess on the planted model: kill -9 and resume, damaged
caches, two runs sharing one cache. Every run must end with the numbers of an uninterrupted
`--no-cache` run, byte for byte."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs the CLI two or three times (~5 s each)

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["run", "--model", "planted", "--suite", "occupations", "--limit", "3"]
ARGS += ["--batch-tokens", "32"]  # many small committed chunks
# Runs the CLI; prints "ROWS n" after each forward pass; SIGKILLs itself before pass KILL_AT
WRAPPER = textwrap.dedent(
    """
    import os, signal, sys
    from xlmaudit.cli import main
    from xlmaudit.inference import kernel

    kill_at = int(os.environ.get("KILL_AT", "-1"))
    real, calls = kernel.run_rows, []

    def run_rows(model, rows, **kwargs):
        if len(calls) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # as kill -9 or the OOM killer
        calls.append(1)
        out = real(model, rows, **kwargs)
        print(f"ROWS {len(rows)}", file=sys.stderr, flush=True)
        return out

    kernel.run_rows = run_rows
    sys.exit(main(sys.argv[1:]))
    """
)


def start(out: Path, *extra: str, kill_at: int | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    if kill_at is not None:
        env["KILL_AT"] = str(kill_at)
    cmd = [sys.executable, "-c", WRAPPER, *ARGS, "--out", str(out), *extra]
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err


def run(out: Path, *extra: str, kill_at: int | None = None) -> tuple[int, str]:
    return finish(start(out, *extra, kill_at=kill_at))


def rows(stderr: str) -> int:
    return sum(int(line.split()[1]) for line in stderr.splitlines() if line.startswith("ROWS "))


def outputs(out: Path) -> dict[str, bytes]:
    files = [out / "summary.csv", *sorted((out / "raw").glob("*.parquet"))]
    return {str(p.relative_to(out)): p.read_bytes() for p in files}


def entries(cache: Path) -> int:
    with sqlite3.connect(cache / "responses.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[dict[str, bytes], int]:
    """An uninterrupted --no-cache run: its output files and the rows it scored."""
    out = tmp_path_factory.mktemp("reference") / "run"
    rc, err = run(out, "--no-cache")
    assert rc == 0, err[-2000:]
    return outputs(out), rows(err)


def test_killed_run_resumes_scoring_only_what_is_missing(tmp_path, reference):
    files, total_rows = reference
    cache, out = tmp_path / "cache", tmp_path / "run"
    rc, err = run(out, "--cache-dir", str(cache), kill_at=1)
    assert rc == -signal.SIGKILL, err[-2000:]
    committed = rows(err)  # the pass before the kill, committed to the cache
    assert 0 < committed < total_rows and entries(cache) > 0
    assert not out.exists()  # nothing half-written
    rc, err = run(out, "--cache-dir", str(cache))
    assert rc == 0, err[-2000:]
    assert rows(err) == total_rows - committed  # the stored requests are not scored again
    assert outputs(out) == files


@pytest.mark.parametrize("damage", ["random-bytes", "truncated"])
def test_damaged_cache_is_moved_aside_and_the_run_completes(tmp_path, reference, damage):
    files, total_rows = reference
    cache = tmp_path / "cache"
    rc, err = run(tmp_path / "first", "--cache-dir", str(cache))
    assert rc == 0, err[-2000:]
    db = cache / "responses.sqlite"
    size = db.stat().st_size
    with db.open("r+b") as fh:
        if damage == "random-bytes":
            fh.seek(size // 3)
            fh.write(os.urandom(size // 3))
        else:
            fh.truncate(size // 2)
    rc, err = run(tmp_path / "second", "--cache-dir", str(cache))
    assert rc == 0, err[-2000:]
    aside = [p for p in cache.iterdir() if p.name.startswith("responses.sqlite.corrupt-")]
    assert len(aside) == 1
    assert f"warning: response cache {db} is damaged (" in err
    assert f"moved it to {aside[0]} and continuing with a fresh cache" in err
    assert rows(err) == total_rows  # everything scored again, into the fresh cache
    assert outputs(tmp_path / "second") == files
    assert entries(cache) > 0


def test_two_concurrent_runs_share_one_cache(tmp_path, reference):
    files, _ = reference
    cache = tmp_path / "cache"
    procs = [start(tmp_path / name, "--cache-dir", str(cache)) for name in ("a", "b")]
    for proc in procs:
        rc, err = finish(proc)
        assert rc == 0, err[-2000:]
        assert "warning: response cache" not in err
    assert outputs(tmp_path / "a") == files == outputs(tmp_path / "b")
