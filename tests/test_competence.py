"""competence.csv (issue 25 item 5): mean PLL per token on a probe's sentences, the LMS where a
kind declares it, the floor, and the findings warning for a language below it."""

import csv
import math
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import xlmaudit
from xlmaudit.competence import (
    FILE,
    FLOOR,
    competence_frame,
    competence_sentences,
    competence_warnings,
    score_sentences,
)
from xlmaudit.requests import PLLRequest
from xlmaudit.testing import FakeScorer

# FakeScorer: one piece per lower-cased word, log P(piece) = table[piece] (default -5.0)
PAIRS = (("she cried .", "he cried .", "stereo", "gender"),
         ("x y .", "z y .", "stereo", "age"))  # fmt: skip
TABLE = {"she": -1.0, "he": -3.0, "cried": -2.0, ".": -0.5}


def _suite(tmp_path: Path, pairs, lang: str = "fr", name: str = "toy-pairs") -> Path:
    data = tmp_path / f"{name}.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["", "sent_more", "sent_less", "stereo_antistereo", "bias_type"])
        for i, row in enumerate(pairs):
            writer.writerow([i, *row])
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"""name: {name}
version: "1"
language: {lang}
card:
  summary: toy pairs
  measures: sentence preference
  limits: toy
  references: [Nangia et al. 2020]
  calibration: none
probes:
  - id: nangia
    kind: crows-pairs
    estimator: nangia2020
    data: {data.name}
  - id: meade
    kind: crows-pairs
    estimator: meade2022
    data: {data.name}
""")
    return path


def test_mean_pll_per_token_hand_derived(tmp_path):
    run = xlmaudit.audit(FakeScorer(TABLE), [_suite(tmp_path, PAIRS)], cache_dir=None,
                         progress=False)  # fmt: skip
    table = run.competence
    assert list(table["probe"]) == ["nangia", "meade"]  # one row per probe, same sentences
    row = table.iloc[0]
    # pair 0: she cried . = -1 - 2 - 0.5 = -3.5; he cried . = -3 - 2 - 0.5 = -5.5; 6 pieces
    # pair 1: x y . and z y . = 2 x (-5 - 5 - 0.5) = -21 over 6 pieces
    assert row["mean_pll_per_token"] == pytest.approx(((-9.0 / 6) + (-21.0 / 6)) / 2)  # -2.5
    assert (row["n"], row["n_sentences"], row["n_tokens"]) == (2, 4, 12)
    assert row["lang"] == "fr" and math.isnan(row["lms"]) and not row["below_floor"]
    assert row["ci_low"] <= -2.5 <= row["ci_high"]
    assert row["floor"] == pytest.approx(-math.log(1000))
    assert not run.findings()["warning"].str.contains("does not handle").any()
    from xlmaudit.report.summary_text import run_summaries

    assert "does not handle" not in run_summaries(run, run.findings())[0].text


def test_pieces_the_pair_estimators_scored_are_reused(tmp_path):
    """nangia2020 scores the shared pieces (cried .), meade2022 the differing ones (she / he):
    together every piece, so competence asks nothing more; with nangia2020 alone it asks, per
    sentence, only the differing pieces (position 1: she, he, x, z)."""
    both = FakeScorer(TABLE)
    xlmaudit.audit(both, [_suite(tmp_path, PAIRS)], cache_dir=None, progress=False)
    only = FakeScorer(TABLE)
    suite = _suite(tmp_path, PAIRS, name="one")
    text = suite.read_text()
    suite.write_text(text[: text.index("  - id: meade")])
    run = xlmaudit.audit(only, [suite], cache_dir=None, progress=False)
    assert run.competence["mean_pll_per_token"].iloc[0] == pytest.approx(-2.5)
    pll = [r for r in both.calls if isinstance(r, PLLRequest)]
    assert len(pll) == 8  # 4 sentences x (nangia2020, meade2022): nothing for competence
    extra = [r for r in only.calls if isinstance(r, PLLRequest)][4:]
    assert sorted((r.text, r.positions) for r in extra) == sorted(
        (s, (1,)) for p in PAIRS for s in p[:2]
    )
    assert {(r.estimator, r.lang) for r in extra} == {("original", "fr")}


def test_below_floor_warns_in_the_findings(tmp_path):
    run = xlmaudit.audit(FakeScorer({}, default=-9.0), [_suite(tmp_path, PAIRS)],
                         cache_dir=None, progress=False)  # fmt: skip
    assert run.competence["below_floor"].all()
    assert run.competence["mean_pll_per_token"].iloc[0] == pytest.approx(-9.0)
    warnings = run.findings()["warning"]
    assert len(warnings) and warnings.str.contains("does not handle fr").all()
    assert warnings.str.contains("-9.00 nats per piece").all()
    from xlmaudit.report.summary_text import run_summaries

    (summary,) = run_summaries(run, run.findings())
    assert "The model does not handle fr: mean pseudo-log-likelihood -9.00" in summary.text


