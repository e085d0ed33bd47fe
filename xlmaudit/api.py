"""The library entry point: :func:`audit` runs suites on a model and returns a typed
:class:`~xlmaudit.report.run.Run`; :func:`load_run` reads a run directory back; :func:`compare`
pairs runs item by item; :func:`family` summarises runs as checkpoints of one recipe.

``xlmaudit run``, ``xlmaudit bench crows``, torchrun workers and the notebooks all call
:func:`audit`: there is no other copy of the pipeline (check arguments and data, count items,
load the model, choose languages, score, record meta.json, compare languages, write the run
directory, build the report). Arguments are checked before any model is loaded (a bad one is an
:class:`~xlmaudit.errors.InputError` naming it), and nothing is written under ``out`` until the
run has succeeded.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from xlmaudit.errors import InputError
from xlmaudit.report.audit_run import Run, as_run, load_run
from xlmaudit.report.compare import Comparison, Family, compare, family
from xlmaudit.report.run import run_in_memory

__all__ = [
    "Comparison", "Family", "InputError", "Run", "RunSettings", "audit", "compare", "family",
    "load_run",
]  # fmt: skip

ENV_DATA_DIR = "XLMAUDIT_DATA_DIR"
MAX_ITEMS = 200_000  # default ceiling on template items expanded per run
LIBRARIES = ("torch", "transformers", "numpy", "pandas", "scipy", "pyarrow", "pyyaml", "captum")
MAX_LISTED = 20  # newly initialised weight names kept in meta.json
USER_CACHE = "user"  # cache_dir default: the user's response cache (a temporary one if out=None)
DTYPES = ("float32", "bfloat16", "float16")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/xlmaudit/responses`` (``~/.cache/...`` when the variable is unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "xlmaudit" / "responses"


@dataclass(frozen=True)
class RunSettings:
    """What an audit was asked, resolved once (checked by :meth:`check`); everything after reads
    this. ``model`` is a name or path (a loaded model or scorer travels beside it)."""

    model: str
    suites: tuple[str, ...]
    out: Path | None = None  # None: keep the run in memory
    revision: str | None = None
    device: str = "auto"
    dtype: str = "float32"
    batch_tokens: int | None = None  # None: the device's default, resolved by the scorer
    limit: int | None = None
    languages: tuple[str, ...] = ()  # () = every language the model knows
    data_dir: Path | None = None
    strict_data: bool = False
    cache_dir: Path | None = None  # None: no cache
    seed: int = 0
    overwrite: bool = False
    max_items: int = MAX_ITEMS
    progress: bool = True
    report: bool = True
    command: str = ""
    arguments: Mapping[str, str] = field(default_factory=dict)

    def context(self) -> Any:
        """The :class:`~xlmaudit.probes.RunContext` the kinds see."""
        from xlmaudit.probes import RunContext

        return RunContext(data_dir=self.data_dir, limit=self.limit, seed=self.seed,
                          strict_data=self.strict_data)  # fmt: skip

    def check(self) -> None:
        """Refuse a bad argument with an :class:`InputError` naming it (nothing is loaded)."""
        from xlmaudit.spec import LANG_RE

        if not self.suites:
            raise InputError("suites: name at least one suite (see `xlmaudit list`)")
        _positive("limit", self.limit)
        _positive("batch_tokens", self.batch_tokens)
        _positive("max_items", self.max_items)
        if self.dtype not in DTYPES:
            raise InputError(f"dtype {self.dtype!r}: use one of {', '.join(DTYPES)}")
        for g in self.languages:
            if not LANG_RE.match(g):
                raise InputError(f"languages: {g!r} is not a language code (en, fr, de, ...)")
        if self.data_dir is not None and not Path(self.data_dir).is_dir():
            raise InputError(f"data_dir {self.data_dir}: not a directory")
        if self.out is not None:
            from xlmaudit.rundir import check_out

            check_out(self.out, overwrite=self.overwrite)


def _positive(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InputError(f"{name} must be an integer >= 1, got {value!r}")


def _suite_names(suites: str | Sequence[str | Path]) -> tuple[str, ...]:
    if isinstance(suites, str | Path):
        return (str(suites),)
    if not isinstance(suites, Sequence):
        raise InputError(f"suites: expected a suite name or a list of them, got {suites!r}")
    return tuple(str(s) for s in suites)


def _languages(languages: str | Sequence[str] | None) -> tuple[str, ...]:
    if languages is None:
        return ()
    if isinstance(languages, str):
        return tuple(g.strip() for g in languages.split(",") if g.strip())
    return tuple(str(g) for g in languages)


def audit(
    model: Any,
    suites: str | Sequence[str | Path],
    *,
    out: str | Path | None = None,
    data_dir: str | Path | None = None,
    limit: int | None = None,
    languages: str | Sequence[str] | None = None,
    device: str = "auto",
    dtype: str = "float32",
    cache_dir: str | Path | None = USER_CACHE,
    overwrite: bool = False,
    progress: bool = True,
    revision: str | None = None,
    batch_tokens: int | None = None,
    strict_data: bool = False,
    seed: int = 0,
    max_items: int = MAX_ITEMS,
    report: bool = True,
) -> Run:
    """Run ``suites`` on ``model`` and return the :class:`Run`.

    Args:
        model: a hub id, a local directory, ``"planted"`` / ``"planted-bilingual"``; or an
            already loaded ``(model, tokenizer)`` pair or ``LoadedModel``; or a scorer (an
            object with ``score(requests)``, e.g. ``xlmaudit.testing.FakeScorer``).
        suites: suite names (``xlmaudit list``) or suite YAML files.
        out: the run directory to write (with the report); None keeps the run in memory and
            writes nothing (``Run.write_report(path)`` writes it later).
        data_dir: benchmark data folder (default ``$XLMAUDIT_DATA_DIR``).
        limit: score only the first ``limit`` items of each probe.
        languages: run only the probes in these languages (default: every language of the
            suites that the model knows).
        cache_dir: response cache folder; None for no cache; by default the user's cache
            (``~/.cache/xlmaudit/responses``), or a temporary one removed at the end when ``out``
            is None.
        overwrite: replace an earlier run in ``out`` whole.
        progress: show progress bars while scoring.
        report: build figures, report.html/.md and model_card.md in ``out``.

    Raises:
        InputError: a bad argument (named, before any model is loaded), suite or data file.
    """
    if data_dir is None and os.environ.get(ENV_DATA_DIR):
        data_dir = os.environ[ENV_DATA_DIR]
    given = {k: v for k, v in locals().items() if k not in {"model", "given"}}
    settings = RunSettings(
        model=str(model) if isinstance(model, str | Path) else _described(model),
        suites=_suite_names(suites), out=None if out is None else Path(out), revision=revision,
        device=device, dtype=dtype, batch_tokens=batch_tokens, limit=limit,
        languages=_languages(languages), data_dir=None if data_dir is None else Path(data_dir),
        strict_data=strict_data, cache_dir=None if cache_dir in (None, USER_CACHE) else Path(
            cache_dir), seed=seed, overwrite=overwrite, max_items=max_items, progress=progress,
        report=report, command=_python_call(model, suites, given),
        arguments={k: str(v) for k, v in given.items()},
    )  # fmt: skip
    with ExitStack() as stack:
        if cache_dir == USER_CACHE and out is None:  # in memory: a temporary cache
            temporary = tempfile.TemporaryDirectory(prefix="xlmaudit-cache-")
            settings = replace(settings, cache_dir=Path(stack.enter_context(temporary)))
        elif cache_dir == USER_CACHE:
            settings = replace(settings, cache_dir=default_cache_dir())
        return run_audit(settings, model=None if isinstance(model, str | Path) else model)


def _described(model: Any) -> str:
    """The name recorded for a model given as an object."""
    name = getattr(model, "name", None) or getattr(model, "fingerprint", None)
    if isinstance(model, tuple) and model:
        config = getattr(model[0], "config", None)
        name = getattr(config, "_name_or_path", None) or type(model[0]).__name__
    return str(name or type(model).__name__)


def _python_call(model: Any, suites: Any, given: Mapping[str, Any]) -> str:
    """The call as a Python line (``meta.json`` ``command``), defaults left out."""
    defaults = audit.__kwdefaults__ or {}
    kw = [f"{k}={v!r}" for k, v in given.items() if k in defaults and v != defaults[k]]
    what = repr(model) if isinstance(model, str) else f"<{_described(model)}>"
    return f"xlmaudit.audit({', '.join([what, repr(suites), *kw])})"


def cli_command(argv: Sequence[str]) -> str:
    """The command line as typed, for ``meta.json`` ``command``."""
    return shlex.join(["xlmaudit", *argv])


def run_audit(settings: RunSettings, *, model: Any = None) -> Run:
    """:func:`audit` on resolved settings (``model``: a loaded model or scorer, else None)."""
    from xlmaudit.suites import load_suite, resolve_suite

    settings.check()
    started = _now()
    suites = [load_suite(resolve_suite(s)) for s in settings.suites]
    names = [s.name for s in suites]
    if len(set(names)) != len(names):
        raise InputError(f"suites: the same suite is named twice: {names}")
    check_item_count(suites, settings.max_items)
    group = _distributed_setup(settings)  # None unless launched with WORLD_SIZE > 1 (torchrun)
    loaded, scorer = _model_and_scorer(settings, model, group)
    suites, skipped = select_languages(suites, loaded, settings.languages)
    scorer = scorer or make_scorer(loaded, suites, settings, group)
    return _score_and_write(settings, suites, skipped, loaded, scorer, group, started)


def _score_and_write(settings, suites, skipped, loaded, scorer, group, started) -> Run:  # noqa: ANN001
    from xlmaudit.competence import PLLRecorder
    from xlmaudit.cross_language import run_tables
    from xlmaudit.quality import run_quality
    from xlmaudit.runner import run_suites

    ctx = settings.context()
    recorder = None if group else PLLRecorder(scorer)  # the pieces the probes score, for competence
    results = run_suites(suites, recorder or scorer, ctx=ctx)
    for r in results:
        r.meta["skipped_languages"] = skipped.get(r.suite.name, [])
    meta = run_meta(settings, loaded, scorer, results, ctx, started=started)
    ran = {r.suite.name for r in results}
    if gone := {name: langs for name, langs in skipped.items() if name not in ran}:
        meta = replace(meta, extra={**meta.extra, "skipped_suites": gone})  # none of its langs
    if group:
        dist = {"world_size": group.world, "backend": group.backend}
        meta = replace(meta, extra={**meta.extra, "distributed": dist})
        if not group.is_main:  # rank 0 alone writes the run directory
            return as_run(run_in_memory(results, meta))
    kinds = {r.suite.name: {p: d["kind"] for p, d in r.meta["probes"].items()} for r in results}
    tables, record = run_tables({r.suite.name: r.raw for r in results}, seed=settings.seed,
                                kinds=kinds)  # fmt: skip
    tables = {**tables, **run_quality(results, seed=settings.seed)}
    tables.update(_agreement_tables(results, meta))
    tables.update(_competence_tables(results, recorder, settings.seed))
    if record:
        meta = replace(meta, extra={**meta.extra, "cross_language": record})
    if settings.out is None:
        return as_run(run_in_memory(results, meta, tables))
    from xlmaudit.rundir import write_run

    out = write_run(settings.out, results, meta, overwrite=settings.overwrite, tables=tables)
    if settings.report:
        build_report_after_run(out)
    return load_run(out)


def _agreement_tables(results, meta) -> dict:  # noqa: ANN001
    """``agreement.csv`` (:mod:`xlmaudit.agreement`) of the run's measures, when two pair."""
    from xlmaudit.agreement import agreement_tables
    from xlmaudit.rundir import summary_frame

    raw = {r.suite.name: r.raw for r in results}
    return agreement_tables(summary_frame(results), meta.to_json(), raw)


