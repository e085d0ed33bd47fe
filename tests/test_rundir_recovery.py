"""A write of a run directory killed during its final renames leaves hidden siblings
(``.<out>.xlmaudit-new-*``, ``.<out>.xlmaudit-old-*``); the next write of ``out`` tidies them
and says so in one line on stderr (issue 22 point 6). The crash states are built by hand, as
``write_run`` leaves them, and one is made by a real kill -9."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from xlmaudit import rundir
from xlmaudit.rundir import check_out, read_run, write_run
from xlmaudit.testing.fixtures import write_fake_run


def _digest(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file()
    }


def _last_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _hidden(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path, str]:
    """``out`` (the earlier run), a finished new run elsewhere, and a dead process's tag."""
    out = write_fake_run(tmp_path / "out", seed=0)
    new = write_fake_run(tmp_path / "made" / "new", seed=1)
    return out, new, f"{_last_pid()}-abc123"


def test_killed_while_writing_the_new_run(runs, capsys) -> None:
    out, new, tag = runs
    before = _digest(out)
    staging = out.parent / f".out.xlmaudit-new-{tag}"
    shutil.copytree(new, staging)
    (staging / "summary.csv").write_text("half")  # killed mid-write
    check_out(out, overwrite=True)
    assert _hidden(out.parent) == [] and _digest(out) == before
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"note: {out}: an earlier write was interrupted; removed .out.xlmaudit-new-{tag} "
        f"from {out.parent}"
    )


def test_killed_between_the_two_renames_puts_the_earlier_run_back(runs, capsys) -> None:
    out, new, tag = runs
    before = _digest(out)
    os.rename(out, out.parent / f".out.xlmaudit-old-{tag}")
    shutil.copytree(new, out.parent / f".out.xlmaudit-new-{tag}")
    assert not out.exists()
    check_out(out, overwrite=True)
    assert _hidden(out.parent) == [] and _digest(out) == before
    (line,) = capsys.readouterr().err.splitlines()
    assert f"removed .out.xlmaudit-new-{tag} from {out.parent}" in line
    assert line.endswith(f"; put the earlier run back from .out.xlmaudit-old-{tag}")


def test_killed_after_the_rename_removes_the_old_run(runs, capsys) -> None:
    out, new, tag = runs
    os.rename(out, out.parent / f".out.xlmaudit-old-{tag}")
    shutil.copytree(new, out)  # the new run is in place; the old one was not yet deleted
    (out.parent / f".out.xlmaudit-old-{tag}" / "summary.csv").unlink()  # killed mid-delete
    check_out(out, overwrite=True)
    assert _hidden(out.parent) == [] and _digest(out) == _digest(new)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"removed .out.xlmaudit-old-{tag} from" in err


def test_the_next_write_tidies_and_writes(runs, capsys) -> None:
    out, new, tag = runs
    shutil.copytree(new, out.parent / f".out.xlmaudit-new-{tag}")
    write_run(out, [], read_run(new).meta, overwrite=True)
    assert _hidden(out.parent) == []
    assert "an earlier write was interrupted" in capsys.readouterr().err


def test_a_write_in_progress_is_left_alone(runs, capsys) -> None:
    out, new, _ = runs
    busy = out.parent / f".out.xlmaudit-new-{os.getppid()}-abc123"  # a live process
    shutil.copytree(new, busy)
    check_out(out, overwrite=True)
    assert busy.is_dir() and capsys.readouterr().err == ""


def test_other_directories_siblings_are_not_touched(runs, capsys) -> None:
    out, new, tag = runs
    other = out.parent / f".outer.xlmaudit-new-{tag}"  # the sibling of ``outer``, not ``out``
    shutil.copytree(new, other)
    check_out(out, overwrite=True)
    assert other.is_dir() and capsys.readouterr().err == ""


def test_an_interrupt_between_the_renames_puts_the_earlier_run_back(runs, monkeypatch) -> None:
    """Ctrl-C (not an OSError) in a notebook during the rename: the earlier run stays."""
    out, new, _ = runs
    before = _digest(out)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(rundir.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_run(out, [], read_run(new).meta, overwrite=True)
    assert _digest(out) == before and _hidden(out.parent) == []


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from xlmaudit import rundir
    from xlmaudit.rundir import read_run, write_run

    def killed(*args):
        os.kill(os.getpid(), signal.SIGKILL)  # between the two renames

    rundir.os.replace = killed
    write_run(sys.argv[1], [], read_run(sys.argv[2]).meta, overwrite=True)
    """
)


def test_a_real_kill_9_between_the_renames_is_recovered(runs, capsys) -> None:
    out, new, _ = runs
    before = _digest(out)
    proc = subprocess.run([sys.executable, "-c", KILLED, str(out), str(new)], timeout=120)
    assert proc.returncode == -9
    assert not out.exists() and len(_hidden(out.parent)) == 2  # the state the kill left
    check_out(out, overwrite=True)
    assert _hidden(out.parent) == [] and _digest(out) == before
    assert capsys.readouterr().err.count("an earlier write was interrupted") == 1
