"""Cross-language CrowS-Pairs view on hand-made raw frames: counts and p-values derived by hand."""

import math

import pandas as pd
import pytest

from xlmaudit.cross_language import (
    COLUMNS,
    cross_language,
    cross_language_of_run,
    direction_words,
)
from xlmaudit.errors import InputError

NAN = float("nan")
# (pair_id, bias type, sent_more_score, sent_less_score); decision = more > less (ties: 0)
FR = [
    ("1", "gender", -1.0, -2.0),  # yes
    ("2", "gender", -1.0, -2.0),  # yes
    ("3", "gender", -1.0, -2.0),  # yes
    ("4", "gender", -3.0, -2.0),  # no
    ("5", "race-color", -1.0, -2.0),  # yes; English says nationality: relabelled
    ("6", "age", -1.0, -2.0),  # yes
    ("7", "age", -2.0, -2.0),  # tie: no
    ("LA1", "autre", -1.0, -2.0),  # yes
    ("8", "gender", NAN, NAN),  # excluded (a known bad row): not compared
    ("9", "gender", -1.0, -2.0),  # French only
]
EN = [
    ("1", "gender", -2.0, -1.0),  # no
    ("2", "gender", -2.0, -1.0),  # no
    ("3", "gender", -1.0, -2.0),  # yes
    ("4", "gender", -2.0, -1.0),  # no
    ("5", "nationality", -2.0, -1.0),  # no
    ("6", "age", -2.0, -1.0),  # no
    ("7", "age", -1.0, -2.0),  # yes
    ("LA1", "autre", -1.0, -2.0),  # yes
    ("8", "gender", -1.0, -2.0),  # yes, English only (French excluded)
]


def raw(rows, lang, estimator="nangia2020"):
    frame = pd.DataFrame(
        rows, columns=["pair_id", "bias_type", "sent_more_score", "sent_less_score"]
    )
    return frame.assign(estimator=estimator, lang=lang, direction="stereo")


def test_overall_and_per_bias_type_mcnemar_by_hand():
    frame = cross_language(raw(FR, "fr"), raw(EN, "en"))
    assert list(frame.columns) == list(COLUMNS)
    out = frame.set_index("bias_type")
    assert list(out.index) == ["all", "gender", "age", "autre", "relabelled"]  # race-color: none
    row = out.loc["all"]
    # shared scored ids 1-7, LA1: fr yes 1,2,3,5,6,LA1 = 6/8; en yes 3,7,LA1 = 3/8
    assert (row.n_pairs, row.share_a, row.share_b) == (8, 0.75, 0.375)
    assert row.difference == 0.375 and (row.lang_a, row.lang_b) == ("fr", "en")
    # discordant: fr-only yes 1,2,5,6 = 4; en-only yes 7 = 1; p = P(X<=1)+P(X>=4), X~Bin(5,1/2)
    assert (row.discordant_ab, row.discordant_ba) == (4, 1)
    assert row.p_value == pytest.approx((1 + 5 + 5 + 1) / 32)
    assert (row.n_only_a, row.n_only_b) == (1, 1)  # id 9 French only; id 8 excluded in French
    assert row.direction == "more stereotype-preferring in fr than en"
    assert row.ci_low <= row.difference <= row.ci_high and row.ci_low >= -1
    gender = out.loc["gender"]  # ids 1-4: fr 3/4, en 1/4; discordant 2 vs 0: p = 2 * (1/2)^2
    assert (gender.n_pairs, gender.share_a, gender.share_b) == (4, 0.75, 0.25)
    assert (gender.discordant_ab, gender.discordant_ba, gender.p_value) == (2, 0, 0.5)
    assert (gender.n_only_a, gender.n_only_b) == (1, 1)
    # per-pair differences 1, 1, 0, 0: a resample of 4 is all 0 (or all 1) with 1/16 > 2.5%
    assert (gender.ci_low, gender.ci_high) == (0.0, 1.0)
    age = out.loc["age"]  # id 6 fr only yes, id 7 en only yes: 1 vs 1, p = 1
    assert (age.difference, age.discordant_ab, age.discordant_ba, age.p_value) == (0, 1, 1, 1.0)
    assert age.direction == "as stereotype-preferring in fr as in en"
    assert (age.ci_low, age.ci_high) == (-1.0, 1.0)  # differences +1, -1: P(all -1) = 1/4
    autre = out.loc["autre"]  # one concordant pair: no interval, p = 1
    assert autre.n_pairs == 1 and math.isnan(autre.ci_low) and autre.p_value == 1.0
    rel = out.loc["relabelled"]  # id 5: race-color in French, nationality in English
    assert (rel.n_pairs, rel.discordant_ab, rel.n_only_a, rel.n_only_b) == (1, 1, 0, 0)
    # Holm over the 4 bias-type rows (0.5, 1, 1, 1): 4 x 0.5 capped at 1
    assert out.loc["gender", "p_holm"] == 1.0 and math.isnan(out.loc["all", "p_holm"])


