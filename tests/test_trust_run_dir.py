"""A run directory holds one run: `--out` is checked before scoring, replaced whole or refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import xlmaudit.inference
from xlmaudit import runner
from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.rundir import read_run, write_run
from xlmaudit.testing.fixtures import write_fake_run


def _no_model(*args, **kwargs):
    raise AssertionError("the model was loaded although --out is unusable")


def _run(argv: list[str], capsys) -> tuple[int, str]:
    rc = main(["run", "--model", "planted", "--suite", "occupations", "--limit", "1", *argv])
    return rc, capsys.readouterr().err


def _digest(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def no_model(monkeypatch):
    monkeypatch.setattr(xlmaudit.inference, "load_model", _no_model)


def _error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("xlmaudit run: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_out_that_is_a_file_is_refused_before_scoring(tmp_path, capsys, no_model):
    target = tmp_path / "report.txt"
    target.write_text("not a run")
    rc, err = _run(["--out", str(target)], capsys)
    assert rc == 2
    assert f"--out {target}: exists and is a file, not a directory" in _error_line(err)
    rc, err = _run(["--out", str(target / "sub")], capsys)
    assert rc == 2 and f"{target} is a file, not a directory" in _error_line(err)


def test_non_empty_directory_without_a_run_is_refused(tmp_path, capsys, no_model):
    (tmp_path / "notes.txt").write_text("mine")
    rc, err = _run(["--out", str(tmp_path)], capsys)
    assert rc == 2
    assert "directory is not empty and holds no xlmaudit run (no meta.json)" in _error_line(err)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_earlier_run_is_refused_without_overwrite(tmp_path, capsys, no_model):
    old = write_fake_run(tmp_path / "old")
    before = _digest(old)
    rc, err = _run(["--out", str(old)], capsys)
    assert rc == 2
    line = _error_line(err)
    assert "holds an earlier run (model fake, suites toy); pass --overwrite" in line
    assert _digest(old) == before
    with pytest.raises(InputError, match="pass --overwrite"):
        write_run(old, [], {"suites": {}})  # the library refuses too


@pytest.fixture
def read_only_dir(tmp_path):
    """A directory nobody may write in: mode 0555, and immutable (chattr +i) for root."""
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    as_root = os.geteuid() == 0
    if as_root:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(ro)]).returncode:
            pytest.skip("root writes anywhere and this filesystem has no immutable flag")
    yield ro
    if as_root:
        subprocess.run([shutil.which("chattr"), "-i", str(ro)], check=True)
    ro.chmod(0o755)


def test_read_only_out_is_refused_before_scoring(read_only_dir, capsys, no_model):
    target = read_only_dir / "run"
    rc, err = _run(["--out", str(target)], capsys)
    assert rc == 2
    assert f"--out {target}: cannot write in {read_only_dir} (" in _error_line(err)


def test_read_run_ignores_raw_files_of_another_run(tmp_path, capsys):
    run = write_fake_run(tmp_path / "run")
    shutil.copy(run / "raw" / "toy.parquet", run / "raw" / "crows-pairs.parquet")
    back = read_run(run)
    assert list(back.raw) == ["toy"]
    err = capsys.readouterr().err
    assert "ignoring crows-pairs.parquet: not part of the run recorded in meta.json" in err


def test_failed_run_leaves_the_old_one_intact(tmp_path, capsys, monkeypatch):
    old = write_fake_run(tmp_path / "old")
    before = _digest(old)

    def boom(*args, **kwargs):
        raise InputError("scoring failed on purpose")

    monkeypatch.setattr(runner, "run_suites", boom)
    rc, err = _run(["--out", str(old), "--overwrite"], capsys)
    assert rc == 2 and "scoring failed on purpose" in err
    assert _digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old", "old-suite"]


@pytest.mark.slow
def test_overwrite_replaces_the_earlier_run_whole(tmp_path, capsys):
    old = write_fake_run(tmp_path / "old")
    (old / "figures").mkdir()
    (old / "figures" / "stale.png").write_bytes(b"old figure")
    rc, err = _run(["--out", str(old), "--overwrite"], capsys)
    assert rc == 0, err
    assert sorted(p.name for p in (old / "raw").iterdir()) == ["occupations.parquet"]
    assert not (old / "figures" / "stale.png").exists()
    run = read_run(old)
    assert list(run.meta["suites"]) == ["occupations"] and list(run.raw) == ["occupations"]
    assert set(pd.read_csv(old / "summary.csv").suite) == {"occupations"}
    assert "toy" not in (old / "model_card.md").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old", "old-suite"]  # no temp sibling


@pytest.mark.parametrize("failing", ["_write_files", "replace"])
def test_a_failed_write_keeps_the_earlier_run(tmp_path, monkeypatch, failing):
    from xlmaudit import rundir

    old = write_fake_run(tmp_path / "old")
    before = _digest(old)
    run = read_run(old)
    if failing == "_write_files":

        def broken(out, results, meta):
            (out / "summary.csv").write_text("half")
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(rundir, "_write_files", broken)
    else:
        monkeypatch.setattr(
            rundir.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "EIO"))
        )
    with pytest.raises(OSError):
        write_run(old, [], run.meta, overwrite=True)
    assert _digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old", "old-suite"]


def test_run_meta_round_trips_and_reads_the_older_key():
    from xlmaudit.rundir import RunMeta

    meta = RunMeta(model={"name": "m"}, suites={"toy": {"sha256": "ab"}}, data={},
                   batch_tokens=1024, seed=3, extra={"note": "kept"})  # fmt: skip
    as_json = meta.to_json()
    assert as_json["data"] == {} and as_json["note"] == "kept" and "synthetic" not in as_json
    assert RunMeta.from_json(as_json) == meta
    # an older run directory: data_checksums {name: sha256}; no data recorded at all: None
    old = RunMeta.from_json({"model": {}, "suites": {}, "data_checksums": {"crows-pairs": "cd"}})
    assert old.data == {"crows-pairs": {"sha256": "cd"}} and "data_checksums" not in old.extra
    assert "data" not in RunMeta.from_json({"model": {}, "suites": {}}).to_json()
