"""The id-aligned CrowS-Pairs suites of issue 25 (crows-pairs-nl, -sjsd, -ja, -ru) through the
CLI: skipped with a note where the model has no such language, per-language rows where it has,
on the planted bilingual model and tiny random multilingual checkpoints (--limit: mechanics
only, the scores mean nothing)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.testing.checkpoints import lang2id

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
COMMON = ["--data-dir", str(DATA), "--no-cache", "--seed", "0"]
PACK = ("crows-pairs-sjsd", "crows-pairs-ja", "crows-pairs-ru", "crows-pairs-nl")
SUITE_LANGS = {
    "crows-pairs-sjsd": {"ar", "de", "en", "fi", "fr", "id", "ko", "th", "vi", "zh"},
    "crows-pairs-ja": {"ja"},
    "crows-pairs-ru": {"ru"},
    "crows-pairs-nl": {"nl"},
}
# XLM pre-tokenises these with a package of its own (not a dependency of xlmaudit)
SEGMENTER = {"zh": "rjieba", "ja": "Mykytea", "th": "pythainlp"}


def _suites(*names: str) -> list[str]:
    return [a for n in names for a in ("--suite", n)]


def _summary(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "summary.csv", keep_default_na=False, na_values=[""])


@pytest.mark.slow
def test_dutch_is_skipped_with_a_note_beside_the_bilingual_suites(tmp_path, capsys):
    out = tmp_path / "run"
    suites = _suites("crows-pairs-fr", "crows-pairs-en-revised", "crows-pairs-nl")
    args = ["run", "--model", "planted-bilingual", *suites, *COMMON, "--limit", "3"]
    assert main([*args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert (
        "note: suite crows-pairs-nl: skipping the probes in nl (not languages of the model)" in err
    )
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["skipped_suites"] == {"crows-pairs-nl": ["nl"]}
    assert set(_summary(out).suite) == {"crows-pairs-fr", "crows-pairs-en-revised"}
    assert "crows-pairs-nl" not in meta["data"]  # nothing of it was read


@pytest.fixture(scope="module")
def xlm17_run(tmp_path_factory) -> tuple[Path, set[str]]:
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like

    root = tmp_path_factory.mktemp("pack")
    model = make_tiny_xlm_like(root / "xlm17", "xlm-mlm-17-1280", positions=512)
    known = set(lang2id("xlm-mlm-17-1280"))
    usable = {g for g in known if importlib.util.find_spec(SEGMENTER.get(g, "json")) is not None}
    wanted = sorted(usable & set().union(*SUITE_LANGS.values()))
    out = root / "run"
    args = ["run", "--model", str(model), *_suites(*PACK), *COMMON, "--limit", "5"]
    assert main([*args, "--languages", ",".join(wanted), "--out", str(out)]) == 0
    return out, set(wanted)


@pytest.mark.slow
def test_every_known_language_gets_rows_on_a_17_language_xlm(xlm17_run):
    out, wanted = xlm17_run
    assert {"ar", "de", "en", "fr", "ko", "vi", "nl", "ru"} <= wanted
    summary = _summary(out)
    overall = summary[summary.group == "all"]
    got = set(zip(overall.suite, overall.lang, strict=True))
    assert got == {(s, g) for s, langs in SUITE_LANGS.items() for g in langs & wanted}
    nangia = overall[overall.probe.str.startswith("nangia2020")]
    assert (nangia.n == 5).all() and len(nangia) == len(got)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    skipped = set(meta["suites"]["crows-pairs-sjsd"]["skipped_languages"])
    assert {"fi", "id", "th"} <= skipped and not skipped & wanted  # xlm-17 has no fi, id, th


@pytest.mark.slow
def test_the_languages_are_compared_n_way_on_shared_ids(xlm17_run):
    """cross_language.csv (issue 25 item 3) pairs every two languages the run measured on the
    ids both scored; at --limit 5 every pair shares 5 ids, under the 30 needed for a test, so
    each pair gets one row saying so and no p-value."""
    from itertools import combinations

    out, wanted = xlm17_run
    cross = pd.read_csv(out / "cross_language.csv", keep_default_na=False, na_values=[""])
    measured = set(_summary(out).lang)
    pairs = {frozenset(p) for p in zip(cross.lang_a, cross.lang_b, strict=True)}
    assert pairs == {frozenset(p) for p in combinations(sorted(measured), 2)}
    assert len(measured) >= 8 and (cross.n_pairs <= 5).all()
    assert cross.p_value.isna().all() and cross.direction.eq("too few shared ids").all()


@pytest.mark.slow
def test_pairs_keep_their_original_ids_across_languages(xlm17_run):
    out, _ = xlm17_run
    sjsd = pd.read_parquet(out / "raw" / "crows-pairs-sjsd.parquet")
    ids = sjsd[sjsd.estimator == "nangia2020"].groupby("probe").pair_id.apply(list)
    assert all(v == ["2", "9", "22", "26", "27"] for v in ids)  # the S_JSD file's first ids
    ru = pd.read_parquet(out / "raw" / "crows-pairs-ru.parquet")
    assert list(ru[ru.estimator == "aul"].pair_id) == ["2", "9", "15", "22", "26"]  # gender rows
    assert "@-@" not in "".join(ru.sent_more) and " ," not in "".join(ru.sent_more)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    nl = meta["data"]["crows-pairs-nl"]
    assert (nl["n_excluded"], nl["n_direction_from_original"]) == (2, 313)
    assert [e.split(": ")[0] for e in nl["excluded"]] == [
        "crows_dutch.csv:255",
        "crows_dutch.csv:1452",
    ]
    assert meta["data"]["crows-pairs"]["status"] == "published"  # read for the directions
    assert "MosesDetokenizer" in meta["data"]["crows-pairs-ru"]["text"]


@pytest.mark.slow
def test_chinese_japanese_thai_run_on_a_sentencepiece_model(tmp_path):
    """XLM needs rjieba / Mykytea / pythainlp for zh / ja / th; XLM-R pre-tokenises nothing."""
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlmr

    model = make_tiny_xlmr(tmp_path / "xlmr")
    out = tmp_path / "run"
    args = ["run", "--model", str(model), *_suites("crows-pairs-ja", "crows-pairs-sjsd"), *COMMON]
    assert main([*args, "--limit", "5", "--languages", "ja,zh,th", "--out", str(out)]) == 0
    overall = _summary(out).query("group == 'all'")
    assert set(zip(overall.suite, overall.lang, strict=True)) == {
        ("crows-pairs-ja", "ja"),
        ("crows-pairs-sjsd", "zh"),
        ("crows-pairs-sjsd", "th"),
    }
    ja = pd.read_parquet(out / "raw" / "crows-pairs-ja.parquet")
    assert list(ja[ja.estimator == "aul"].pair_id) == ["2", "9", "15", "22", "26"]


def test_the_data_list_pins_every_pack_file():
    from xlmaudit.datasets.fetch import file_digests
    from xlmaudit.datasets.sources import SOURCES
    from xlmaudit.probes.crows_pack import PACK

    assert len(PACK) == 1 + 10 + 2
    for name in PACK:
        source = SOURCES[name]
        path = DATA / source.relpath
        assert file_digests(path) == {"sha256": source.sha256, "git_blob": source.git_blob}, name
        assert path.stat().st_size == source.n_bytes
    # SOURCE.md's sha256 of the converted Dutch file and of russian.json
    assert SOURCES["crows-pairs-nl"].sha256.startswith("73796f9a3a5f")
    assert SOURCES["crows-pairs-ru"].sha256.startswith("1868e02a6088")
