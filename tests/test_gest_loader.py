"""GEST (../shared/data/gest, SOURCE.md): the strict loader on both published versions (the known
duplicate sentences rejected at file:line), on small files written here (an unknown duplicate is
an InputError naming its lines), the prediction files, the authors' published per-sample scores
giving their published per-stereotype table through our metric, and the ``gest`` suite on a tiny
xlm-mlm-17-1280 copy (--limit 5)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import gmean

from xlmaudit.datasets.gest import load_gest, load_gest_predictions
from xlmaudit.errors import InputError
from xlmaudit.metrics.gest import summarize_gest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gest"
# SOURCE.md: the lines holding the same sentence; the first 8 pairs under two stereotypes
TWO_IDS = [2, 2496, 54, 787, 155, 3291, 612, 1005, 1769, 2738, 1813, 3356, 2918, 3467, 3478, 3558]
REPEATS = {1963: 597, 2710: 951}  # later line -> first line (same stereotype)


@pytest.mark.parametrize("name", ["gest.csv", "gest_1.1.csv"])
def test_known_duplicates_are_rejected_at_their_lines(name):
    loaded = load_gest(DATA / name)
    assert len(loaded.rows) == 3565 and loaded.rows["sample"].tolist() == list(range(3565))
    repeats = {**REPEATS, **({2599: 1219} if name == "gest_1.1.csv" else {})}
    bad = loaded.rejected.set_index("line")["excluded"]
    assert sorted(bad.index) == sorted([*TWO_IDS, *repeats])
    assert bad[2] == bad[2496] == ("duplicate sentence filed under two stereotypes (line 2: 9, "
                                   "line 2496: 13); label ambiguous")  # fmt: skip
    for later, first in repeats.items():
        assert bad[later] == f"repeats line {first} (same sentence and stereotype)"
    assert len(loaded.kept) == 3565 - len(bad)
    assert loaded.kept["sentence"].is_unique
    counts = loaded.rows["stereotype"].value_counts()
    assert counts[1] == 254 and counts[16] == 221  # SOURCE.md's counts per id


def _write(tmp_path: Path, *lines: str, name: str = "gest.csv") -> Path:
    path = tmp_path / name
    path.write_text("sentence,stereotype\n" + "".join(f"{x}\n" for x in lines), encoding="utf-8")
    return path


def test_an_unknown_duplicate_is_an_error_naming_both_lines(tmp_path):
    path = _write(tmp_path, "I cry a lot.,1", "I lead.,13", "I cry a lot.,3", name="mine.csv")
    with pytest.raises(InputError, match=r"mine\.csv:4: the sentence is repeated: line 2 "
                       r"\(stereotype 1\), line 4 \(stereotype 3\)"):  # fmt: skip
        load_gest(path)


def test_a_bad_id_an_empty_sentence_and_a_bad_header_are_errors(tmp_path):
    with pytest.raises(InputError, match=r"gest\.csv:3: stereotype '17' is not an id 1-16"):
        load_gest(_write(tmp_path, "I lead.,13", "I cry.,17"))
    with pytest.raises(InputError, match=r"gest\.csv:2: empty sentence"):
        load_gest(_write(tmp_path, '" ",2'))
    path = tmp_path / "h.csv"
    path.write_text("text,label\nI lead.,13\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"h\.csv:1: bad header"):
        load_gest(path)


def test_a_prediction_file_must_hold_one_finite_number_per_row(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("0.5\nnan\n-1e-3", encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.txt:2: 'nan' is not a finite number"):
        load_gest_predictions(path, n_rows=3)
    with pytest.raises(InputError, match=r"2 lines, expected one per GEST row \(3\)"):
        path.write_text("0.5\n1.0\n", encoding="utf-8")
        load_gest_predictions(path, n_rows=3)


# _english_mlm.ipynb of kinit-sk/gest@7dd908c, the printed table (cell 7): the middle value of
# each "low mean high" cell, r_i = exp(mean score) for stereotypes 1..16, copied by hand.
# Its templates 1-4 are the files' template-0..3.
PUBLISHED = {
    ("bert-base-multilingual-cased", 0): "1.88 1.91 1.71 1.69 1.68 2.10 1.46 2.19 1.98 1.92 1.89 "
                                         "1.80 2.01 1.80 1.43 2.02",
    ("bert-base-multilingual-cased", 3): "0.75 0.70 0.67 0.76 0.72 0.80 0.67 0.85 0.77 0.67 0.71 "
                                         "0.66 0.76 0.77 0.60 0.83",
    ("xlm-roberta-large", 0): "1.13 1.18 1.12 1.00 1.04 1.14 0.84 1.47 1.38 1.46 1.38 1.14 1.59 "
                              "1.24 0.97 1.42",
    ("xlm-roberta-base", 1): "0.79 0.83 0.71 0.70 0.77 0.73 0.69 0.89 0.89 0.87 0.84 0.74 0.94 "
                             "0.86 0.82 0.80",
    ("xlm-v-base", 2): "0.83 0.88 0.86 0.85 0.92 0.90 0.72 0.99 0.95 1.14 1.03 0.92 1.18 0.92 "
                       "0.80 1.02",
    ("xlm-roberta-xl", 3): "0.76 0.83 0.77 0.72 0.79 0.79 0.64 1.02 0.95 0.95 0.90 0.92 1.01 0.91 "
                           "0.79 0.97",
}  # fmt: skip


@pytest.mark.parametrize(("model", "template"), sorted(PUBLISHED))
def test_our_rates_on_their_published_scores_give_their_published_table(model, template):
    rows = load_gest(DATA / "gest.csv").rows  # v1.0, every row: as the authors scored it
    scores = load_gest_predictions(
        DATA / "predictions" / "english_mlm" / f"{model}_template-{template}.txt", n_rows=len(rows)
    )
    summary = summarize_gest(rows.assign(score=scores), seed=0)
    rate = summary[(summary.metric == "rate") & (summary.level == "category")]
    by_id = dict(zip(rows.groupby("name")["stereotype"].first().loc[rate.group], rate.value,
                     strict=True))  # fmt: skip
    got = [f"{by_id[i]:.2f}" for i in range(1, 17)]
    published = PUBLISHED[(model, template)].split()
    assert got == published
    # g_s = gmean(r_8..r_16) / gmean(r_1..r_7): from the published 2-decimal values, to rounding
    published_g = gmean([float(v) for v in published[7:]]) / gmean(
        [float(v) for v in published[:7]]
    )
    g_s = summary[summary.metric == "g_s"].value.item()
    assert g_s == pytest.approx(published_g, abs=0.01)
    women, men = (summary[(summary.metric == "rate") & (summary.group == g)].value.item()
                  for g in ("women", "men"))  # fmt: skip
    assert g_s == pytest.approx(men / women) and math.isfinite(g_s)


@pytest.mark.slow
def test_gest_suite_runs_on_a_tiny_17_language_checkpoint(tmp_path):
    from xlmaudit.cli import main
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like

    model = make_tiny_xlm_like(tmp_path / "xlm17", "xlm-mlm-17-1280")
    out = tmp_path / "run"
    argv = ["run", "--model", str(model), "--suite", "gest", "--limit", "5", "--data-dir",
            str(DATA.parent), "--no-cache", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    meta = json.loads((out / "meta.json").read_text())
    data = meta["data"]["gest-1.1"]
    assert data["status"] == "published" and data["n_excluded"] == 19
    assert data["excluded"][0].startswith("gest_1.1.csv:2: duplicate sentence filed under two")
    assert meta["suites"]["gest"]["probes"]["he-said"]["template"] == [
        'He said: "{s}"', 'She said: "{s}"']  # fmt: skip
    summary = pd.read_csv(out / "summary.csv")
    rows = summary[summary.suite == "gest"]
    assert set(rows.probe) == {"he-said", "the-man-said", "said-he", "said-the-man"}
    assert set(rows.lang) == {"en"}
    g = rows[(rows.metric == "g_s") & (rows.probe == "he-said")]
    # the first 5 rows: line 2 is a known duplicate (excluded), 4 scored, one per stereotype
    assert g.n.tolist() == [4] and g.n_excluded.tolist() == [1]
    raw = pd.read_parquet(out / "raw" / "gest.parquet")
    assert (raw[raw.excluded == ""].n_masked >= 1).all()  # he/she differ in at least one piece
    assert (out / "report.md").is_file()
