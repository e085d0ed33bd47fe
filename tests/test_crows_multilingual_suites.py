"""Suites crows-pairs-fr and crows-pairs-en-revised on a FakeScorer over the real shared files.

Expected counts are SOURCE.md's ("Files and counts", "Data-quality problems"); the bias types of
the bad rows are read from the file here with the csv module, not from the loader.
"""

import csv
from pathlib import Path

import pytest
from scipy.stats import binomtest

from xlmaudit.cross_language import FILE, run_tables
from xlmaudit.datasets.crows_multilingual import EN_210, FR_210
from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.rundir import read_run, write_run
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, resolve_suite
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ESTIMATORS = ["nangia2020", "meade2022", "aul", "aula", "word_l2r"]
# SOURCE.md "Files and counts", FR +210 / EN +210 totals per bias type (before exclusions)
FR_COUNTS = {"race-color": 460, "gender": 321, "nationality": 253, "socioeconomic": 196,
             "religion": 115, "sexual-orientation": 91, "age": 90, "physical-appearance": 72,
             "disability": 66, "autre": 13}  # fmt: skip
EN_COUNTS = {"race-color": 508, "gender": 320, "nationality": 216, "socioeconomic": 190,
             "religion": 111, "sexual-orientation": 93, "age": 91, "physical-appearance": 72,
             "disability": 65, "autre": 11}  # fmt: skip
FR_BAD = {60: "59", 130: "129", 374: "379", 383: "388"}  # line -> pair id (SOURCE.md)


def run(name, **ctx_args):
    ctx = RunContext(data_dir=DATA, **ctx_args)
    (result,) = run_suites([load_suite(resolve_suite(name))], FakeScorer({}), ctx=ctx)
    return result, ctx


def file_bias_types(name, lines):
    with (DATA / "crows_pairs_multilingual" / name).open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return {line: rows[line - 1][4] for line in lines}


def test_french_suite_excludes_and_counts_the_known_bad_rows(capsys):
    result, ctx = run("crows-pairs-fr")
    assert sorted(result.raw.probe.unique()) == sorted(ESTIMATORS)
    raw = result.raw[result.raw.probe == "nangia2020"]
    assert len(raw) == 1677 and raw.pair_id.map(type).eq(str).all() and "LA209" in set(raw.pair_id)
    bad = raw[raw.outcome == "excluded"]
    assert dict(zip(bad.source_line, bad.pair_id, strict=True)) == {
        f"{FR_210}:{line}": pid for line, pid in FR_BAD.items()
    }
    assert bad.sent_more_score.isna().all() and bad.excluded.str.len().gt(0).all()
    assert (result.raw.outcome == "excluded").sum() == 4 * 5  # every estimator shows them
    # summary: n excludes them, n_excluded counts them per bias type, direction and overall
    types = file_bias_types(FR_210, FR_BAD)
    s = result.summary[result.summary.probe == "meade2022"].set_index("group")
    for bias, total in FR_COUNTS.items():
        n_bad = sum(t == bias for t in types.values())
        assert (s.loc[bias, "n"] + s.loc[bias, "n_skipped"], s.loc[bias, "n_excluded"]) == (
            total - n_bad,
            n_bad,
        ), bias
    assert s.loc["autre", "n_excluded"] == 0 and s.loc["autre", "level"] == "category"
    assert (s.loc["all", "n"] + s.loc["all", "n_skipped"], s.loc["all", "n_excluded"]) == (1673, 4)
    assert s.loc["stereo", "n_excluded"] == 4 and s.loc["antistereo", "n_excluded"] == 0
    # meta.json data status: each excluded row with file:line, the quote-loss row kept
    status = ctx.data_status["crows-pairs-fr-210"]
    assert status["status"] == "published" and status["n_excluded"] == 4
    assert [e.split(": ")[0] for e in status["excluded"]] == [f"{FR_210}:{n}" for n in FR_BAD]
    assert status["kept_with_note"][0].startswith(f"{FR_210}:100: pair 99")
    err = capsys.readouterr().err
    assert err.count("known bad row(s)") == 1 and "lines 60 (identical), 130 (empty)" in err


def test_items_carry_language_and_dataset_pair_id():
    suite = load_suite(resolve_suite("crows-pairs-fr"))
    probe = suite.probes[0]
    items = get_kind("crows-pairs").build_items(probe, RunContext(data_dir=DATA))
    assert {it.lang for it in items} == {"fr"} and items[-1].pair_id == "LA209"
    assert items[59 - 1].pair_id == "59" and items[59 - 1].excluded.startswith("identical")


