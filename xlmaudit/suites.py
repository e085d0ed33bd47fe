"""Loading a suite: parse the file (:mod:`xlmaudit.spec`), then check every probe against its
registered kind (:mod:`xlmaudit.probes.check`). The one call most users need::

    from xlmaudit.suites import load_suite, resolve_suite
    suite = load_suite(resolve_suite("occupations"))
"""

from __future__ import annotations

from pathlib import Path

from xlmaudit.probes.check import check_suite
from xlmaudit.spec import SuiteSpec, parse_suite, probes_dir, resolve_suite, shipped_suites

__all__ = ["load_suite", "probes_dir", "resolve_suite", "shipped_suites"]


def load_suite(path: str | Path) -> SuiteSpec:
    """Load and validate one suite file. Raises :class:`InputError` naming file and line."""
    return check_suite(parse_suite(path))
