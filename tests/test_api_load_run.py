"""``xlmaudit.load_run`` reads every run-directory format this and earlier versions wrote
(migrated in one place, ``xlmaudit.runinfo.migrate_meta``), and ``xlmaudit.compare``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import xlmaudit
from xlmaudit import InputError
from xlmaudit.report.provenance import model_kind
from xlmaudit.testing import FakeScorer

ROOT = Path(__file__).resolve().parents[1]
V0 = ROOT / "tests" / "fixtures_runs" / "v0"  # `xlmaudit run` of main at 5a2f00f, before issue 22


def _copy(tmp_path: Path, src: Path = V0) -> Path:
    out = tmp_path / src.name
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("figures", "report.*", "*.md"))
    return out


def _edit_meta(path: Path, edit) -> None:
    meta = json.loads((path / "meta.json").read_text())
    edit(meta)
    (path / "meta.json").write_text(json.dumps(meta))


def test_today_s_format_has_kinds_planted_and_format(tmp_path):
    run = xlmaudit.audit("planted-bilingual", ["occupations"], limit=1, cache_dir=None,
                         languages=["en"], out=tmp_path / "D", report=False)  # fmt: skip
    meta = json.loads((tmp_path / "D" / "meta.json").read_text())
    assert meta["model"]["planted"] is True  # recorded at load, not guessed from the path
    assert meta["format"] == 2
    assert meta["suites"]["occupations"]["kinds"] == [
        "target_preference", "increased_log_prob", "counterfactual_pll",
    ]  # fmt: skip
    assert run.meta.planted_truth and run.meta.model.kind == "planted"


def test_v0_fixture_reads_typed(tmp_path):
    run = xlmaudit.load_run(_copy(tmp_path))
    assert run.meta.model.name == "planted" and run.meta.model.kind == "planted"
    assert run.meta.dtype == "float32" and run.meta.settings.limit == 3
    assert run.meta.languages == ("en",)
    assert run.meta.suites["occupations"].probes["kurita"].kind == "increased_log_prob"
    assert run.meta.probe("occupations", "kurita").main_metric == "ilp_difference"
    assert run.meta["model"]["fingerprint"].startswith("sha256:")  # the JSON object, for tables
    assert set(run.summary["lang"]) == {"en"}
    assert list(run.raw) == ["occupations"] and len(run.raw["occupations"]) > 0
    assert not run.findings().empty
    assert "## Bias, Risks, and Limitations" in run.model_card()


def test_v0_planted_bilingual_written_as_not_planted_is_migrated(tmp_path):
    """Before issue 22, meta.json said planted: false for planted-bilingual; the report only
    knew better from a substring of the path. The migration says planted from name or path."""
    path = _copy(tmp_path)

    def bilingual(meta):
        meta["model"].update(name="planted-bilingual", planted=False,
                             path="/x/xlmaudit/planted/model-bilingual")  # fmt: skip

    _edit_meta(path, bilingual)
    run = xlmaudit.load_run(path)
    assert run.meta.model.planted and model_kind(run.meta) == "planted"

    def renamed(meta):  # a local copy under another name: the path still says it
        meta["model"]["name"] = "./my-copy"

    _edit_meta(path, renamed)
    assert xlmaudit.load_run(path).meta.model.kind == "planted"


def test_a_pretrained_model_is_not_taken_for_planted(tmp_path):
    path = _copy(tmp_path)
    _edit_meta(path, lambda m: m["model"].update(name="xlm-mlm-en-2048", planted=False,
                                                 path="/hub/xlm-mlm-en-2048"))  # fmt: skip
    assert model_kind(xlmaudit.load_run(path).meta) == "pretrained"


def test_older_format_without_lang_kinds_and_with_data_checksums(tmp_path):
    """The oldest shape: no ``lang`` column, probes without kinds, ``data_checksums``."""
    path = _copy(tmp_path)
    summary = pd.read_csv(path / "summary.csv").drop(columns=["lang"])
    summary.to_csv(path / "summary.csv", index=False)

    def old(meta):
        for rec in meta["suites"]["occupations"]["probes"].values():
            rec.pop("kind")
            rec.pop("language")
        meta.pop("data")
        meta["data_checksums"] = {"crows_pairs": "ab" * 32}

    _edit_meta(path, old)
    run = xlmaudit.load_run(path)
    assert set(run.summary["lang"]) == {"en"}  # read as English
    assert run.meta.data == {"crows_pairs": {"sha256": "ab" * 32}}
    assert run.meta.suites["occupations"].kinds == ()
    assert not run.findings().empty


def test_the_committed_example_reports_load(tmp_path):
    for name in ("planted", "planted-bilingual"):
        run = xlmaudit.load_run(ROOT / "reports" / name)
        assert run.meta.model.kind == "planted", name
        assert not run.findings().empty
    bilingual = xlmaudit.load_run(ROOT / "reports" / "planted-bilingual")
    assert bilingual.cross_language is not None
    assert {"en", "fr"} <= set(bilingual.meta.languages)


def test_a_directory_without_meta_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a run directory"):
        xlmaudit.load_run(tmp_path)


def test_write_report_of_a_loaded_run_copies_it(tmp_path):
    run = xlmaudit.load_run(_copy(tmp_path))
    out = run.write_report(tmp_path / "copy")
    assert (out / "report.html").is_file() and (out / "raw" / "occupations.parquet").is_file()
    assert (out / "summary.csv").read_bytes() == (V0 / "summary.csv").read_bytes()


def test_compare_two_runs_in_memory_and_write(tmp_path):
    a = xlmaudit.audit(FakeScorer({"she": -1.0, "he": -2.0}), ["occupations"], limit=3,
                       cache_dir=None)  # fmt: skip
    b = xlmaudit.audit(FakeScorer({"she": -2.0, "he": -1.0}), ["occupations"], limit=3,
                       cache_dir=None)  # fmt: skip
    cmp = xlmaudit.compare(a, b)
    row = cmp.pairwise.query("probe == 'pronoun' and group == 'all'").iloc[0]
    assert row["metric"] == "log_odds" and row["n_shared"] == 3
    assert row["difference"] == pytest.approx(row["value_b"] - row["value_a"])
    assert set(cmp.table["run"]) == set(cmp.runs) and len(cmp.runs) == 2
    assert cmp.figures()
    out = cmp.write(tmp_path / "cmp")
    assert (out / "comparison.csv").is_file() and (out / "comparison.html").is_file()


def test_compare_three_runs_holm_and_one_run_refused(tmp_path):
    runs = [xlmaudit.audit(FakeScorer({"she": -s}), ["occupations"], limit=2, cache_dir=None)
            for s in (1.0, 2.0, 3.0)]  # fmt: skip
    cmp = xlmaudit.compare(*runs)
    assert "p_holm" in cmp.pairwise and cmp.pairwise["pair"].nunique() == 3
    with pytest.raises(InputError, match="at least two runs"):
        xlmaudit.compare(runs[0])
