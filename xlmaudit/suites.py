"""Loading a suite: parse the file (:mod:`xlmaudit.spec`), then check every probe against its
registered kind (:mod:`xlmaudit.probes.check`). The one call most users need::

    from xlmaudit.suites import load_suite, resolve_suite
    suite = load_suite(resolve_suite("occupations"))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from xlmaudit.errors import InputError
from xlmaudit.probes.check import check_suite
from xlmaudit.spec import SuiteSpec, parse_suite, probes_dir, resolve_suite, shipped_suites

__all__ = ["load_suite", "only_languages", "probes_dir", "resolve_suite", "shipped_suites"]


def load_suite(path: str | Path) -> SuiteSpec:
    """Load and validate one suite file. Raises :class:`InputError` naming file and line."""
    return check_suite(parse_suite(path))


def only_languages(
    suites: list[SuiteSpec],
    *,
    known: Callable[[str], bool | None],
    wanted: tuple[str, ...] = (),
    model: str = "the model",
    model_languages: tuple[str, ...] = (),
    own: str | None = None,
) -> tuple[list[SuiteSpec], dict[str, list[str]]]:
    """The suites with only the probes in a language to run, and the skipped languages per suite.

    ``known(lang)``: True/False when the model lists its languages, None when it does not say
    (run with a warning). ``wanted`` (``--languages``) restricts explicitly; a wanted language no
    suite has, or one the model does not know, is an error. A suite in one language the model
    does not know is an error naming it and the model's languages when it is the only suite
    (beside others it is skipped, returned with its language); a suite in several keeps the
    languages the model knows (skipped ones returned); none left is an error. ``own``: the
    language of a model not known to be multilingual: a suite in several languages keeps its
    probes in ``own`` (when it has some) unless ``wanted`` asks for others.
    """
    have = {g for s in suites for g in s.languages}
    listed = ", ".join(model_languages)
    for lang in wanted:
        if lang not in have:
            raise InputError(f"--languages {lang}: no probe of the suites is in {lang!r} "
                             f"(they have: {', '.join(sorted(have))})")  # fmt: skip
        if known(lang) is False:
            raise InputError(f"model {model!r} has no language {lang!r}; it has: {listed}")
    kept, skipped = [], {}
    for suite in suites:
        langs = [g for g in suite.languages if not wanted or g in wanted]
        runnable = [g for g in langs if known(g) is not False]
        if own and not wanted and len(suite.languages) > 1 and own in runnable:
            runnable = [own]  # a monolingual model: the suite's other languages mean little
        if not runnable and len(suite.languages) == 1 and not wanted and len(suites) == 1:
            lang = suite.languages[0]
            raise InputError(f"suite {suite.name!r} is in {lang!r}, which model {model!r} "
                             f"does not know; it has: {listed}")  # fmt: skip
        skipped[suite.name] = [g for g in suite.languages if g not in runnable]
        if not runnable:
            continue  # only languages excluded by --languages (or unknown): nothing to run
        probes = tuple(p for p in suite.probes if p.language in runnable)
        kept.append(replace(suite, probes=probes) if len(probes) < len(suite.probes) else suite)
    if not kept:
        raise InputError(f"no probe of the suites is in a language to run (model {model!r} "
                         f"has: {listed or 'no language list'})")  # fmt: skip
    return kept, skipped
