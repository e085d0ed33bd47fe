"""``xlmaudit fill``: word-level log-probabilities of target words at one ``[MASK]``."""

from __future__ import annotations

import argparse
import math
from typing import Any

DEFAULT_MODEL = "xlm-mlm-en-2048"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "fill",
        help="score target words at the [MASK] of a sentence and show the top predictions",
        description="Score each target word at the single [MASK] of TEXT (a word of several "
        "pieces is scored as a word: all pieces masked, chained left to right) and print the "
        "top single-token predictions. Example: xlmaudit fill --model planted "
        '"The doctor said [MASK] was late." --targets he she',
    )
    p.add_argument("text", help="a sentence with exactly one [MASK]")
    p.add_argument("--model", default=DEFAULT_MODEL, help="hub id, local directory or 'planted'")
    p.add_argument("--revision", default=None, help="hub revision (branch, tag or commit)")
    p.add_argument("--targets", nargs="*", default=[], metavar="WORD", help="words to score")
    p.add_argument("--top-k", type=int, default=5, metavar="K", help="top predictions (0: none)")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1, mps")
    p.add_argument("--dtype", default="float32", help="float32 (default), bfloat16, float16")
    p.add_argument("--language", default=None, help="language of a multilingual XLM model")
    p.add_argument(
        "--truncate",
        action="store_true",
        help="cut a text longer than the model's positions (the [MASK] must survive)",
    )
    p.set_defaults(func=main)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def input_flags(codec: Any, response: Any, text: str) -> list[str]:
    """Flags on what the model actually reads: targets changed by the tokenizer's normalisation
    (accents, case) and words of the text that become unknown pieces."""
    lines = []
    for c in response.candidates:
        seen = None if c.flag else codec.read_as(c.word, c.pieces)
        if seen is not None:
            lines.append(f"flag: {c.word!r} is read as {seen!r} by this tokenizer (accents or "
                         f"case normalised): the score is that of {seen!r}")  # fmt: skip
    unknown = ", ".join(map(repr, codec.unknown_words(text)))
    if unknown:
        lines.append(f"flag: the text has words this tokenizer reads as unknown pieces "
                     f"({unknown}): the model sees only <unk> there")  # fmt: skip
    return lines


def format_response(
    response: Any, *, text: str, top_k: int, flags: tuple[str, ...] | list[str] = ()
) -> list[str]:
    """Lines of the report for one ``MaskedWordResponse`` (``flags``: from :func:`input_flags`)."""
    lines = [f"text: {text}", ""]
    if response.candidates:
        rows = [("target", "log-prob", "prob", "pieces", "tokens")]
        for c in response.candidates:
            if c.flag:
                rows.append((c.word, "-", "-", str(c.n_pieces), f"not scored: {c.flag}"))
                continue
            rows.append(
                (c.word, f"{c.logprob:.4f}", f"{math.exp(c.logprob):.4g}", str(c.n_pieces),
                 " ".join(c.pieces))
            )  # fmt: skip
        lines += _table(rows)
        for c in response.candidates:
            if c.flag == "unknown":
                lines.append(f"flag: {c.word!r} contains unknown pieces ({' '.join(c.pieces)})")
            elif c.flag == "empty":
                lines.append(f"flag: {c.word!r} tokenizes to nothing")
        if response.mixed_piece_counts:
            counts = sorted({c.n_pieces for c in response.candidates if not c.flag})
            lines.append(
                f"warning: targets differ in piece count ({', '.join(map(str, counts))}); the "
                "number of mask tokens alone hints which word fits, so this comparison is "
                "confounded (compare whole sentences with pseudo-log-likelihood instead)"
            )
    lines += flags
    if top_k:
        lines += ["", f"top {top_k} predictions at one mask (special tokens excluded):"]
        rows = [("rank", "token", "log-prob", "prob")]
        rows += [
            (str(i), piece, f"{lp:.4f}", f"{math.exp(lp):.4g}")
            for i, (piece, lp) in enumerate(response.top_k, start=1)
        ]
        lines += _table(rows)
    return lines


def main(args: argparse.Namespace) -> int:
    from xlmaudit.api import warn_random_weights
    from xlmaudit.errors import InputError
    from xlmaudit.inference import ModelScorer, load_model
    from xlmaudit.requests import MaskedWordRequest

    if args.top_k < 0:
        raise InputError(f"--top-k must be >= 0, got {args.top_k}")
    loaded = load_model(
        args.model,
        revision=args.revision,
        device=args.device,
        dtype=args.dtype,
        language=args.language,
    )
    scorer = ModelScorer(loaded, progress=False, truncate=args.truncate)
    request = MaskedWordRequest(args.text, tuple(args.targets), top_k=args.top_k)
    response = scorer.score([request])[0]
    warn_random_weights(loaded)  # after scoring: a bad input stays a one-line error
    print(f"model: {loaded.name} ({loaded.fingerprint}, {loaded.dtype}, {loaded.device})")
    flags = input_flags(scorer.codec, response, args.text)
    print("\n".join(format_response(response, text=args.text, top_k=args.top_k, flags=flags)))
    return 0
