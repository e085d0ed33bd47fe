"""The run directory: ``meta.json``, ``summary.csv``, ``raw/<suite>.parquet`` (and derived
tables such as ``cross_language.csv``, see :mod:`xlmaudit.cross_language`).

Written by ``xlmaudit run`` (and the test fixtures); read by reports, ``xlmaudit card`` and
``xlmaudit compare``. ``meta.json`` has one schema, :class:`RunMeta`.
"""

from __future__ import annotations

import glob
import json
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.runner import SUMMARY_COLUMNS, SuiteResult

META = "meta.json"
SUMMARY = "summary.csv"
RAW = "raw"


@dataclass(frozen=True)
class RunMeta:
    """``meta.json``: the one record of a run, written by ``xlmaudit run`` and the fixtures.

    ``data`` maps a data file's name to ``{"sha256": ..., <check status>}`` (None: the run
    recorded no data; ``{}``: it read none); ``suites`` and ``data`` are left out when None. Keys
    this schema does not name are kept in ``extra`` and written back. Older run directories
    (``data_checksums`` as ``{name: sha256}``) are read.
    """

    model: Mapping[str, Any] = field(default_factory=dict)
    suites: Mapping[str, Any] | None = None  # None: not recorded (then not written)
    data: Mapping[str, Mapping[str, Any]] | None = None
    dtype: str = ""
    device: str = ""
    versions: Mapping[str, str] = field(default_factory=dict)
    seed: int = 0
    limit: int | None = None
    batch_tokens: int | None = None  # the token budget the scorer used
    cache_dir: str = ""
    started: str = ""
    finished: str = ""
    command: str = ""
    arguments: Mapping[str, str] = field(default_factory=dict)
    synthetic: bool = False  # made-up numbers (test fixtures)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of ``meta.json`` (``synthetic`` only when true)."""
        out: dict[str, Any] = {"synthetic": True} if self.synthetic else {}
        for name in _ORDER:
            value = getattr(self, name)
            if name not in ("data", "suites") or value is not None:
                out[name] = _plain(value)
        return {**out, **_plain(self.extra)}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> RunMeta:
        """A RunMeta from a ``meta.json`` object (older key ``data_checksums`` included)."""
        obj = dict(obj)
        old = obj.pop("data_checksums", None)
        if "data" not in obj and isinstance(old, Mapping):
            obj["data"] = {str(n): v if isinstance(v, Mapping) else {"sha256": v}
                           for n, v in old.items()}  # fmt: skip
        known = {f.name for f in fields(cls)} - {"extra"}
        kwargs = {k: v for k, v in obj.items() if k in known}
        return cls(**kwargs, extra={k: v for k, v in obj.items() if k not in known})


_ORDER = ("model", "dtype", "device", "versions", "suites", "data", "seed", "limit", "batch_tokens",
          "cache_dir", "started", "finished", "command", "arguments")  # fmt: skip


