"""Data-parallel scoring on torch.distributed (``torchrun``, ``accelerate launch``, ``srun``).

When the launcher sets ``WORLD_SIZE`` > 1, :func:`setup` joins the process group (``nccl`` on the
GPU ``LOCAL_RANK`` names, else ``gloo``; collectives time out after ``XLMAUDIT_DIST_TIMEOUT``
seconds, default 1800). :class:`DistributedScorer` wraps the run's scorer: every rank plans the
same requests; rank 0 looks them up in the run scorer's response cache (``cache.CachedScorer``: its
file and every rank's shard file beside it), cuts the rest into the chunks a single process would
score (same order, same batches, so CPU numbers are bit-identical) and deals the chunks to ranks
balanced by token cost (largest first to the least loaded rank: deterministic, independent of
timing; each ``AttributionRequest`` is a unit of its own, explained on the rank it is dealt to, so
its batches differ from a single process and its numbers agree to float tolerance, ~1e-5). Each
rank scores its chunks through the same cache wrapper over its own shard file
``responses.rank<k>.sqlite``, committing each; answers are gathered to rank 0 (``gather_object``),
which merges the shards into ``responses.sqlite`` and alone writes the run. A rank that fails is
named in the error all ranks raise; a killed rank's shard keeps its finished chunks, so a rerun
scores only what no file holds.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import torch
import torch.distributed as dist

from xlmaudit.errors import XlmauditError
from xlmaudit.inference.cache import (
    SHARD_GLOB,
    CachedScorer,
    ResponseCache,
    cache_key,
    shard_name,
)
from xlmaudit.inference.plan import build_job
from xlmaudit.inference.scorer import ModelScorer
from xlmaudit.requests import AttributionRequest, Request

ENV_TIMEOUT = "XLMAUDIT_DIST_TIMEOUT"
_STATUS = "xlmaudit/status/"
_ROWS = "xlmaudit/rows"


class DistributedError(XlmauditError):
    """A rank of a distributed run failed (the message names it)."""


@dataclass
class Dist:
    """This process's place in the group."""

    rank: int
    world: int
    local_rank: int
    backend: str
    device: str

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def world_size() -> int:
    """``WORLD_SIZE`` from the launcher's environment (1 when absent)."""
    return int(os.environ.get("WORLD_SIZE", "1") or 1)


def setup(device: str = "auto") -> Dist | None:
    """Join the process group when ``WORLD_SIZE`` > 1; None for a single-process run."""
    if world_size() <= 1:
        return None
    local = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = torch.cuda.is_available() and not device.startswith(("cpu", "mps"))
    backend = "nccl" if use_cuda else "gloo"
    if use_cuda:
        device = f"cuda:{local}"
        torch.cuda.set_device(local)
    elif device == "auto":
        device = "cpu"
    timeout = timedelta(seconds=float(os.environ.get(ENV_TIMEOUT, "1800")))
    if not dist.is_initialized():
        dist.init_process_group(backend, timeout=timeout)
    return Dist(dist.get_rank(), dist.get_world_size(), local, backend, device)


def balance(costs: list[int], world: int) -> list[list[int]]:
    """Indices of ``costs`` per rank: largest first to the least loaded rank (ties: lower index)."""
    loads = [0] * world
    shards: list[list[int]] = [[] for _ in range(world)]
    for i in sorted(range(len(costs)), key=lambda i: (-costs[i], i)):
        k = min(range(world), key=lambda r: (loads[r], r))
        shards[k].append(i)
        loads[k] += costs[i]
    return [sorted(s) for s in shards]


