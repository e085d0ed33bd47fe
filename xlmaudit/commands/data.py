"""``xlmaudit data``: list the known benchmark files; fetch one into the cache, verified."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("data", help="list or fetch benchmark data sets")
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    fetch = sub.add_parser("fetch", help="download a data set into the cache and verify it")
    fetch.add_argument("name", help="data set name (see `xlmaudit data list`)")
    fetch.add_argument("--cache-dir", default=None, help="cache directory (default: user cache)")
    fetch.add_argument("--url", default=None, help="download from this URL instead (a mirror)")
    fetch.add_argument("--force", action="store_true", help="download even if cached")
    fetch.set_defaults(func=_fetch)
    listing = sub.add_parser("list", help="known data sets, their source and checksum")
    listing.set_defaults(func=_list)


def _fetch(args: argparse.Namespace) -> int:
    from xlmaudit.datasets import fetch

    path = fetch(args.name, cache_dir=args.cache_dir, url=args.url, force=args.force)
    print(f"{args.name}: {path} (checksum verified)")
    return 0


def _list(args: argparse.Namespace) -> int:
    from xlmaudit.datasets import SOURCES

    for s in SOURCES.values():
        digest = f"sha256 {s.sha256}" if s.sha256 else f"git blob {s.git_blob}"
        print(f"{s.name}\t{s.relpath}\t{s.license}\n  {s.url}\n  {digest}")
    return 0