def _competence_tables(results, recorder, seed: int) -> dict:  # noqa: ANN001
    """``competence.csv`` (:mod:`xlmaudit.competence`), reusing the pieces the probes scored; none
    in a distributed run (its ranks score together, and only rank 0 holds the results)."""
    if recorder is None:
        print("note: competence.csv is not written by a distributed run", file=sys.stderr)
        return {}
    from xlmaudit.competence import run_competence

    return run_competence(results, recorder.scorer, seed=seed, known=recorder.known)


def _model_and_scorer(settings: RunSettings, model: Any, group: Any) -> tuple[Any, Any]:
    """(loaded model, scorer or None): the model loaded by name, or the object given."""
    if model is None:
        from xlmaudit.inference import load_model

        device = group.device if group else settings.device
        loaded = load_model(settings.model, revision=settings.revision, device=device,
                            dtype=settings.dtype)  # fmt: skip
    elif callable(getattr(model, "score", None)):
        return ScorerModel.of(model), model
    else:
        from xlmaudit.inference.loader import LoadedModel

        loaded = model if isinstance(model, LoadedModel) else _pair(model, settings)
    warn_random_weights(loaded)
    return loaded, None


def _pair(model: Any, settings: RunSettings) -> Any:
    from xlmaudit.inference.loader import loaded_from_objects

    if not (isinstance(model, tuple) and len(model) == 2):
        raise InputError(f"model: expected a name, a (model, tokenizer) pair, a LoadedModel or a "
                         f"scorer, got {type(model).__name__}")  # fmt: skip
    return loaded_from_objects(model[0], model[1], name=settings.model)


