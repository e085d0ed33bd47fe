"""The ``attribution`` probe kind: explains another probe's items inside a pooled suite run."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from xlmaudit.errors import InputError
from xlmaudit.probes.attribution import ExplainItem, to_explain_item
from xlmaudit.runner import SUMMARY_COLUMNS, run_suites
from xlmaudit.suites import load_suite

SUITE = """\
name: tiny-why
version: "1"
card: {summary: s, measures: m, limits: l, references: [r], calibration: none}
lexicons:
  occupation: [doctor, nurse, teacher, lawyer, cook]
probes:
  - id: pronoun
    kind: target_preference
    templates:
      - {id: said, text: "the {occupation} said that [MASK] was tired."}
      - {id: because, text: "the {occupation} was late because [MASK] was tired."}
    groups: {female: [she, her], male: [he, him]}
  - id: cf
    kind: counterfactual_pll
    templates:
      - {id: said, text: "{target} said that the {occupation} was tired."}
    groups: {female: [she], male: [he]}
  - id: why
    kind: attribution
    explains: pronoun
    top: 3
  - id: why-cf
    kind: attribution
    explains: cf
    method: ablation
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from xlmaudit.inference import load_model
    from xlmaudit.testing import make_tiny_xlm

    return load_model(str(make_tiny_xlm(tmp_path_factory.mktemp("m"))), device="cpu")


def suite_file(tmp_path, text=SUITE):
    path = tmp_path / "why.yaml"
    path.write_text(text)
    return path


def test_attribution_probe_runs_pooled_and_writes_tidy_raw_and_summary(tmp_path, loaded):
    from xlmaudit.inference import ModelScorer
    from xlmaudit.inference.attribution import AttributionScorer

    suite = load_suite(suite_file(tmp_path))
    (result,) = run_suites([suite], AttributionScorer(loaded, ModelScorer(loaded)))
    raw = result.raw[result.raw["probe"] == "why"]
    assert set(raw["item_id"]) == set(result.raw.loc[result.raw["probe"] == "pronoun", "item_id"])
    assert raw["item_id"].nunique() == 10 and set(raw["target"]) == {"she"}
    assert {"token", "word", "position", "method", "attribution", "delta"} <= set(raw.columns)
    assert set(raw["target_group"]) == {"female"} and set(raw["contrast_group"]) == {"male"}
    cf = result.raw[result.raw["probe"] == "why-cf"]
    assert cf["item_id"].nunique() == 5 and set(cf["method"]) == {"ablation"}
    first = cf[cf["position"] == 1]
    assert first["is_mask"].all() and (first["word"] == "[MASK]").all()  # {target} -> [MASK]
    summary = result.summary[result.summary["probe"] == "why"]
    assert list(summary.columns[: len(SUMMARY_COLUMNS)]) == list(SUMMARY_COLUMNS)
    words = summary[summary["metric"] == "word_attribution"]
    assert set(words["group"]) <= {"female", "male"} and len(words) <= 6
    assert (words["value"] > 0).all() and (words["n"] >= 1).all()
    rel = summary[summary["metric"] == "relative_delta_max"]["value"].iloc[0]
    assert rel < 0.01
    assert summary[summary["metric"] == "n_skipped"]["value"].iloc[0] == 0
    from xlmaudit.report.attribution_plot import attribution_bars

    fig = attribution_bars(result.raw)  # the report's call: the whole suite raw frame
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels and all("→ female" in t or "→ male" in t for t in labels)
    assert any("[why lig]" in t for t in labels) and any("[why-cf ablation]" in t for t in labels)


def test_pairs_become_one_slot_contrasts_and_others_are_counted_as_skipped():
    crows = SimpleNamespace(
        id="c1", sent_more="Poor people are lazy.", sent_less="Rich people are lazy."
    )
    item = to_explain_item(crows, ("", "", "", ""), "target")
    assert item == ExplainItem("c1", "[MASK] people are lazy.", "Poor", "Rich", "more", "less")
    two = SimpleNamespace(id="c2", sent_more="He hit her", sent_less="She hit him")
    assert "differ in 2 slots" in to_explain_item(two, ("",) * 4, "target").skipped
    cluster = SimpleNamespace(id="s1", sentences=(
        ("a", "stereotype", "The chess player was a man."),
        ("b", "anti-stereotype", "The chess player was a woman."),
        ("c", "unrelated", "The chess player was a fish."),
    ))  # fmt: skip
    got = to_explain_item(cluster, ("",) * 4, "target")
    assert (got.text, got.target, got.contrast) == (
        "The chess player was a [MASK].",
        "man",
        "woman",
    )
    template = SimpleNamespace(id="t", text="{target} is a nurse.")
    assert to_explain_item(template, ("she", "he", "f", "m"), "target").text == "[MASK] is a nurse."


def test_explains_must_name_a_probe_and_options_are_checked(tmp_path):
    from xlmaudit.probes import RunContext, get_kind

    bad = SUITE.replace("explains: pronoun", "explains: nothing")
    suite = load_suite(suite_file(tmp_path, bad))
    probe = next(p for p in suite.probes if p.id == "why")
    with pytest.raises(InputError, match=r"why\.yaml:\d+: probe 'why' explains 'nothing'"):
        get_kind("attribution").build_items(probe, RunContext())
    with pytest.raises(InputError, match=r"why\.yaml:\d+: method must be one of"):
        load_suite(suite_file(tmp_path, SUITE.replace("method: ablation", "method: shap")))
