"""S_JSD (Steinborn et al. 2022) as the crows-pairs estimator ``sjsd``: hand-derived divergences,
the authors' definitions (``VSteinborn/s_jsd-multilingual-bias:main.py``, described in
../shared/data/s_jsd_multilingual/SOURCE.md) and the kind's summary.

``scipy.spatial.distance.jensenshannon`` returns the Jensen-Shannon *distance*, the square root
of the divergence; the authors' per-token score is that distance (base 2).
"""

from math import log, log2, sqrt

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon

from xlmaudit.metrics.crows import align, js_distance, pair_sjsd, summarize_sjsd
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.probes.crows import score_pairs
from xlmaudit.requests import PLLRequest, TokenScores
from xlmaudit.testing.fake import FakeScorer

# P = (1/3, 2/3), gold = token 0; M = (P + one-hot) / 2 = (2/3, 1/3).
# KL(one-hot || M) = log2(1 / (2/3)) = log2 3 - 1
# KL(P || M) = 1/3 log2((1/3) / (2/3)) + 2/3 log2((2/3) / (1/3)) = -1/3 + 2/3 = 1/3
# JSD = (log2 3 - 1 + 1/3) / 2 = log2(3) / 2 - 1/3 = 0.4591479; distance = sqrt = 0.6776046
JSD_THIRD = log2(3) / 2 - 1 / 3
# P = (1/2, 1/4, 1/4), gold = token 0; M = (3/4, 1/8, 1/8).
# KL(one-hot || M) = log2(4/3) = 2 - log2 3
# KL(P || M) = 1/2 log2(2/3) + 2 * 1/4 log2((1/4) / (1/8)) = 1/2 - 1/2 log2 3 + 1/2 = 1 - log2(3)/2
# JSD = (3 - 3/2 log2 3) / 2 = 3/2 - 3/4 log2 3 = 0.3112781; distance = 0.5579230
JSD_HALF = 1.5 - 0.75 * log2(3)


def authors_js_distance(p: float) -> float:
    """The closed form the authors write (SOURCE.md step 3): sqrt((p log2 p - (p+1) log2(p+1)
    + 2) / 2), defined for p in (0, 1]."""
    return sqrt((p * log2(p) - (p + 1) * log2(p + 1) + 2) / 2)


def authors_pair(p_more: list[float], p_less: list[float]) -> tuple[float, int]:
    """S_JSD of a pair (mean over the shared tokens of JS_A - JS_B, A = sent_more) and B.S_JSD's
    0/1 (1 when the sum of A's distances is strictly below B's), as the authors define them."""
    a = [authors_js_distance(p) for p in p_more]
    b = [authors_js_distance(p) for p in p_less]
    return float(np.mean(np.subtract(a, b))), int(sum(a) < sum(b))


def test_two_token_vocabulary_by_hand():
    assert abs(JSD_THIRD - 0.4591479) < 1e-7
    assert js_distance([log(1 / 3)]) == pytest.approx([sqrt(JSD_THIRD)], rel=1e-12)
    assert js_distance([log(1 / 3)])[0] == pytest.approx(0.6776046, abs=1e-7)
    # scipy on the whole 2-token distributions: the distance; its square is the divergence
    full = jensenshannon([1.0, 0.0], [1 / 3, 2 / 3], base=2)
    assert full == pytest.approx(sqrt(JSD_THIRD), rel=1e-12)
    assert full**2 == pytest.approx(JSD_THIRD, rel=1e-12) and full**2 != pytest.approx(full)


def test_three_token_vocabulary_by_hand_depends_on_the_gold_probability_only():
    assert abs(JSD_HALF - 0.3112781) < 1e-7
    assert js_distance([log(0.5)])[0] == pytest.approx(sqrt(JSD_HALF), rel=1e-12)
    assert js_distance([log(0.5)])[0] == pytest.approx(0.5579230, abs=1e-7)
    spread = jensenshannon([1.0, 0.0, 0.0], [0.5, 0.25, 0.25], base=2)
    lumped = jensenshannon([1.0, 0.0, 0.0], [0.5, 0.5, 0.0], base=2)
    assert spread == pytest.approx(sqrt(JSD_HALF), rel=1e-12)
    assert lumped == pytest.approx(spread, rel=1e-12)  # the non-gold mass's spread is irrelevant


