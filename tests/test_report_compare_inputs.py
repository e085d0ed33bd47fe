"""compare refuses runs that read different suite, lexicon or data files (sha256 in meta.json)."""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.paired import compare_runs, data_checksums
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import write_fake_run

OTHER = "f" * 64  # a checksum neither run has


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("inputs")
    return write_fake_run(base / "a", model="model-a"), write_fake_run(base / "b", model="model-b")


def edited(run: Path, dest: Path, edit: Callable[[dict], None]) -> Path:
    """A copy of ``run`` at ``dest`` whose meta.json went through ``edit``."""
    out = shutil.copytree(run, dest)
    meta = json.loads((out / "meta.json").read_text())
    edit(meta)
    (out / "meta.json").write_text(json.dumps(meta))
    return out


def crows_pairs(sha: str | None) -> dict[str, dict[str, str | None]]:
    return {"crows-pairs": {"sha256": sha}}


def crows_sha(run: Path) -> str:
    """sha256 of the CrowS-style data file the fake run read (written next to the run)."""
    return hashlib.sha256((run.parent / f"{run.name}-suite" / "pairs.csv").read_bytes()).hexdigest()


def test_same_checksums_pass_without_warning(runs):
    a, b = load_run(runs[0]), load_run(runs[1])
    # the toy suite's crows-pairs probes read pairs.csv; both runs wrote identical copies
    assert data_checksums(a.meta, "toy") == {"crows-pairs": crows_sha(runs[0])}
    assert crows_sha(runs[0]) == crows_sha(runs[1])
    assert a.meta["suites"]["toy"]["sha256"] == b.meta["suites"]["toy"]["sha256"]
    assert compare_runs(a, b).attrs["warnings"] == []


def test_changed_data_checksum_is_refused(runs, tmp_path):
    b = edited(runs[1], tmp_path / "b", lambda m: m["data"].update(crows_pairs(OTHER)))
    short = crows_sha(runs[0])[:12]
    expected = (
        f"suite 'toy': data file 'crows-pairs': sha256 {short} in run A, sha256 ffffffffffff in "
        "run B; a paired comparison needs the same items in both runs"
    )
    with pytest.raises(InputError) as err:
        compare_runs(load_run(runs[0]), load_run(b))
    assert str(err.value).startswith(expected)
    assert "--allow-different-data" in str(err.value)


def test_data_file_read_by_one_run_only_is_refused(runs, tmp_path):
    b = edited(runs[1], tmp_path / "b", lambda m: m.update(data={}))
    with pytest.raises(InputError, match=r"data file 'crows-pairs': sha256 \w{12} in run A, "
                       "not read in run B"):  # fmt: skip
        compare_runs(load_run(runs[0]), load_run(b))


def test_data_of_a_kind_the_suite_does_not_use_is_not_checked(runs, tmp_path):
    def add(meta: dict) -> None:
        meta["data"]["stereoset (test.json)"] = {"sha256": OTHER}

    b = edited(runs[1], tmp_path / "b", add)
    assert compare_runs(load_run(runs[0]), load_run(b)).attrs["warnings"] == []


def test_changed_suite_checksum_is_refused(runs, tmp_path):
    b = edited(runs[1], tmp_path / "b", lambda m: m["suites"]["toy"].update(sha256="0" * 64))
    short = load_run(runs[0]).meta["suites"]["toy"]["sha256"][:12]
    with pytest.raises(InputError) as err:
        compare_runs(load_run(runs[0]), load_run(b))
    assert str(err.value).startswith(
        f"suite 'toy': suite file toy.yaml (with its lexicons): sha256 {short} in run A, "
        "sha256 000000000000 in run B; a paired comparison needs the same items"
    )


