"""``xlmaudit run``: run probe suites on a model and write a run directory."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from xlmaudit.commands._languages import parse_languages, select_languages

ENV_DATA_DIR = "XLMAUDIT_DATA_DIR"
MAX_ITEMS = 200_000  # default ceiling on template items expanded per run
LIBRARIES = ("torch", "transformers", "numpy", "pandas", "scipy", "pyarrow", "pyyaml", "captum")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "run",
        help="run probe suites on a model and write a run directory",
        description="Run probe suites (names from `xlmaudit list`, or YAML files) on a masked LM "
        "and write DIR/meta.json, DIR/summary.csv and DIR/raw/<suite>.parquet.",
    )
    p.add_argument("--model", default="planted", help="hub id, local directory or 'planted'")
    p.add_argument("--revision", default=None, help="hub revision (branch, tag or commit)")
    p.add_argument(
        "--suite",
        action="append",
        required=True,
        metavar="S",
        help="suite name or path to a suite YAML file (repeatable)",
    )
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="run directory")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1, mps")
    p.add_argument("--dtype", default="float32", help="float32 (default), bfloat16, float16")
    p.add_argument(
        "--batch-tokens",
        type=int,
        default=None,
        help="token budget per forward pass (default: 1024 on CPU, 4096 on GPU)",
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N items per probe")
    p.add_argument(
        "--languages",
        default=None,
        metavar="L,L",
        help="run only the probes in these languages (e.g. en,fr; default: every language of the "
        "suites that the model knows)",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        default=os.environ.get(ENV_DATA_DIR) or None,
        help=f"benchmark data folder (default: ${ENV_DATA_DIR})",
    )
    p.add_argument(
        "--strict-data",
        action="store_true",
        help="refuse a benchmark file whose checksum is not the published one (default: warn)",
    )
    p.add_argument("--cache-dir", type=Path, default=None, help="response cache folder")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--seed", type=int, default=0, help="seed of bootstrap resampling")
    p.add_argument("--overwrite", action="store_true", help="replace an earlier run in --out whole")
    p.add_argument(
        "--max-items",
        type=int,
        default=MAX_ITEMS,
        metavar="N",
        help="refuse suites whose templates expand to more than N items",
    )
    p.set_defaults(func=main)


@dataclass(frozen=True)
class RunSettings:
    """What ``xlmaudit run`` was asked, resolved once from the command line (checked, with the
    cache folder resolved); everything after parsing reads this, not ``argparse.Namespace``."""

    model: str
    suites: tuple[str, ...]
    out: Path
    revision: str | None = None
    device: str = "auto"
    dtype: str = "float32"
    batch_tokens: int | None = None  # None: the device's default, resolved by the scorer
    limit: int | None = None
    languages: tuple[str, ...] = ()  # --languages: () = every language the model knows
    data_dir: Path | None = None
    strict_data: bool = False
    cache_dir: Path | None = None  # None: no cache
    seed: int = 0
    overwrite: bool = False
    max_items: int = MAX_ITEMS
    command: str = ""
    arguments: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> RunSettings:
        """The settings of parsed ``run`` arguments (``args.argv``: the command as typed)."""
        return cls(
            model=args.model, suites=tuple(args.suite), out=Path(args.out),
            revision=args.revision, device=args.device, dtype=args.dtype,
            batch_tokens=args.batch_tokens, limit=args.limit, data_dir=args.data_dir,
            languages=parse_languages(getattr(args, "languages", None)),
            strict_data=bool(getattr(args, "strict_data", False)), cache_dir=_cache_dir(args),
            seed=args.seed, overwrite=bool(getattr(args, "overwrite", False)),
            max_items=getattr(args, "max_items", MAX_ITEMS),
            command=shlex.join(["xlmaudit", *getattr(args, "argv", sys.argv[1:])]),
            arguments={k: str(v) for k, v in vars(args).items() if k not in {"func", "argv"}},
        )  # fmt: skip

    def context(self) -> Any:
        """The :class:`~xlmaudit.probes.RunContext` the kinds see."""
        from xlmaudit.probes import RunContext

        return RunContext(data_dir=self.data_dir, limit=self.limit, seed=self.seed,
                          strict_data=self.strict_data)  # fmt: skip


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


def _cache_dir(args: argparse.Namespace) -> Path | None:
    if args.no_cache:
        return None
    if args.cache_dir is not None:
        return args.cache_dir
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "xlmaudit" / "responses"


def make_scorer(loaded: Any, suites: list, settings: RunSettings) -> Any:
    """The core scorer; wrapped for attribution kinds (``ProbeKind.needs_gradients``), which
    then use the core scorer's token budget; the response cache in front of both."""
    from xlmaudit.inference import ModelScorer
    from xlmaudit.inference.cache import with_cache
    from xlmaudit.probes import get_kind

    scorer = ModelScorer(loaded, batch_tokens=settings.batch_tokens)
    if any(get_kind(p.kind).needs_gradients for s in suites for p in s.probes):
        from xlmaudit.inference.attribution import AttributionScorer

        scorer = AttributionScorer(loaded, scorer)
    return with_cache(scorer, settings.cache_dir)


