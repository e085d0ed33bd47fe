"""The response cache in front of any scorer (issue 22 point 6): attributions are cached as the
model's answers are, cache keys of the model's answers are those caches were written with, and
the distributed wrapper reads and fills the wrapper's cache."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
import torch

from xlmaudit.inference import ModelScorer, attribution, load_model
from xlmaudit.inference.attribution import AttributionScorer
from xlmaudit.inference.cache import CachedScorer, ResponseCache, entry_key
from xlmaudit.requests import AttributionRequest, MaskedWordRequest, PLLRequest
from xlmaudit.testing import tiny_model_dir
from xlmaudit.testing.fake import FakeScorer

torch.set_num_threads(1)

TEXT = "The nurse said that [MASK] was tired."


@pytest.fixture(scope="module")
def xlm():
    return load_model(str(tiny_model_dir("xlm")))


@pytest.fixture
def explains(monkeypatch) -> list[int]:
    """The number of attributions asked of Captum, per ``explain`` call."""
    calls: list[int] = []
    real = attribution.explain

    def counted(loaded, requests, **options):
        calls.append(len(requests))
        return real(loaded, requests, **options)

    monkeypatch.setattr(attribution, "explain", counted)
    return calls


def _requests() -> list:
    return [
        AttributionRequest(TEXT, "he", "she", n_steps=16),
        MaskedWordRequest(TEXT, ("he", "she")),
        AttributionRequest(TEXT, "she", method="grad_x_input"),
    ]


def test_an_attribution_is_answered_from_the_cache_the_second_time(xlm, tmp_path, explains):
    first = CachedScorer(AttributionScorer(xlm, ModelScorer(xlm)), tmp_path)
    a = first.score(_requests())
    assert explains == [2] and first.scorer.scorer.stats["requests"] == 1
    assert len(first.cache) == 3  # both attributions and the word request stored
    second = CachedScorer(AttributionScorer(xlm, ModelScorer(xlm)), tmp_path)
    b = second.score(_requests())
    assert explains == [2]  # no new Captum call
    assert second.scorer.scorer.stats == {"requests": 0, "rows": 0}
    assert second.stats == {"cache_hits": 3, "scored": 0}
    for x, y in zip(a[::2], b[::2], strict=True):  # the attributions, exactly as computed
        assert np.array_equal(x.attributions, y.attributions)
        assert repr((x.value, x.delta, x.n_steps, x.baseline_value)) == repr(
            (y.value, y.delta, y.n_steps, y.baseline_value)
        )  # nan-safe; grad_x_input has no delta
        assert x.encoding == y.encoding and x.target_pieces == y.target_pieces
    assert repr(a[1]) == repr(b[1])


def test_attribution_keys_name_the_options_that_change_the_answer(xlm):
    req = AttributionRequest(TEXT, "he", "she")
    adaptive = AttributionScorer(xlm, ModelScorer(xlm))
    fixed = AttributionScorer(xlm, ModelScorer(xlm), adaptive=False)
    looser = AttributionScorer(xlm, ModelScorer(xlm), threshold=0.05)
    keys = {s.cache_key(req) for s in (adaptive, fixed, looser)}
    assert len(keys) == 3
    other = MaskedWordRequest(TEXT, ("he",))
    assert adaptive.cache_key(other) == ModelScorer(xlm).cache_key(other)


def test_keys_of_the_model_answers_are_those_older_caches_hold(xlm):
    """Compatibility: the entry of a request is still sha256("1|<model>|<dtype>||<request key>"),
    as ``ModelScorer`` wrote it when it held the cache."""
    req = PLLRequest("The nurse was tired.")
    raw = f"1|{xlm.fingerprint}|{xlm.dtype}||{req.key()}"
    expected = hashlib.sha256(raw.encode()).hexdigest()
    assert ModelScorer(xlm).cache_key(req) == expected
    assert CachedScorer(ModelScorer(xlm), ResponseCache.__new__(ResponseCache)).key(req) == expected
    assert ModelScorer(xlm, truncate=True).cache_key(req) != expected


def test_any_scorer_can_be_cached(tmp_path):
    reqs = [MaskedWordRequest("a [MASK] b", ("x", "y")), PLLRequest("a b")]
    fake = FakeScorer({"x": -1.0})
    first = CachedScorer(fake, tmp_path).score(reqs)
    again = FakeScorer({"x": -1.0})
    second = CachedScorer(again, tmp_path).score(reqs)
    assert len(fake.calls) == 2 and again.calls == []
    assert repr(first) == repr(second)
    assert entry_key("fake", "", reqs[0].key()) in ResponseCache(tmp_path).get_many(
        [entry_key("fake", "", reqs[0].key())]
    )


def test_distributed_wrapper_reads_and_fills_the_wrapper_cache(xlm, tmp_path, explains):
    """One gloo rank: the wrapper's cache is the one the distributed run reads (rank 0) and
    merges the shards into; attributions included. The second run asks nothing of the model."""
    import torch.distributed as dist

    from xlmaudit.inference.distributed import Dist, wrap

    dist.init_process_group(
        "gloo", init_method=f"file://{tmp_path / 'rendezvous'}", rank=0, world_size=1
    )
    try:
        cache_dir = tmp_path / "cache"
        info = Dist(rank=0, world=1, local_rank=0, backend="gloo", device="cpu")
        cached = CachedScorer(AttributionScorer(xlm, ModelScorer(xlm)), cache_dir)
        first = wrap(cached, info)
        assert first.main_cache is cached.cache
        a = first.score(_requests())
        assert explains == [1, 1]  # each attribution is a unit of its own
        assert len(cached.cache) == 3 and not list(cache_dir.glob("responses.rank*"))
        again = CachedScorer(AttributionScorer(xlm, ModelScorer(xlm)), cache_dir)
        second = wrap(again, info)
        b = second.score(_requests())
        assert explains == [1, 1] and second.stats["from_cache"] == 3
        assert again.scorer.scorer.stats["rows"] == 0
        assert np.array_equal(a[0].attributions, b[0].attributions)
    finally:
        dist.destroy_process_group()