def test_swapping_the_languages_negates_the_difference():
    ab = cross_language(raw(FR, "fr"), raw(EN, "en")).set_index("bias_type")
    ba = cross_language(raw(EN, "en"), raw(FR, "fr")).set_index("bias_type")
    assert ba.loc["all", "difference"] == -0.375
    assert ba.loc["all", "direction"] == "less stereotype-preferring in en than fr"
    assert (ba.loc["all", "discordant_ab"], ba.loc["all", "discordant_ba"]) == (1, 4)
    assert ba.loc["all", "p_value"] == ab.loc["all", "p_value"]


def test_estimators_are_compared_separately():
    fr = pd.concat([raw(FR, "fr"), raw([("1", "gender", -1.0, -2.0)], "fr", "aul")])
    en = pd.concat([raw(EN, "en"), raw([("1", "gender", -1.0, -2.0)], "en", "aul")])
    out = cross_language(fr, en)
    aul = out[out.estimator == "aul"]
    assert list(aul.bias_type) == ["all", "gender"] and (aul.n_pairs == 1).all()
    assert (aul.difference == 0).all() and (aul.p_value == 1.0).all()
    assert (out[out.estimator == "nangia2020"].bias_type == "all").sum() == 1


def test_languages_from_arguments_or_the_lang_column():
    fr, en = raw(FR, "fr").drop(columns="lang"), raw(EN, "en").drop(columns="lang")
    with pytest.raises(InputError, match="language A"):
        cross_language(fr, en)
    out = cross_language(fr, en, lang_a="fr", lang_b="en")
    assert out.direction.iloc[0] == "more stereotype-preferring in fr than en"


def test_no_shared_pair_and_duplicates_are_errors():
    with pytest.raises(InputError, match="no pair id scored in both"):
        cross_language(raw(FR[:2], "fr"), raw(EN[4:6], "en"))
    with pytest.raises(InputError, match="pair 1 is scored twice"):
        cross_language(raw(FR + FR[:1], "fr"), raw(EN, "en"))


def test_run_view_needs_both_suites():
    runs = {"crows-pairs-fr": raw(FR, "fr"), "crows-pairs-en-revised": raw(EN, "en")}
    out = cross_language_of_run(runs)
    assert out is not None and out.loc[0, "lang_a"] == "fr" and out.loc[0, "n_pairs"] == 8
    # before the runner wrote a lang column, the suites' known languages are used
    no_lang = {k: v.drop(columns="lang") for k, v in runs.items()}
    assert cross_language_of_run(no_lang).loc[0, "lang_b"] == "en"
    assert cross_language_of_run({"crows-pairs-fr": raw(FR, "fr")}) is None


def test_direction_words():
    assert direction_words(0.1, "fr", "en") == "more stereotype-preferring in fr than en"
    assert direction_words(-0.1, "fr", "en") == "less stereotype-preferring in fr than en"
    assert direction_words(NAN, "fr", "en") == "no pairs to compare"
