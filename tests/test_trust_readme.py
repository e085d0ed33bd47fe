"""Issue 12 item 14: the README's and the docs pages' examples are self-contained (every run
directory or suite file a command reads is made by an earlier command of the same page or shown in
full) and what they write is ignored. (Issue 22 moved most examples from the README to docs/.)"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from xlmaudit.suites import load_suite

ROOT = Path(__file__).resolve().parents[1]
PAGES = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
         for p in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]}  # fmt: skip
WRITTEN = ["cache/", "calibration.json", "calibration.csv", "my-planted/", "my_suite.yaml",
           "xlmaudit-explain/", "out/", "runs/", "cal.json", "cal.csv"]  # fmt: skip


def commands(text: str) -> list[list[str]]:
    """Each ``xlmaudit ...`` line of a page's bash blocks, in order, split like a shell."""
    out = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("xlmaudit "):
                out.append(shlex.split(line))
    return out


def test_the_readme_keeps_its_commands():
    readme = PAGES["README.md"]
    for line in ['python -m pip install -e ".[dev]"', "python -m pytest -q",
                 "xlmaudit run --model planted --suite occupations --out out/planted"]:  # fmt: skip
        assert line in readme


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_run_directory_a_command_reads_was_written_before(page: str):
    written: set[str] = set()
    read: list[tuple[str, str]] = []
    for argv in commands(PAGES[page]):
        sub = argv[1]
        if sub in ("card", "compare"):
            inputs = [a for a in argv[2:] if not a.startswith("-")]
            if sub == "compare" and "--out" in argv:
                inputs.remove(argv[argv.index("--out") + 1])
            read += [(" ".join(argv), d) for d in inputs if d not in written]
        if "--out" in argv:
            written.add(argv[argv.index("--out") + 1])
    assert read == [], f"{page}: commands read run directories no earlier command writes"


def test_the_suite_example_runs_from_the_repository_root(tmp_path, monkeypatch):
    text = PAGES["docs/guide/suites.md"]  # the suite format's page
    (example,) = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S)
                  if b.startswith("name:")]  # fmt: skip
    suites = [
        a for t in PAGES.values() for argv in commands(t) for a in argv if a.endswith(".yaml")
    ]
    assert suites == ["my_suite.yaml"]
    assert "saved in the repository root" in text
    (tmp_path / "probes").symlink_to(ROOT / "probes")  # tmp_path stands for the repository root
    (tmp_path / "my_suite.yaml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    suite = load_suite("my_suite.yaml")
    assert [p.id for p in suite.probes] == ["pronoun"]
    assert yaml.safe_load(example)["lexicons"]["occupation"] == "probes/lexicons/occupations.yaml"


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs a git checkout")  # fmt: skip
@pytest.mark.parametrize("path", WRITTEN)
def test_files_the_readme_commands_write_are_git_ignored(path):
    done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
    assert done.returncode == 0, f"{path} is not git-ignored"