@dataclass(frozen=True)
class ScorerModel:
    """What the run records of a model given as a scorer (no weights are at hand)."""

    name: str
    fingerprint: str
    dtype: str = ""
    device: str = ""
    lang2id: Mapping[str, int] = field(default_factory=dict)
    multilingual: bool | None = True  # a scorer answers in any language it is asked
    language: str | None = None

    @classmethod
    def of(cls, scorer: Any) -> ScorerModel:
        inner = getattr(scorer, "loaded", None)
        if inner is not None:
            return inner
        fingerprint = str(getattr(scorer, "fingerprint", "") or type(scorer).__name__)
        return cls(name=str(getattr(scorer, "name", "") or type(scorer).__name__),
                   fingerprint=fingerprint)  # fmt: skip


def select_languages(suites: list, loaded: Any, wanted: tuple[str, ...]) -> tuple[list, dict]:
    """The probes to run by language (``xlmaudit.suites.only_languages``), a notice per skipped
    language and a warning per language a monolingual checkpoint was not trained for."""
    from xlmaudit.inference.languages import knows, language_warnings
    from xlmaudit.suites import only_languages

    kept, skipped = only_languages(
        suites, known=lambda g: knows(loaded, g), wanted=wanted, model=loaded.name,
        model_languages=tuple(sorted(getattr(loaded, "lang2id", {}) or {})),
        own=None if getattr(loaded, "multilingual", None) else (loaded.language or "en"),
    )  # fmt: skip
    for name, langs in skipped.items():
        if langs:
            why = "not asked for (--languages)" if wanted else (
                "not languages of the model" if getattr(loaded, "lang2id", None) else
                "the model is not multilingual; ask for them with --languages")  # fmt: skip
            print(f"note: suite {name}: skipping the probes in {', '.join(langs)} ({why})",
                  file=sys.stderr)  # fmt: skip
    for message in language_warnings(loaded, [p.language for s in kept for p in s.probes]):
        print(message, file=sys.stderr)
    return kept, skipped


