"""The occupation_form kind (Zhao et al. lists) on a FakeScorer: item scores, the controls, the
excess and the excluded rows, with hand-derived values."""

from pathlib import Path

import pytest

from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext
from xlmaudit.requests import MaskedWordRequest
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SUITE = """
name: occ-test
version: "1"
language: {lang}
card: {{summary: s, measures: m, limits: l, references: [r], calibration: c}}
probes:
  - id: forms
    kind: occupation_form
    contexts: ["{{person}} est [MASK]."]
    persons: [{persons}]
    controls: [actor]
"""

F, M, P = "Elle est [MASK].", "Il est [MASK].", "[MASK] est [MASK]."  # P: person masked (prior)
TABLE = {
    # baker (line 140): feminine context 2, masculine context -3 -> association 5, lean -0.5
    (F, "boulangère"): -1.0, (F, "boulanger"): -3.0,
    (M, "boulangère"): -4.0, (M, "boulanger"): -1.0,
    (P, "boulangère"): -2.5, (P, "boulanger"): -2.0,
    # hunter (line 146): -1 and -4 -> association 3, lean -2.5, no agreement, prior -3
    (F, "chasseuse"): -3.0, (F, "chasseur"): -2.0,
    (M, "chasseur"): -1.0,
    (P, "chasseuse"): -4.0, (P, "chasseur"): -1.0,
    # control actor (line 6): 5 and -5 -> association 10, lean 0, agreement, prior 0
    (F, "actrice"): -1.0, (F, "acteur"): -6.0,
    (M, "actrice"): -6.0, (M, "acteur"): -1.0,
}  # fmt: skip
N_OCC = 69  # usable French occupation rows; every other one scores -5 for both forms (0)


def run(tmp_path, scorer, lang="fr", persons="[elle, il]"):
    path = tmp_path / "occ.yaml"
    path.write_text(SUITE.format(lang=lang, persons=persons))
    (result,) = run_suites([load_suite(path)], scorer, ctx=RunContext(data_dir=DATA))
    return result


def value(summary, metric, group="all"):
    row = summary[(summary.metric == metric) & (summary.group == group)]
    assert len(row) == 1, (metric, group)
    return row.iloc[0]


def test_item_scores_and_controls_by_hand(tmp_path):
    scorer = FakeScorer(TABLE, default=-5.0)
    result = run(tmp_path, scorer)
    raw = result.raw[result.raw.usable.astype(bool)].set_index("line")
    baker, hunter, actor = raw.loc[140], raw.loc[146], raw.loc[6]
    assert (baker.noun_type, actor.noun_type) == ("occupation", "control")
    assert (baker.log_odds_f, baker.log_odds_m) == (pytest.approx(2.0), pytest.approx(-3.0))
    assert baker.association == pytest.approx(5.0) and baker.form_lean == pytest.approx(-0.5)
    assert baker.prior_log_odds == pytest.approx(-0.5) and baker.pct_agreement == 100.0
    assert hunter.association == pytest.approx(3.0) and hunter.form_lean == pytest.approx(-2.5)
    assert hunter.prior_log_odds == pytest.approx(-3.0) and hunter.pct_agreement == 0.0
    assert actor.association == pytest.approx(10.0) and actor.pct_agreement == 100.0
    assert set(raw.lang) == {"fr"}

    s = result.summary
    assert value(s, "association").value == pytest.approx((5 + 3) / N_OCC)
    assert value(s, "association").n == N_OCC
    assert value(s, "form_lean").value == pytest.approx((-0.5 - 2.5) / N_OCC)
    assert value(s, "prior_log_odds").value == pytest.approx((-0.5 - 3.0) / N_OCC)
    assert value(s, "pct_agreement").value == pytest.approx(100 / N_OCC)
    assert value(s, "control_association").value == pytest.approx(10.0)
    assert value(s, "control_pct_agreement").value == pytest.approx(100.0)
    excess = value(s, "association_excess", "occupations - controls")
    assert excess.value == pytest.approx(8 / N_OCC - 10.0)
    assert excess.ci_high < 0  # every resample: occupations move far less than the control
    assert value(s, "association", "140 baker").value == pytest.approx(5.0)
    # 9 rejected rows (3 definitional, 4 occupations, 2 files for 191 and 207) + 51 one-form rows
    assert set(s.n_excluded) == {60}


def test_requests_and_excluded_rows(tmp_path):
    scorer = FakeScorer(TABLE, default=-5.0)
    result = run(tmp_path, scorer)
    masked = [r for r in scorer.calls if isinstance(r, MaskedWordRequest)]
    # fem., masc., and the two person-masked priors per item; identical requests are scored
    # once, and 6 rows repeat another row's forms (dancer, nurse, barber = hairdresser,
    # attorney = lawyer, governor = warden = director), so 64 distinct form pairs
    assert len(masked) == 4 * (N_OCC + 1 - 6) == 256
    assert {r.lang for r in masked} == {"fr"}
    priors = {(r.text, r.context_masks) for r in masked if r.context_masks}
    assert priors == {(F, ((0, 4),)), (M, ((0, 2),))}  # the person's span, "Elle" / "Il"
    excluded = result.raw[~result.raw.usable.astype(bool)]
    problems = " ".join(excluded.problem)
    assert "rejected: fr_male_def_occ:207" in problems and "same form: " in problems
    assert excluded.association.isna().all()


def test_persons_must_be_a_data_pair_and_language_must_have_lists(tmp_path):
    with pytest.raises(InputError, match=r"persons \['elle', 'lui'\].*fr_gender_pairs.json"):
        run(tmp_path, FakeScorer(), persons="[elle, lui]")
    with pytest.raises(InputError, match="not for language 'it'"):
        run(tmp_path, FakeScorer(), lang="it")
    with pytest.raises(InputError, match=r"controls \['andrology'\] are not usable definitional"):
        path = tmp_path / "ctl.yaml"
        path.write_text(
            SUITE.format(lang="fr", persons="[elle, il]").replace("[actor]", "[andrology]")
        )
        run_suites([load_suite(path)], FakeScorer(), ctx=RunContext(data_dir=DATA))
    path = tmp_path / "bad.yaml"
    path.write_text(SUITE.format(lang="fr", persons="[elle, il]").replace("{person} est", "X est"))
    with pytest.raises(InputError, match=r"bad.yaml:\d+.*context 1 must be a string with one"):
        load_suite(path)


def test_every_summary_metric_is_declared_with_its_direction(tmp_path):
    from xlmaudit.probes import get_kind
    from xlmaudit.report.findings import direction_words

    kind = get_kind("occupation_form")
    s = run(tmp_path, FakeScorer(TABLE, default=-5.0)).summary
    assert all(kind.doc(m, kind.contrast) is not None for m in set(s.metric)), set(s.metric)
    assert kind.contrast_words("association") == "feminine - masculine"
    assert kind.contrast_words("control_form_lean") == "feminine - masculine"
    doc = kind.doc("association", kind.contrast)
    words = direction_words(doc, 0.5, 0.2, 0.8, {})
    assert words.startswith("the model moves towards the feminine form with a feminine person")
