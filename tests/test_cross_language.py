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
from xlmaudit.metrics.stats import paired_difference_interval

NAN = float("nan")
Z = 1.959963984540054  # the 97.5% normal quantile


def wilson(k, n):
    """Wilson's score interval by its closed form: (k + z^2/2 -+ z sqrt(k (n - k) / n + z^2/4))
    / (n + z^2)."""
    centre, half = k + Z**2 / 2, Z * math.sqrt(k * (n - k) / n + Z**2 / 4)
    return (centre - half) / (n + Z**2), (centre + half) / (n + Z**2)


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
    # Newcombe (1998) method 10 by hand: both 1, fr only 2, en only 0, neither 1 (N = 4);
    # Wilson 3/4 = [0.300642, 0.954413], 1/4 = [0.045587, 0.699358]; AD - BC = 1 <= N/2: phi 0
    # L = 0.5 - sqrt(2) 0.449358 = -0.135488, U = 0.5 + sqrt(2) 0.204413 = 0.789083
    assert gender.ci_low == pytest.approx(0.5 - math.sqrt(2) * (0.75 - wilson(3, 4)[0]))
    assert gender.ci_high == pytest.approx(0.5 + math.sqrt(2) * (0.25 - wilson(1, 4)[0]))
    assert (gender.ci_low, gender.ci_high) == (
        pytest.approx(-0.135488, abs=1e-6),
        pytest.approx(0.789083, abs=1e-6),
    )
    age = out.loc["age"]  # id 6 fr only yes, id 7 en only yes: 1 vs 1, p = 1
    assert (age.difference, age.discordant_ab, age.discordant_ba, age.p_value) == (0, 1, 1, 1.0)
    assert age.direction == "as stereotype-preferring in fr as in en"
    # one pair each way (N = 2): Wilson 1/2 = 0.5 -+ h, h = 0.405469; AD - BC = -1 < 0, margins
    # all 1: phi = -1, so L = -sqrt(h^2 + 2 h^2 + h^2) = -2h and U = 2h
    h = 0.5 - wilson(1, 2)[0]
    assert (age.ci_low, age.ci_high) == (pytest.approx(-2 * h), pytest.approx(2 * h))
    assert h == pytest.approx(0.405469, abs=1e-6)
    autre = out.loc["autre"]  # one concordant pair: p = 1, a wide score interval
    # Wilson 1/1 = [1 / (1 + z^2), 1], a margin empty: phi 0, so -+(1 - 1 / (1 + z^2))
    half = 1 - 1 / (1 + Z**2)
    assert autre.n_pairs == 1 and autre.p_value == 1.0
    assert (autre.ci_low, autre.ci_high) == (pytest.approx(-half), pytest.approx(half))
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


def test_three_pairs_get_a_score_interval_not_a_zero_width_one():
    # the case: 3 shared pairs, each deciding "yes" in English only: difference -1;
    # the percentile bootstrap gave -1 [-1, -1]. Newcombe: Wilson 0/3 = [0, z^2 / (3 + z^2)],
    # 3/3 = [3 / (3 + z^2), 1], a margin empty: phi 0; U = -1 + sqrt(2) z^2 / (3 + z^2) = -0.2059
    fr = [(str(i), "gender", -2.0, -1.0) for i in range(3)]
    en = [(str(i), "gender", -1.0, -2.0) for i in range(3)]
    row = cross_language(raw(fr, "fr"), raw(en, "en")).set_index("bias_type").loc["all"]
    assert (row.n_pairs, row.difference, row.ci_low) == (3, -1.0, -1.0)
    assert row.ci_high == pytest.approx(-1 + math.sqrt(2) * Z**2 / (3 + Z**2))
    assert row.ci_high == pytest.approx(-0.205923, abs=1e-6)


def test_newcombe_interval_matches_the_published_example():
    # Fagerland, Lydersen & Laake (2017), paired 2x2 of Cavo et al. (2012): 59 both, 6 first
    # only, 16 second only, 80 neither: -0.0621 (95% CI -0.1186 to -0.0046), Newcombe's
    # square-and-add (1998, method 10)
    low, high = paired_difference_interval(59, 6, 16, 80)
    assert (round(low, 4), round(high, 4)) == (-0.1186, -0.0046)
    assert all(math.isnan(v) for v in paired_difference_interval(0, 0, 0, 0))  # no pairs
