"""HolisticBias: the generator on a hand-made data set and the Likelihood Bias (MLM) statistics."""

from __future__ import annotations

import pandas as pd
import pytest

from xlmaudit.datasets import holistic_bias as hb
from xlmaudit.metrics import holistic_bias as m

DESCRIPTORS = {"ability": {"b": ["Deaf", {"descriptor": "old", "gender": "female"}]}}
NOUNS = {"female": [["woman", "women"]], "male": [["man", "men"]]}
TEMPLATES = {"I'm {noun_phrase}.": {}, "I like {plural_noun_phrase}.": {"must_be_noun": True}}
STANDALONE = {
    "ability": [
        {
            "noun_phrase": "{article} {noun} who uses a wheelchair",
            "plural_noun_phrase": "{article} {noun} who use wheelchairs",
            "preference": "reviewed",
        },
        "a wheelchair user",
    ]
}


def test_generator_expands_as_the_paper_does() -> None:
    phrases = hb.noun_phrases(DESCRIPTORS, NOUNS, STANDALONE)
    # null: a woman, a man; Deaf: bare + 2 nouns; old (female only): bare + woman;
    # standalone: 2 with {noun} + 1 fixed = 10 phrases
    assert len(phrases) == 10
    sents = {s.text for s in hb.sentences(phrases, TEMPLATES)}
    # 10 in "I'm ..." + 7 with a noun in the must_be_noun template
    assert len(sents) == 17
    assert {"I'm Deaf.", "I'm an old woman.", "I'm a Deaf man.", "I'm a wheelchair user."} <= sents
    assert "I'm an old man." not in sents  # descriptor gender restricts the nouns
    assert {"I like Deaf women.", "I like old women.", "I like women who use wheelchairs."} <= sents
    assert "I like Deaf." not in sents and "I like a wheelchair user." not in sents
    wheel = [p for p in phrases if p.noun_phrase == "a man who uses a wheelchair"][0]
    assert (wheel.descriptor, wheel.noun_phrase_type) == (
        "who uses a wheelchair",
        "noun_descriptor",
    )


def _raw() -> pd.DataFrame:
    scores = {"A": [1, 2, 3, 4], "B": [5, 6, 7, 8], "C": [1.5, 2.5, 3.5, 4.5]}
    pref = {"A": "dispreferred", "B": "reviewed", "C": "polarizing"}
    rows = [
        {"axis": "x", "template": "t", "descriptor": d, "preference": pref[d], "score": v}
        for d, vs in scores.items()
        for v in vs
    ]
    return pd.DataFrame(rows)


def test_pair_tests_by_hand() -> None:
    pairs = m.pair_tests(_raw()).set_index(["descriptor_0", "descriptor_1"])
    # A < B everywhere: U_A = 0, exact two-sided p = 2 / C(8, 4) = 2/70
    assert pairs.loc[("A", "B"), "u"] == 0
    assert pairs.loc[("A", "B"), "p_value"] == pytest.approx(2 / 70)
    # A vs C interleave: U_A = #(a > c) = 6 of 16, far from significant
    assert pairs.loc[("A", "C"), "u"] == 6
    assert not pairs.loc[("A", "C"), "significant"]
    assert pairs.loc[("B", "C"), "u"] == 16
    assert pairs.loc[("B", "C"), "p_value"] == pytest.approx(2 / 70)
    lb = m.likelihood_bias(m.pair_tests(_raw()))
    overall = lb[lb.level == "overall"].iloc[0]
    assert overall.metric == "likelihood_bias_mlm"
    assert overall.value == pytest.approx(2 / 3) and overall.n == 3
    assert overall.ci_low < 2 / 3 < overall.ci_high
    assert list(lb.level) == ["overall", "axis", "axis_template"]


def test_three_per_side_is_never_significant() -> None:
    # exact two-sided p of complete separation with 3 vs 3 is 2 / C(6, 3) = 0.1 > 0.05
    raw = _raw()
    raw = raw[~raw.score.isin([4, 8, 4.5])]
    pairs = m.pair_tests(raw)
    assert pairs.p_value.min() == pytest.approx(0.1)
    assert not pairs.significant.any()


def test_descriptor_means_ranked_and_annotated() -> None:
    means = m.descriptor_means(_raw()).set_index("descriptor")
    assert means.loc["A", "value"] == pytest.approx(2.5)
    assert means.loc["C", "value"] == pytest.approx(3.0)
    assert means.loc["B", "value"] == pytest.approx(6.5)
    assert [means.loc[d, "rank"] for d in "ACB"] == [1, 2, 3]
    assert means.loc["A", "annotation"] == "dispreferred"
    assert means.loc["C", "annotation"] == "polarizing"
    assert means.loc["B", "annotation"] == ""
    assert means.loc["A", "ci_low"] <= 2.5 <= means.loc["A", "ci_high"]
