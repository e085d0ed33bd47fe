"""CI: the gender x occupation and BEC-Pro suites from the command line on the planted model.

Runs ``xlmaudit run --model planted --suite gender-occupation-fr --suite gender-occupation-de
--suite gender-occupation-es --suite bec-pro-en --suite bec-pro-de --limit 4``: each suite loads
its real data, records its language and data checksums, writes the report, and pairs its items
with itself through ``xlmaudit compare`` (the kinds' ``paired_values``). The planted model is
English-only: its numbers here are plumbing, not findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SUITES = {"gender-occupation-fr": "fr", "gender-occupation-de": "de",
          "gender-occupation-es": "es", "bec-pro-en": "en", "bec-pro-de": "de"}  # fmt: skip


@pytest.mark.slow
def test_suites_run_report_and_compare(tmp_path):
    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--data-dir", str(DATA), "--limit", "4"]
    argv += [a for s in SUITES for a in ("--suite", s)] + ["--out", str(out)]
    assert main(argv) == 0
    meta = json.loads((out / "meta.json").read_text())
    for suite, lang in SUITES.items():
        assert meta["suites"][suite]["languages"] == [lang]
        (probe,) = meta["suites"][suite]["probes"].values()
        assert probe["kind"] in ("occupation_form", "bec_pro") and probe["language"] == lang
    assert {"zhao2020-es-gender-pairs", "bec-pro-de"} <= set(meta["data"])
    summary = pd.read_csv(out / "summary.csv")
    main_rows = summary[summary.metric.isin(["association", "association_gap"])
                        & summary.group.eq("all")]  # fmt: skip
    assert set(main_rows.suite) == set(SUITES)
    assert dict(zip(main_rows.suite, main_rows.lang, strict=True)) == SUITES
    report = (out / "report.md").read_text()
    assert "## Suite: bec-pro-de" in report and "## Suite: gender-occupation-es" in report
    cmp = tmp_path / "cmp"
    assert main(["compare", str(out), str(out), "--out", str(cmp)]) == 0
    rows = pd.read_csv(next(cmp.glob("*.csv")))
    paired = rows[rows.group.eq("all")].set_index("suite")
    assert set(paired.index) == set(SUITES)
    assert (paired.difference == 0).all()