class DistributedScorer:
    """The ``Scorer`` protocol over a group of ranks; see the module docstring.

    Args:
        scorer: the run's scorer: a ``ModelScorer``, maybe inside an ``AttributionScorer``, maybe
            behind the response cache (``CachedScorer``; without it: no cache, no shards).
        info: from :func:`setup`.
    """

    def __init__(self, scorer: Any, info: Dist) -> None:
        self.info = info
        self.fingerprint = scorer.fingerprint
        self.batch_tokens = getattr(scorer, "batch_tokens", None)  # recorded in meta.json
        cached = scorer if isinstance(scorer, CachedScorer) else None
        self.scorer = cached.scorer if cached else scorer  # scores this rank's units
        self.base = _model_scorer(self.scorer)  # plans the chunks, counts the rows
        self.key = cached.key if cached else (lambda r: cache_key(self.scorer, r))
        self.cache_dir = cached.cache.path.parent if cached else None
        self.main_cache = cached.cache if cached and info.is_main else None
        if cached and not info.is_main:
            cached.cache.close()  # this rank writes only its shard, opened once rank 0 read all
        base = self.base
        self.progress = base.progress
        base.progress = False
        self._total_rows = 0
        self.stats = {"scored_here": 0, "from_cache": 0, "rows_here": 0}

    @property
    def is_main(self) -> bool:
        return self.info.is_main

    def tokenize(self, text: str, lang: str | None = None) -> Any:
        return self.scorer.tokenize(text, lang)

    def score(self, requests: list[Request]) -> list[Any]:
        """Answers in order on rank 0; ``None`` placeholders on the other ranks."""
        store = dist.distributed_c10d._get_default_store()
        plan = self._plan(requests) if self.is_main else None
        box = [plan]
        dist.broadcast_object_list(box, src=0)
        units, self._total_rows, assignment = box[0]
        shard = None
        if self.cache_dir is not None:
            own = ResponseCache(self.cache_dir, shard_name(self.info.rank))
            shard = CachedScorer(self.scorer, own)
        mine = assignment[self.info.rank]
        answers: dict[int, Any] = {}
        error = None
        try:
            answers = self._score_units([units[u] for u in mine], requests, store, shard)
        except Exception as exc:  # noqa: BLE001 - reported to rank 0, raised on every rank
            error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
        if shard is not None:
            shard.cache.close()
        store.set(f"{_STATUS}{self.info.rank}", "failed" if error else "ok")
        payload = {"rank": self.info.rank, "error": error, "answers": answers}
        gathered: list[Any] | None = [None] * self.info.world if self.is_main else None
        try:
            dist.gather_object(payload, gathered, dst=0)
        except Exception as exc:  # noqa: BLE001 - a rank died: name it
            raise DistributedError(self._lost(store, exc)) from exc
        status = [None]
        if self.is_main:
            errors = [f"rank {p['rank']} failed: {p['error']}" for p in gathered if p["error"]]
            status = ["; ".join(errors) or None]
            if not errors:
                self._merge_shards()
        dist.broadcast_object_list(status, src=0)
        if status[0]:
            raise DistributedError(status[0])
        if not self.is_main:
            return [None] * len(requests)
        out: list[Any] = [None] * len(requests)
        cached = self._cached
        for i, response in cached.items():
            out[i] = response
        for p in gathered:
            for i, response in p["answers"].items():
                out[i] = response
        self.stats["from_cache"] = len(cached)
        return out

    def _plan(self, requests: list[Request]) -> tuple:
        """Rank 0: cached answers, the single-process chunks of the rest, their deal to ranks."""
        keys = {i: self.key(r) for i, r in enumerate(requests)}
        cached: dict[int, Any] = {}
        if self.cache_dir is not None:  # attributions too
            wanted = set(keys.values())
            found: dict[str, Any] = self.main_cache.get_many(wanted) if self.main_cache else {}
            for path in sorted(self.cache_dir.glob(SHARD_GLOB)):
                shard = ResponseCache(self.cache_dir, path.name)
                found.update(shard.get_many(wanted - found.keys()))
                shard.close()
            cached = {i: found[k] for i, k in keys.items() if k in found}
        todo = [
            i
            for i, r in enumerate(requests)
            if i not in cached and not isinstance(r, AttributionRequest)
        ]
        jobs = [(i, build_job(self.base.codec_for(requests[i].lang), requests[i],
                              n_layers=self.base._n_layers)) for i in todo]  # fmt: skip
        jobs.sort(key=lambda ij: ij[1].width)  # as ModelScorer.score orders them
        units: list[list[int]] = []
        costs: list[int] = []
        total_rows = sum(len(job.rows) for _, job in jobs)
        for chunk in self.base._chunks(jobs):
            units.append([i for i, _ in chunk])
            costs.append(sum(len(row.ids) for _, job in chunk for row in job.rows))
        for i, r in enumerate(requests):
            if isinstance(r, AttributionRequest) and i not in cached:  # ~n_steps fwd+bwd rows
                units.append([i])
                steps = int(getattr(self.scorer, "options", {}).get("n_steps", 50))
                costs.append(len(self.tokenize(r.text, r.lang).ids) * steps * 2)
        self._cached = cached  # stays on rank 0
        return units, total_rows, balance(costs, self.info.world)

    def _score_units(
        self, units: list[list[int]], requests: list, store: Any, shard: CachedScorer | None
    ) -> dict[int, Any]:
        """Score this rank's units one by one (each commits to the shard); progress via store."""
        scorer = shard if shard is not None else self.scorer
        answers: dict[int, Any] = {}
        bar = _bar(self.progress, self._total_rows) if self.is_main else None
        shown = 0
        for unit in units:
            before = self.base.stats["rows"]
            got = scorer.score([requests[i] for i in unit])
            answers.update(zip(unit, got, strict=True))
            rows = self.base.stats["rows"] - before
            self.stats["scored_here"] += len(unit)
            self.stats["rows_here"] += rows
            done = int(store.add(_ROWS, rows))  # the total over ranks
            if bar is not None:
                bar.update(done - shown)
                shown = done
        if bar is not None:
            bar.close()
        return answers

    def _lost(self, store: Any, exc: Exception) -> str:
        """Which ranks never reported (killed or hung), for the error message."""
        missing = []
        for k in range(self.info.world):
            if not store.check([f"{_STATUS}{k}"]):
                missing.append(str(k))
        who = f"rank {', '.join(missing)} stopped" if missing else "a rank stopped"
        reason = " ".join(str(exc).split())[:200]
        return f"{who} before returning its answers ({reason}); rerun to resume from the shards"

    def _merge_shards(self) -> None:
        """Rank 0: fold every shard file into ``responses.sqlite`` and delete it."""
        if self.cache_dir is None or self.main_cache is None:
            return
        for path in sorted(self.cache_dir.glob(SHARD_GLOB)):
            shard = ResponseCache(self.cache_dir, path.name)
            self.main_cache.merge_from(shard)
            shard.close()
            for suffix in ("", "-journal", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)


def _bar(progress: bool | None, total: int) -> Any:
    """Rows scored by all ranks, on rank 0: tqdm on a terminal, else a line every 30 s."""
    if progress is False or not total:
        return None
    if progress is None and not sys.stderr.isatty():
        from xlmaudit.progress import LineProgress

        return LineProgress(total, desc="scoring (all ranks)")
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="seq", desc="scoring (all ranks)", file=sys.stderr)


def _model_scorer(scorer: Any) -> ModelScorer:
    """The ``ModelScorer`` inside ``scorer`` (an ``AttributionScorer`` wraps one)."""
    while not isinstance(scorer, ModelScorer):
        inner = getattr(scorer, "scorer", None)
        if inner is None:
            raise TypeError(f"no ModelScorer inside the {type(scorer).__name__} to distribute")
        scorer = inner
    return scorer


def wrap(scorer: Any, info: Dist) -> DistributedScorer:
    """Wrap the run's scorer; its response cache (if it is behind one) is the run's cache."""
    return DistributedScorer(scorer, info)


def finish() -> None:
    """Leave the process group (all ranks, after the run)."""
    if dist.is_initialized():
        dist.destroy_process_group()
