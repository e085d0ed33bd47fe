"""Issue 12 item 18: a non-editable install (a built wheel) ships the suites and the planted
model, runs from outside the clone with the editable install's numbers, and carries no
third-party benchmark data (licenses)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main

pytestmark = pytest.mark.slow  # builds a wheel, makes a venv, runs a suite twice

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SUITES = sorted(p.stem for p in (ROOT / "probes").glob("*.yaml"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built offline from a copy of the sources (no build/ left in the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    for name in ("pyproject.toml", "setup.py", "README.md"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes((ROOT / name).read_bytes())
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("xlmaudit", "probes"):
        shutil.copytree(ROOT / name, src / name, ignore=skip)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    subprocess.run([*pip, "-w", str(tmp / "dist"), str(src)], check=True, capture_output=True)
    (built,) = (tmp / "dist").glob("xlmaudit-*.whl")
    return built


def test_wheel_carries_every_suite_and_lexicon_and_the_planted_model(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(Path(n).stem for n in names if n.startswith("xlmaudit/_probes/") and
                     n.count("/") == 2 and n.endswith(".yaml"))  # fmt: skip
    assert shipped == SUITES and len(shipped) >= 10
    lexicons = {p.name for p in (ROOT / "probes" / "lexicons").glob("*.yaml")}
    assert lexicons <= {Path(n).name for n in names if "/_probes/lexicons/" in n}
    assert "xlmaudit/planted/model/model.safetensors" in names
    for name in ("model.safetensors", "config.json", "tokenizer_config.json", "README.md"):
        assert f"xlmaudit/planted/model-bilingual/{name}" in names  # --model planted-bilingual


def test_wheel_holds_no_shared_benchmark_data(wheel):
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data not present")
    data = {_sha256(p.read_bytes()): p for p in SHARED_DATA.rglob("*") if p.is_file()}
    with zipfile.ZipFile(wheel) as zf:
        members = {n: _sha256(zf.read(n)) for n in zf.namelist() if not n.endswith("/")}
    copied = {n: str(data[h]) for n, h in members.items() if h in data}
    assert copied == {}, "the wheel carries files of ../shared/data"
    assert not [n for n in members if "shared/data" in n or n.endswith((".csv", ".jsonl"))
                and not n.startswith("xlmaudit/planted/")]  # fmt: skip


def test_installed_wheel_runs_outside_the_clone_with_the_same_numbers(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"]
    subprocess.run([*pip, "--no-index", str(wheel)], check=True, capture_output=True)
    # torch & co. from this environment, as a plain path (its editable xlmaudit finder, a .pth
    # there, is not processed), after the venv's own site-packages that hold the wheel
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True)  # fmt: skip
    Path(site.stdout.strip(), "dev-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    cli = str(venv / "bin" / "xlmaudit")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([cli, *args], cwd=outside, env=env, capture_output=True, text=True)

    where = subprocess.run([str(python), "-c", "import xlmaudit; print(xlmaudit.__file__)"],
                           cwd=outside, env=env, capture_output=True, text=True)  # fmt: skip
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr
    listing = run("list")
    assert listing.returncode == 0, listing.stderr
    assert all(s in listing.stdout for s in SUITES)
    installed = outside / "run"
    done = run("run", "--model", "planted", "--suite", "occupations", "--out", str(installed),
               "--no-cache")  # fmt: skip
    assert done.returncode == 0, done.stderr
    editable = tmp_path / "editable"
    argv = ["run", "--model", "planted", "--suite", "occupations", "--out", str(editable)]
    assert main([*argv, "--no-cache"]) == 0
    got, want = (pd.read_csv(d / "summary.csv") for d in (installed, editable))
    assert len(want) > 10
    pd.testing.assert_frame_equal(got, want)
