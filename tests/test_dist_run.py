"""Data-parallel `xlmaudit run` on 2 CPU processes (torchrun, gloo) against a single process.

Each test launches real processes (torchrun --standalone picks a free port). A worker script
wraps the CLI to log which cache keys each rank scores, and to kill or fail a rank on demand.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ARGS = ["--model", "planted", "--suite", "occupations", "--suite", "holistic-bias",
        "--limit", "40", "--data-dir", str(DATA), "--batch-tokens", "128"]  # fmt: skip

WORKER = textwrap.dedent(
    """
    import os, sys
    from xlmaudit.inference import scorer as sc
    from xlmaudit.inference import cache as ca
    rank = int(os.environ.get("RANK", "0"))
    log, mode = os.environ["XLMA_TEST_LOG"], os.environ.get("XLMA_TEST_MODE", "")
    run = sc.ModelScorer._run
    def logged(self, chunk, *rest):  # rest: tick, and the language ids since issue 15
        if mode == "fail" and rank == 1:
            raise RuntimeError("boom on purpose")
        with open(f"{log}/scored.rank{rank}.txt", "a") as f:
            f.writelines(k + "\\n" for k, _ in chunk)
        return run(self, chunk, *rest)
    sc.ModelScorer._run = logged
    put = ca.ResponseCache.put_many
    def put_then_die(self, items):
        put(self, items)
        if mode == "kill" and rank == 1:
            os._exit(9)  # killed after its first committed chunk
    ca.ResponseCache.put_many = put_then_die
    from xlmaudit.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _env(log: Path, mode: str = "") -> dict[str, str]:
    env = dict(os.environ, OMP_NUM_THREADS="1", XLMA_TEST_LOG=str(log), XLMA_TEST_MODE=mode)
    env["XLMAUDIT_DIST_TIMEOUT"] = "60"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return env


def _launch(tmp: Path, out: Path, *extra: str, n: int = 2, mode: str = "", log: Path):
    worker = tmp / "worker.py"
    worker.write_text(WORKER)
    log.mkdir(parents=True, exist_ok=True)
    if n == 1:
        cmd = [sys.executable, str(worker)]
    else:
        torchrun = Path(sys.executable).with_name("torchrun")
        cmd = [str(torchrun), "--standalone", "--nproc_per_node", str(n), str(worker)]
    cmd += ["run", *ARGS, "--out", str(out), *extra]
    return subprocess.run(cmd, env=_env(log, mode), capture_output=True, text=True, timeout=300)


def _keys(log: Path) -> list[str]:
    return [k for f in sorted(log.glob("scored.rank*.txt")) for k in f.read_text().split()]


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("single")
    res = _launch(tmp, tmp / "run", "--no-cache", n=1, log=tmp / "log")
    assert res.returncode == 0, res.stderr[-2000:]
    return tmp / "run"


def _same_run(a: Path, b: Path) -> None:
    assert (a / "summary.csv").read_bytes() == (b / "summary.csv").read_bytes()
    for name in ("occupations.parquet", "holistic-bias.parquet"):
        assert (a / "raw" / name).read_bytes() == (b / "raw" / name).read_bytes(), name


@pytest.mark.slow
def test_two_processes_write_the_single_process_run(single: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    res = _launch(tmp_path, tmp_path / "run", "--cache-dir", str(tmp_path / "c"), log=log)
    assert res.returncode == 0, res.stderr[-2000:]
    _same_run(single, tmp_path / "run")
    both = [set((log / f"scored.rank{k}.txt").read_text().split()) for k in (0, 1)]
    assert both[0] and both[1] and not both[0] & both[1]  # both ranks worked, nothing twice
    assert res.stdout.count("likelihood_bias_mlm") == 2  # the summary printed once (rank 0)
    assert not list((tmp_path / "c").glob("responses.rank*.sqlite"))  # shards merged
    with sqlite3.connect(tmp_path / "c" / "responses.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == len(both[0] | both[1])


@pytest.mark.slow
def test_killed_rank_rerun_resumes_from_shards(single: Path, tmp_path: Path) -> None:
    cache, log1, log2 = tmp_path / "c", tmp_path / "log1", tmp_path / "log2"
    res = _launch(tmp_path, tmp_path / "r1", "--cache-dir", str(cache), mode="kill", log=log1)
    assert res.returncode != 0
    assert not (tmp_path / "r1" / "summary.csv").exists()
    stored = set()
    for shard in cache.glob("responses.rank*.sqlite"):
        with sqlite3.connect(shard) as db:
            stored |= {k for (k,) in db.execute("SELECT key FROM responses")}
    assert stored  # the killed rank's first chunk (and rank 0's work) survived in the shards
    res = _launch(tmp_path, tmp_path / "r2", "--cache-dir", str(cache), log=log2)
    assert res.returncode == 0, res.stderr[-2000:]
    rescored = set(_keys(log2))
    assert rescored and not rescored & stored  # nothing a shard held is scored again
    _same_run(single, tmp_path / "r2")


@pytest.mark.slow
def test_failing_rank_is_named_and_nothing_hangs(tmp_path: Path) -> None:
    res = _launch(tmp_path, tmp_path / "r", "--no-cache", mode="fail", log=tmp_path / "log")
    assert res.returncode != 0
    assert "rank 1 failed: RuntimeError: boom on purpose" in res.stderr
    assert not (tmp_path / "r" / "summary.csv").exists()
