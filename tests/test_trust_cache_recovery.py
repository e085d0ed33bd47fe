"""A damaged response cache is checked on open, moved aside with a warning, and replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from xlmaudit.inference.cache import ResponseCache, _is_damage, header_problem
from xlmaudit.requests import HiddenStates


def _filled(tmp_path, n: int = 200) -> ResponseCache:
    cache = ResponseCache(tmp_path)
    big = np.arange(256, dtype=np.float32)  # several pages of payload
    cache.put_many({f"k{i}": HiddenStates(encoding=None, states=big + i) for i in range(n)})
    cache.close()
    return cache


def _aside(tmp_path):
    return sorted(p for p in tmp_path.iterdir() if ".corrupt-" in p.name)


@pytest.mark.parametrize("damage", ["random-bytes", "truncated", "not-a-database"])
def test_damaged_cache_is_moved_aside_with_a_warning(tmp_path, capsys, damage):
    """Truncation and a foreign file are found on open (the header); pages damaged in the middle
    of the file when a lookup reads them (the full check runs then, not on every open)."""
    db = _filled(tmp_path).path
    size = db.stat().st_size
    with db.open("r+b") as fh:
        if damage == "random-bytes":
            fh.seek(size // 3)
            fh.write(np.random.default_rng(0).bytes(size // 3))
        elif damage == "truncated":
            fh.truncate(size // 2)
        else:
            fh.write(b"\x00not sqlite at all" * 100)
    damaged = db.read_bytes()
    cache = ResponseCache(tmp_path)
    assert (cache.moved_aside is not None) == (damage != "random-bytes")
    assert cache.get_many(f"k{i}" for i in range(200)) == {}  # damage: nothing trusted
    err = capsys.readouterr().err
    (aside,) = _aside(tmp_path)
    assert aside.name.startswith("responses.sqlite.corrupt-") and aside.read_bytes() == damaged
    assert cache.moved_aside == aside
    assert f"warning: response cache {db} is damaged (" in err
    assert f"moved it to {aside} and continuing with a fresh cache" in err
    assert len(cache) == 0
    cache.put_many({"a": HiddenStates(encoding=None, states=np.ones(2, dtype=np.float32))})
    assert list(cache.get_many(["a"])) == ["a"]


def test_a_sound_cache_is_kept_silently(tmp_path, capsys):
    _filled(tmp_path, n=5)
    cache = ResponseCache(tmp_path)
    assert len(cache) == 5 and cache.moved_aside is None and not _aside(tmp_path)
    assert capsys.readouterr().err == ""


def test_a_locked_cache_is_not_damage():
    assert not _is_damage(sqlite3.OperationalError("database is locked"))
    assert _is_damage(sqlite3.DatabaseError("database disk image is malformed"))


def test_rejected_entries_are_reported(tmp_path, capsys):
    _filled(tmp_path, n=3)
    with sqlite3.connect(tmp_path / "responses.sqlite") as db:
        db.execute("UPDATE responses SET payload = ? WHERE key = 'k1'", (b"garbage",))
    cache = ResponseCache(tmp_path)
    assert sorted(cache.get_many(["k0", "k1", "k2"])) == ["k0", "k2"]
    err = capsys.readouterr().err
    assert f"response cache {cache.path}: 1 entries unreadable or failing their checksum" in err


def _bytes_read() -> int:
    """Bytes this process has read through read(2)/pread(2) so far (Linux)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/self/io")
def test_opening_a_sound_cache_does_not_read_the_whole_file(tmp_path):
    """A multi-GB cache must open in constant time: the header is read, not every page (the
    full check on every open read all of it). Here 4 MB, of which opening reads a few pages."""
    _filled(tmp_path, n=3000)  # ~4 MB of entries
    size = (tmp_path / "responses.sqlite").stat().st_size
    assert size > 3_000_000
    before = _bytes_read()
    cache = ResponseCache(tmp_path)
    read = _bytes_read() - before
    assert read < 64 * 1024, f"opening read {read} of {size} bytes"
    assert cache.moved_aside is None
    assert len(cache.get_many(["k0", "k2999"])) == 2


def test_header_problems_are_named(tmp_path):
    db = _filled(tmp_path, n=20).path
    assert header_problem(db) is None
    data = db.read_bytes()
    db.write_bytes(data[: len(data) - 4096])  # one page short
    pages = len(data) // 4096
    assert header_problem(db) == f"{len(data) - 4096} bytes, the header says {pages} pages of 4096"
    db.write_bytes(data[:16] + b"\x01\x23" + data[18:])  # page size 0x0123
    assert header_problem(db) == "page size 291 in the header"
    db.write_bytes(b"x" * 200)
    assert header_problem(db) == "no sqlite header"
