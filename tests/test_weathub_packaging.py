"""WEATHub is GPL-3.0 (weathub/SOURCE.md): no file of it and none of its word lists is in the
repository, the wheel or the sdist; the package holds only file names and checksums. (A single
common word, e.g. Russian "он" in a CrowS-Pairs test, is not a copy of a list: a file is flagged
when it holds most of one list's words.)"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from xlmaudit.datasets.weathub_files import WEATHUB_FILES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "weathub" / "data"
LAYOUT = re.compile(r"(^|/)[a-z]{2,3}(_(all|gt|human|new|india))?/weat\d+b?\.json$")
SHA256 = {sha for sha, _, _ in WEATHUB_FILES.values()}


MIN_LIST = 5  # a list of at least this many non-Latin single words can be recognised
SHARE = 0.75  # a file holding this share of such a list's words holds a copy of it


def _words() -> list[frozenset[str]]:
    """Each WEATHub list's single words written in a non-Latin script (none of them is in this
    package by chance in such numbers), for lists with at least :data:`MIN_LIST` of them."""
    import json

    if not DATA.is_dir():
        pytest.skip("../shared/data/weathub not present")
    out = set()
    for path in DATA.glob("*/*.json"):
        for node in json.loads(path.read_text(encoding="utf-8")).values():
            words = frozenset(w for w in node["examples"] if " " not in w and len(w) > 1
                              and any(ord(c) > 0x24F for c in w))  # fmt: skip
            if len(words) >= MIN_LIST:
                out.add(words)
    return sorted(out, key=sorted)


def _check(members: dict[str, bytes], lists: list[frozenset[str]]) -> None:
    names = [n for n in members if LAYOUT.search(n)]
    assert names == [], "WEATHub-shaped file names"
    same = [n for n, data in members.items() if hashlib.sha256(data).hexdigest() in SHA256]
    assert same == [], "WEATHub files"
    for name, data in members.items():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # binary (model weights)
        found = set(re.findall(r"\w+", text))
        copied = [sorted(w)[:5] for w in lists if len(found & w) >= SHARE * len(w)]
        assert not copied, f"{name} holds WEATHub word lists {copied[:2]}"


def test_the_repository_holds_no_weathub_file_or_word():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")  # fmt: skip
    files = {n: (ROOT / n).read_bytes() for n in tracked if n and (ROOT / n).is_file()}
    assert "xlmaudit/datasets/weathub_files.py" in files
    words = _words()
    _check(files, words)
    copied = (DATA / "ar_human" / "weat1.json").read_bytes()
    for planted in ({"x/ar_human/weat1.json": b"{}"}, {"x/a.txt": copied},
                    {"x/lists.py": ("WORDS = " + repr(sorted(words[0]))).encode()}):  # fmt: skip
        with pytest.raises(AssertionError):  # the checks catch a name, a copy, a word list
            _check(planted, words)


@pytest.mark.slow
def test_wheel_and_sdist_hold_no_weathub_file_or_word(tmp_path):
    words = _words()
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("xlmaudit", "probes"):
        shutil.copytree(ROOT / name, src / name, ignore=skip)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    subprocess.run([*pip, "-w", str(tmp_path / "dist"), str(src)], check=True, capture_output=True)
    subprocess.run([sys.executable, "setup.py", "-q", "sdist", "-d", str(tmp_path / "dist")],
                   cwd=src, check=True, capture_output=True)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    (sdist,) = (tmp_path / "dist").glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}
    assert "xlmaudit/datasets/weathub_files.py" in members
    assert "xlmaudit/_probes/weathub.yaml" in members
    _check(members, words)
    with tarfile.open(sdist) as tf:
        members = {m.name: tf.extractfile(m).read() for m in tf.getmembers() if m.isfile()}
    assert any(n.endswith("xlmaudit/datasets/weathub.py") for n in members)
    _check(members, words)
