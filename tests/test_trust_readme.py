"""Issue 12 item 14: the README's examples are self-contained (every run directory or suite file
a command reads is made by an earlier command or shown in full) and what they write is ignored."""

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
README = (ROOT / "README.md").read_text(encoding="utf-8")
WRITTEN = ["cache/", "calibration.json", "calibration.csv", "my-planted/", "my_suite.yaml",
           "xlmaudit-explain/", "out/"]  # fmt: skip


def commands() -> list[list[str]]:
    """Each ``xlmaudit ...`` line of the README's bash blocks, in order, split like a shell."""
    out = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("xlmaudit "):
                out.append(shlex.split(line))
    return out


def test_every_run_directory_a_command_reads_was_written_before():
    written: set[str] = set()
    read: list[tuple[str, str]] = []
    for argv in commands():
        sub = argv[1]
        if sub in ("card", "compare"):
            inputs = [a for a in argv[2:] if not a.startswith("-")]
            if sub == "compare" and "--out" in argv:
                inputs.remove(argv[argv.index("--out") + 1])
            read += [(" ".join(argv), d) for d in inputs if d not in written]
        if "--out" in argv:
            written.add(argv[argv.index("--out") + 1])
    assert read == [], "README commands read run directories no earlier command writes"


def test_the_suite_example_runs_from_the_repository_root(tmp_path, monkeypatch):
    (example,) = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.S)
                  if b.startswith("name:")]  # fmt: skip
    suites = [a for argv in commands() for a in argv if a.endswith(".yaml")]
    assert suites == ["my_suite.yaml"]
    assert "saved in the repository root" in README
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
