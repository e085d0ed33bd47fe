"""Before pairing two runs: the same suite versions, suite files and data files (sha256).

:func:`check_inputs` compares the checksums ``meta.json`` records for each shared suite (suite
file with its lexicons; data files the suite read): a difference is refused unless
``allow_different_data``, a checksum not recorded is a warning. :func:`check_versions` refuses
different versions of a shared suite.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlmaudit.errors import InputError

if TYPE_CHECKING:
    from xlmaudit.paired import RunLike

SHORT = 12  # hex digits of a checksum shown in messages
NOT_READ = "not read"  # a data file one run read and the other did not
SAME_ITEMS = (
    "a paired comparison needs the same items in both runs: with a different suite file, lexicon "
    "or data file the runs score different item sets, and B - A mixes the model change with the "
    "data change"
)
Checked = tuple[list[str], list[str]]  # (differences, checks that could not be made)


def _suite_entry(meta: Mapping[str, Any], suite: str) -> dict[str, Any]:
    suites = meta.get("suites")
    entry = suites.get(suite, {}) if isinstance(suites, dict) else {}
    return entry if isinstance(entry, dict) else {}


def suite_versions(meta: Mapping[str, Any], suite: str) -> tuple[str | None, str | None]:
    """(version, sha256) of ``suite`` recorded in ``meta.json`` (None where not recorded)."""
    entry = _suite_entry(meta, suite)
    return entry.get("version"), entry.get("sha256") or entry.get("hash")


def check_versions(a: RunLike, b: RunLike, suites: list[str]) -> None:
    """Raise InputError naming the suite when the two runs used different suite versions."""
    for suite in suites:
        va, vb = suite_versions(a.meta, suite), suite_versions(b.meta, suite)
        if va[0] != vb[0]:
            raise InputError(
                f"suite {suite!r}: run A used version {va[0]} (sha256 {va[1]}), run B version "
                f"{vb[0]} (sha256 {vb[1]}); compare runs of the same suite version"
            )


def _checksum(value: object) -> str | None:
    """A data record's sha256: ``{"sha256": ...}`` (``xlmaudit run``) or the bare string."""
    value = value.get("sha256") if isinstance(value, dict) else value
    return str(value) if value else None


def _uses(name: str, kinds: set[str]) -> bool:
    return any(name == k or name.startswith(f"{k} (") for k in kinds)


def data_checksums(meta: Mapping[str, Any], suite: str) -> dict[str, str | None] | None:
    """sha256 per data file that ``suite`` read, from ``meta.json``; None if it records no data.

    A per-suite ``data`` record wins; otherwise the run's ``data`` entries
    named after a probe kind of the suite (``crows-pairs``, ``stereoset (test.json)``), all of them
    when the meta records no probe kind.
    """
    entry = _suite_entry(meta, suite)
    record = entry.get("data")
    if not isinstance(record, dict):
        record = meta.get("data")
        if not isinstance(record, dict):
            return None
        probes = entry.get("probes")
        probes = probes.values() if isinstance(probes, dict) else []
        kinds = {str(p["kind"]) for p in probes if isinstance(p, dict) and p.get("kind")}
        if kinds:
            record = {n: v for n, v in record.items() if _uses(str(n), kinds)}
    return {str(n): _checksum(v) for n, v in record.items()}


def _without(a: object, b: object) -> str:
    """Which runs lack a record (None): ``run A's meta.json records`` (B; both runs')."""
    if a is None and b is None:
        return "both runs' meta.json files record"
    return f"run {'A' if a is None else 'B'}'s meta.json records"


def _pair(a: str, b: str) -> str:
    """Both short checksums: ``sha256 0123456789ab in run A, not read in run B``."""
    a, b = (c if c == NOT_READ else f"sha256 {c[:SHORT]}" for c in (a, b))
    return f"{a} in run A, {b} in run B"


def _suite_file_check(a: Mapping[str, Any], b: Mapping[str, Any], suite: str) -> Checked:
    """(differences, unchecked) of the suite file + lexicons checksum of ``suite``."""
    ha, hb = suite_versions(a, suite)[1], suite_versions(b, suite)[1]
    if ha is None or hb is None:
        lack = f"suite {suite!r}: {_without(ha, hb)} no sha256 of the suite file"
        return [], [f"{lack}; could not check that both runs used the same suite definition"]
    if ha == hb:
        return [], []
    paths = (_suite_entry(m, suite).get("path") for m in (a, b))
    name = " / ".join(dict.fromkeys(Path(str(p)).name for p in paths if p)) or "suite file"
    return [f"suite {suite!r}: suite file {name} (with its lexicons): {_pair(ha, hb)}"], []


def _data_file_check(a: Mapping[str, Any], b: Mapping[str, Any], suite: str) -> Checked:
    """(differences, unchecked) of the data files ``suite`` read in runs A and B."""
    da, db = data_checksums(a, suite), data_checksums(b, suite)
    if da is None or db is None:
        return [], [f"suite {suite!r}: {_without(da, db)} no data checksums; "
                    "could not check that both runs read the same data files"]  # fmt: skip
    differences, unchecked = [], []
    for name in dict.fromkeys([*da, *db]):
        ca, cb = da.get(name, NOT_READ), db.get(name, NOT_READ)
        where = f"suite {suite!r}: data file {name!r}"
        if ca is None or cb is None:
            unchecked.append(f"{where}: {_without(ca, cb)} no sha256; could "
                             "not check that both runs read the same file")  # fmt: skip
        elif ca != cb:
            differences.append(f"{where}: {_pair(ca, cb)}")
    return differences, unchecked


def check_inputs(
    a: RunLike, b: RunLike, suites: list[str], *, allow_different_data: bool = False
) -> list[str]:
    """Check that both runs read the same suite files and data for ``suites``; return warnings.

    A checksum that differs (sha256 of the suite file with its lexicons, or of a data file the
    suite read) raises InputError naming the suite, the file and both checksums (first 12 hex
    digits), or is a warning with ``allow_different_data``. A checksum that ``meta.json`` does not
    record (older runs) is a warning: the check could not be made.
    """
    differences, warnings = [], []
    for suite in suites:
        for check in (_suite_file_check, _data_file_check):
            found, unchecked = check(a.meta, b.meta, suite)
            differences += found
            warnings += unchecked
    if differences and not allow_different_data:
        raise InputError(f"{'; '.join(differences)}; {SAME_ITEMS} (--allow-different-data "
                         "compares the items whose ids match anyway)")  # fmt: skip
    anyway = ("compared anyway (--allow-different-data): only items with the same item_id are "
              "paired, and the two runs' item sets may differ")  # fmt: skip
    return [f"{d}; {anyway}" for d in differences] + warnings
