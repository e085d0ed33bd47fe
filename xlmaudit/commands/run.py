"""``xlmaudit run``: run probe suites on a model and write a run directory (the command-line
door onto :func:`xlmaudit.api.audit`, which does the work)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from xlmaudit.api import ENV_DATA_DIR, MAX_ITEMS


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


def settings_from_args(args: argparse.Namespace):  # noqa: ANN201 - api.RunSettings
    """The :class:`~xlmaudit.api.RunSettings` of parsed ``run`` arguments (``args.argv``: the
    command as typed)."""
    from xlmaudit.api import RunSettings, cli_command, default_cache_dir
    from xlmaudit.commands._languages import parse_languages

    cache = None if args.no_cache else (args.cache_dir or default_cache_dir())
    return RunSettings(
        model=args.model, suites=tuple(args.suite), out=Path(args.out), revision=args.revision,
        device=args.device, dtype=args.dtype, batch_tokens=args.batch_tokens, limit=args.limit,
        data_dir=args.data_dir, languages=parse_languages(getattr(args, "languages", None)),
        strict_data=bool(getattr(args, "strict_data", False)), cache_dir=cache, seed=args.seed,
        overwrite=bool(getattr(args, "overwrite", False)),
        max_items=getattr(args, "max_items", MAX_ITEMS),
        command=cli_command(getattr(args, "argv", sys.argv[1:])),
        arguments={k: str(v) for k, v in vars(args).items() if k not in {"func", "argv"}},
    )  # fmt: skip


def main(args: argparse.Namespace) -> int:
    from xlmaudit.api import run_audit

    run = run_audit(settings_from_args(args))
    if run.path is not None:  # rank 0 of a distributed run, or a plain run
        print_summary([run], run.path)
    return 0


def print_summary(runs: list, out: Path) -> None:
    """A short table of the overall rows per probe (template probes, CrowS-Pairs, StereoSet's
    lms / ss / icat) and correlations, the contrast in words, then where the files are
    (``runs``: objects with a ``summary`` frame: a Run, suite results)."""
    for res in runs:
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