def make_scorer(loaded: Any, suites: list, settings: RunSettings, group: Any = None) -> Any:
    """The core scorer; wrapped for attribution kinds (``ProbeKind.needs_gradients``), which
    then use the core scorer's token budget; the response cache in front of both; and for a
    distributed run, the rank-sharing wrapper around the cached scorer."""
    from xlmaudit.inference import ModelScorer
    from xlmaudit.inference.cache import with_cache
    from xlmaudit.probes import get_kind

    progress = None if settings.progress else False
    scorer = ModelScorer(loaded, batch_tokens=settings.batch_tokens, progress=progress)
    if any(get_kind(p.kind).needs_gradients for s in suites for p in s.probes):
        from xlmaudit.inference.attribution import AttributionScorer

        scorer = AttributionScorer(loaded, scorer)
    scorer = with_cache(scorer, settings.cache_dir)
    if group:
        from xlmaudit.inference.distributed import wrap

        scorer = wrap(scorer, group)
    return scorer


def _distributed_setup(settings: RunSettings) -> Any:
    """Join torch.distributed when a launcher (torchrun, srun) set WORLD_SIZE > 1; else None."""
    if int(os.environ.get("WORLD_SIZE", "1") or 1) <= 1:
        return None
    from xlmaudit.inference.distributed import setup

    return setup(settings.device)


