"""Disk cache of responses: sqlite, one row per (model fingerprint, dtype, request key).

:class:`CachedScorer` puts it in front of any scorer (``with_cache(scorer, cache_dir)``): the
model's answers and the attributions alike; the scorer names what its answers depend on in its
``cache_key(request)``.

Each entry stores a JSON encoding of the response (numpy arrays as dtype + shape + base64 bytes,
floats as JSON numbers, which round-trip exactly) and its sha256. Writes are transactions, so a run
killed midway keeps every batch of entries it committed. Entries that fail to decode or whose
checksum does not match are treated as missing (re-scored and overwritten), never trusted, and
counted on stderr.

Damage to the file itself is looked for cheaply on open and fully when something suggests it.
Opening reads the 100-byte header (the sqlite magic, a valid page size, the file size the header
records; a file that is not sqlite fails sqlite's own first read); only a header that disagrees
with the file, or a query that fails with sqlite's corruption codes later, runs the full check
(``PRAGMA quick_check``, which reads the whole file: minutes on a multi-GB cache, so never on
every open). A damaged cache (random bytes, a truncated file) is moved aside to
``responses.sqlite.corrupt-<time>`` with a warning naming both paths, and the run continues with
a fresh cache (found mid-run: the lookups that failed are scored, the writes go to the fresh file).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from xlmaudit import requests as rq

FORMAT = 1
_TYPES = {
    cls.__name__: cls
    for cls in (
        rq.MaskedWordResponse,
        rq.CandidateScore,
        rq.MaskedTokenResponse,
        rq.TokenScores,
        rq.HiddenStates,
        rq.Encoding,
        rq.TopWordsResponse,
        rq.WordGuess,
        rq.PieceGuess,
        rq.AttributionResponse,
    )
}


def _to_json(obj: Any) -> Any:
    if isinstance(obj, np.ndarray):
        data = base64.b64encode(np.ascontiguousarray(obj).tobytes()).decode("ascii")
        return {"__nd__": obj.dtype.str, "shape": list(obj.shape), "data": data}
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _TYPES:
        fields = {f.name: _to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return {"__dc__": type(obj).__name__, "fields": fields}
    if isinstance(obj, (tuple, list)):
        return {"__tuple__": [_to_json(x) for x in obj]}
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    raise TypeError(f"cannot cache a {type(obj).__name__}")


def _from_json(obj: Any) -> Any:
    if isinstance(obj, dict):
        if "__nd__" in obj:
            flat = np.frombuffer(base64.b64decode(obj["data"]), dtype=np.dtype(obj["__nd__"]))
            return flat.reshape(obj["shape"]).copy()
        if "__dc__" in obj:
            fields = {k: _from_json(v) for k, v in obj["fields"].items()}
            return _TYPES[obj["__dc__"]](**fields)
        if "__tuple__" in obj:
            return tuple(_from_json(x) for x in obj["__tuple__"])
        raise ValueError("unknown cache object")
    return obj


def encode_response(response: Any) -> bytes:
    return json.dumps(_to_json(response), allow_nan=True).encode("utf-8")


def decode_response(payload: bytes) -> Any:
    return _from_json(json.loads(payload.decode("utf-8")))


def entry_key(fingerprint: str, dtype: str, request_key: str, *, variant: str = "") -> str:
    raw = f"{FORMAT}|{fingerprint}|{dtype}|{variant}|{request_key}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def shard_name(rank: int) -> str:
    """The cache file of one rank of a distributed run, beside ``responses.sqlite``."""
    return f"responses.rank{rank}.sqlite"


SHARD_GLOB = "responses.rank*.sqlite"


class CacheDamaged(Exception):
    """The cache file fails sqlite's integrity check."""


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Corruption (not a database, malformed), not a transient error such as a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)  # primary code
    return not isinstance(exc, sqlite3.OperationalError)


_MAGIC = b"SQLite format 3\x00"