def test_written_run_has_competence_csv(tmp_path):
    out = tmp_path / "run"
    xlmaudit.audit(FakeScorer(TABLE), [_suite(tmp_path, PAIRS)], out=out, cache_dir=None,
                   progress=False, report=False)  # fmt: skip
    on_disk = pd.read_csv(out / FILE)
    assert list(on_disk.columns[:10]) == ["suite", "probe", "lang", "n", "n_sentences",
                                          "n_tokens", "mean_pll_per_token", "ci_low", "ci_high",
                                          "lms"]  # fmt: skip
    assert xlmaudit.load_run(out).competence["mean_pll_per_token"].iloc[0] == pytest.approx(-2.5)


def test_stereoset_lms_and_clusters():
    """A StereoSet-like probe: the LMS comes from the summary by the kind's declaration."""
    raw = pd.DataFrame({
        "suite": "ss", "probe": "p", "lang": "en",
        "item_id": ["c1", "c1", "c1", "c2", "c2", "c2"],
        "target": ["t1", "t1", "t1", "t2", "t2", "t2"],
        "sentence": ["she cried .", "he cried .", "x cried .", "x y .", "z y .", "y y ."],
    })  # fmt: skip
    summary = pd.DataFrame({"suite": "ss", "probe": "p", "group": "overall", "level": "overall",
                            "metric": ["ss", "lms"], "value": [55.0, 87.5]})  # fmt: skip
    result = SimpleNamespace(suite=SimpleNamespace(name="ss"), raw=raw, summary=summary,
                             meta={"probes": {"p": {"kind": "stereoset"}}})  # fmt: skip
    scores = score_sentences(competence_sentences([result]), FakeScorer(TABLE))
    row = competence_frame([result], scores).iloc[0]
    # c1: (-3.5) + (-5.5) + (-5 - 2 - 0.5) = -16.5 over 9; c2: 3 x -10.5 = -31.5 over 9
    assert row["mean_pll_per_token"] == pytest.approx((-16.5 / 9 - 31.5 / 9) / 2)
    assert row["lms"] == 87.5 and row["n"] == 2


def test_kinds_without_sentences_get_no_row():
    raw = pd.DataFrame({"suite": "t", "probe": "p", "lang": "en", "item_id": ["a"],
                        "text": ["[MASK] is here ."]})  # fmt: skip
    result = SimpleNamespace(suite=SimpleNamespace(name="t"), raw=raw, summary=pd.DataFrame(),
                             meta={"probes": {"p": {"kind": "target_preference"}}})  # fmt: skip
    assert competence_sentences([result]) == []
    assert competence_frame([result], {}).empty


def test_known_pieces_are_not_asked_again():
    scorer = FakeScorer(TABLE)
    known = {("she cried .", "en"): {1: -1.0, 3: -0.5}}  # the fake's positions: she=1 cried=2 .=3
    scores = score_sentences([("she cried .", "en")], scorer, known)
    assert scores == {("she cried .", "en"): (-3.5, 3)}
    assert [(r.positions, r.estimator) for r in scorer.calls] == [((2,), "original")]


def test_warning_text_only_below_the_floor():
    table = pd.DataFrame({"suite": ["a", "b"], "probe": ["p", "p"], "lang": ["fr", "de"],
                          "mean_pll_per_token": [-2.0, -8.0], "floor": [FLOOR, FLOOR],
                          "below_floor": [False, True]})  # fmt: skip
    assert list(competence_warnings(table)) == [("b", "p")]


def _planted_pairs(lang):
    from xlmaudit.planted.items import stereotype_pairs

    pairs = stereotype_pairs(lang=lang, n_per_type=2, n_control=1)
    return [(r.sent_more, r.sent_less, r.stereo_antistereo,
             "nationality" if r.bias_type == "city" else r.bias_type)
            for r in pairs.itertuples()][:4]  # fmt: skip


def test_planted_model_handles_its_french_a_random_checkpoint_does_not(tmp_path):
    """The planted bilingual model on held-out pairs of its own French is above the floor; a
    tiny random 17-language XLM on the same pairs is below it and the findings say so."""
    from xlmaudit.planted.language import FRENCH
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like

    suite = _suite(tmp_path, _planted_pairs(FRENCH))
    planted = xlmaudit.audit("planted-bilingual", [suite], cache_dir=None, progress=False)
    assert not planted.competence["below_floor"].any()
    assert planted.competence["mean_pll_per_token"].iloc[0] > -3.0  # measured: about -1.1
    assert not planted.findings()["warning"].str.contains("does not handle").any()
    tiny = make_tiny_xlm_like(tmp_path / "tiny17", "xlm-mlm-17-1280")
    random = xlmaudit.audit(str(tiny), [suite], cache_dir=None, progress=False)
    assert random.competence["below_floor"].all()
    assert random.findings()["warning"].str.contains("does not handle fr").all()
