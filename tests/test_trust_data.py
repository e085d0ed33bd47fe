"""Issue 12 item 4: a benchmark file that is not the published one is named in every output."""

import csv
import hashlib
import json
from pathlib import Path

import pytest
import yaml

from xlmaudit.cli import main
from xlmaudit.datasets.check import check_data_file, count_rows
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CROWS = DATA / SOURCES["crows-pairs"].relpath
REPO = Path(__file__).resolve().parents[1]


def cut_crows(dest: Path, n: int) -> str:
    """The published CrowS-Pairs file cut to its first ``n`` pairs; returns its sha256."""
    with CROWS.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows[: n + 1])
    return hashlib.sha256(dest.read_bytes()).hexdigest()


def test_published_file_is_recognised_and_counted(tmp_path):
    assert check_data_file("crows-pairs", CROWS) == {"status": "published", "source": "crows-pairs"}
    assert count_rows(CROWS) == 1508  # the suite card's "1,508 minimal pairs"
    flat = DATA / SOURCES["stereoset-flat"].relpath
    assert check_data_file("stereoset (test.jsonl)", flat)["source"] == "stereoset-flat"
    assert check_data_file("my-own-data", CROWS) == {}  # unregistered: nothing to compare
    other = tmp_path / "other.jsonl"  # no registered stereoset file of that name: not compared
    other.write_bytes(flat.read_bytes()[:1000])
    assert check_data_file(f"stereoset ({other.name})", other) == {}


def test_cut_file_warns_or_is_refused(tmp_path, capsys):
    cut = tmp_path / "crows_pairs_anonymized.csv"
    digest = cut_crows(cut, 699)
    record = check_data_file("crows-pairs", cut)
    assert record["status"] == "modified" and record["n_rows"] == 699
    assert (
        record["sha256"] == digest and record["published_sha256"] == SOURCES["crows-pairs"].sha256
    )
    err = capsys.readouterr().err
    assert f"modified or partial data (sha256 {digest[:12]}, 699 rows)" in err
    assert str(cut) in err
    with pytest.raises(InputError, match="--strict-data"):
        check_data_file("crows-pairs", cut, strict=True)


@pytest.mark.slow
def test_run_with_cut_data_says_so_in_report_card_and_model_index(tmp_path, capsys):
    data = tmp_path / "data"
    cut = data / SOURCES["crows-pairs"].relpath
    digest = cut_crows(cut, 20)
    spec = yaml.safe_load((REPO / "probes" / "crows-pairs.yaml").read_text(encoding="utf-8"))
    spec["probes"] = [p for p in spec["probes"] if p["id"] == "aul"]  # one fast estimator
    suite = tmp_path / "crows-pairs.yaml"
    suite.write_text(yaml.safe_dump(spec), encoding="utf-8")
    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--suite", str(suite), "--data-dir", str(data)]
    argv += ["--limit", "2", "--no-cache"]
    assert main([*argv, "--strict-data", "--out", str(out)]) == 2
    assert "refusing it (--strict-data)" in capsys.readouterr().err
    assert not (out / "meta.json").exists()

    assert main([*argv, "--out", str(out)]) == 0
    note = f"modified or partial data (sha256 {digest[:12]}, 20 rows)"
    assert note in capsys.readouterr().err
    meta = json.loads((out / "meta.json").read_text())
    assert meta["data"]["crows-pairs"]["status"] == "modified"
    assert meta["data"]["crows-pairs"]["n_rows"] == 20
    # the report reads the run's record, not today's file: restore the published file, rebuild
    cut.write_bytes(CROWS.read_bytes())
    from xlmaudit.report import build_report

    build_report(out)
    for name in ("report.md", "report.html", "model_card.md"):
        assert note in (out / name).read_text(encoding="utf-8"), name
    card = (out / "model_card.md").read_text(encoding="utf-8")
    index = yaml.safe_load(card.split("---\n")[1])["model-index"][0]["results"]
    names = {r["dataset"]["name"] for r in index}
    # model-index dataset name: the partial run and the modified data beside the number
    assert names == {f"crows-pairs (partial run (--limit 2)) (crows-pairs: {note})"}


def test_a_file_read_by_every_probe_is_checked_once(tmp_path, capsys):
    """Five CrowS-Pairs probes read one modified file: one warning and one record, not five."""
    from xlmaudit.probes import RunContext

    modified = tmp_path / "crows_pairs_anonymized.csv"
    modified.write_text("not the published file\n", encoding="utf-8")
    ctx = RunContext()
    digests = {ctx.record_data("crows-pairs", modified) for _ in range(5)}
    assert len(digests) == 1 and ctx.data_status["crows-pairs"]["status"] == "modified"
    assert capsys.readouterr().err.count("is not the published") == 1
