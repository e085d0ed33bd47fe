"""Command-line entry point: ``xlmaudit <command> ...``.

Each command lives in ``xlmaudit/commands/<name>.py`` and exposes ``register(subparsers)``, which
adds its parser and sets ``func`` (called with the parsed args, returning an exit code). Commands
are discovered: every module of ``xlmaudit.commands`` whose name does not start with ``_`` is a
command (``_``-modules are helpers of a command). Command
modules import torch and friends inside ``func`` only, so ``xlmaudit --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Any

from xlmaudit import __version__, commands
from xlmaudit.errors import XlmauditError


class DefaultsHelpFormatter(argparse.HelpFormatter):
    """Appends ``(default: X)`` to an option's help unless it has no default or names it."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if not action.option_strings or "default" in text or "%(default)" in text:
            return text
        if action.default in (None, False, argparse.SUPPRESS) or isinstance(action.default, list):
            return text
        return f"{text} (default: %(default)s)"


def _command_parser(**kwargs: Any) -> argparse.ArgumentParser:
    kwargs.setdefault("formatter_class", DefaultsHelpFormatter)
    return argparse.ArgumentParser(**kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xlmaudit", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"xlmaudit {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_command_parser
    )
    parser.set_defaults(func=None)
    for info in pkgutil.iter_modules(commands.__path__, f"{commands.__name__}."):
        if not info.name.rpartition(".")[2].startswith("_"):
            importlib.import_module(info.name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # the exact command, for provenance
    if args.func is None:
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