def _check_settings(settings: RunSettings) -> None:
    from xlmaudit.errors import InputError

    if settings.limit is not None and settings.limit < 1:
        raise InputError(f"--limit must be >= 1, got {settings.limit}")
    if settings.batch_tokens is not None and settings.batch_tokens < 1:
        raise InputError(f"--batch-tokens must be >= 1, got {settings.batch_tokens}")
    if settings.data_dir is not None and not Path(settings.data_dir).is_dir():
        raise InputError(f"--data-dir {settings.data_dir}: not a directory")
    from xlmaudit.rundir import check_out

    check_out(settings.out, overwrite=settings.overwrite)


def main(args: argparse.Namespace) -> int:
    from xlmaudit.inference import load_model
    from xlmaudit.rundir import write_run
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite, resolve_suite

    settings = RunSettings.from_args(args)
    _check_settings(settings)
    started = _now()
    suites = [load_suite(resolve_suite(s)) for s in settings.suites]
    names = [s.name for s in suites]
    if len(set(names)) != len(names):
        from xlmaudit.errors import InputError

        raise InputError(f"the same suite is named twice: {names}")
    check_item_count(suites, settings.max_items)
    group = _distributed_setup(settings)  # None unless launched with WORLD_SIZE > 1 (torchrun)
    device = group.device if group else settings.device
    loaded = load_model(settings.model, revision=settings.revision, device=device,
                        dtype=settings.dtype)  # fmt: skip
    warn_random_weights(loaded)
    suites, skipped = select_languages(suites, loaded, settings.languages)
    scorer = make_scorer(loaded, suites, settings)
    if group:
        from xlmaudit.inference.distributed import wrap

        scorer = wrap(scorer, group)
    ctx = settings.context()
    results = run_suites(suites, scorer, ctx=ctx)
    for r in results:
        r.meta["skipped_languages"] = skipped.get(r.suite.name, [])
    if group and not group.is_main:  # rank 0 alone writes the run directory and prints
        return 0
    meta = run_meta(settings, loaded, scorer, results, ctx, started=started)
    if group:
        dist = {"world_size": group.world, "backend": group.backend}
        meta = replace(meta, extra={**meta.extra, "distributed": dist})
    from xlmaudit.cross_language import run_tables

    tables, record = run_tables({r.suite.name: r.raw for r in results}, seed=settings.seed)
    if record:
        meta = replace(meta, extra={**meta.extra, "cross_language": record})
    out = write_run(settings.out, results, meta, overwrite=settings.overwrite, tables=tables)
    print_summary(results, out)
    build_report_after_run(out)
    return 0


def _distributed_setup(settings: RunSettings) -> Any:
    """Join torch.distributed when a launcher (torchrun, srun) set WORLD_SIZE > 1; else None."""
    if int(os.environ.get("WORLD_SIZE", "1") or 1) <= 1:
        return None
    from xlmaudit.inference.distributed import setup

    return setup(settings.device)


def check_item_count(suites: list, ceiling: int) -> None:
    """Print the number of template items before expanding; refuse more than ``ceiling``."""
    from xlmaudit.errors import InputError
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


MAX_LISTED = 20  # newly initialised weight names kept in meta.json


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


def run_meta(
    settings: RunSettings, loaded: Any, scorer: Any, results: list, ctx: Any, *, started: str
) -> Any:
    """The :class:`~xlmaudit.rundir.RunMeta`: model, versions, suites, data checksums, seed,
    the token budget ``scorer`` used, times, command."""
    from xlmaudit.rundir import RunMeta

    return RunMeta(
        model=model_meta(settings, loaded),
        dtype=loaded.dtype,
        device=str(loaded.device),
        versions=_versions(),
        suites={
            r.suite.name: {
                "version": r.suite.version,
                "sha256": r.suite.sha256,
                "path": r.suite.path,
                "card": dict(r.suite.card),
                "languages": r.meta.get("languages", []),
                "skipped_languages": r.meta.get("skipped_languages", []),
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
    )


def print_summary(results: list, out: Path) -> None:
    """A short table of the overall rows per probe (template probes, CrowS-Pairs, StereoSet's
    lms / ss / icat) and correlations, the contrast in words, then where the files are."""
    for res in results:
        s = res.summary
        level = s["level"].fillna("") if "level" in s else s["group"].map(lambda _: "")
        overall = s["group"].isin(["all", "overall"])
        top = s[(level.isin(["overall", ""]) & overall) | level.eq("correlation")]
        for row in top.itertuples():
            contrast = getattr(row, "contrast", "")
            contrast = f" ({contrast})" if isinstance(contrast, str) and contrast else ""
            print(
                f"{row.suite:14} {row.probe:22} {row.metric:34} {row.value:9.4f} "
                f"[{row.ci_low:.4f}, {row.ci_high:.4f}] n={row.n}{contrast}"
            )
    extra = ", cross_language.csv" if (out / "cross_language.csv").is_file() else ""
    print(f"wrote {out}/meta.json, summary.csv{extra}, raw/<suite>.parquet")
