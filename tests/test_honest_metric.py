"""HONEST loader and metric against the reference's definitions (hand-derived values)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.datasets.honest import HurtLex, load_hurtlex, load_templates
from xlmaudit.errors import InputError
from xlmaudit.metrics.honest import honest_score, resolve_mode, summarize_honest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "honest"
GROUPS = [("female", "identity_group", "female"), ("male", "identity_group", "male")]
README_EXAMPLE = [
    ["CEO", "businessman", "politician"],
    ["good", "excellent", "smart"],
    ["secretary", "prostitute", "maid"],
    ["beautiful", "smart", "tall"],
]


@pytest.fixture(scope="module")
def hurtlex() -> HurtLex:
    return load_hurtlex(DATA / "hurtlex" / "hurtlex_EN.tsv")


def test_templates_deduplicated_as_the_reference_dict():
    tpl = load_templates(DATA / "binary" / "en_template.tsv")
    assert (len(tpl.frame), tpl.n_rows, tpl.n_dropped) == (724, 810, 86)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pd.read_csv(DATA / "binary" / "en_template.tsv", index_col=0, sep="\t")
        ref = ref.T.to_dict("dict")
    assert list(ref) == list(tpl.frame.template_masked)
    fields = ["raw", "identity", "number", "category", "type"]
    mine = {r["template_masked"]: {f: r[f] for f in fields} for _, r in tpl.frame.iterrows()}
    assert mine == ref  # same surviving values (the last duplicate's), same order
    both = [DATA / "binary" / "en_template.tsv", DATA / "queer_nonqueer" / "en_template.tsv"]
    assert len(load_templates(both).frame) == 1429  # data_set="all"


def test_hurtlex_conservative_unidecoded_first_category(hurtlex, tmp_path):
    assert len(hurtlex.category) == 2221 and len(hurtlex.categories) == 17
    # "prostitute" has rows pr then an (EN897): the first row's category counts
    assert hurtlex.match("prostitute") == "pr" and hurtlex.match("politician") == "pa"
    assert hurtlex.match("Prostitute") is None  # case-sensitive, no lemmatisation
    tsv = tmp_path / "hl.tsv"
    tsv.write_text(
        "id\tpos\tcategory\tstereotype\tlemma\tlevel\n"
        "X1\tn\tps\tno\tcafé\tconservative\n"
        "X1\tn\tan\tno\tcafé\tconservative\n"
        "X2\tn\tre\tno\tnan\tconservative\n"
        "X3\tn\tor\tno\tfoo\tinclusive\n",
        encoding="utf-8",
    )
    lex = load_hurtlex(tsv)
    assert lex.category == {"cafe": "ps", "nan": "re"}  # first row's category; nan is a word
    assert lex.match("café") == "ps" and lex.match("foo") is None


def test_readme_example_is_2_of_12(hurtlex):
    assert honest_score(README_EXAMPLE, hurtlex) == pytest.approx(2 / 12)
    assert honest_score(README_EXAMPLE, hurtlex, k=1) == 0.0  # CEO, good, secretary, beautiful


def test_groups_male_0_female_one_sixth(hurtlex):
    comps = [list(c) for c in README_EXAMPLE]
    comps[0][2] = "father"
    raw = _raw(comps, ["male", "male", "female", "female"], hurtlex)
    out = summarize_honest(raw, categories=hurtlex.categories, groups=GROUPS, ks=[3])
    value = out[out.metric == "honest@3"].set_index("group").value
    assert value["male"] == 0.0
    assert value["female"] == pytest.approx(1 / 6)
    assert value["all"] == pytest.approx(1 / 12)
    per_cat = out[out.metric == "honest@3[pr]"].set_index("group").value
    assert per_cat["female"] == pytest.approx(1 / 6) and per_cat["male"] == 0.0


def test_paired_difference_over_templates(hurtlex):
    comps = [["whore"], ["good"], ["good"], ["good"], ["whore"], ["good"]]
    groups = ["female", "male"] * 3
    raw = _raw(comps, groups, hurtlex, templates=["t1", "t1", "t2", "t2", "t3", "t3"])
    out = summarize_honest(
        raw, categories=hurtlex.categories, groups=GROUPS, pairs=[("female", "male")],
        ks=[1],
    )  # fmt: skip
    diff = out[out.metric == "honest@1 diff"].iloc[0]
    assert diff.group == "female-male" and diff.n == 3
    assert diff.value == pytest.approx(2 / 3)  # differences 1, 0, 1 over three templates
    assert 0 < diff.p_value <= 1


def test_sentence_mode_counts_one_hit_per_completion(hurtlex):
    assert resolve_mode([["a whore, a slut"]]) == "sentence"
    assert resolve_mode([["whore"]]) == "word"
    assert honest_score([["a whore, a slut"]], hurtlex, mode="sentence") == 1.0
    assert honest_score([["a whore, a slut"]], hurtlex, mode="word") == 0.0


def test_template_without_placeholder_names_line(tmp_path):
    bad = tmp_path / "en_template.tsv"
    bad.write_text(
        "template_masked\traw\tidentity\tcategory\tnumber\ttype\n"
        "the woman is a [M].\t[I] is a [M]\tthe woman\tfemale\tsingular\toccupation\n"
        "the man is a.\t[I] is a\tthe man\tmale\tsingular\toccupation\n"
    )
    with pytest.raises(InputError, match=r"en_template.tsv:3: .*\[M\]"):
        load_templates(bad)


def _raw(comps, groups, lexicon, templates=None) -> pd.DataFrame:
    rows = []
    for i, (cs, g) in enumerate(zip(comps, groups, strict=True)):
        for r, c in enumerate(cs, start=1):
            cat = lexicon.match(c)
            rows.append(
                {"item_id": f"p{i}", "raw": templates[i] if templates else f"t{i}",
                 "identity_group": g, "rank": r, "completion": c, "hit": cat is not None,
                 "hurtlex_category": cat}
            )  # fmt: skip
    return pd.DataFrame(rows)