def _plain(value: Any) -> Any:
    """Mappings as dicts, recursively (frozen fields may hold any Mapping)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class RunDir:
    """A run directory read back: ``meta`` dict, ``summary`` frame, ``raw`` frames by suite."""

    path: Path
    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: dict[str, pd.DataFrame]


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns holding mixed types become strings (parquet needs one type per column)."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            types = {type(v) for v in frame[col].dropna()}
            if len(types) > 1 or (types and not types <= {str, bool}):
                frame[col] = frame[col].map(lambda v: v if v is None else str(v))
    return frame


def is_run_dir(path: Path) -> bool:
    """``path`` holds an xlmaudit run: a ``meta.json`` that is a JSON object with ``suites``."""
    try:
        meta = json.loads((Path(path) / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and "suites" in meta


def _describe(path: Path) -> str:
    meta = json.loads((path / META).read_text(encoding="utf-8"))
    model = (meta.get("model") or {}).get("name", "?")
    return f"model {model}, suites {', '.join(meta['suites']) or '-'}"


def check_out(out: str | Path, *, overwrite: bool = False) -> None:
    """Refuse an unusable ``--out`` before any scoring, with a one-line :class:`InputError`.

    ``out`` may be missing or empty; an earlier run directory only with ``overwrite`` (it is then
    replaced whole); any other non-empty directory, a file, or a place that cannot be written is
    refused. Leftovers of an interrupted write of ``out`` are tidied first
    (:func:`recover_interrupted`).
    """
    out = Path(out)
    recover_interrupted(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: exists and is a file, not a directory; choose another path")
    if out.is_dir() and any(out.iterdir()):
        if not is_run_dir(out):
            raise InputError(
                f"--out {out}: directory is not empty and holds no xlmaudit run (no {META}); "
                "choose a new or empty directory"
            )
        if not overwrite:
            raise InputError(
                f"--out {out}: holds an earlier run ({_describe(out)}); pass --overwrite to "
                "replace it whole, or choose another directory"
            )
        if not os.access(out, os.W_OK):
            raise InputError(f"--out {out}: read-only directory; cannot replace the run in it")
    parent = out.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(f"--out {out}: {parent} is a file, not a directory")
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".xlmaudit-probe-", dir=parent))
    except OSError as exc:
        raise InputError(f"--out {out}: cannot write in {parent} ({exc.strerror or exc})") from exc


def _aside(out: Path, which: str, tag: str) -> Path:
    """The hidden sibling of ``out``: ``new`` (the run being written), ``old`` (the run it
    replaces, moved aside for the moment of the rename)."""
    return out.parent / f".{out.name}.xlmaudit-{which}-{tag}"


def _alive(pid: int) -> bool:
    """Another process ``pid`` runs (its leftovers may be a write in progress: left alone)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by another user
        return True
    return True


def recover_interrupted(out: str | Path) -> list[str]:
    """Tidy the hidden siblings an interrupted :func:`write_run` of ``out`` left; one line on
    stderr per write naming what was removed or put back. Returns those lines.

    The write renames ``out`` to ``.<out>.xlmaudit-old-<tag>``, the finished run
    ``.<out>.xlmaudit-new-<tag>`` to ``out``, then deletes the old one. Killed before the second
    rename, the write failed: the earlier run is put back (as a failed write leaves it) and the
    new one removed; killed after it, only the old run is left to remove. Siblings of a process
    still running are left alone (a write in progress).
    """
    out = Path(out)
    if not out.parent.is_dir():
        return []
    tags: dict[str, dict[str, Path]] = {}
    for which in ("new", "old"):
        for path in out.parent.glob(glob.escape(_aside(out, which, "").name) + "*"):
            tags.setdefault(path.name.rsplit(f"-{which}-", 1)[1], {})[which] = path
    lines = []
    for tag, found in sorted(tags.items()):
        pid = tag.split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        lines.append(_recover_one(out, found))
    for line in lines:
        print(line, file=sys.stderr)
    return lines


def _recover_one(out: Path, found: dict[str, Path]) -> str:
    restored = ""
    old = found.get("old")
    if old is not None and not (out.is_dir() and any(out.iterdir())):
        if out.is_dir():
            out.rmdir()
        os.rename(old, out)
        restored = f"; put the earlier run back from {old.name}"
        old = None
    removed = [p for p in (found.get("new"), old) if p is not None]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    names = ", ".join(p.name for p in removed) or "nothing"
    return (
        f"note: {out}: an earlier write was interrupted; removed {names} from {out.parent}"
        f"{restored}"
    )


parquet_safe = _parquet_safe


def summary_frame(results: list[SuiteResult]) -> pd.DataFrame:
    """The run's ``summary.csv`` frame: every suite's summary rows, in suite order."""
    frames = [r.summary for r in results if len(r.summary)]
    summary = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if summary.empty:
        summary = pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    return summary


def _write_files(out: Path, results: list[SuiteResult], meta: RunMeta) -> None:
    (out / RAW).mkdir(parents=True, exist_ok=True)
    for res in results:
        _parquet_safe(res.raw).to_parquet(out / RAW / f"{res.suite.name}.parquet", index=False)
    summary = summary_frame(results)
    (out / SUMMARY).write_text(summary.to_csv(index=False), encoding="utf-8")
    text = json.dumps(meta.to_json(), indent=2, default=str)
    (out / META).write_text(text + "\n", encoding="utf-8")


