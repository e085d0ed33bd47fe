"""The seat probe kind: sentence encodings through the core, raw rows, summary from raw, errors."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import torch

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.metrics import seat as m
from xlmaudit.probes import RunContext
from xlmaudit.probes.seat import BIAS_BENCH_TESTS, weat_inputs
from xlmaudit.requests import HiddenStatesRequest
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing import tiny_model_dir
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SUITE = """
name: t
version: "1"
card: {{summary: s, measures: m, limits: l, references: [r], calibration: c}}
probes:
  - id: p
    kind: seat
    pooling: {pooling}
    n_samples: 1000
    inline:
      toy:
        targ1: {{category: X, examples: ["red apple", "red cherry", "red rose"]}}
        targ2: {{category: Y, examples: ["blue sky", "blue sea", "blue jay"]}}
        attr1: {{category: A, examples: ["warm fire", "warm sun"]}}
        attr2: {{category: B, examples: ["cold ice", "cold snow", "cold rain"]}}
"""


def _suite(tmp_path, pooling="mean", text=SUITE):
    path = tmp_path / "t.yaml"
    path.write_text(text.format(pooling=pooling))
    return load_suite(path)


@pytest.fixture(scope="module")
def xlm():
    return load_model(str(tiny_model_dir("xlm")))


def test_pooled_states_match_a_manual_forward(xlm):
    text = "the doctor was late ."
    full, mean, first, layer1 = ModelScorer(xlm).score(
        [
            HiddenStatesRequest(text),
            HiddenStatesRequest(text, pooling="mean"),
            HiddenStatesRequest(text, pooling="first", specials=False),
            HiddenStatesRequest(text, layer=1, pooling="mean"),
        ]
    )
    ids = list(full.encoding.ids)
    assert full.encoding.special[0] and full.encoding.special[-1]  # <s> ... </s>
    with torch.no_grad():
        out = xlm.model(input_ids=torch.tensor([ids]), output_hidden_states=True)
        bare = xlm.model(input_ids=torch.tensor([ids[1:-1]]), output_hidden_states=True)
    # bias-bench: mean over all positions of the last layer, specials included
    np.testing.assert_allclose(mean.states, out.hidden_states[-1][0].mean(0).numpy(), atol=1e-5)
    np.testing.assert_allclose(layer1.states, out.hidden_states[1][0].mean(0).numpy(), atol=1e-5)
    # sent-bias: no specials fed, the first word piece's last-layer vector
    assert first.encoding.ids == tuple(ids[1:-1])
    np.testing.assert_allclose(first.states, bare.hidden_states[-1][0, 0].numpy(), atol=1e-5)
    with pytest.raises(InputError, match="pooling 'max' not one of none, mean, first"):
        ModelScorer(xlm).score([HiddenStatesRequest(text, pooling="max")])


def _fake_vector(scorer: FakeScorer, text: str, pooling: str) -> np.ndarray:
    """FakeScorer's states: [id % 7, id % 11] per token; pooled as the request says."""
    enc = scorer.tokenize(text)
    ids = enc.ids if pooling == "mean" else enc.ids[1:-1]
    states = np.array([[i % 7, i % 11] for i in ids], dtype=float)
    return states.mean(0) if pooling == "mean" else states[0]


@pytest.mark.parametrize("pooling", ["mean", "first"])
def test_probe_rows_and_summary_from_raw(tmp_path, pooling):
    suite = _suite(tmp_path, pooling)
    scorer = FakeScorer()
    (res,) = run_suites([suite], scorer, ctx=RunContext(seed=0))
    raw = res.raw
    assert len(raw) == 3 + 3 + 2 + 3
    assert list(raw.set) == ["targ1"] * 3 + ["targ2"] * 3 + ["attr1"] * 2 + ["attr2"] * 3
    assert all(r.specials == (pooling == "mean") for r in scorer.calls)
    assert all(r.pooling == pooling for r in scorer.calls)
    targets = raw[raw.set.isin(["targ1", "targ2"])]
    assert (
        targets.cos.map(lambda c: len(json.loads(c))).eq(5).all()
        and raw[~raw.set.isin(["targ1", "targ2"])].cos.isna().all()
    )
    # the same numbers computed independently from the fake vectors
    vec = {s: _fake_vector(scorer, s, pooling) for s in raw.sentence}
    attrs = raw.sentence[raw.set.str.startswith("attr")]
    cos = m.cosines(np.stack([vec[s] for s in targets.sentence]), np.stack([vec[s] for s in attrs]))
    np.testing.assert_allclose(targets.association, m.association(cos, 2))
    want = m.weat(cos, 3, 2, n_samples=1000)  # C(6,3) = 20 <= 1000: exact
    row = res.summary.iloc[0]
    assert (row.group, row.metric, row.n) == ("toy", "effect_size", 6)
    assert row.value == pytest.approx(want.effect_size) and row.p_value == pytest.approx(
        want.p_value
    )
    assert row.exact and row.n_partitions == 20 and row.pooling == pooling


