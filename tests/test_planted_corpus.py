"""The planted corpus: deterministic, counts equal to the truth table, held-out frames unseen."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from xlmaudit.planted import cue_items, stereotype_pairs, truth
from xlmaudit.planted.corpus import CorpusSize, generate_corpus, heldout_filler
from xlmaudit.planted.frames import OCC_HELDOUT, STEREO_HELDOUT
from xlmaudit.planted.lexicon import CUE_PAIRS, OCCUPATION_SHARES, STEREOTYPES

FEM, MASC = {"she", "her"}, {"he", "his", "him"}


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return generate_corpus(seed=0)


def test_same_seed_same_corpus_other_seed_other_order(corpus: list[str]) -> None:
    assert generate_corpus(seed=0) == corpus
    other = generate_corpus(seed=1)
    assert other != corpus
    assert len(other) == len(corpus)


def test_occupation_and_cue_pronoun_shares_match_truth(corpus: list[str]) -> None:
    fem, total = Counter(), Counter()
    terms = set(OCCUPATION_SHARES) | {w for pair in CUE_PAIRS for w in pair}
    for sent in corpus:
        words = sent.split()
        hits = terms.intersection(words)
        if hits:
            (term,) = hits  # one planted term per sentence
            pron = [w for w in words if w in FEM | MASC]
            assert len(pron) == 1, sent
            total[term] += 1
            fem[term] += pron[0] in FEM
    table = truth().set_index("term")
    for term in terms:
        assert total[term] == table.loc[term, "n_sentences"]
        assert fem[term] / total[term] == pytest.approx(table.loc[term, "planted_value"])


def test_attribute_group_shares_match_truth(corpus: list[str]) -> None:
    table = truth()
    for st in STEREOTYPES:
        group_of = {t: st.more for t in st.more_terms} | {t: st.less for t in st.less_terms}
        rows = table[table.association == st.name]
        for row in rows.itertuples():
            sents = [s.split() for s in corpus if row.term in s.split()]
            named = [next(group_of[w] for w in s if w in group_of) for s in sents]
            assert len(sents) == row.n_sentences
            assert named.count(row.group) / len(sents) == pytest.approx(row.planted_value)


def test_truth_table_grid_and_balance() -> None:
    occ = truth().query("role == 'occupation'")
    assert len(occ) == 24
    assert occ.planted_value.min() == 0.1 and occ.planted_value.max() == 0.9
    assert occ.planted_value.mean() == pytest.approx(0.5)  # frames stay neutral overall
    assert (occ.planted_value == 0.5).sum() >= 2


def _frame_regex(frame: str) -> re.Pattern[str]:
    parts = re.split(r"(\{\w+\}|\[MASK\])", frame)
    return re.compile("^" + "".join(r"\S+" if p.startswith(("{", "[")) else re.escape(p)
                                    for p in parts if p) + "$")  # fmt: skip


def test_heldout_frames_never_occur_in_corpus(corpus: list[str]) -> None:
    patterns = [_frame_regex(f) for f in OCC_HELDOUT + STEREO_HELDOUT]
    assert patterns[0].match(OCC_HELDOUT[0].format(occ="nurse").replace("[MASK]", "she"))
    assert not [s for s in corpus for p in patterns if p.match(s)]


def test_heldout_filler_is_outside_the_corpus(corpus: list[str]) -> None:
    held = heldout_filler(seed=0, n=50, exclude=set(corpus))
    assert len(held) == len(set(held)) == 50
    assert not set(held) & set(corpus)


def test_filler_carries_no_planted_word(corpus: list[str]) -> None:
    planted = set(truth().term)
    for st in STEREOTYPES:
        planted |= set(st.more_terms + st.less_terms)
    planted_sents = [s for s in corpus if planted.intersection(s.split())]
    she = sum(s.split().count("she") for s in corpus if s not in planted_sents)
    he = sum(s.split().count("he") for s in corpus if s not in planted_sents)
    assert she and abs(she - he) / (she + he) < 0.1  # filler pronouns balanced


def test_corpus_size_changes_counts() -> None:
    small = generate_corpus(seed=0, size=CorpusSize(30, 30, 40, 400))
    assert sum("nurse" in s.split() for s in small) == 30


def test_stereotype_pairs_columns_and_directions() -> None:
    pairs = stereotype_pairs(seed=0, n_per_type=20, n_control=10)
    assert pairs.equals(stereotype_pairs(seed=0, n_per_type=20, n_control=10))
    assert {"sent_more", "sent_less", "bias_type", "stereo_antistereo", "is_control"} <= set(
        pairs.columns
    )
    assert len(pairs) == 3 * 30
    row = pairs[(pairs.attribute == "forgetful")].iloc[0]  # planted toward "old"
    assert row.stereo_antistereo == "stereo" and row.stereotyped == "sent_more"
    assert row.sent_more.split()[1:] != row.sent_less.split()[1:]
    row = pairs[(pairs.attribute == "careless")].iloc[0]  # planted toward "young"
    assert row.stereo_antistereo == "antistereo" and row.stereotyped == "sent_less"
    assert pairs[pairs.is_control].planted_value.eq(0.5).all()


def test_cue_items_name_their_decisive_word() -> None:
    items = cue_items()
    for row in items.itertuples():
        assert row.text.count("[MASK]") == 1
        assert row.text.split()[row.cue_word_index] == row.cue
    sister = items[items.cue == "sister"]
    assert set(sister.target) == {"she"} and set(sister.contrast) == {"he"}
