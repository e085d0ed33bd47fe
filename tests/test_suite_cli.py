"""``xlmaudit run`` and ``xlmaudit list`` end to end on a tiny offline XLM model."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.runner import SUMMARY_COLUMNS
from xlmaudit.spec import shipped_suites
from xlmaudit.testing import tiny_model_dir

USER_SUITE = """\
name: mine
version: "0.1"
card: {summary: my suite, measures: m, limits: l, references: [r], calibration: none}
lexicons:
  occ: [doctor, nurse, engineer]
probes:
  - id: p
    kind: target_preference
    templates: ["the {occ} said that [MASK] was tired."]
    groups: {female: [she], male: [he]}
"""


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    user = out.parent / "mine.yaml"
    user.write_text(USER_SUITE, encoding="utf-8")
    argv = ["run", "--model", str(tiny_model_dir("xlm")), "--suite", "occupations"]
    argv += ["--suite", str(user), "--out", str(out), "--limit", "3", "--no-cache", "--seed", "5"]
    assert main(argv) == 0
    return out


def test_run_writes_meta(run_dir: Path) -> None:
    meta = json.loads((run_dir / "meta.json").read_text())
    assert meta["model"]["fingerprint"] and meta["dtype"] == "float32" and meta["device"] == "cpu"
    assert meta["model"]["random_weights"] is True  # the tiny model's config carries the marker
    assert "newly_initialized" not in meta["model"]
    assert {"xlmaudit", "torch", "transformers", "pandas", "scipy"} <= set(meta["versions"])
    assert set(meta["suites"]) == {"occupations", "mine"}
    occ = meta["suites"]["occupations"]
    assert len(occ["sha256"]) == 64 and occ["version"] == "1.0" and occ["probes"]["pronoun"]
    assert meta["seed"] == 5 and meta["limit"] == 3
    assert meta["started"] <= meta["finished"] and "--suite" in meta["command"]


def test_run_writes_summary_with_contract_columns(run_dir: Path) -> None:
    summary = pd.read_csv(run_dir / "summary.csv")
    assert list(summary.columns[: len(SUMMARY_COLUMNS)]) == list(SUMMARY_COLUMNS)
    assert set(summary.suite) == {"occupations", "mine"}
    assert {"pronoun", "kurita", "counterfactual"} <= set(summary.probe)
    assert summary.n.min() >= 1


def test_run_writes_raw_per_suite(run_dir: Path) -> None:
    raw = pd.read_parquet(run_dir / "raw" / "occupations.parquet")
    for col in ("item_id", "template_id", "slot.occupation", "candidate", "n_pieces", "logprob"):
        assert col in raw.columns, col
    pronoun = raw[raw.probe == "pronoun"]
    assert pronoun.item_id.nunique() == 3  # --limit 3
    assert len(pronoun) == 3 * 5  # she, her, he, his, him
    assert pronoun.logprob.lt(0).all()
    assert (run_dir / "raw" / "mine.parquet").is_file()


def test_list_shows_every_suite_with_card_line(capsys: pytest.CaptureFixture) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for path in shipped_suites():
        assert path.stem in out
    assert "Gender x occupation" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "[fr]" in lines["crows-pairs-fr"] and "[en]" in lines["occupations"]
    assert "[en,it,fr,es,pt,ro]" in lines["honest"]


def test_unknown_suite_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["run", "--suite", "nope", "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2 and "unknown suite 'nope'" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()