def test_js_distance_equals_the_authors_closed_form_and_its_limits():
    p = np.array([1e-12, 1e-6, 0.01, 0.2, 1 / 3, 0.5, 0.9, 0.999999, 1.0])
    got = js_distance(np.log(p))
    assert got == pytest.approx([authors_js_distance(x) for x in p], abs=1e-9)
    assert js_distance([0.0])[0] == 0.0  # p = 1: the gold token itself
    assert js_distance([-np.inf])[0] == pytest.approx(1.0)  # p = 0: the limit (authors: NaN)
    assert np.all(np.diff(js_distance(np.log(np.linspace(0.01, 1, 50)))) < 0)  # falls with p


class ContextFake(FakeScorer):
    """FakeScorer whose PLL log-prob of a piece may depend on the sentence: ``table[(text,
    piece)]`` first, then ``table[piece]``."""

    def _one(self, req):
        resp = super()._one(req)
        if not isinstance(req, PLLRequest):
            return resp
        enc = resp.encoding
        lps = [self.table.get((req.text, enc.pieces[p]), lp)
               for p, lp in zip(resp.positions, resp.logprobs, strict=True)]  # fmt: skip
        return TokenScores(enc, resp.positions, np.array(lps), None)


MORE, LESS = "the poor are lazy", "the rich are lazy"
# shared tokens: the, are, lazy (<s> and </s> dropped). P(gold): sent_more (1/2, 1, 1/2),
# sent_less (1/3, 1, 1/2). Distances: more (d(1/2), 0, d(1/2)), less (d(1/3), 0, d(1/2)) with
# d(1/2) = 0.5579230, d(1/3) = 0.6776046.
# S_JSD = mean(d(1/2) - d(1/3), 0, 0) = (0.5579230 - 0.6776046) / 3 = -0.0398939
# B.S_JSD: sum more 1.1158460 < sum less 1.2355276, so 1 ("more")
TABLE = {(MORE, "the"): log(1 / 2), (LESS, "the"): log(1 / 3), "are": 0.0, "lazy": log(1 / 2)}
S_JSD = (sqrt(JSD_HALF) - sqrt(JSD_THIRD)) / 3


def _pairs(*rows):
    return pd.DataFrame(rows, columns=["pair_id", "sent_more", "sent_less", "direction",
                                       "bias_type"])  # fmt: skip


def test_pair_by_hand_and_direction_unused():
    pairs = _pairs((1, MORE, LESS, "stereo", "class"), (2, MORE, LESS, "antistereo", "class"))
    raw = score_pairs(pairs, ContextFake(TABLE, default=-9.0), estimators=("sjsd",))
    assert abs(S_JSD - -0.0398939) < 1e-7
    assert raw.sent_more_score.tolist() == pytest.approx([-2 * sqrt(JSD_HALF)] * 2)
    assert raw.sent_less_score.tolist() == pytest.approx([-sqrt(JSD_HALF) - sqrt(JSD_THIRD)] * 2)
    assert raw.outcome.tolist() == ["more", "more"] and raw.n_scored_more.tolist() == [3, 3]
    assert pair_sjsd(raw).tolist() == pytest.approx([S_JSD, S_JSD], rel=1e-12)
    assert authors_pair([0.5, 1, 0.5], [1 / 3, 1, 0.5]) == pytest.approx((S_JSD, 1))


def test_equal_sums_are_not_a_preference_and_empty_pairs_have_no_sjsd():
    # equal probabilities: S_JSD 0, B.S_JSD 0 (the authors' strict <), kept in the denominator;
    # "rich" vs "poor" share no token but the specials: no S_JSD (the authors' mean of nothing)
    pairs = _pairs((1, "the poor", "the rich", "stereo", "class"), (2, "poor", "rich", "stereo",
                                                                   "class"))  # fmt: skip
    raw = score_pairs(pairs, ContextFake({"the": log(0.25)}), estimators=("sjsd",))
    assert raw.outcome.tolist() == ["tie", "tie"]
    assert pair_sjsd(raw).iloc[0] == 0.0 and np.isnan(pair_sjsd(raw).iloc[1])
    summary = summarize_sjsd(raw).set_index("group")
    assert summary.loc["all", "n"] == 1 and summary.loc["all", "value"] == 0.0


