"""Is a benchmark file the published one? Compare its checksum with ``xlmaudit data list``'s.

A file whose checksum differs (cut, edited, another release) still runs, but every output must
say so: :func:`check_data_file` returns the status recorded in ``meta.json`` (``data.<name>``),
warns on stderr, or refuses with ``strict`` (``xlmaudit run --strict-data``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from xlmaudit.datasets.fetch import file_digests
from xlmaudit.datasets.sources import SOURCES, DataSource
from xlmaudit.errors import InputError

PUBLISHED = "published"
MODIFIED = "modified"


def source_for(name: str, path: Path) -> DataSource | None:
    """The registered source a recorded data name refers to: ``crows-pairs`` by name,
    ``stereoset (dev.json)`` -> the ``stereoset*`` source whose file is ``dev.json``; None when
    no registered file matches."""
    if name in SOURCES:
        return SOURCES[name]
    base = name.split(" (")[0]
    found = [s for s in SOURCES.values() if s.name == base or s.name.startswith(base + "-")]
    same_file = [s for s in found if Path(s.relpath).name == path.name]
    return same_file[0] if same_file else None  # another file of that family: not comparable


def count_rows(path: Path) -> int:
    """Records in a data file: CSV/TSV rows after the header, JSON-lines lines, StereoSet JSON
    examples (``data.<task>`` lists), else text lines."""
    suffix = path.suffix.lower()
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        if suffix in (".csv", ".tsv"):
            return max(
                sum(1 for _ in csv.reader(f, delimiter="\t" if suffix == ".tsv" else ",")) - 1, 0
            )
        if suffix == ".json":
            try:
                data = json.load(f)
            except ValueError:
                return 0
            inner = data.get("data", data) if isinstance(data, dict) else data
            if isinstance(inner, dict):
                return sum(len(v) for v in inner.values() if isinstance(v, list))
            return len(inner) if isinstance(inner, list) else 1
        return sum(1 for line in f if line.strip())


def data_note(record: dict[str, Any]) -> str | None:
    """The sentence every output shows for a modified file, from its ``meta.json`` record."""
    if record.get("status") != MODIFIED:
        return None
    digest = str(record.get("sha256", ""))[:12]
    return f"modified or partial data (sha256 {digest}, {record.get('n_rows')} rows)"


def check_data_file(name: str, path: str | Path, *, strict: bool = False) -> dict[str, Any]:
    """``{"status": "published"}`` when ``path`` is the published file of data set ``name``;
    for a file that differs, ``status: modified`` with ``n_rows`` and the published checksum,
    after a stderr warning (``strict``: an InputError instead). Unregistered names: ``{}``."""
    path = Path(path)
    source = source_for(name, path)
    if source is None:
        return {}
    got = file_digests(path)
    kind = "sha256" if source.sha256 else "git_blob"
    want = getattr(source, kind)
    if want is None or got[kind] == want:
        return {"status": PUBLISHED, "source": source.name}
    record = {"status": MODIFIED, "source": source.name, "n_rows": count_rows(path),
              "published_" + kind: want, "sha256": got["sha256"]}  # fmt: skip
    what = (f"{path}: {kind} {got[kind][:12]} is not the published {source.name!r} file "
            f"({want[:12]}, see `xlmaudit data list`); {record['n_rows']} rows")  # fmt: skip
    if strict:
        raise InputError(f"{what}; refusing it (--strict-data)")
    print(f"warning: {what}: results describe {data_note(record)}", file=sys.stderr)
    return record
