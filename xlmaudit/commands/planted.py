"""``xlmaudit planted``: train the planted-bias model, or calibrate a model against its truth."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "planted",
        help="train or calibrate the planted-bias model",
        description="The planted-bias model: a small XLM trained on a synthetic corpus whose "
        "associations are known (see xlmaudit/planted/model/README.md).",
    )
    sub = p.add_subparsers(dest="planted_command", metavar="ACTION", required=True)
    t = sub.add_parser("train", help="generate the corpus, learn the tokenizer, train, write DIR")
    t.add_argument("--out", required=True, type=Path, metavar="DIR", help="model directory")
    t.add_argument(
        "--seed", type=int, default=None, help="seed of corpus, tokenizer and training "
        "(default: the size's, 4 for the shipped model, 0 for --small)"
    )  # fmt: skip
    t.add_argument("--steps", type=int, default=None, help="optimisation steps (default: size's)")
    t.add_argument("--small", action="store_true", help="the quick CI size (about a minute)")
    t.add_argument(
        "--strength", type=float, default=1.0, metavar="S", help="scale every planted "
        "association toward 0.5 by S in [0, 1]: share p becomes 0.5 + S (p - 0.5) (default 1: "
        "the shipped corpus; 0: every association balanced)"
    )  # fmt: skip
    t.add_argument(
        "--languages", default="en", metavar="LANGS", help="comma-separated corpus languages: "
        "'en' (default, the English model) or 'en,fr' (the bilingual model, language embeddings)"
    )  # fmt: skip
    t.set_defaults(func=train_main)
    c = sub.add_parser("calibrate", help="measure a model against the planted truth")
    c.add_argument(
        "--model", default="planted",
        help="model directory, 'planted' or 'planted-bilingual' (per-language figures)",
    )  # fmt: skip
    c.add_argument(
        "--json", type=Path, metavar="PATH", help="figures (JSON; required without --dose)"
    )
    c.add_argument("--csv", type=Path, default=None, help="truth vs measured (default: PATH.csv)")
    c.add_argument("--seed", type=int, default=0, help="seed of the generated pairs")
    c.add_argument("--device", default="auto", help="auto, cpu, cuda, ...")
    _dose_arguments(c)
    c.set_defaults(func=calibrate_main)


def _dose_arguments(c: argparse.ArgumentParser) -> None:
    d = c.add_argument_group("dose-response (--dose)")
    d.add_argument(
        "--dose", action="store_true", help="train or load a family of planted models at "
        "strengths S x seeds, audit each, and tabulate per measure: Spearman with S, the "
        "false-positive rate at S = 0, the smallest S detected at 80%% power"
    )  # fmt: skip
    d.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="models and runs of the family (default: ~/.cache/xlmaudit/dose)",
    )
    d.add_argument(
        "--sizes",
        choices=("tiny", "small", "shipped"),
        default="small",
        help="model size of the family: small (default, the CI retraining size, about 2 CPU "
        "minutes each; its S < 1 models do not learn the pronoun), shipped (the shipped "
        "model's recipe, about 5 CPU minutes each), tiny (seconds: the CI test)",
    )
    d.add_argument("--strengths", default="0,0.25,0.5,0.75,1", metavar="S,S,...")
    d.add_argument("--seeds", default="0,1", metavar="N,N,...")
    d.add_argument(
        "--probes",
        default="occupations,crows,seat,winobias",
        metavar="ROLES",
        help="suites to run: occupations, crows, seat, winobias (default: all)",
    )
    d.add_argument(
        "--reference",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also audit the shipped planted model (shipped_* columns)",
    )
    d.add_argument("--data-dir", type=Path, default=None, help="benchmark data (WinoBias)")
    d.add_argument("--out", type=Path, default=None, metavar="CSV", help="the table")
    d.add_argument("--figure", type=Path, default=None, metavar="PNG", help="the figure")


def train_main(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from xlmaudit.planted.language import bilingual_languages, check_strength
    from xlmaudit.planted.train import default_config, train_planted

    check_strength(args.strength)
    languages = tuple(c.strip() for c in args.languages.split(",") if c.strip())
    bilingual_languages(languages)  # an unknown language fails here, before any work
    cfg = replace(default_config(languages, small=args.small), strength=args.strength)
    if args.seed is not None:
        cfg = replace(cfg, seed=args.seed)
    if args.steps is not None:
        if args.steps < 1:
            from xlmaudit.errors import InputError

            raise InputError(f"--steps must be >= 1, got {args.steps}")
        cfg = replace(cfg, steps=args.steps)
    train_planted(args.out, cfg, languages=languages)
    return 0


def calibrate_main(args: argparse.Namespace) -> int:
    if args.dose:
        from xlmaudit.commands._dose import dose_main

        return dose_main(args)
    if args.json is None:
        from xlmaudit.errors import InputError

        raise InputError("planted calibrate: --json PATH is required (or --dose)")
    from xlmaudit.inference import ModelScorer, load_model
    from xlmaudit.inference.loader import resolve_source
    from xlmaudit.planted.calibrate import calibrate, training_languages, training_size

    source, _ = resolve_source(args.model)
    seed, size = training_size(source)
    if len(training_languages(source)) > 1:
        from xlmaudit.planted.calibrate_bilingual import (
            calibrate_bilingual,
            language_scorers,
            summary_lines_bilingual,
        )

        scorer = ModelScorer(load_model(source, device=args.device))
        scorers = language_scorers(scorer, training_languages(source))  # requests carry `lang`
        from xlmaudit.cross_language import cross_language_of_run

        result, table = calibrate_bilingual(scorers, seed=seed, size=size, pair_seed=args.seed,
                                            compare=cross_language_of_run)  # fmt: skip
        summary = summary_lines_bilingual(result)
    else:
        loaded = load_model(args.model, device=args.device)
        result, table = calibrate(ModelScorer(loaded), seed=seed, size=size, pair_seed=args.seed)
        summary = summary_lines(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    csv = args.csv or args.json.with_suffix(".csv")
    table.to_csv(csv, index=False)
    print(summary)
    print(f"wrote {args.json} and {csv}")
    return 0 if all(result["passed"].values()) else 1


def summary_lines(result: dict) -> str:
    """A few human-readable lines of the calibration figures."""
    ppl = result["pseudo_perplexity"]
    lines = [f"spearman_occupation {result['spearman_occupation']:.3f}"]
    for bias, v in result["pair_preference"].items():
        lines.append(f"pair_preference {bias} {v['value']:.3f} (n={v['n']})")
    for bias, v in result["control_preference"].items():
        lines.append(f"control_preference {bias} {v['value']:.3f} "
                     f"binomial [{v['ci_low']:.3f}, {v['ci_high']:.3f}] (n={v['n']}), "
                     f"clustered [{v['ci_low_clustered']:.3f}, {v['ci_high_clustered']:.3f}] "
                     f"({v['n_clusters']} clusters)")  # fmt: skip
    lines.append(f"cue_accuracy {result['cue_accuracy']:.3f} (gender cues)")
    lines.append(f"pseudo_perplexity {ppl['value']:.2f} (unigram {ppl['unigram_baseline']:.2f})")
    lines.append("passed " + ", ".join(f"{k}={v}" for k, v in result["passed"].items()))
    return "\n".join(lines)
