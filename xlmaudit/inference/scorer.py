"""``ModelScorer``: the ``Scorer`` protocol on a loaded masked LM, batched.

``score(requests)`` de-duplicates requests, checks every one (bad input fails before any forward
pass), sorts them by length and scores them in chunks of a few batches; ``score_parts`` yields each
finished chunk, which the response cache in front (``cache.CachedScorer``) commits, so a killed
run resumes where it stopped. ``cache_key(request)`` names what an answer depends on (model,
dtype, language, truncation).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from typing import Any

from xlmaudit.inference import kernel
from xlmaudit.inference.cache import entry_key
from xlmaudit.inference.kernel import with_lang
from xlmaudit.inference.loader import LoadedModel
from xlmaudit.inference.plan import Job, build_job
from xlmaudit.inference.tokens import Codec
from xlmaudit.requests import Encoding, Request, Response

CHUNK_BATCHES = 8  # batches per committed chunk
PROGRESS_MIN_ROWS = 256  # show a bar only for work at least this large


class ModelScorer:
    """Answers requests with a loaded model (see ``xlmaudit.requests``).

    Args:
        loaded: from ``load_model``.
        batch_tokens: token budget per forward pass (rows x padded length).
        progress: True/False forces the progress bar on/off; None shows it on long work when
            stderr is a terminal, and otherwise a plain line every 30 s (``xlmaudit.progress``).
        truncate: cut texts longer than the model's positions instead of raising InputError.
    """

    def __init__(
        self,
        loaded: LoadedModel,
        *,
        batch_tokens: int | None = None,
        progress: bool | None = None,
        truncate: bool = False,
    ) -> None:
        self.loaded = loaded
        self.batch_tokens = kernel.resolve_batch_tokens(batch_tokens, loaded.device)
        self.progress = progress
        self.truncate = truncate
        self.codec = Codec(loaded, truncate=truncate)  # the model's default language
        self._codecs: dict[str | None, Codec] = {None: self.codec}
        self.fingerprint = f"{loaded.fingerprint}/{loaded.dtype}"
        self.stats = {"requests": 0, "rows": 0}
        config = loaded.model.config
        self._n_layers = int(getattr(config, "num_hidden_layers", getattr(config, "n_layers", 0)))

    def codec_for(self, lang: str | None) -> Codec:
        """The codec of ``lang`` (made once; an unknown language is an InputError)."""
        found = self._codecs.get(lang)
        if found is None:
            found = self._codecs[lang] = Codec(self.loaded, truncate=self.truncate, lang=lang)
        return found

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        """The encoded sequence (specials included) that positions refer to."""
        return self.codec_for(lang).encode(text)

    def cache_key(self, req: Request) -> str:
        """The response cache entry of ``req`` (the keys of caches written before the cache
        moved out of this class)."""
        variant = "truncate" if self.truncate else ""
        if req.lang is None and self.loaded.lang2id and self.codec.lang:
            # no language: read in the model default (--language), which the key must then name
            req = dataclasses.replace(req, lang=self.codec.lang)
        return entry_key(self.loaded.fingerprint, self.loaded.dtype, req.key(), variant=variant)

    def score(self, requests: list[Request]) -> list[Response]:
        """Responses in the order of ``requests``."""
        out: dict[int, Response] = {}
        for part in self.score_parts(requests):
            out.update(part)
        return [out[i] for i in range(len(requests))]

    def score_parts(self, requests: list[Request]) -> Iterator[dict[int, Response]]:
        """The responses chunk by chunk as they are scored: {index in ``requests``: response}
        (identical requests are scored once and answered at each of their indices)."""
        at: dict[str, list[int]] = {}
        for i, r in enumerate(requests):
            at.setdefault(self.cache_key(r), []).append(i)
        todo = [(k, requests[index[0]]) for k, index in at.items()]
        codecs = {k: self.codec_for(r.lang) for k, r in todo}  # unknown language: fails here
        lang_ids = {k: c.lang_id for k, c in codecs.items()}
        jobs = [(k, build_job(codecs[k], r, n_layers=self._n_layers)) for k, r in todo]
        jobs.sort(key=lambda kj: kj[1].width)
        total_rows = sum(len(j.rows) for _, j in jobs)
        with self._bar(total_rows) as bar:
            for chunk in self._chunks(jobs):
                answered = self._run(chunk, bar, lang_ids)
                yield {i: response for k, response in answered.items() for i in at[k]}

    def _chunks(self, jobs: list[tuple[str, Job]]) -> list[list[tuple[str, Job]]]:
        budget = self.batch_tokens * CHUNK_BATCHES
        chunks: list[list[tuple[str, Job]]] = []
        current, used = [], 0
        for kj in jobs:
            cost = sum(len(r.ids) for r in kj[1].rows)
            if current and used + cost > budget:
                chunks.append(current)
                current, used = [], 0
            current.append(kj)
            used += cost
        return chunks + ([current] if current else [])

    def _run(
        self,
        chunk: list[tuple[str, Job]],
        bar: _Progress,
        lang_ids: dict[str, int | None],
    ) -> dict:
        """Score ``chunk``'s jobs (and their later rounds); rows carry their language's id.
        A later round's rows join the progress total when the round is planned."""
        self.stats["requests"] += len(chunk)
        answered: dict = {}
        pending = chunk
        while pending:  # a job's finish may return its next round (another Job)
            later = []
            for part in self._chunks(pending):  # later rounds can be larger: re-cut to budget
                rows = [with_lang(row, lang_ids[key]) for key, job in part for row in job.rows]
                results = kernel.run_rows(
                    self.loaded.model,
                    rows,
                    pad_id=self._pad_id(),
                    device=self.loaded.device,
                    batch_tokens=self.batch_tokens,
                    progress=bar.update,
                )
                self.stats["rows"] += len(rows)
                start = 0
                for key, job in part:
                    out = job.finish(results[start : start + len(job.rows)])
                    start += len(job.rows)
                    if isinstance(out, Job):
                        later.append((key, out))
                        bar.grow(len(out.rows))
                    else:
                        answered[key] = out
            pending = later
        return answered

    def _pad_id(self) -> int:
        pad = self.loaded.tokenizer.pad_token_id
        return int(pad if pad is not None else self.loaded.tokenizer.unk_token_id)

    def _bar(self, total: int) -> Any:
        show = self.progress
        if show is None and total and not sys.stderr.isatty():
            return _Progress(total, enabled=True, lines=True)  # a line every 30 s, if that long
        if show is None:
            show = total >= PROGRESS_MIN_ROWS
        return _Progress(total, enabled=bool(show and total))


class _Progress:
    """tqdm over scored sequences (rows), plain lines (stderr not a terminal), or nothing.

    ``total`` starts at the first round's rows; ``grow`` adds each later round's rows (an
    iterative request, e.g. the beam search) when it is planned, before they are scored."""

    def __init__(self, total: int, *, enabled: bool, lines: bool = False) -> None:
        self.total, self.enabled, self.lines, self._bar = total, enabled, lines, None
        self.done = 0

    def __enter__(self) -> _Progress:
        if self.enabled and self.lines:
            from xlmaudit.progress import LineProgress

            self._bar = LineProgress(self.total)
        elif self.enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=self.total, unit="seq", desc="scoring", file=sys.stderr)
        return self

    def update(self, n: int) -> None:
        """``n`` more rows scored."""
        self.done += n
        if self._bar is not None:
            self._bar.update(n)

    def grow(self, n: int) -> None:
        """``n`` more rows planned (a later round)."""
        self.total += n
        if self._bar is None:
            return
        if hasattr(self._bar, "grow"):  # LineProgress
            self._bar.grow(n)
        else:  # tqdm
            self._bar.total += n
            self._bar.refresh()

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
