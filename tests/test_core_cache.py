"""The disk cache: exact round trips, resume after a killed run, corrupted entries re-scored."""

from __future__ import annotations

import hashlib
import math
import sqlite3
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.cache import (
    CachedScorer,
    ResponseCache,
    decode_response,
    encode_response,
    entry_key,
    with_cache,
)
from xlmaudit.requests import (
    HiddenStatesRequest,
    MaskedTokenRequest,
    MaskedWordRequest,
    PLLRequest,
    UnmaskedRequest,
)
from xlmaudit.testing import WORDS, tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU


@pytest.fixture(scope="module")
def xlm():
    return load_model(str(tiny_model_dir("xlm")))


def cached(loaded, path, **options) -> CachedScorer:
    """A ModelScorer behind the response cache in ``path``."""
    return CachedScorer(ModelScorer(loaded, **options), path)


def sentences(n):
    return [f"The {WORDS[3 + i % 40]} said that {WORDS[10 + i % 30]} was late." for i in range(n)]


def mixed_requests():
    return [
        MaskedWordRequest("The doctor said [MASK] was late.", ("he", "engineer", "2026", ""), 3),
        MaskedTokenRequest("He was [MASK].", (20, 21)),
        PLLRequest("The engineer was tired.", "word_l2r"),
        UnmaskedRequest("The nurse was tired.", attentions=True),
        HiddenStatesRequest("He was late.", layer=0),
    ]


def test_every_response_type_round_trips_exactly(xlm):
    for response in ModelScorer(xlm).score(mixed_requests()):
        back = decode_response(encode_response(response))
        assert type(back) is type(response)
        for name in vars(response):
            a, b = getattr(response, name), getattr(back, name)
            if isinstance(a, np.ndarray):
                assert a.dtype == b.dtype and a.shape == b.shape
                assert np.array_equal(a, b, equal_nan=True)
            else:
                assert repr(a) == repr(b)  # nan-safe: repr(nan) == "nan"
    word = decode_response(encode_response(ModelScorer(xlm).score(mixed_requests()[:1])[0]))
    assert word.candidates[2].flag == "unknown" and math.isnan(word.candidates[2].logprob)


def test_cached_requests_are_not_scored_again(xlm, tmp_path):
    first = cached(xlm, tmp_path)
    a = first.score(mixed_requests())
    assert first.scorer.stats["rows"] > 0 and first.stats["cache_hits"] == 0
    second = cached(xlm, tmp_path)
    b = second.score(mixed_requests())
    assert second.stats == {"cache_hits": 5, "scored": 0}
    assert second.scorer.stats == {"requests": 0, "rows": 0}
    assert np.array_equal(a[2].logprobs, b[2].logprobs) and repr(a[0]) == repr(b[0])


def test_no_cache_dir_means_no_cache(xlm, tmp_path):
    scorer = ModelScorer(xlm)
    assert with_cache(scorer, None) is scorer and not hasattr(scorer, "cache")
    scorer.score(mixed_requests())
    rows = scorer.stats["rows"]
    scorer.score(mixed_requests())
    assert scorer.stats["rows"] == 2 * rows


def test_key_includes_dtype_and_fingerprint(xlm, tmp_path):
    assert entry_key("f", "float32", "k") != entry_key("f", "bfloat16", "k")
    assert entry_key("f", "float32", "k") != entry_key("g", "float32", "k")
    cached(xlm, tmp_path).score(mixed_requests())
    bf16 = cached(load_model(str(tiny_model_dir("xlm")), dtype="bfloat16"), tmp_path)
    bf16.score(mixed_requests())
    assert bf16.stats["cache_hits"] == 0


def test_corrupted_entries_are_rescored_never_trusted(xlm, tmp_path):
    reqs = [PLLRequest(s) for s in sentences(4)]
    good = cached(xlm, tmp_path).score(reqs)
    db = sqlite3.connect(tmp_path / "responses.sqlite")
    keys = [k for (k,) in db.execute("SELECT key FROM responses ORDER BY key")]
    db.execute("UPDATE responses SET payload = ? WHERE key = ?", (b"garbage", keys[0]))
    bad = b'{"__dc__": "Nope", "fields": {}}'
    db.execute(
        "UPDATE responses SET payload = ?, sha256 = ? WHERE key = ?",
        (bad, hashlib.sha256(bad).hexdigest(), keys[1]),
    )
    db.commit()
    db.close()
    again = cached(xlm, tmp_path)
    out = again.score(reqs)
    assert again.cache.rejected == 2 and again.stats["cache_hits"] == 2
    assert again.scorer.stats["requests"] == 2
    for a, b in zip(good, out, strict=True):
        np.testing.assert_allclose(a.logprobs, b.logprobs, atol=1e-5)
    assert ResponseCache(tmp_path).get_many(keys).keys() == set(keys)  # overwritten, intact


def test_a_cache_file_that_is_not_a_database_is_replaced(xlm, tmp_path):
    (tmp_path / "responses.sqlite").write_bytes(b"\x00not sqlite at all" * 100)
    scorer = cached(xlm, tmp_path)
    scorer.score([PLLRequest("He was late.")])
    assert len(scorer.cache) == 1


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import torch
    torch.set_num_threads(1)
    from xlmaudit.inference import ModelScorer, kernel, load_model
    from xlmaudit.inference.cache import CachedScorer
    from xlmaudit.requests import PLLRequest
    model_dir, cache_dir, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    texts = sys.stdin.read().splitlines()
    real = kernel.run_rows
    calls = []

    def run_rows(*args, **kwargs):
        if len(calls) == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)  # killed mid-run, as by the OOM killer or kill -9
        calls.append(1)
        return real(*args, **kwargs)

    kernel.run_rows = run_rows
    scorer = CachedScorer(ModelScorer(load_model(model_dir), batch_tokens=32), cache_dir)
    scorer.score([PLLRequest(t) for t in texts])
    """
)


@pytest.mark.slow
def test_a_killed_run_resumes_without_rescoring_stored_requests(xlm, tmp_path):
    texts = sentences(30)
    reqs = [PLLRequest(t) for t in texts]
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(tiny_model_dir("xlm")), str(tmp_path), "3"],
        input="\n".join(texts),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stderr[-2000:]
    resumed = cached(xlm, tmp_path, batch_tokens=32)
    stored = resumed.cache.get_many(resumed.key(r) for r in reqs)
    assert 0 < len(stored) < len(texts)
    fresh = ModelScorer(xlm, batch_tokens=32).score(reqs)
    out = resumed.score(reqs)
    missing_rows = sum(
        len(f.positions) for r, f in zip(reqs, fresh, strict=True) if resumed.key(r) not in stored
    )
    assert resumed.stats["cache_hits"] == len(stored)
    assert resumed.scorer.stats == {"requests": len(texts) - len(stored), "rows": missing_rows}
    for a, b in zip(out, fresh, strict=True):
        np.testing.assert_allclose(a.logprobs, b.logprobs, atol=1e-5)
