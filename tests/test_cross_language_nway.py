"""N-way cross-language comparison on a toy run of three languages: McNemar p, Holm across the
language pairs, phi and Kendall's tau derived by hand; too few shared ids flagged."""

import math

import pandas as pd
import pytest

from xlmaudit.cross_language import COLUMNS, cross_language, cross_language_of_run, run_tables

# ids 1-10 in all three languages, 11-12 in fr and en only, 13 in de only; decision 1 = yes
YES = {"fr": {1, 2, 3, 4, 5, 6, 7, 8, 11}, "en": {1, 2}, "de": {1, 2, 3, 4, 5, 13}}
IDS = {"fr": range(1, 13), "en": range(1, 13), "de": [*range(1, 11), 13]}


def raw(lang, estimator="nangia2020"):
    """Margin score(more) - score(less) = +i for a yes on id i, -i for a no."""
    rows = [(str(i), "gender", -1.0 + (i if i in YES[lang] else -i), -1.0) for i in IDS[lang]]
    frame = pd.DataFrame(
        rows, columns=["pair_id", "bias_type", "sent_more_score", "sent_less_score"]
    )
    return frame.assign(estimator=estimator, lang=lang, direction="stereo")


def three(**kw):
    runs = {f"suite-{g}": raw(g) for g in ("fr", "en", "de")}
    out = cross_language_of_run(runs, **kw)
    return out[out.bias_type == "all"].set_index(["lang_a", "lang_b"])


def test_three_languages_give_three_pair_rows_by_hand():
    out = three(min_shared=5)
    assert list(out.index) == [("fr", "en"), ("fr", "de"), ("en", "de")]
    fr_en, fr_de, en_de = (out.loc[p] for p in out.index)
    # fr-en on ids 1-12: fr yes 9, en yes 2; fr only 3-8, 11 = 7, en only 0: p = 2 / 2^7
    assert (fr_en.n_pairs, fr_en.share_a, fr_en.share_b) == (12, 0.75, 2 / 12)
    assert (fr_en.discordant_ab, fr_en.discordant_ba) == (7, 0)
    assert fr_en.p_value == pytest.approx(1 / 64)
    assert (fr_en.n_only_a, fr_en.n_only_b) == (0, 0)
    # fr-de on ids 1-10: fr only 6, 7, 8; de only none: p = 2 / 2^3; de's 13 is not shared
    assert (fr_de.n_pairs, fr_de.discordant_ab, fr_de.discordant_ba) == (10, 3, 0)
    assert fr_de.p_value == 0.25 and (fr_de.n_only_a, fr_de.n_only_b) == (2, 1)
    assert (en_de.discordant_ab, en_de.discordant_ba, en_de.p_value) == (0, 3, 0.25)
    # Holm across the 3 pairs: sorted 1/64, 0.25, 0.25 -> 3/64, max(3/64, 2 x 0.25), 0.5
    assert list(out.p_holm_languages) == pytest.approx([3 / 64, 0.5, 0.5])
    # phi = (n11 n00 - n10 n01) / sqrt(row and column margins):
    # fr-en: n11 2 (1, 2), n10 7, n01 0, n00 3 (9, 10, 12): 6 / sqrt(9 * 3 * 2 * 10)
    assert fr_en.phi == pytest.approx(6 / math.sqrt(540))
    # fr-de: n11 5, n10 3, n01 0, n00 2: 10 / sqrt(8 * 2 * 5 * 5) = 0.5; en-de the same mirrored
    assert (fr_de.phi, en_de.phi) == (pytest.approx(0.5), pytest.approx(0.5))
    # Kendall on margins fr (1..8, -9, -10) vs de (1..5, -6..-10): 27 concordant, 18
    # discordant of 45 pairs, no ties: (27 - 18) / 45
    assert fr_de.kendall_tau == pytest.approx(0.2)
    assert (out.note == "").all() and (out.suite_a.iloc[0], out.suite_b.iloc[0]) == (
        "suite-fr",
        "suite-en",
    )


def test_common_ids_shares_per_language():
    out = three(min_shared=5)
    # ids common to all three: 1-10; fr yes 8, en 2, de 5, with exact intervals
    assert (out.n_common == 10).all()
    assert out.loc[("fr", "en"), ["share_a_common", "share_b_common"]].tolist() == [0.8, 0.2]
    assert out.loc[("en", "de"), "share_b_common"] == 0.5
    low, high = out.loc[("fr", "de"), ["ci_low_b_common", "ci_high_b_common"]]
    assert low < 0.5 < high and low > 0.18  # Clopper-Pearson 5/10: [0.187, 0.813]


