"""`xlmaudit run --suite crows-pairs-fr --suite crows-pairs-en-revised` on a tiny bilingual XLM
writes cross_language.csv, listed in meta.json (random weights: the numbers mean nothing; the
test checks the plumbing: languages, shared pair ids, the paired counts against the raw frames)."""

import json
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.cross_language import COLUMNS, FILE
from xlmaudit.testing.tiny import make_tiny_xlm

pytestmark = pytest.mark.slow  # builds a tiny model and scores 2 x 5 x 20 pairs

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def test_run_both_languages_writes_cross_language(tmp_path):
    # n_langs=2: lang2id {en: 0, fr: 1}; the character-level tiny tokenizer splits the first
    # French pair into 139 pieces, hence the longer positions
    model = make_tiny_xlm(tmp_path / "xlm", n_langs=2, max_positions=256)
    out = tmp_path / "run"
    argv = ["run", "--model", str(model), "--suite", "crows-pairs-fr", "--suite",
            "crows-pairs-en-revised", "--limit", "20", "--data-dir", str(DATA), "--out",
            str(out), "--no-cache"]  # fmt: skip
    assert main(argv) == 0
    meta = json.loads((out / "meta.json").read_text())
    assert meta["cross_language"]["file"] == FILE and meta["cross_language"]["languages"] == [
        ["fr", "en"]
    ]
    assert meta["suites"]["crows-pairs-fr"]["languages"] == ["fr"]
    assert meta["data"]["crows-pairs-fr-210"]["n_excluded"] == 4
    cross = pd.read_csv(out / FILE, keep_default_na=False, na_values=[""])
    assert list(cross.columns) == list(COLUMNS)
    fr = pd.read_parquet(out / "raw" / "crows-pairs-fr.parquet")
    en = pd.read_parquet(out / "raw" / "crows-pairs-en-revised.parquet")
    assert set(fr.lang) == {"fr"} and set(en.lang) == {"en"}
    assert list(fr.pair_id[fr.probe == "aul"]) == list(en.pair_id[en.probe == "aul"])
    # every overall row recounted from the two raw frames
    for row in cross[cross.bias_type == "all"].itertuples():
        a, b = (r[r.estimator == row.estimator].set_index("pair_id") for r in (fr, en))
        both = a.sent_more_score.notna() & b.sent_more_score.notna()
        da = (a.sent_more_score > a.sent_less_score)[both]
        db = (b.sent_more_score > b.sent_less_score)[both]
        assert row.n_pairs == both.sum() and row.share_a == pytest.approx(da.mean())
        assert (row.discordant_ab, row.discordant_ba) == ((da & ~db).sum(), (db & ~da).sum())
    assert sorted(cross.estimator.unique()) == sorted(fr.estimator.unique())
