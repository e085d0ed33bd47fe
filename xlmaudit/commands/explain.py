"""``xlmaudit explain``: which words push a masked LM toward one word (or away from another).

    xlmaudit explain --model planted "the nurse said that [MASK] was tired." \
        --target she --contrast he

prints the word attributions and writes ``explanation.html`` (tokens coloured by attribution),
``explanation.png`` (a bar per word) and ``attributions.csv`` (the tidy token frame) to ``--out``.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
from pathlib import Path

from xlmaudit.requests import ATTRIBUTION_METHODS as METHODS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "explain",
        help="attribute a masked prediction (or the gap between two words) to the input words",
        description=__doc__.splitlines()[0].split(": ", 1)[1],
    )
    p.add_argument("text", help="a text with exactly one [MASK]")
    p.add_argument("--model", default="planted", help="hub id, local directory or 'planted'")
    p.add_argument("--target", required=True, help="the word whose log-probability is explained")
    p.add_argument("--contrast", default=None, help="explain log P(target) - log P(contrast)")
    p.add_argument("--method", default="lig", choices=METHODS, help="attribution method")
    p.add_argument("--steps", type=int, default=50, help="integration steps (lig)")
    p.add_argument("--baseline", default="pad", choices=("pad", "mask", "unk"))
    p.add_argument("--out", type=Path, default=Path("xlmaudit-explain"), metavar="DIR")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, mps")
    p.add_argument("--dtype", default="float32", help="float32 (default), bfloat16, float16")
    p.add_argument("--language", default=None, help="language of a multilingual XLM model")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from xlmaudit.api import warn_random_weights
    from xlmaudit.attributions import Explanations
    from xlmaudit.inference import load_model
    from xlmaudit.inference.attribution import CompletenessWarning, explain
    from xlmaudit.report.attribution_plot import plot_word_attributions
    from xlmaudit.requests import AttributionRequest

    loaded = load_model(args.model, device=args.device, dtype=args.dtype, language=args.language)
    warn_random_weights(loaded)
    req = AttributionRequest(
        args.text, args.target, args.contrast, args.method, args.steps, args.baseline
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CompletenessWarning)
        responses = explain(loaded, [req])
    result = Explanations.from_responses([req], responses)
    words = result.words()
    print(_describe(responses[0], req))
    print(words[["word", "attribution"]].to_string(index=False, float_format="{:+.4f}".format))
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "explanation.html").write_text(result.html_page(), encoding="utf-8")
    result.tokens.to_csv(args.out / "attributions.csv", index=False)
    fig = plot_word_attributions(words)
    fig.savefig(args.out / "explanation.png", dpi=120)
    print(f"wrote {args.out / 'explanation.html'}, explanation.png, attributions.csv")
    return 0


def _describe(r, req) -> str:
    what = f"log P({req.target})" + (f" - log P({req.contrast})" if req.contrast else "")
    line = f"{req.method}: F = {what} = {r.value:+.4f}"
    if math.isfinite(r.delta):  # a method with a convergence delta (integrated gradients)
        line += (
            f"; F(baseline) = {r.baseline_value:+.4f}; sum of attributions = "
            f"{r.attributions.sum():+.4f}; delta = {r.delta:+.2e} "
            f"({r.relative_delta:.2%} of F(x) - F(baseline), {r.n_steps} steps)"
        )
    if r.mixed_piece_counts:
        line += f"\nnote: {req.target} and {req.contrast} differ in piece count (confounded)"
    return line
