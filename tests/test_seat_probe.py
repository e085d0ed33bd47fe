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
from xlmaudit.probes.seat import weat_inputs
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
    assert main(argv + ["--out", str(out), "--limit", "1", "--no-cache"]) == 0
    raw = pd.read_parquet(out / "raw" / "seat.parquet")
    assert set(raw.probe) == {"mean", "first"} and set(raw.test) == {"sent-weat6"}
    assert len(raw) == 2 * (64 + 64 + 101 + 112)
    # the summary is recomputed exactly from the parquet (cos lists round-trip as JSON)
    ((test, domain, cos, n_x, n_a),) = weat_inputs(raw[raw.probe == "mean"])
    assert (test, domain, cos.shape, n_x, n_a) == ("sent-weat6", "gender", (128, 213), 64, 101)
    d_mean = m.weat(cos, n_x, n_a, n_samples=10).effect_size
    summary = pd.read_csv(out / "summary.csv")
    d = summary[summary.metric == "effect_size"]
    assert sorted(d.probe) == ["first", "mean"] and (d.n == 128).all()
    assert d.set_index("probe").value["mean"] == pytest.approx(d_mean, rel=1e-12)
    assert d.p_value.between(1e-5, 1).all() and d.ci_low.lt(d.ci_high).all()
    agg = summary[summary.metric == "mean_abs_effect_size"]
    assert set(agg.group) == {"gender"}
    np.testing.assert_allclose(agg.set_index("probe").value.sort_index(),
                               d.set_index("probe").value.abs().sort_index())  # fmt: skip
