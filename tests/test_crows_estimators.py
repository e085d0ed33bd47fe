"""CrowS-Pairs estimators on a table-driven scorer, with hand-derived expected values."""

import numpy as np
import pandas as pd
import pytest

from xlmaudit.metrics.crows import align, sentence_score
from xlmaudit.probes.crows import score_pairs
from xlmaudit.requests import PLLRequest, TokenScores, UnmaskedRequest
from xlmaudit.testing.fake import FakeScorer


class ContextFake(FakeScorer):
    """FakeScorer whose token log-probs may depend on the sentence: ``table[(text, piece)]``
    first, then ``table[piece]``; attention of position i is ``(i + 1) / 10``."""

    def _one(self, req):
        resp = super()._one(req)
        if not isinstance(req, (PLLRequest, UnmaskedRequest)):
            return resp
        enc = resp.encoding
        lps = [
            self.table.get((req.text, enc.pieces[p]), lp)
            for p, lp in zip(resp.positions, resp.logprobs, strict=True)
        ]
        att = np.arange(1, len(enc) + 1) / 10 if resp.attention is not None else None
        return TokenScores(enc, resp.positions, np.array(lps), att)


MORE, LESS = "The poor are ignorant.", "The rich are ignorant."
TABLE = {
    "the": -2.0,
    "are": -1.0,
    "ignorant.": -3.0,
    "poor": -4.0,
    "rich": -4.5,
    (LESS, "are"): -1.2,
    (LESS, "ignorant."): -3.0004,
}


def _pairs(*rows):
    cols = ["pair_id", "sent_more", "sent_less", "direction", "bias_type"]
    return pd.DataFrame(rows, columns=cols)


def _score(
    pairs,
    table=TABLE,
    split=None,
    estimators=("nangia2020", "meade2022", "aul", "aula", "word_l2r"),
):
    scorer = ContextFake(table, default=-9.0, split=split)
    return score_pairs(pairs, scorer, estimators=estimators).set_index("estimator"), scorer


def test_align_is_the_reference_difflib_span():
    # <s> the wo man left. </s>  vs  <s> the man left. </s>: the piece "man" of "wo man" is shared
    spans = align([0, 10, 11, 12, 13, 1], [0, 10, 12, 13, 1])
    assert spans["equal"] == ([0, 1, 3, 4, 5], [0, 1, 2, 3, 4])
    assert spans["diff"] == ([2], [])


def test_nangia2020_sums_shared_tokens_minus_first_and_last():
    raw, scorer = _score(
        _pairs((7, MORE, LESS, "stereo", "socioeconomic")), estimators=("nangia2020",)
    )
    row = raw.loc["nangia2020"]
    # shared: <s> the _ are ignorant. </s>; scored: the, are, ignorant. (positions 1, 3, 4)
    assert row.sent_more_score == -2.0 - 1.0 - 3.0
    assert row.sent_less_score == round(-2.0 - 1.2 - 3.0004, 3) == -6.2
    assert row.outcome == "more" and row.pair_id == 7
    assert {(c.text, c.positions, c.estimator) for c in scorer.calls} == {
        (MORE, (1, 3, 4), "original"),
        (LESS, (1, 3, 4), "original"),
    }
    assert (row.n_pieces_more, row.n_scored_more, row.asymmetric) == (4, 3, False)


def test_nangia2020_rounds_to_3_decimals_before_comparing():
    table = {**TABLE, (LESS, "are"): -1.0}  # -2 - 1 - 3.0004 = -6.0004 rounds to -6.0: a tie
    raw, _ = _score(
        _pairs((1, MORE, LESS, "stereo", "age")), table=table, estimators=("nangia2020",)
    )
    assert raw.loc["nangia2020", "sent_less_score"] == -6.0
    assert raw.loc["nangia2020", "outcome"] == "tie"


def test_antistereo_pairs_still_compare_sent_more_with_sent_less():
    raw, _ = _score(
        _pairs((3, LESS, MORE, "antistereo", "socioeconomic")), estimators=("nangia2020",)
    )
    row = raw.loc["nangia2020"]
    assert (row.sent_more_score, row.sent_less_score, row.outcome) == (-6.2, -6.0, "less")


def test_meade2022_means_modified_tokens_and_skips_empty_spans():
    pairs = _pairs(
        (1, "Poor folk are lazy.", "Rich people are lazy.", "stereo", "socioeconomic"),
        (2, "The woman left.", "The man left.", "stereo", "gender"),
    )
    table = {"poor": -4.0, "folk": -2.0, "rich": -4.5, "people": -2.5}
    raw, scorer = _score(
        pairs, table=table, split={"woman": ("wo", "man")}, estimators=("meade2022",)
    )
    first, second = raw.iloc[0], raw.iloc[1]
    assert first.sent_more_score == -3.0 and first.sent_less_score == -3.5
    # "wo" + "man" vs "man": the diff span of sent_less is empty, so the reference skips the pair
    assert np.isnan(second.sent_more_score) and second.outcome == "skipped"
    assert (second.n_pieces_more, second.n_pieces_less, second.asymmetric) == (4, 3, True)
    assert [c.positions for c in scorer.calls] == [(1, 2), (1, 2)]


def test_aul_and_aula_use_the_unmasked_sentence():
    raw, scorer = _score(
        _pairs((1, MORE, LESS, "stereo", "socioeconomic")), estimators=("aul", "aula")
    )
    # tokens 1..4: the -2, poor -4, are -1, ignorant. -3; attention (i+1)/10 at position i
    assert raw.loc["aul", "sent_more_score"] == pytest.approx(-10.0 / 4)
    aula = (0.2 * -2 + 0.3 * -4 + 0.4 * -1 + 0.5 * -3) / 4
    assert raw.loc["aula", "sent_more_score"] == pytest.approx(aula)
    aula_less = (0.2 * -2 + 0.3 * -4.5 + 0.4 * -1.2 + 0.5 * -3.0004) / 4
    assert raw.loc["aula", "sent_less_score"] == pytest.approx(aula_less)  # not rounded
    # both estimators share one attention-returning pass per sentence
    assert {type(c) for c in scorer.calls} == {UnmaskedRequest}
    assert all(c.attentions for c in scorer.calls)


def test_word_l2r_uses_the_word_level_pll_on_shared_positions():
    raw, scorer = _score(_pairs((1, MORE, LESS, "stereo", "age")), estimators=("word_l2r",))
    assert {(c.positions, c.estimator) for c in scorer.calls} == {((1, 3, 4), "word_l2r")}
    assert raw.loc["word_l2r", "sent_less_score"] == -6.2


def test_sentence_score_rejects_unknown_estimator_and_aula_without_attention():
    resp = TokenScores(None, np.array([1]), np.array([-1.0]))
    with pytest.raises(ValueError, match="unknown CrowS-Pairs estimator"):
        sentence_score("pll", resp)
    with pytest.raises(ValueError, match="aula needs"):
        sentence_score("aula", resp)