def test_limit_cuts_each_test_and_keeps_every_test(tmp_path):
    # three inline tests; --limit 2 used to keep the first 2 tests whole (the third vanished)
    second = SUITE.split("      toy:\n")[1].replace("red", "green")
    third = second.replace("green", "pink")
    text = SUITE + "      toy2:\n" + second + "      toy3:\n" + third
    (res,) = run_suites([_suite(tmp_path, text=text)], FakeScorer(), ctx=RunContext(limit=2))
    assert list(pd.unique(res.raw.test)) == ["toy", "toy2", "toy3"]
    # the first 2 examples of each set of each test: 2 x 4 rows per test
    counts = res.raw.groupby(["test", "set"]).size()
    assert (counts == 2).all() and len(counts) == 12
    toy = res.raw[res.raw.test == "toy"]
    assert list(toy.sentence[toy.set == "targ1"]) == ["red apple", "red cherry"]
    assert list(toy.sentence[toy.set == "attr2"]) == ["cold ice", "cold snow"]
    d = res.summary[res.summary.metric == "effect_size"]
    assert list(d.group) == ["toy", "toy2", "toy3"] and (d.n == 4).all()


def test_limit_keeps_every_bias_bench_domain(tmp_path):
    text = SUITE.split("    inline:")[0]  # the default: bias-bench's 17 tests from the data
    (res,) = run_suites([_suite(tmp_path, text=text)], FakeScorer(),
                        ctx=RunContext(data_dir=DATA, limit=2))  # fmt: skip
    assert set(res.raw.test) == set(BIAS_BENCH_TESTS) and len(BIAS_BENCH_TESTS) == 17
    assert len(res.raw) == 17 * 4 * 2
    agg = res.summary[res.summary.metric == "mean_abs_effect_size"]
    assert set(agg.group) == {"gender", "race", "religion", "overall"}


def test_data_errors_name_the_test(tmp_path):
    text = SUITE.replace('"red rose"]', '"red rose", "red car"]')
    with pytest.raises(InputError, match="t.yaml:.*targ1 has 4 examples, targ2 3"):
        _suite(tmp_path, text=text)
    named = SUITE.replace("    inline:", "    tests: [no-such-test]\n    inline:")
    with pytest.raises(InputError, match="unknown SEAT test 'no-such-test'"):
        run_suites([_suite(tmp_path, text=named)], FakeScorer(), ctx=RunContext(data_dir=DATA))
    in_dir = named.replace("    inline:", f"    data: {tmp_path}\n    inline:")
    with pytest.raises(InputError, match="SEAT test 'no-such-test': no file .*no-such-test.jsonl"):
        run_suites([_suite(tmp_path, text=in_dir)], FakeScorer())


@pytest.mark.slow
def test_cli_runs_the_seat_suite_on_the_planted_model(tmp_path):
    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--suite", "seat", "--data-dir", str(DATA)]
    assert main(argv + ["--out", str(out), "--limit", "3", "--no-cache"]) == 0
    raw = pd.read_parquet(out / "raw" / "seat.parquet")
    # --limit 3: every one of the 17 tests, the first 3 examples of each of its 4 sets
    assert set(raw.probe) == {"mean", "first"} and set(raw.test) == set(BIAS_BENCH_TESTS)
    assert len(raw) == 2 * 17 * 4 * 3
    # the summary is recomputed exactly from the parquet (cos lists round-trip as JSON)
    inputs = weat_inputs(raw[raw.probe == "mean"])
    test, domain, cos, n_x, n_a = next(t for t in inputs if t[0] == "sent-weat6")
    assert (test, domain, cos.shape, n_x, n_a) == ("sent-weat6", "gender", (6, 6), 3, 3)
    d_mean = m.weat(cos, n_x, n_a, n_samples=10).effect_size
    summary = pd.read_csv(out / "summary.csv")
    d = summary[summary.metric == "effect_size"]
    assert len(d) == 2 * 17 and (d.n == 6).all()
    weat6 = d[d.group == "sent-weat6"].set_index("probe")
    assert weat6.value["mean"] == pytest.approx(d_mean, rel=1e-12)
    assert d.p_value.between(1e-5, 1).all() and d.p_two_sided.between(1e-5, 1).all()
    agg = summary[summary.metric == "mean_abs_effect_size"]
    assert set(agg.group) == {"gender", "race", "religion", "overall"}


def test_docs_label_the_p_one_sided_with_the_two_sided_beside_it():
    from xlmaudit.probes import get_kind

    kind = get_kind("seat")
    method = kind.doc("effect_size").method
    assert "one-sided (d > 0, X-A/Y-B association)" in method and "p_two_sided" in method
    assert {"p_two_sided", "p_two_sided_holm"} <= set(kind.summary_columns)
    assert kind.limits_within_items
