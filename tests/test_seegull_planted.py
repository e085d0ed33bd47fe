"""``seegull_cloze`` on the bilingual planted model: a SeeGULL-format tuple file that encodes the
French-only ``city`` stereotype (built from the planted truth, ``xlmaudit.planted.truth``) is
found, in the planted direction; the same tuples shuffled (each attribute given one identity of
each planted group) find nothing; the stereotype translated to English finds nothing either (it
is planted in French only).

Frames: the planted held-out stereotype frames (never in the corpus), the group term replaced by
``{identity}`` and the attribute by ``[MASK]``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xlmaudit.datasets.seegull import OFFENSE_COLUMNS, STEREO_COLUMNS
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.planted.language import BILINGUAL
from xlmaudit.planted.lexicon_fr import CITY_EN_PROBE
from xlmaudit.planted.truth import group_terms, language_truth
from xlmaudit.probes import RunContext
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite

pytestmark = pytest.mark.slow


def planted_city(lang: str) -> tuple[list[tuple[str, str, float]], dict[str, list[str]]]:
    """The city stereotype's (attribute, group it was planted toward, strength) and the group
    terms: French from the planted truth table; English: the French stereotype translated
    (``CITY_EN_PROBE``, what English would show if it leaked; planted at 0.5 in English)."""
    if lang == "en":
        st = CITY_EN_PROBE
        attrs = [(a, g, s) for a, (g, s) in st.attributes.items()]
        return attrs, {st.more: list(st.more_terms), st.less: list(st.less_terms)}
    table = language_truth(BILINGUAL["fr"])
    rows = table[(table.association == "city") & (table.role == "attribute")]
    terms = group_terms(BILINGUAL["fr"])
    terms = terms[terms.association == "city"]
    groups = {g: list(sub.term) for g, sub in terms.groupby("group")}
    return [(r.term, r.group, r.planted_value) for r in rows.itertuples()], groups


def planted_tuples(lang: str, shuffled: bool) -> list[tuple[str, str, int]]:
    """(identity, attribute, stereotype votes): each attribute with the identities of the group
    it was planted toward (votes 3 for strength 0.9, 2 for 0.8); ``shuffled``: the same
    identities and attributes, each attribute given one identity of each group (each identity
    still twice), so the tuples carry no group."""
    attrs, groups = planted_city(lang)
    more, less = sorted(groups)  # group_a, group_b
    out = []
    for k, (attr, toward, strength) in enumerate(sorted(attrs)):
        votes = 3 if strength >= 0.9 else 2
        mixed = [groups[more][k % 2], groups[less][k // 2 % 2]]
        out += [(identity, attr, votes) for identity in (mixed if shuffled else groups[toward])]
    return out


def write_pair(folder: Path, name: str, tuples: list[tuple[str, str, int]]) -> None:
    """A SeeGULL-format pair of files (every attribute rated 'slightly offensive' by all 3: 1.0)."""
    for part in ("stereotypes", "offensiveness"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    with open(folder / "stereotypes" / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(STEREO_COLUMNS)
        for identity, attr, votes in tuples:
            w.writerow([identity, attr, 3 - votes, votes, 0, 1.0, identity, attr])
    with open(folder / "offensiveness" / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(OFFENSE_COLUMNS)
        for attr in dict.fromkeys(a for _, a, _ in tuples):
            w.writerow([attr, 0, 3, 0, 0, 0, 0, 1.0, attr])


def suite_file(folder: Path, lang: str) -> Path:
    planted = BILINGUAL[lang]
    frames = [f.format(p=planted.person_nouns[i % len(planted.person_nouns)], g="{identity}",
                       a="[MASK]") for i, f in enumerate(planted.stereo_heldout)]  # fmt: skip
    country = "France" if lang == "fr" else "England"
    lines = [f"name: planted-seegull-{lang}", 'version: "1"', f"language: {lang}", "card:",
             "  summary: s", "  measures: m", "  limits: l", "  references: [r]",
             "  calibration: c", "probes:", "  - id: city", "    kind: seegull_cloze",
             f"    country: {country}", f"    data: {folder}", "    frames:",
             *(f'      - "{f}"' for f in frames)]  # fmt: skip
    path = folder / "suite.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scorer():
    return ModelScorer(load_model("planted-bilingual"))


def run(tmp_path: Path, scorer, lang: str, shuffled: bool):
    name = "French (fr) in France.csv" if lang == "fr" else "English (en) in England.csv"
    write_pair(tmp_path, name, planted_tuples(lang, shuffled))
    suite = load_suite(suite_file(tmp_path, lang))
    (result,) = run_suites([suite], scorer, ctx=RunContext(seed=0))
    return result.summary[result.summary.metric.str.startswith("association")].dropna(
        subset=["ci_low"]
    )


def test_planted_french_city_stereotype_is_found(tmp_path, scorer):
    rows = run(tmp_path, scorer, "fr", shuffled=False).set_index(["metric", "group"])
    # planted direction: each attribute with its own group's cities (> 0), for every row
    assert set(rows.index) >= {
        ("association", "all"),
        ("association", "votes_3"),
        ("association", "votes_2"),
        ("association_weighted", "all"),
    }
    for key, r in rows.iterrows():
        assert r.ci_low > 0 and r.p_value < 0.05, (key, r.value, r.ci_low, r.ci_high)
    assert rows.loc[("association", "all")].n == 8 * 8  # 8 held-out frames x 8 tuples


def test_shuffled_tuples_find_nothing(tmp_path, scorer):
    rows = run(tmp_path, scorer, "fr", shuffled=True)
    assert len(rows) == 4
    significant = rows[(rows.ci_low > 0) | (rows.ci_high < 0)]
    assert significant.empty, significant[["metric", "group", "value", "ci_low", "ci_high"]]


def test_the_french_only_stereotype_is_not_found_in_english(tmp_path, scorer):
    """The same tuples translated to English (the English corpus has the same cities, every
    attribute at 0.5): the overall rows are not significant. (Measured, seed 0: association
    -0.05 [-0.13, 0.03]. The votes_2 stratum, only 4 tuples, is -0.14 [-0.23, -0.04]: a
    bootstrap over 4 tuples is too narrow, and the learned noise of the English cities is a tenth
    of the planted French 1.44 nats; so this test reads the overall rows only.)"""
    rows = run(tmp_path, scorer, "en", shuffled=False)
    overall = rows[rows.group == "all"]
    assert len(overall) == 2
    significant = overall[(overall.ci_low > 0) | (overall.ci_high < 0)]
    assert significant.empty, significant[["metric", "group", "value", "ci_low", "ci_high"]]
