"""The weathub suite on a tiny random copy of xlm-mlm-17-1280 (issue 25, --limit): per-language
rows for every WEATHub language the checkpoint knows, both poolings, the others skipped with a
note; the dropped examples visible in raw, summary and meta.json."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.suites import load_suite, resolve_suite
from xlmaudit.testing.checkpoints import XLM_CHECKPOINTS

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# XLM's pre-tokenisers of these languages need a package (xlmaudit.inference.tokens.xlm_ids)
SEGMENTERS = {"ja": "Mykytea", "zh": "rjieba", "th": "pythainlp"}
# the tiny model's vocabulary is Latin letters: words in other scripts are <unk> only, so those
# languages run but every test loses its sets (raw rows, excluded) and gets no d
LATIN = {"de", "en", "es", "fr", "it", "tr", "vi"}
INDIA = {"bn", "en", "hi", "mr", "pa", "te", "ur"}  # the languages with an _india folder


def _runnable(langs: set[str]) -> list[str]:
    return sorted(g for g in langs if importlib.util.find_spec(SEGMENTERS.get(g, "json")))


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, list[str], str]:
    if not (DATA / "weathub").is_dir():
        pytest.skip("../shared/data/weathub not present")
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like

    root = tmp_path_factory.mktemp("weathub")
    model = make_tiny_xlm_like(root / "xlm17", "xlm-mlm-17-1280")
    suite = set(load_suite(resolve_suite("weathub")).languages)
    known = suite & set(XLM_CHECKPOINTS["xlm-mlm-17-1280"]["languages"])
    langs = _runnable(known)
    out = root / "run"
    argv = ["run", "--model", str(model), "--suite", "weathub", "--limit", "2", "--data-dir",
            str(DATA), "--no-cache", "--seed", "0", "--out", str(out)]  # fmt: skip
    if langs != sorted(known):  # a segmenter is missing here: run the languages it can
        argv += ["--languages", ",".join(langs)]
    assert main(argv) == 0
    return out, langs, ",".join(sorted(suite - known))


def test_every_known_language_has_rows_for_both_poolings(run):
    out, langs, _ = run
    assert {"ar", "de", "en", "fr", "ru"} <= set(langs)
    summary = pd.read_csv(out / "summary.csv")
    raw = pd.read_parquet(out / "raw" / "weathub.parquet")
    tests = summary[(summary.suite == "weathub") & (summary.metric == "effect_size")]
    assert sorted(tests.lang.unique()) == sorted(LATIN & set(langs))
    for g in langs:
        mine, words = tests[tests.lang == g], raw[raw.lang == g]
        assert set(words.probe) == {f"{g}-mean", f"{g}-first"}
        if g not in LATIN:  # every word is <unk> only on the tiny model: excluded, no d
            assert mine.empty and words.excluded.ne("").all(), g
            continue
        assert set(mine.probe) == {f"{g}-mean", f"{g}-first"}
        n_tests = 24 if g in INDIA else 13  # human 6 + new 7 (+ india 11)
        assert (mine.groupby("probe").size() == n_tests).all(), g
        assert mine.value.notna().all() and (mine.n <= 4).all(), g  # 2 + 2 words (--limit 2)
    means = summary[(summary.metric == "mean_abs_effect_size") & (summary.lang == "en")]
    assert set(means.group) == {"human", "new", "india", "overall"}
    assert (out / "report.md").is_file()


def test_unknown_languages_are_skipped_with_a_note_and_drops_are_recorded(run):
    out, _, unknown = run
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    skipped = meta["suites"]["weathub"]["skipped_languages"]
    assert set(unknown.split(",")) <= set(skipped)  # bn, ckb, da, el, fa, ... (not in XLM-17)
    de = meta["data"]["weathub-de_human-weat6"]
    assert de["status"] == "published" and de["n_excluded"] == 1
    assert de["excluded"] == [
        "de_human/weat6.json:50: attr2 'Hochzeit': repeats line 49 of the same set"
    ]
    raw = pd.read_parquet(out / "raw" / "weathub.parquet")
    de_raw = raw[(raw.probe == "de-mean") & (raw.test == "human-weat6")]
    assert (
        de_raw.set_index("source_line")
        .loc["de_human/weat6.json:50", "excluded"]
        .startswith("repeats line 49")
    )
    assert de_raw[de_raw.excluded == ""].association.notna().sum() == 4  # X and Y, 2 each