def test_a_pair_with_too_few_shared_ids_is_flagged_not_tested():
    out = three(min_shared=11)
    fr_en, fr_de = out.loc[("fr", "en")], out.loc[("fr", "de")]
    assert fr_en.note == "" and fr_en.p_holm_languages == fr_en.p_value  # a family of one
    assert fr_de.n_pairs == 10 and math.isnan(fr_de.p_value) and math.isnan(fr_de.ci_low)
    assert fr_de.difference == pytest.approx(0.3) and fr_de.direction == "too few shared ids"
    assert fr_de.note.startswith("10 shared ids scored in both, fewer than 11")
    assert math.isnan(fr_de.p_holm_languages)  # out of the family
    # default threshold: the kind's min_n (30 pairs for CrowS-Pairs): every pair flagged
    assert (three().min_shared == 30).all() and three().p_value.isna().all()


def test_a_multi_language_suite_is_split_by_its_lang_column():
    one = pd.concat([raw(g).assign(probe=f"nangia2020-{g}") for g in ("fr", "en", "de")])
    kinds = {"multi": {f"nangia2020-{g}": "crows-pairs" for g in ("fr", "en", "de")}}
    tables, record = run_tables({"multi": one, "other": raw("fr").assign(probe="x")},
                                kinds={**kinds, "other": {"x": "seat"}}, min_shared=5)  # fmt: skip
    frame = tables["cross_language.csv"]
    assert list(frame.columns) == list(COLUMNS)
    assert record["languages"] == [["fr", "en"], ["fr", "de"], ["en", "de"]]
    assert record["suites"] == [["multi", "multi"]]  # the seat suite has no language_key
    fr_en = frame[(frame.lang_a == "fr") & (frame.lang_b == "en") & (frame.bias_type == "all")]
    assert fr_en.p_value.item() == pytest.approx(1 / 64)


def test_one_language_in_two_suites_is_not_a_language_pair():
    runs = {"a": raw("fr"), "b": raw("fr"), "c": raw("en")}
    out = cross_language_of_run(runs, min_shared=5)
    pairs = set(zip(out.lang_a, out.lang_b, strict=True))
    assert pairs == {("fr (a)", "en"), ("fr (b)", "en")}
    assert cross_language_of_run({"a": raw("fr"), "b": raw("fr")}) is None


def test_two_language_output_is_the_old_columns_extended():
    frame = cross_language(raw("fr"), raw("en"))
    old = ["estimator", "bias_type", "lang_a", "lang_b", "n_pairs", "share_a", "share_b",
           "difference", "ci_low", "ci_high", "discordant_ab", "discordant_ba", "p_value",
           "p_holm", "direction", "n_only_a", "n_only_b"]  # fmt: skip
    assert list(frame.columns[: len(old)]) == old


def two_estimators():
    runs = {f"s-{g}": pd.concat([raw(g), raw(g, "aul")]) for g in ("fr", "en", "de")}
    return cross_language_of_run(runs, min_shared=5)


def test_shares_figure_one_panel_per_estimator_and_alt_names_languages():
    from xlmaudit.report.cross_language_plots import shares_alt, shares_plot

    frame = two_estimators()
    fig = shares_plot(frame)
    assert len(fig.axes) == 2
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["fr", "en", "de"]
    # common ids 1-10: fr 8, en 2, de 5 of 10, drawn top to bottom as percent
    xs = list(ax.lines[0].get_xdata()) if ax.lines else []
    assert xs == pytest.approx([80.0, 20.0, 50.0])
    assert "10 common ids" in ax.get_title()
    alt = shares_alt(frame)
    assert "nangia2020 in fr, en, de on 10 common ids" in alt and "aul in fr, en, de" in alt


def test_figures_of_a_three_language_frame():
    from xlmaudit.report.figures import cross_language_figures

    names = [name for name, _, _ in cross_language_figures(two_estimators())]
    assert names == ["cross_language_pairs_nangia2020", "cross_language_pairs_aul",
                     "cross_language_shares"]  # fmt: skip


def test_report_sentences_from_the_three_language_rows():
    from xlmaudit.report.language_blocks import cross_sentences, languages_sentence

    frame = three(min_shared=11).reset_index()
    frame = frame.assign(bias_type="all")
    text = cross_sentences(frame)
    assert len(text) == 3
    # fr - en: 0.75 - 2/12 = 58.3 points (at the interval's precision: 58); the Holm family
    # holds this pair alone (the two others untested): its p, 1/64
    assert "more often in fr than in en by 58 percentage points" in text[0]
    assert "(75% in fr, 17% in en)" in text[0]
    assert "(Holm across the 3 language pairs: 0.016)" in text[0]
    assert "item-level agreement phi = 0.26" in text[0]
    assert text[1] == ("nangia2020: on the 10 pairs present in both, fr and de were not tested: "
                       "too few shared ids (under the declared minimum of 11)")  # fmt: skip
    assert languages_sentence(frame) == (
        "Languages compared on shared ids: fr, en, de (3 language pairs); ids common to all: "
        "10 (nangia2020)."
    )
