"""Command-line entry point: ``xlmaudit <command> ...``.

Each command lives in ``xlmaudit/commands/<name>.py`` and exposes ``register(subparsers)``, which
adds its parser and sets ``func`` (called with the parsed args, returning an exit code). Command
modules import torch and friends inside ``func`` only, so ``xlmaudit --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from xlmaudit import __version__
from xlmaudit.errors import XlmauditError

COMMAND_MODULES = (
    "fill",
    "run",
    "list",
    "data",
    "planted",
    "explain",
    "card",
    "compare",
    "bench",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xlmaudit", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"xlmaudit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"xlmaudit.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"xlmaudit.commands.{name}":
                continue  # command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # the exact command, for provenance
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except XlmauditError as exc:
        print(f"xlmaudit {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