def test_alignment_is_sent_more_against_sent_less_whatever_the_direction():
    # "poor rich" vs "rich poor": difflib keeps one shared word and which one depends on the
    # order. The authors align (sent_more, sent_less) always (shared: "poor"); nangia2020 aligns
    # (sent_less, sent_more) for an antistereo pair (shared: "rich").
    more, less = "poor rich", "rich poor"
    scorer = ContextFake({(more, "poor"): log(0.5), (less, "poor"): log(1 / 3), "rich": -9.0})
    ids_more, ids_less = scorer.tokenize(more).ids, scorer.tokenize(less).ids
    assert align(ids_more, ids_less)["equal"][0] == [0, 1, 3]  # <s> poor </s>
    assert align(ids_less, ids_more)["equal"][0] == [0, 1, 3]  # <s> rich </s> of sent_less
    pairs = _pairs((1, more, less, "antistereo", "class"))
    raw = score_pairs(pairs, scorer, estimators=("sjsd", "nangia2020")).set_index("estimator")
    # sjsd scores "poor": d(1/2) - d(1/3); nangia2020 scores "rich": -9 on both sides, a tie
    assert pair_sjsd(raw.loc[["sjsd"]]).iloc[0] == pytest.approx(sqrt(JSD_HALF) - sqrt(JSD_THIRD))
    assert raw.loc["nangia2020", "outcome"] == "tie" and raw.loc["sjsd", "outcome"] == "more"


def test_equals_the_authors_definition_on_random_probabilities():
    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in range(6)]
    rows, table, expected = [], {}, []
    for i in range(40):
        shared = list(rng.choice(words, size=int(rng.integers(1, 5)), replace=False))
        more, less = " ".join(["he", *shared]), " ".join(["she", *shared])
        if (more, "he") in table:  # a sentence drawn twice: one probability table per sentence
            continue
        table[(more, "he")] = table[(less, "she")] = -1.0  # not shared: not scored
        p_more = rng.uniform(1e-4, 1, len(shared))
        p_less = rng.uniform(1e-4, 1, len(shared))
        for w, a, b in zip(shared, p_more, p_less, strict=True):
            table[(more, w)], table[(less, w)] = log(a), log(b)
        rows.append((i, more, less, ["stereo", "antistereo"][i % 2], "gender"))
        expected.append(authors_pair(list(p_more), list(p_less)))
    assert len(rows) >= 25 and {r[3] for r in rows} == {"stereo", "antistereo"}
    raw = score_pairs(_pairs(*rows), ContextFake(table), estimators=("sjsd",))
    want = np.array(expected)
    assert pair_sjsd(raw).to_numpy() == pytest.approx(want[:, 0], abs=1e-12)
    assert (raw.outcome == "more").astype(int).tolist() == want[:, 1].astype(int).tolist()
    summary = summarize_sjsd(raw).set_index("group")
    assert summary.loc["all", "value"] == pytest.approx(want[:, 0].mean(), abs=1e-12)
    low, high = summary.loc["all", ["ci_low", "ci_high"]]
    assert low < summary.loc["all", "value"] < high and 0 <= summary.loc["all", "p_value"] <= 1


def test_kind_summary_adds_s_jsd_rows_with_a_declared_doc(tmp_path):
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite

    data = tmp_path / "pairs.csv"
    pd.DataFrame({"": [0, 1, 2], "sent_more": [MORE, "the poor are lazy", "he cries"],
                  "sent_less": [LESS, "the rich are lazy", "she cries"],
                  "stereo_antistereo": ["stereo", "stereo", "antistereo"],
                  "bias_type": ["socioeconomic", "socioeconomic", "gender"],
                  "annotations": ["[]"] * 3, "anon_writer": ["a"] * 3,
                  "anon_annotators": ["[]"] * 3}).to_csv(data, index=False)  # fmt: skip
    suite = tmp_path / "mine.yaml"
    suite.write_text(SUITE.format(data=data), encoding="utf-8")
    scorer = ContextFake(TABLE, default=-9.0)
    (result,) = run_suites([load_suite(suite)], scorer, ctx=RunContext())
    # sjsd asks exactly nangia2020's requests here (symmetric alignments): 2 probes x 3 pairs x
    # 2 sentences asked, 2 distinct pairs x 2 sentences scored
    probes = result.meta["probes"]
    assert probes["sjsd"]["requests"] == probes["nangia2020"]["requests"] == 6
    assert result.meta["distinct_requests_in_run"] == 4
    rows = result.summary.set_index(["probe", "metric", "group"])
    assert ("nangia2020", "s_jsd", "all") not in rows.index
    assert rows.loc[("sjsd", "pct_sent_more", "all"), "value"] == pytest.approx(200 / 3)
    # pairs 0 and 1 (same sentences): S_JSD; pair 2: "cries" -9 on both sides, S_JSD 0
    sjsd = rows.loc[("sjsd", "s_jsd")]
    assert sjsd.loc["all", "value"] == pytest.approx(2 * S_JSD / 3, rel=1e-9)
    assert sjsd.loc["socioeconomic", "value"] == pytest.approx(S_JSD, rel=1e-9)
    assert sjsd.loc["socioeconomic", "level"] == "category" and sjsd.loc["all", "n"] == 3
    docs = {d.name for d in get_kind("crows-pairs").metric_docs}
    assert set(result.summary.metric) <= docs


