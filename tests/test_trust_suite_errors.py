"""Suite files: a binary file and an unquoted version are one-line errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.suites import load_suite

SUITE = """\
name: t
version: {version}
card:
  summary: s
  measures: m
  limits: l
  references: [r]
  calibration: c
lexicons:
  occ: [nurse, engineer]
probes:
  - id: p
    kind: target_preference
    templates:
      - "the {{occ}} said that [MASK] was tired."
    groups: {{female: [she], male: [he]}}
"""


def _write(tmp_path: Path, version: str) -> Path:
    path = tmp_path / "suite.yaml"
    path.write_text(SUITE.format(version=version), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "read_as"),
    [("1.10", "float 1.1"), ("2", "int 2"), ("yes", "bool True"), ("2024-01-02", "date")],
)
def test_unquoted_version_is_an_error_at_its_line(tmp_path, written, read_as):
    path = _write(tmp_path, written)
    with pytest.raises(InputError) as err:
        load_suite(path)
    msg = str(err.value)
    assert msg.startswith(f'{path}:2: version must be a string: quote it (version: "{written}")')
    assert f"YAML reads {written} as the {read_as}" in msg


def test_quoted_version_is_kept_exactly(tmp_path):
    assert load_suite(_write(tmp_path, '"1.10"')).version == "1.10"


def test_binary_suite_file_is_one_line_error(tmp_path, capsys):
    path = tmp_path / "suite.yaml"
    path.write_bytes(b"name: t\n\xff\xfe\x00\x89PNG\x00" * 4)
    rc = main(["run", "--suite", str(path), "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert f"{path}: not a UTF-8 text file (byte 8: invalid start byte)" in err
