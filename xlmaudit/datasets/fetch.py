"""Download a benchmark file from its canonical source into the cache, verifying its checksum."""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.request
from pathlib import Path

from xlmaudit.datasets.sources import DataSource, default_cache_dir, get_source
from xlmaudit.errors import InputError


def file_digests(path: str | Path) -> dict[str, str]:
    """sha256 and git blob id (``git hash-object``) of a file."""
    data = Path(path).read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    return {"sha256": hashlib.sha256(data).hexdigest(), "git_blob": blob}


def verify(path: str | Path, source: DataSource) -> dict[str, str]:
    """Check ``path`` against every checksum ``source`` records; InputError on any mismatch."""
    got = file_digests(path)
    for kind in ("sha256", "git_blob"):
        want = getattr(source, kind)
        if want is not None and got[kind] != want:
            raise InputError(
                f"{path}: {kind} {got[kind]} does not match the recorded {want} for "
                f"{source.name!r}; refusing the file"
            )
    return got


def fetch(
    name: str,
    *,
    cache_dir: str | Path | None = None,
    url: str | None = None,
    timeout: float = 60.0,
    force: bool = False,
) -> Path:
    """Download data set ``name`` into ``cache_dir`` (default cache) and verify it.

    An existing verified file is kept unless ``force``. A download whose checksum differs is
    deleted and an InputError raised; nothing unverified is left in the cache.
    """
    source = get_source(name)
    dest = Path(cache_dir if cache_dir is not None else default_cache_dir()) / source.relpath
    if dest.is_file() and not force:
        verify(dest, source)
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out, _open(url or source.url, timeout) as resp:
            while chunk := resp.read(1 << 16):
                out.write(chunk)
        verify(tmp, source)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return dest


def _open(url: str, timeout: float):
    if not url.startswith(("http://", "https://")):
        raise InputError(f"refusing to download {url!r}: only http(s) URLs are fetched")
    try:
        return urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 (http(s) only, below)
    except OSError as exc:
        raise InputError(f"could not download {url}: {exc}") from exc
