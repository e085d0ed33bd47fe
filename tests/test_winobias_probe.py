"""The winobias kind through the runner with a fake scorer: requests, raw rows, summary rows."""

from pathlib import Path

import pytest

from xlmaudit.paired import compare_probe
from xlmaudit.probes import RunContext, probe_record
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
LEXICON = Path(__file__).resolve().parents[1] / "probes" / "lexicons" / "occupations.yaml"

SUITE = """
name: wb-test
version: "1"
card: {{summary: s, measures: m, limits: l, references: [r], calibration: c}}
lexicons:
  occupations: {lexicon}
probes:
  - {{id: cloze, kind: winobias, variant: cloze, types: [1], splits: [dev],
     labour_lexicon: occupations}}
  - {{id: pll, kind: winobias, variant: pll, types: [1], splits: [dev], estimator: original}}
"""


def run(tmp_path, scorer, limit=3):
    path = tmp_path / "wb.yaml"
    path.write_text(SUITE.format(lexicon=LEXICON))
    ctx = RunContext(data_dir=DATA, limit=limit)
    (result,) = run_suites([load_suite(path)], scorer, ctx=ctx)
    return result, ctx


def test_cloze_and_pll_rows_by_hand(tmp_path):
    # pronoun scores at the mask: he -1, she -3, his -2, her -2.5, him -4; every other piece -5
    table = {"he": -1.0, "she": -3.0, "his": -2.0, "her": -2.5, "him": -4.0, "argued": -0.5}
    result, ctx = run(tmp_path, FakeScorer(table, default=-5.0))
    raw = result.raw
    cloze = raw[raw.probe == "cloze"].set_index("line")
    # line 1: "[The developer] argued with the designer because [he] ...": male, he vs she
    first = cloze.loc[1]
    assert (first.occupation, first.stereo_gender) == ("developer", "male")
    assert first.log_odds == pytest.approx(-1.0 - (-3.0))  # 2.0
    assert first.female_score == pytest.approx(-2.0)
    assert first.prefers_stereotypical
    # line 2: "... [the designer] because [her] idea ...": female, her vs his: -2.5 - (-2) = -0.5
    second = cloze.loc[2]
    assert (second.stereo_gender, second.pro_pronoun, second.anti_pronoun) == (
        "female",
        "her",
        "his",
    )
    assert second.log_odds == pytest.approx(-0.5) and not second.prefers_stereotypical
    pll = raw[raw.probe == "pll"].set_index("line")
    # the pronoun is not scored: both sentences score 12 identical context words -> equal PLLs
    row = pll.loc[1]
    assert row.n_scored_pro == row.n_scored_anti == 12
    assert row.pll_pro == pytest.approx(11 * -5.0 - 0.5) and row.pll_difference == 0.0
    assert not row.prefers_stereotypical  # a tie is not a preference
    assert set(ctx.data_checksums) == {
        "winobias (male_occupations.txt)",
        "winobias (female_occupations.txt)",
        "winobias (pro_stereotyped_type1.txt.dev)",
        "winobias (anti_stereotyped_type1.txt.dev)",
    }
    s = result.summary
    share = s[(s.probe == "cloze") & (s.group == "all") & (s.metric == "pct_stereotypical")]
    # lines 1..3 = developer (he, 2.0), designer (her, -0.5), mechanic (he, 2.0): 2 of 3
    assert share.value.iloc[0] == pytest.approx(200 / 3) and share.n.iloc[0] == 3
    assert set(s[s.probe == "cloze"].group) >= {"all", "type1", "bls"}
    assert "bls" not in set(s[s.probe == "pll"].group)  # no labour_lexicon on that probe


def test_multi_piece_pronoun_cannot_decide_pll(tmp_path):
    # "she" in two pieces: the cloze compares a 2-piece word (flagged mixed_pieces); the PLL
    # variant skips every piece of the pronoun word, so both sentences score the same pieces
    scorer = FakeScorer({"s": -0.1, "he": -0.1}, default=-5.0, split={"she": ("s", "he")})
    result, _ = run(tmp_path, scorer, limit=1)
    raw = result.raw.set_index("probe")
    assert raw.loc["cloze"].mixed_pieces
    assert raw.loc["pll"].n_scored_pro == raw.loc["pll"].n_scored_anti == 12
    assert raw.loc["pll"].pll_difference == 0.0


def test_unusable_pairs_are_kept_and_counted(tmp_path):
    # type1 dev line 27: a second pronoun ("[his] hair") outside the mask -> no cloze item
    result, _ = run(tmp_path, FakeScorer({}, default=-5.0), limit=27)
    raw = result.raw
    bad = raw[(raw.probe == "cloze") & (raw.line == 27)].iloc[0]
    assert not bad.usable and "masked texts differ" in bad.problem
    assert raw[(raw.probe == "pll") & (raw.line == 27)].iloc[0].usable
    s = result.summary
    assert set(s[s.probe == "cloze"].n_excluded) == {1}
    assert set(s[s.probe == "pll"].n_excluded) == {0}


def test_compare_pairs_winobias_items(tmp_path):
    # run B raises log P(she) from -3 to -1.5: line 1 (developer, he vs she) goes from
    # log_odds 2.0 to 0.5, line 3 (mechanic) likewise; line 2 (her vs his) stays -0.5
    table = {"he": -1.0, "she": -3.0, "his": -2.0, "her": -2.5, "him": -4.0}
    a, _ = run(tmp_path, FakeScorer(table))
    b, _ = run(tmp_path, FakeScorer({**table, "she": -1.5}))
    # through the kind each run records for the probe (meta.json), not the raw columns
    records = tuple(probe_record({"suites": {"wb-test": r.meta}}, "wb-test", "cloze")
                    for r in (a, b))  # fmt: skip
    assert records[0].kind.name == "winobias" and records[0].main_metric == "pct_stereotypical"
    rows = compare_probe(a.raw[a.raw.probe == "cloze"], b.raw[b.raw.probe == "cloze"], records)
    (row,) = rows
    assert row["metric"] == "log_odds" and row["n_shared"] == 3
    assert row["value_a"] == pytest.approx((2.0 - 0.5 + 2.0) / 3)
    assert row["difference"] == pytest.approx(-3.0 / 3)


def test_declared_docs_and_direction_words():
    from xlmaudit.probes import get_kind
    from xlmaudit.report.findings import direction_words

    kind = get_kind("winobias")
    assert (kind.main_metric, kind.pairing) == ("pct_stereotypical", "score")
    pct = kind.doc("pct_stereotypical")
    assert pct.reference == 50.0
    assert kind.contrast_words("mean_log_odds") == "stereotypical - anti-stereotypical"
    # 3 of 4 pairs stereotypical: 75% (exact interval [19.4, 99.4]; half-width 40 -> no decimals)
    assert direction_words(pct, 75.0, 19.4, 99.4) == (
        "the model prefers the stereotypical pronoun in 75% [19, 99] of pairs; the "
        "interval includes no preference"
    )
    lo = kind.doc("mean_log_odds")
    assert direction_words(lo, -0.5, -0.9, -0.1) == (
        "the model prefers the anti-stereotypical over the stereotypical pronoun by 0.50 nats "
        "[0.10, 0.90]"
    )
    assert kind.doc("spearman_female_score_vs_women_share").reference == 0.0