def header_problem(path: Path) -> str | None:
    """What the file's 100-byte header says is wrong with it (None: nothing); reads 100 bytes.

    Checks the magic string, the page size (a power of two, 512..65536) and, where the header's
    page count is valid (written by sqlite >= 3.7.0), that the file has exactly that many pages.
    """
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or head[:16] != _MAGIC:
        return "no sqlite header"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"page size {page} in the header"
    pages = int.from_bytes(head[28:32], "big")
    counted = pages and head[92:96] == head[24:28]  # the page count is valid
    if (counted and size != pages * page) or size % page:
        return f"{size} bytes, the header says {pages} pages of {page}"
    return None


def full_check(db: sqlite3.Connection) -> str:
    """sqlite's integrity check, which reads every page: "ok" or what is wrong."""
    try:
        return str(db.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return " ".join(str(exc).split())


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


class ResponseCache:
    """sqlite-backed response store; one file ``name`` (``responses.sqlite``) under ``directory``.

    Distributed runs give each rank its own file (:func:`shard_name`), merged by rank 0.
    """

    def __init__(self, directory: str | Path, name: str = "responses.sqlite") -> None:
        self.path = Path(directory).expanduser() / name
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.rejected = 0  # entries found unreadable or corrupted (re-scored)
        self.moved_aside: Path | None = None  # where a damaged cache file went
        self._writable = True
        try:
            self._db = self._open()
        except (sqlite3.DatabaseError, CacheDamaged) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and not _is_damage(exc):
                raise
            self._move_aside(" ".join(str(exc).split()))
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        """Connect and check the header; the full check only if the header looks wrong."""
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute(  # sqlite's first read: not-a-database fails here; a hot journal rolls back
                "CREATE TABLE IF NOT EXISTS responses "
                "(key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, payload BLOB NOT NULL)"
            )
            db.commit()
            db.execute("BEGIN")  # a shared lock: no writer is halfway through a commit
            db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            suspect = header_problem(self.path)
            db.rollback()
            if suspect is not None:
                verdict = full_check(db)
                if verdict != "ok":
                    raise CacheDamaged(f"{suspect}; {verdict}")
        except BaseException:
            db.close()
            raise
        return db

    def _recover(self, exc: sqlite3.DatabaseError) -> bool:
        """A query failed: if it is damage that the full check confirms, move the file aside and
        continue with a fresh cache (True); otherwise leave things as they are (False)."""
        if not _is_damage(exc):
            return False
        verdict = full_check(self._db)
        if verdict == "ok":
            return False
        self._db.close()
        self._move_aside(" ".join(f"{exc}; {verdict}".split()))
        self._db = self._open()
        return True

    def _move_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-journal", "-wal", "-shm"):  # a stale journal must not meet a new db
            part = self.path.with_name(self.path.name + suffix)
            if part.exists():
                part.replace(aside.with_name(aside.name + suffix))
        self.moved_aside = aside
        _warn(
            f"response cache {self.path} is damaged ({reason}); moved it to {aside} and "
            "continuing with a fresh cache (its responses are scored again)"
        )

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The stored, intact responses among ``keys``."""
        found: dict[str, Any] = {}
        keys = list(dict.fromkeys(keys))
        rejected = self.rejected
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT key, sha256, payload FROM responses WHERE key IN ({marks})", chunk
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                if self._recover(exc):
                    return {}  # a fresh cache: nothing stored
                self.rejected += len(chunk)
                continue
            for key, digest, payload in rows:
                try:
                    if hashlib.sha256(bytes(payload)).hexdigest() != digest:
                        raise ValueError("checksum mismatch")
                    found[key] = decode_response(bytes(payload))
                except (ValueError, TypeError, KeyError, UnicodeDecodeError):
                    self.rejected += 1
        if self.rejected > rejected:
            _warn(
                f"response cache {self.path}: {self.rejected - rejected} entries unreadable or "
                "failing their checksum; scoring them again"
            )
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        """Store responses in one transaction (all or none survive a crash)."""
        rows = []
        for key, response in items.items():
            payload = encode_response(response)
            rows.append((key, hashlib.sha256(payload).hexdigest(), payload))
        if not self._writable:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO responses VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise
            if self._recover(exc):
                with self._db:  # the fresh cache
                    self._db.executemany("INSERT OR REPLACE INTO responses VALUES (?, ?, ?)", rows)
                return
            self._writable = False
            _warn(f"response cache {self.path} broke during the run ({exc}); not writing to it")

    def merge_from(self, other: ResponseCache) -> int:
        """Copy ``other``'s intact entries into this cache in one transaction; returns the count."""
        rows = []
        try:
            stored = other._db.execute("SELECT key, sha256, payload FROM responses").fetchall()
        except sqlite3.DatabaseError as exc:
            _warn(f"response cache shard {other.path} unreadable ({exc}); not merged")
            return 0
        for key, digest, payload in stored:
            if hashlib.sha256(bytes(payload)).hexdigest() == digest:
                rows.append((key, digest, bytes(payload)))
            else:
                self.rejected += 1
        if rows and self._writable:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO responses VALUES (?, ?, ?)", rows)
        return len(rows)

    def __len__(self) -> int:
        try:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            if not self._recover(exc):
                raise
            return 0

    def close(self) -> None:
        self._db.close()


def cache_key(scorer: Any, request: Any) -> str:
    """The cache entry of ``request`` answered by ``scorer``: the scorer's own ``cache_key``
    (which names everything its answers depend on) or, for any other scorer, its fingerprint."""
    own = getattr(scorer, "cache_key", None)
    if own is not None:
        return str(own(request))
    return entry_key(scorer.fingerprint, "", request.key())


def score_parts(scorer: Any, requests: list[Any]) -> Iterator[dict[int, Any]]:
    """``scorer``'s answers as they finish, as {index in ``requests``: answer} parts: its own
    ``score_parts`` (chunk by chunk) or one ``score`` call."""
    if not requests:
        return
    own = getattr(scorer, "score_parts", None)
    if own is not None:
        yield from own(requests)
    else:
        yield dict(enumerate(scorer.score(requests)))


class CachedScorer:
    """Any scorer with the response cache in front (the ``Scorer`` protocol).

    Stored answers come from the cache; the rest are asked of ``scorer`` and stored part by part
    as they finish (``score_parts``: a ``ModelScorer`` commits every chunk, so a killed run
    resumes where it stopped). ``stats``: ``cache_hits`` and ``scored`` (distinct requests).

    Args:
        scorer: the wrapped scorer (``ModelScorer``, ``AttributionScorer``, ``FakeScorer``...).
        cache: a :class:`ResponseCache`, or the directory of one.
    """

    def __init__(self, scorer: Any, cache: ResponseCache | str | Path) -> None:
        self.scorer = scorer
        self.cache = cache if isinstance(cache, ResponseCache) else ResponseCache(cache)
        self.fingerprint = scorer.fingerprint
        self.batch_tokens = getattr(scorer, "batch_tokens", None)  # recorded in meta.json
        self.stats = {"cache_hits": 0, "scored": 0}

    def tokenize(self, text: str, lang: str | None = None) -> Any:
        return self.scorer.tokenize(text, lang)

    def key(self, request: Any) -> str:
        """The cache entry of ``request``."""
        return cache_key(self.scorer, request)

    def score(self, requests: list[Any]) -> list[Any]:
        """Answers in the order of ``requests``."""
        keys = [self.key(r) for r in requests]
        unique = dict(zip(keys, requests, strict=True))
        done: dict[str, Any] = self.cache.get_many(unique)
        self.stats["cache_hits"] += len(done)
        todo = [k for k in unique if k not in done]
        for part in score_parts(self.scorer, [unique[k] for k in todo]):
            answered = {todo[i]: response for i, response in part.items()}
            self.cache.put_many(answered)
            done.update(answered)
            self.stats["scored"] += len(answered)
        return [done[k] for k in keys]


def with_cache(scorer: Any, cache_dir: str | Path | None) -> Any:
    """``scorer`` behind the response cache in ``cache_dir``; ``scorer`` itself when None."""
    return scorer if cache_dir is None else CachedScorer(scorer, cache_dir)
