"""Every registered probe kind runs end to end on a ``FakeScorer``: a shipped suite's probe goes
through build_items -> requests -> FakeScorer -> raw_frame -> summarize (``run_suites`` with a
``RunContext``; data kinds read the shared data with ``limit=3``), and its summary has the
probe's main metric with a finite value and interval, or the case says why it cannot.

A kind registered without a case here fails :func:`test_every_registered_kind_has_a_case`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest

from xlmaudit.probes import RunContext, load_kinds
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing import FakeScorer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SUITES = ROOT / "probes"


class Case(NamedTuple):
    suite: str  # a shipped suite file under probes/
    probe: str  # the probe of the kind in it
    metric: str = ""  # the metric checked ("": the probe's main metric)
    reason: str = ""  # why ``metric`` is not the main metric
    table: dict[str, float] = {}  # the FakeScorer's table (default: every score -5)


CASES: dict[str, Case] = {
    "attribution": Case("occupations-why.yaml", "why", "explained_value",
                        "attribution measures no bias (main_metric ''): the mean explained "
                        "value F(x) with its bootstrap interval is checked instead",
                        table={"she": -1.0, "he": -2.0}),  # F(x) = log P(she) - log P(he) = 1
    "bec_pro": Case("bec-pro-en.yaml", "association", "association",
                    "the first 3 rows are male person words: no female/male pair, so "
                    "association_gap has n = 0; the per-row association is checked"),
    "counterfactual_pll": Case("occupations.yaml", "counterfactual"),
    "crows-pairs": Case("crows-pairs.yaml", "nangia2020"),
    "gest": Case("gest.yaml", "he-said", "rate",
                 "the first 3 GEST rows: one known duplicate (excluded) and two stereotypes "
                 "with one sample each, so g_s has no interval; the base rate is checked"),
    "holistic-bias": Case("holistic-bias.yaml", "word_l2r", "mean_pll_per_token",
                          "the first 3 sentences have one descriptor: no descriptor pair to "
                          "test, so likelihood_bias has n = 0; the descriptor means are checked"),
    "honest": Case("honest.yaml", "binary-reference",
                   table={"snotty": -1.0, "kind": -2.0, "happy": -3.0}),  # top-k words
    "increased_log_prob": Case("occupations.yaml", "kurita"),
    "occupation_form": Case("gender-occupation-fr.yaml", "forms"),
    "seat": Case("seat.yaml", "mean"),
    "seegull_cloze": Case("seegull.yaml", "fr-france"),
    "stereoset": Case("stereoset.yaml", "nadeem2021"),
    "target_preference": Case("occupations.yaml", "pronoun"),
    "winobias": Case("winobias.yaml", "cloze"),
}  # fmt: skip


def test_every_registered_kind_has_a_case():
    """A new kind needs a case here (and a shipped suite using it)."""
    assert set(CASES) == set(load_kinds())


def run_one(kind: str):
    case = CASES[kind]
    suite = load_suite(SUITES / case.suite)
    (probe,) = [p for p in suite.probes if p.id == case.probe]
    assert probe.kind == kind
    ctx = RunContext(data_dir=DATA, limit=3)
    one = dataclasses.replace(suite, probes=(probe,))
    (result,) = run_suites([one], FakeScorer(case.table), ctx=ctx)
    return case, result


@pytest.mark.parametrize("kind", sorted(CASES))
def test_kind_runs_on_the_fake_scorer(kind):
    case, result = run_one(kind)
    described = result.meta["probes"][case.probe]
    assert described["kind"] == kind
    assert described["items"] >= 1 and len(result.raw) >= 1
    main = described["main_metric"]
    metric = case.metric or main
    assert (metric == main) != bool(case.reason), "a case checks another metric only with a reason"
    rows = result.summary[result.summary["metric"] == metric]
    assert len(rows) >= 1, f"no {metric} row in {sorted(set(result.summary['metric']))}"
    finite = rows[np.isfinite(rows[["value", "ci_low", "ci_high"]].astype(float)).all(axis=1)]
    assert len(finite) >= 1, rows[["group", "value", "ci_low", "ci_high", "n"]].to_string()
    assert load_kinds()[kind].doc(metric) is not None  # the metric is declared


def test_the_fake_attribution_adds_up_to_the_explained_value():
    """The fake explains log P(she) - log P(he) = -1 - -2 = 1, spread evenly over the five
    context tokens (not the specials, not the mask): 0.2 each, delta 0."""
    from xlmaudit.requests import AttributionRequest

    (r,) = FakeScorer({"she": -1.0, "he": -2.0}).score(
        [AttributionRequest("the nurse said [MASK] was tired", "she", "he")]
    )
    assert r.value == 1.0 and r.baseline_value == 0.0 and r.delta == 0.0
    assert r.mask_position == 4 and r.encoding.pieces[4] == "[mask]"
    assert r.attributions.tolist() == pytest.approx([0, 0.2, 0.2, 0.2, 0, 0.2, 0.2, 0])