def check_item_count(suites: list, ceiling: int) -> None:
    """Print the number of template items before expanding; refuse more than ``ceiling``."""
    from xlmaudit.templates import count_items

    counts = {s.name: sum(count_items(p) for p in s.probes) for s in suites}
    total = sum(counts.values())
    per_suite = ", ".join(f"{name}: {n:,}" for name, n in counts.items() if n)
    if total:
        print(f"{total:,} template items to expand ({per_suite})", file=sys.stderr)
    if total > ceiling:
        raise InputError(
            f"the suites expand to {total:,} template items, above --max-items {ceiling:,} "
            "(all are built before --limit applies); use smaller lexicons or raise --max-items"
        )


def warn_random_weights(loaded: Any) -> None:
    """One stderr line when ``loaded`` has random weights (its scores are meaningless)."""
    from xlmaudit.inference.loader import random_weights_warning

    message = random_weights_warning(loaded)
    if message:
        print(message, file=sys.stderr)


def model_meta(settings: RunSettings, loaded: Any) -> dict[str, Any]:
    """``meta.json`` ``model``: name, path, fingerprint, revision, planted (from the loaded
    model's directory, not the name typed), random weights."""
    record: dict[str, Any] = {
        "name": settings.model,
        "path": str(getattr(loaded, "source", "")),
        "fingerprint": loaded.fingerprint,
        "revision": settings.revision,
        "planted": bool(getattr(loaded, "is_planted", False)),
        "random_weights": bool(getattr(loaded, "random_weights", False)),
        "languages": sorted(getattr(loaded, "lang2id", None) or {}),  # [] = the model lists none
        "language_embeddings": bool(getattr(loaded, "uses_langs", False)),
        "multilingual": getattr(loaded, "multilingual", None),
    }
    newly = list(getattr(loaded, "newly_initialized", ()))
    if newly:
        record["newly_initialized"] = newly[:MAX_LISTED]
        record["newly_initialized_count"] = len(newly)
    return record


def build_report_after_run(out: Path) -> None:
    """Build figures/, report.html, report.md and model_card.md (:mod:`xlmaudit.report`).

    Guarded: the measurements are already written, so a report failure is a warning (rebuild
    with ``xlmaudit card DIR``), not a failed run.
    """
    try:
        from xlmaudit.report import build_report

        files = build_report(out)
    except Exception as exc:  # noqa: BLE001 - any report error must not lose a finished run
        print(f"warning: report not built ({exc}); rebuild with `xlmaudit card {out}`",
              file=sys.stderr)  # fmt: skip
        return
    print(f"wrote {files.html.name}, {files.markdown.name}, {files.model_card.name}, figures/")


def _versions() -> dict[str, str]:
    from importlib import metadata

    import xlmaudit

    out = {"xlmaudit": xlmaudit.__version__, "python": sys.version.split()[0]}
    for lib in LIBRARIES:
        try:
            out[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            continue
    return out


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def run_meta(
    settings: RunSettings, loaded: Any, scorer: Any, results: list, ctx: Any, *, started: str
) -> Any:
    """The :class:`~xlmaudit.rundir.RunMeta`: model, versions, suites (each probe's kind),
    data checksums, seed, the token budget ``scorer`` used, times, command."""
    from xlmaudit.rundir import RunMeta

    return RunMeta(
        model=model_meta(settings, loaded),
        dtype=str(getattr(loaded, "dtype", "")),
        device=str(getattr(loaded, "device", "")),
        versions=_versions(),
        suites={
            r.suite.name: {
                "version": r.suite.version,
                "sha256": r.suite.sha256,
                "path": r.suite.path,
                "card": dict(r.suite.card),
                "languages": r.meta.get("languages", []),
                "skipped_languages": r.meta.get("skipped_languages", []),
                "kinds": list(dict.fromkeys(p["kind"] for p in r.meta["probes"].values())),
                "probes": r.meta["probes"],
            }
            for r in results
        },
        data={
            name: {"sha256": digest, **getattr(ctx, "data_status", {}).get(name, {})}
            for name, digest in ctx.data_checksums.items()
        },
        seed=settings.seed,
        limit=settings.limit,
        batch_tokens=getattr(scorer, "batch_tokens", None),
        cache_dir=str(settings.cache_dir or ""),
        started=started,
        finished=_now(),
        command=settings.command,
        arguments=dict(settings.arguments),
        extra={"format": 2},
    )
