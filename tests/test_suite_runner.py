"""Runner and template probe kinds with the fake scorer: pooling, dedupe, hand-derived scores."""

from __future__ import annotations

import dataclasses
import math
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext
from xlmaudit.requests import MaskedWordRequest, PLLRequest
from xlmaudit.rundir import read_run, write_run
from xlmaudit.runner import SUMMARY_COLUMNS, run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing.fake import FakeScorer

CARD = """\
version: "1"
card: {summary: s, measures: m, limits: l, references: [r], calibration: c}
lexicons:
  occ:
    attributes: [share, cat]
    entries:
      - {term: nurse, share: 90, cat: x}
      - {term: pilot, share: 10, cat: y}
"""


def suite(tmp_path: Path, name: str, probes: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"name: {name}\n" + CARD + "probes:\n" + textwrap.dedent(probes), "utf-8")
    return path


PREF = """\
  - id: pref
    kind: target_preference
    templates:
      - {id: a, text: "the {occ} said [MASK] was late."}
      - {id: b, text: "[MASK] met the {occ}."}
    groups: {female: [she, her], male: [he]}
    correlate: share
    by: cat
"""


class CountingScorer(FakeScorer):
    """FakeScorer that also counts ``score`` calls."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.score_calls = 0

    def score(self, requests):
        self.score_calls += 1
        return super().score(requests)


def test_pooling_scores_shared_requests_once(tmp_path: Path) -> None:
    # Two suites with the same probe: 4 items x 1 request each, identical across suites.
    s1 = load_suite(suite(tmp_path, "one", PREF))
    s2 = load_suite(suite(tmp_path, "two", PREF))
    scorer = CountingScorer({"she": -1.0, "he": -2.0})
    results = run_suites([s1, s2], scorer)
    assert scorer.score_calls == 1
    assert len(scorer.calls) == 4  # not 8
    assert all(isinstance(r, MaskedWordRequest) for r in scorer.calls)
    assert [len(r.raw) for r in results] == [12, 12]  # 4 items x 3 candidates, per suite
    assert results[0].meta["distinct_requests_in_run"] == 4


def test_target_preference_hand_derived(tmp_path: Path) -> None:
    s = load_suite(suite(tmp_path, "one", PREF))
    table = {"she": -1.0, "her": -3.0, "he": -2.0, ("the nurse said [MASK] was late.", "she"): 0.0}
    (res,) = run_suites([s], FakeScorer(table))
    raw = res.raw
    row = raw[(raw.candidate == "he") & (raw.text == "[MASK] met the pilot.")].iloc[0]
    # P(female) = e^-1 + e^-3, P(male) = e^-2
    assert row.log_odds == pytest.approx(math.log(math.exp(-1) + math.exp(-3)) + 2)
    p_f = (math.exp(-1) + math.exp(-3)) / (math.exp(-1) + math.exp(-3) + math.exp(-2))
    assert row.p_female == pytest.approx(p_f)
    assert row.logprob == -2.0 and row.n_pieces == 1 and row["slot.occ"] == "pilot"
    assert row["attr.occ.share"] == 10 and row.template_id == "b" and not row.mixed_pieces
    nurse_a = raw[(raw.text == "the nurse said [MASK] was late.")].iloc[0]
    assert nurse_a.log_odds == pytest.approx(math.log(1 + math.exp(-3)) + 2)
    summary = res.summary
    assert list(summary.columns[: len(SUMMARY_COLUMNS)]) == list(SUMMARY_COLUMNS)
    overall = summary[(summary.level == "overall") & (summary.metric == "log_odds")].iloc[0]
    expected = np.mean([nurse_a.log_odds, row.log_odds, row.log_odds, row.log_odds])
    assert overall.value == pytest.approx(expected) and overall.n == 4
    nurse = summary[(summary.level == "filler") & (summary.group == "nurse")]
    assert nurse[nurse.metric == "log_odds"].value.iloc[0] == pytest.approx(
        (nurse_a.log_odds + row.log_odds) / 2
    )
    contrast = summary[summary.level == "contrast"].iloc[0]
    assert contrast.group == "y - x" and contrast.value == pytest.approx(
        row.log_odds - (nurse_a.log_odds + row.log_odds) / 2
    )
    corr = summary[summary.metric == "spearman_p_female_vs_share"]
    assert len(corr) == 1 and corr.n.iloc[0] == 2  # too few fillers: value is NaN, not invented
    assert math.isnan(corr.value.iloc[0])


def test_mixed_piece_counts_are_flagged(tmp_path: Path) -> None:
    s = load_suite(suite(tmp_path, "one", PREF))
    (res,) = run_suites([s], FakeScorer({"she": -1.0}, split={"she": ("s", "he")}))
    assert res.raw.mixed_pieces.all()
    assert set(res.raw[res.raw.candidate == "she"].n_pieces) == {2}
    overall = res.summary[(res.summary.level == "overall")].iloc[0]
    assert overall.n_mixed_pieces == 4


def test_increased_log_prob_hand_derived(tmp_path: Path) -> None:
    probes = """\
      - id: ilp
        kind: increased_log_prob
        templates:
          - {id: a, text: "[MASK] is a {occ}."}
          - {id: b, text: "[MASK] became the {occ} today."}
        groups: {female: [she], male: [he]}
    """
    s = load_suite(suite(tmp_path, "one", probes))
    table = {
        ("[MASK] is a nurse.", "she"): -1.0,
        ("[MASK] is a nurse.", "he"): -3.0,
        ("[MASK] is a [MASK].", "she"): -2.0,  # the prior: occupation masked
        ("[MASK] is a [MASK].", "he"): -2.5,
    }
    scorer = FakeScorer(table)
    (res,) = run_suites([s], scorer)
    priors = [r for r in scorer.calls if r.context_masks]
    assert len(priors) == 4 and all(
        r.text[slice(*r.context_masks[0])] in {"nurse", "pilot"} for r in priors
    )
    row = res.raw[(res.raw.text == "[MASK] is a nurse.") & (res.raw.candidate == "she")].iloc[0]
    # ilp(she) = -1 - (-2) = 1; ilp(he) = -3 - (-2.5) = -0.5; difference 1.5
    assert row.ilp == pytest.approx(1.0) and row.prior_logprob == -2.0
    assert row.ilp_female == pytest.approx(1.0) and row.ilp_male == pytest.approx(-0.5)
    assert row.ilp_difference == pytest.approx(1.5)


def test_counterfactual_hand_derived(tmp_path: Path) -> None:
    probes = """\
      - id: cf
        kind: counterfactual_pll
        templates:
          - {id: a, text: "the {target} met the {occ} ."}
          - {id: b, text: "yesterday {target} thanked {a:occ} ."}
        groups: {female: [woman, lady], male: [man]}
        score: sentence
        estimator: original
    """
    s = load_suite(suite(tmp_path, "one", probes))
    table = {"woman": -1.0, "lady": -3.0, "man": -4.0}
    scorer = FakeScorer(table, default=-0.5)
    (res,) = run_suites([s], scorer)
    assert all(isinstance(r, PLLRequest) and r.estimator == "original" for r in scorer.calls)
    assert len(scorer.calls) == 4 * 3
    item = res.raw[res.raw.sentence == "yesterday woman thanked a pilot ."].iloc[0]
    # sentence PLL: woman -1 + five other tokens at -0.5 = -3.5; lady -5.5; man -6.5.
    assert item.pll == pytest.approx(-3.5)
    assert item.pll_female == pytest.approx(-4.5) and item.pll_male == pytest.approx(-6.5)
    assert item.pll_difference == pytest.approx(2.0) and item.prefer_female == 1.0


def test_counterfactual_context_score_excludes_the_target(tmp_path: Path) -> None:
    probes = """\
      - id: cf
        kind: counterfactual_pll
        templates:
          - {id: a, text: "the {target} met the {occ} ."}
          - {id: b, text: "{target} thanked {a:occ} ."}
        groups: {female: [old woman], male: [man]}
    """
    s = load_suite(suite(tmp_path, "one", probes))
    scorer = FakeScorer({"woman": -9.0, "old": -9.0, "man": -9.0, "met": -1.0}, default=-0.5)
    (res,) = run_suites([s], scorer)
    by_text = {r.text: r for r in scorer.calls}
    req = by_text["the old woman met the nurse ."]
    assert req.positions == (1, 4, 5, 6, 7) and req.estimator == "word_l2r"
    row = res.raw[res.raw.sentence == "the old woman met the nurse ."].iloc[0]
    assert row.pll == pytest.approx(-3.0) and row.n_pieces == 2 and row.n_scored == 5
    assert row.pll_difference == 0.0 and row.prefer_female == 0.5 and not row.context_mismatch


def test_limit_keeps_first_items(tmp_path: Path) -> None:
    s = load_suite(suite(tmp_path, "one", PREF))
    (res,) = run_suites([s], FakeScorer(), ctx=RunContext(limit=1))
    assert list(res.raw.text.unique()) == ["the nurse said [MASK] was late."]


def test_run_dir_round_trip(tmp_path: Path) -> None:
    s = load_suite(suite(tmp_path, "one", PREF))
    results = run_suites([s], FakeScorer({"she": -1.0, "he": -2.0}))
    out = write_run(tmp_path / "run", results, {"seed": 0, "model": {"name": "fake"}})
    run = read_run(out)
    assert run.meta["model"]["name"] == "fake"
    assert list(run.summary.columns[:9]) == list(SUMMARY_COLUMNS)
    assert set(run.raw) == {"one"}
    raw = run.raw["one"]
    for col in ("item_id", "template_id", "slot.occ", "candidate", "n_pieces", "logprob"):
        assert col in raw.columns, col
    pd.testing.assert_frame_equal(
        raw[["item_id", "logprob"]], results[0].raw[["item_id", "logprob"]]
    )


def test_metrics_option_selects_item_scores(tmp_path: Path) -> None:
    probes = PREF.replace("    by: cat\n", "    metrics: [p_male, log_odds]\n")
    s = load_suite(suite(tmp_path, "one", probes))
    (res,) = run_suites([s], FakeScorer({"she": -1.0, "he": -2.0}))
    overall = res.summary[res.summary.level == "overall"]
    assert list(overall.metric) == ["p_male", "log_odds"]
    assert set(res.summary[res.summary.level == "template"].metric) == {"p_male"}
    bad = suite(tmp_path, "two", PREF.replace("    by: cat\n", "    metrics: [p_other]\n"))
    with pytest.raises(InputError, match=r"two.yaml:\d+: .*metrics \['p_other'\] not available"):
        load_suite(bad)


def test_unscorable_candidates_are_kept_and_warned(tmp_path: Path) -> None:
    class Flagging(FakeScorer):
        def score(self, requests):
            out = []
            for resp in super().score(requests):
                cands = tuple(
                    dataclasses.replace(c, logprob=float("nan"), flag="unknown")
                    if c.word == "her"
                    else c
                    for c in resp.candidates
                )
                out.append(dataclasses.replace(resp, candidates=cands))
            return out

    s = load_suite(suite(tmp_path, "one", PREF))
    with pytest.warns(UserWarning, match="'her' \\(unknown\\)"):
        (res,) = run_suites([s], Flagging({"she": -1.0, "he": -2.0}))
    her = res.raw[res.raw.candidate == "her"]
    assert len(her) == 4 and set(her.flag) == {"unknown"}
    # P(female) uses she only: log-odds = -1 - (-2) = 1
    assert res.raw.log_odds.to_numpy() == pytest.approx(1.0)


def test_kinds_keep_no_state_between_requests_and_raw_frame(tmp_path: Path) -> None:
    """What raw_frame needs from request building comes back through the runner (Asked.notes):
    two probes of one kind prepared together, then read in reverse order, give the same rows as
    two separate runs, and the shared kind instance holds nothing afterwards."""
    from xlmaudit.probes import get_kind
    from xlmaudit.runner import prepare, score_pooled

    probes = """\
      - id: cf1
        kind: counterfactual_pll
        templates: [{id: a, text: "the {target} met the {occ} ."}]
        groups: {female: [woman], male: [man]}
      - id: cf2
        kind: counterfactual_pll
        templates: [{id: a, text: "the {target} met the {occ} ."}]
        groups: {female: [woman], male: [man]}
        score: sentence
    """
    s = load_suite(suite(tmp_path, "two", probes))
    scorer = FakeScorer({"woman": -1.0, "man": -4.0}, default=-0.5)
    (whole,) = run_suites([s], scorer)
    work = prepare([s], scorer, RunContext())
    nested, _ = score_pooled(work, scorer)
    backwards = list(zip(work, nested, strict=True))[::-1]  # cf2 read before cf1
    late = [p.kind.raw_frame(p.probe, p.items, a, p.notes) for p, a in backwards]
    for (p, _), frame in zip(backwards, late, strict=True):
        mine = whole.raw[whole.raw.probe == p.probe.id].drop(columns=["suite", "probe", "lang"])
        pd.testing.assert_frame_equal(frame, mine.reset_index(drop=True))
    # context scoring (cf1) drops the target word: its PLL differs from whole-sentence scoring
    assert late[1]["pll"].tolist() != late[0]["pll"].tolist()
    assert vars(get_kind("counterfactual_pll")) == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        work[0].items[0].id = "x"  # type: ignore[misc]