def write_run(
    out: str | Path,
    results: list[SuiteResult],
    meta: RunMeta | Mapping[str, Any],
    *,
    overwrite: bool = False,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> Path:
    """Write ``results`` and ``meta`` as the run directory ``out``; a directory holds one run.

    ``meta`` is a :class:`RunMeta` (a mapping is read as its JSON form). ``tables``: extra CSV
    files by name (e.g. ``cross_language.csv``), written beside ``summary.csv``.

    The run is written to a temporary sibling and renamed to ``out`` at the end, so ``out`` never
    mixes runs and a failure leaves what was there intact. An earlier run in ``out`` is replaced
    whole with ``overwrite`` and refused without it (:func:`check_out`). A process killed
    during the renames (kill -9, the OOM killer) can leave a hidden sibling behind; the next
    write of ``out`` tidies it (:func:`recover_interrupted`).
    """
    out = Path(out)
    meta = meta if isinstance(meta, RunMeta) else RunMeta.from_json(meta)
    check_out(out, overwrite=overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}-{secrets.token_hex(3)}"
    staging, old = _aside(out, "new", tag), _aside(out, "old", tag)
    staging.mkdir()
    try:
        _write_files(staging, results, meta)
        for name, table in (tables or {}).items():
            (staging / name).write_text(table.to_csv(index=False), encoding="utf-8")
        replacing = out.is_dir() and any(out.iterdir())
        if replacing:
            os.rename(out, old)
        try:
            os.replace(staging, out)  # onto a missing or empty directory
        except BaseException:  # an error, or Ctrl-C in a notebook
            if replacing:
                os.rename(old, out)  # put the earlier run back
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    return out


def _check_files(path: Path) -> None:
    for name in (META, SUMMARY):
        if not (path / name).is_file():
            raise InputError(f"{path}: not a run directory (no {name})")


def read_meta(path: str | Path) -> Any:
    """The JSON value of ``path/meta.json`` as written (an object for a run directory)."""
    path = Path(path)
    _check_files(path)
    try:
        return json.loads((path / META).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path / META}:{exc.lineno}: invalid JSON ({exc.msg})") from exc


def read_summary(path: str | Path) -> pd.DataFrame:
    """``path/summary.csv``; an :class:`InputError` when a summary column is missing."""
    path = Path(path)
    _check_files(path)
    summary = pd.read_csv(path / SUMMARY)
    missing = [c for c in SUMMARY_COLUMNS if c not in summary]
    if missing:
        raise InputError(f"{path / SUMMARY}: missing columns {missing}")
    return summary


def read_run(path: str | Path) -> RunDir:
    """Read a run directory; a missing or malformed file is an :class:`InputError` naming it."""
    path = Path(path)
    meta = read_meta(path)
    if isinstance(meta, dict):
        meta = RunMeta.from_json(meta).to_json()  # one schema for every reader
    summary = read_summary(path)
    return RunDir(path, meta, summary, _read_raw(path, meta))


def _read_raw(path: Path, meta: dict[str, Any]) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in raw_files(path, meta)}


def raw_files(path: Path, meta: Mapping[str, Any]) -> list[Path]:
    """``raw/<suite>.parquet`` of the suites ``meta`` lists; other parquet files are leftovers of
    another run: ignored, with a warning on stderr."""
    files = sorted((path / RAW).glob("*.parquet"))
    listed = meta.get("suites")
    if isinstance(listed, Mapping):
        stray = [p.name for p in files if p.stem not in listed]
        if stray:
            print(
                f"warning: {path / RAW}: ignoring {', '.join(stray)}: not part of the run "
                f"recorded in {META} (suites: {', '.join(listed) or '-'})",
                file=sys.stderr,
            )
        files = [p for p in files if p.stem in listed]
    return files
