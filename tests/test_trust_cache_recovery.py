"""A damaged response cache is checked on open, moved aside with a warning, and replaced."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from xlmaudit.inference.cache import ResponseCache, _is_damage
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