def test_older_meta_format_is_read(runs, tmp_path):
    """Older run directories wrote ``data_checksums`` as {name: sha256}; RunMeta reads them as
    ``data`` {name: {"sha256": ...}}, and a differing one is refused."""

    def flat(sha: str | None) -> Callable[[dict], None]:
        def edit(meta: dict) -> None:
            checksum = sha or meta.pop("data")["crows-pairs"]["sha256"]
            meta.pop("data", None)
            meta["data_checksums"] = {"crows-pairs": checksum}

        return edit

    nested = flat

    a = load_run(edited(runs[0], tmp_path / "a", nested(None)))
    same = load_run(edited(runs[1], tmp_path / "same", nested(None)))
    other = load_run(edited(runs[1], tmp_path / "other", nested(OTHER)))
    assert a.meta["data"] == {"crows-pairs": {"sha256": crows_sha(runs[0])}}
    assert "data_checksums" not in a.meta
    assert compare_runs(a, same).attrs["warnings"] == []
    with pytest.raises(InputError, match="data file 'crows-pairs'.* sha256 ffffffffffff in run B"):
        compare_runs(a, other)


def test_allow_different_data_warns_and_records(runs, tmp_path, capsys):
    def edit(meta: dict) -> None:
        meta["data"]["crows-pairs"]["sha256"] = OTHER
        meta["suites"]["toy"]["sha256"] = "0" * 64

    b = edited(runs[1], tmp_path / "b", edit)
    raw = pd.read_parquet(b / "raw" / "toy.parquet")  # one item fewer in B: paired by item_id
    drop = raw[raw.probe == "pronoun"].item_id.iloc[0]
    raw[raw.item_id != drop].to_parquet(b / "raw" / "toy.parquet")
    out = tmp_path / "out"
    argv = ["compare", str(runs[0]), str(b), "--out", str(out), "--allow-different-data"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    data_line = "suite 'toy': data file 'crows-pairs': "
    file_line = "suite 'toy': suite file toy.yaml (with its lexicons): "
    lines = [x for x in err.splitlines() if x.startswith("xlmaudit compare: warning: ")]
    assert len(lines) == 2 and file_line in lines[0] and data_line in lines[1]
    assert "compared anyway (--allow-different-data)" in lines[1]
    md = (out / "comparison.md").read_text()
    assert "## Warnings" in md and data_line in md and file_line in md
    assert html.escape(data_line) in (out / "comparison.html").read_text()
    frame = pd.read_csv(out / "comparison.csv")
    pron = frame[(frame.probe == "pronoun") & (frame.group == "all")].iloc[0]
    assert (pron.n_shared, pron.n_only_a, pron.n_only_b) == (23, 1, 0)


def test_missing_checksums_warn_not_refuse(runs, tmp_path, capsys):
    def strip(meta: dict) -> None:
        del meta["suites"]["toy"]["sha256"], meta["data"]

    a = edited(runs[0], tmp_path / "a", strip)
    frame = compare_runs(load_run(a), load_run(runs[1]))
    assert frame.attrs["warnings"] == [
        "suite 'toy': run A's meta.json records no sha256 of the suite file; could not check that "
        "both runs used the same suite definition",
        "suite 'toy': run A's meta.json records no data checksums; could not check that both "
        "runs read the same data files",
    ]
    assert main(["compare", str(a), str(a), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "warning: suite 'toy': both runs' meta.json files record no sha256 of the suite" in err
    assert "## Warnings" in (tmp_path / "out" / "comparison.md").read_text()


def test_null_data_checksum_warns(runs, tmp_path):
    b = edited(runs[1], tmp_path / "b", lambda m: m["data"].update(crows_pairs(None)))
    assert compare_runs(load_run(runs[0]), load_run(b)).attrs["warnings"] == [
        "suite 'toy': data file 'crows-pairs': run B's meta.json records no sha256; could not "
        "check that both runs read the same file"
    ]


def test_version_difference_is_still_refused_with_the_flag(runs, tmp_path):
    b = edited(runs[1], tmp_path / "b", lambda m: m["suites"]["toy"].update(version="1.1"))
    with pytest.raises(InputError, match="run A used version 1.0 .* version 1.1"):
        compare_runs(load_run(runs[0]), load_run(b), allow_different_data=True)


def test_no_warnings_section_when_inputs_match(runs, tmp_path):
    assert main(["compare", str(runs[0]), str(runs[1]), "--out", str(tmp_path)]) == 0
    assert "Warnings" not in (tmp_path / "comparison.md").read_text()
