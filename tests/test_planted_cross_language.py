"""The multilingual planted check: the French-only planted stereotype must appear in the N-way
cross-language comparison as a fr-vs-en difference and nowhere else (hand-made frames; the
shipped model's figures are in tests/test_planted_bilingual.py, marked slow)."""

import pandas as pd

from xlmaudit.cross_language import cross_language_of_run
from xlmaudit.planted.calibrate_bilingual import aligned_pair_frames, cross_language_stereotype
from xlmaudit.testing.fake import FakeScorer


def raw(lang, yes):
    """12 city pairs and 20 age pairs (32 >= the 30 shared ids CrowS-Pairs asks); decision 1
    (the stereotyped sentence scores higher) on the ids in ``yes``."""
    ids = [("city", i) for i in range(12)] + [("age", i) for i in range(20)]
    rows = [(f"{t}-{i}", t, -1.0 if (t, i) in yes else -3.0, -2.0) for t, i in ids]
    frame = pd.DataFrame(rows, columns=["pair_id", "bias_type", "sent_more_score",
                                        "sent_less_score"])  # fmt: skip
    return frame.assign(estimator="nangia2020", lang=lang)


ALL_AGE = {("age", i) for i in range(20)}
FR = {("city", i) for i in range(12)} | ALL_AGE


def test_a_french_only_difference_is_found_and_nowhere_else():
    en = {("city", 0), ("city", 1)} | ALL_AGE
    out = cross_language_stereotype(
        cross_language_of_run({"fr": raw("fr", FR), "en": raw("en", en)})
    )
    city, age = out["per_type"]["city"], out["per_type"]["age"]
    # city: fr 12/12, en 2/12; 10 discordant, all fr only: p = 2 / 2^10; Holm over the two
    # types (age: no discordant pair, p = 1): 2 x 2 / 1024 = 0.0039 < 0.05
    assert city["difference"] == 10 / 12 and city["p_holm"] == 4 / 1024
    assert (city["lang_a"], city["lang_b"]) == ("fr", "en") and age["p_holm"] == 1.0
    assert out["found"] and out["elsewhere"] == [] and out["passed"]


def test_a_difference_elsewhere_fails_the_check():
    en = {("city", 0), ("city", 1)} | {("age", i) for i in range(10, 20)}  # age 0-9: fr only
    out = cross_language_stereotype(
        cross_language_of_run({"fr": raw("fr", FR), "en": raw("en", en)})
    )
    assert out["found"] and out["elsewhere"] == ["age"] and not out["passed"]


def test_no_difference_or_the_wrong_sign_is_not_found():
    same = cross_language_of_run({"fr": raw("fr", FR), "en": raw("en", FR)})
    assert not cross_language_stereotype(same)["found"]
    # English more stereotype-preferring on city: a difference, but not the planted one
    flipped = cross_language_of_run({"en": raw("en", FR), "fr": raw("fr", ALL_AGE | {("city", 0)})})
    out = cross_language_stereotype(flipped)
    assert out["per_type"]["city"]["difference"] > 0 and not out["found"]


def test_aligned_pairs_share_ids_in_both_languages():
    scorers = {"en": FakeScorer(), "fr": FakeScorer()}
    frames = aligned_pair_frames(scorers, pair_seed=0, n=4)
    en, fr = frames["en"], frames["fr"]
    assert list(en.pair_id) == list(fr.pair_id) and len(en) == 16  # 4 types x 4 pairs
    assert list(dict.fromkeys(fr.bias_type)) == ["age", "nationality", "religion", "city"]
    assert set(en.lang) == {"en"} and set(fr.lang) == {"fr"} and list(frames) == ["fr", "en"]
    # the fake scorer scores every piece alike: scores are sums over pieces, both columns set
    assert en[["sent_more_score", "sent_less_score"]].notna().all().all()