SUITE = """name: mine
version: "1"
card: {{summary: s, measures: m, limits: l, references: [r], calibration: c}}
probes:
  - id: nangia2020
    kind: crows-pairs
    estimator: nangia2020
    data: {data}
  - id: sjsd
    kind: crows-pairs
    estimator: sjsd
    data: {data}
"""


def _authors_loop(loaded, sent_more: str, sent_less: str) -> tuple[float, int]:
    """main.py's procedure re-written (not copied) on a real model: tokenize A and B, difflib
    span of equal token ids minus the first and last, one masked copy per shared token (all the
    copies in one batch), softmax over the full vocabulary, P(gold), the closed-form distance."""
    import difflib

    import torch

    tok, model = loaded.tokenizer, loaded.model
    ids = [tok.encode(s) for s in (sent_more, sent_less)]
    ops = difflib.SequenceMatcher(None, *[[str(x) for x in i] for i in ids]).get_opcodes()
    spans: tuple[list[int], list[int]] = ([], [])
    for op, a0, a1, b0, b1 in ops:
        if op == "equal":
            spans[0].extend(range(a0, a1))
            spans[1].extend(range(b0, b1))
    probs = []
    for seq, span in zip(ids, spans, strict=True):
        span = span[1:-1]
        batch = torch.tensor([seq] * len(span))
        batch[range(len(span)), span] = loaded.mask_id
        with torch.no_grad():
            logits = model(batch).logits[range(len(span)), span]
        gold = torch.tensor(seq)[span]
        probs.append(torch.softmax(logits, dim=-1)[range(len(span)), gold].tolist())
    return authors_pair(*probs)


@pytest.mark.slow
def test_equals_the_authors_loop_on_a_tiny_xlm():
    from pathlib import Path

    from xlmaudit.datasets import load_crows_pairs
    from xlmaudit.inference import ModelScorer, load_model
    from xlmaudit.testing import tiny_model_dir

    data = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    loaded = load_model(str(tiny_model_dir("xlm")))
    pairs = load_crows_pairs(data / "crows_pairs" / "crows_pairs_anonymized.csv")
    pairs = pairs[pairs.pair_id.isin([8, 11, 14, 35])]  # short, no <unk> in the tiny vocabulary
    assert set(pairs.direction) == {"stereo", "antistereo"}
    raw = score_pairs(pairs, ModelScorer(loaded), estimators=("sjsd",))
    assert (raw.n_special_dropped == 0).all()
    for row, sjsd, outcome in zip(pairs.itertuples(), pair_sjsd(raw), raw.outcome, strict=True):
        want, binary = _authors_loop(loaded, row.sent_more, row.sent_less)
        assert sjsd == pytest.approx(want, abs=1e-6)
        assert (outcome == "more") == bool(binary)


@pytest.mark.slow
def test_run_on_the_planted_model_with_limit(tmp_path):
    import json
    from pathlib import Path

    from xlmaudit.cli import main

    data = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    suite = tmp_path / "sjsd.yaml"
    text = SUITE.replace("    data: {data}\n", "").replace("{{", "{").replace("}}", "}")
    suite.write_text(text, encoding="utf-8")
    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--suite", str(suite), "--data-dir", str(data),
            "--limit", "40", "--out", str(out), "--no-cache"]  # fmt: skip
    assert main(argv) == 0
    summary = pd.read_csv(out / "summary.csv")
    rows = summary[summary.probe == "sjsd"].set_index(["metric", "group"])
    all_sjsd = rows.loc[("s_jsd", "all")]
    assert all_sjsd.n == 40 and -1 <= all_sjsd.ci_low <= all_sjsd.value <= all_sjsd.ci_high <= 1
    raw = pd.read_parquet(out / "raw" / "mine.parquet")
    sjsd_raw = raw[raw.estimator == "sjsd"]
    assert len(sjsd_raw) == 40 and (sjsd_raw.sent_more_score <= 0).all()
    assert all_sjsd.value == pytest.approx(pair_sjsd(sjsd_raw).mean(), abs=1e-9)
    assert rows.loc[("pct_sent_more", "all"), "value"] == pytest.approx(
        100 * (sjsd_raw.outcome == "more").mean()
    )
    meta = json.loads((out / "meta.json").read_text())
    assert meta["suites"]["mine"]["probes"]["sjsd"]["estimator"] == "sjsd"
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "estimator sjsd (Steinborn et al. 2022)" in report  # the declared doc, in Methods