def test_english_revised_suite_has_autre_and_nothing_excluded():
    result, ctx = run("crows-pairs-en-revised")
    raw = result.raw[result.raw.probe == "aul"]
    assert len(raw) == 1677 and not (raw.outcome == "excluded").any()
    s = result.summary[result.summary.probe == "aul"].set_index("group")
    for bias, total in EN_COUNTS.items():
        assert (s.loc[bias, "n"], s.loc[bias, "n_excluded"]) == (total, 0), bias
    status = ctx.data_status["crows-pairs-en-revised-210"]
    assert status["n_excluded"] == 0 and status["kept_with_note"][0].startswith(f"{EN_210}:100")


def test_the_english_crows_suite_keeps_its_columns():
    result, _ = run("crows-pairs", limit=3)
    assert "excluded" not in result.raw and result.summary.n_excluded.isna().all()
    assert result.raw.pair_id.map(type).eq(int).all()


@pytest.mark.parametrize("limit", [58])  # file lines 2-59: before the first bad row
def test_both_suites_write_cross_language_csv(tmp_path, limit):
    suites = [load_suite(resolve_suite(s)) for s in ("crows-pairs-fr", "crows-pairs-en-revised")]
    ctx = RunContext(data_dir=DATA, limit=limit)
    results = run_suites(suites, FakeScorer({}), ctx=ctx)
    tables, record = run_tables({r.suite.name: r.raw for r in results})
    assert list(tables) == [FILE] and record["languages"] == [["fr", "en"]]
    meta = {"suites": {r.suite.name: {} for r in results}, "cross_language": record}
    out = write_run(tmp_path / "run", results, meta, tables=tables)
    frame = (out / FILE).read_text().splitlines()
    assert frame[0].startswith("estimator,bias_type,lang_a,lang_b,n_pairs,share_a,share_b")
    assert read_run(out).meta["cross_language"]["file"] == FILE
    assert results[0].meta["probes"]["aul"]["dataset"] == "crows-pairs-fr-210"
    cross = tables[FILE]
    overall = cross[cross.bias_type == "all"].set_index("estimator")
    # the first ids are shared by both files and none is a bad row
    assert sorted(overall.index) == sorted(ESTIMATORS)
    assert (overall.drop(index="meade2022").n_pairs == limit).all()
    # meade2022 skips a pair with no modified token on one side (NaN): compared where both scored
    scored = [set(r.raw.pair_id[(r.raw.probe == "meade2022") & r.raw.sent_more_score.notna()])
              for r in results]  # fmt: skip
    assert overall.loc["meade2022", "n_pairs"] == len(scored[0] & scored[1]) < limit
    # the fake scorer gives every piece -5, so every pair ties except under aula: uniform
    # attention 1/L over the L tokens makes a sentence's score -5/L, and the longer sentence
    # (more words: one piece per word) wins; count that on the files' first rows (5 and 5 pairs
    # win, 4 discordant each way)
    ties = overall.drop(index="aula")
    assert (ties.difference == 0).all() and (ties.discordant_ab + ties.discordant_ba == 0).all()
    fr, en = (longer_more(name, limit) for name in (FR_210, EN_210))
    row = overall.loc["aula"]
    assert (row.share_a, row.share_b) == (sum(fr) / limit, sum(en) / limit)
    assert row.discordant_ab == sum(a and not b for a, b in zip(fr, en, strict=True))
    assert row.discordant_ba == sum(b and not a for a, b in zip(fr, en, strict=True))
    n = row.discordant_ab + row.discordant_ba
    assert row.p_value == pytest.approx(binomtest(int(row.discordant_ba), int(n)).pvalue)


def longer_more(name, limit):
    """Per pair of the file's first ``limit`` rows: sent_more has more words than sent_less."""
    with (DATA / "crows_pairs_multilingual" / name).open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1 : limit + 1]
    return [len(r[1].split()) > len(r[2].split()) for r in rows]


def test_a_file_in_another_language_than_the_probe_is_an_error(tmp_path):
    suite = tmp_path / "wrong.yaml"
    suite.write_text(
        "name: wrong\nversion: '1'\nlanguage: fr\ncard: {summary: s, measures: m, limits: l,"
        " references: [r], calibration: c}\nprobes:\n  - {id: aul, kind: crows-pairs,"
        " estimator: aul, dataset: crows-pairs-en-revised-210}\n"
    )
    with pytest.raises(
        InputError, match=r"wrong.yaml:\d+.*crows_pairs_EN_revised\+210.csv is 'en'"
    ):
        run_suites([load_suite(suite)], FakeScorer({}), ctx=RunContext(data_dir=DATA))
