"""Shard dealing (balanced by token cost, deterministic) and cache shard merging."""

from __future__ import annotations

import sqlite3

from xlmaudit.inference.cache import ResponseCache, shard_name
from xlmaudit.inference.distributed import balance


def test_balance_by_hand() -> None:
    # largest first to the least loaded rank: 5->r0, 3->r1, 3->r1 (3<5), 2->r0 (5<6), 1->r1 (6<7)
    assert balance([5, 3, 3, 2, 1], 2) == [[0, 3], [1, 2, 4]]
    assert balance([4, 4, 4], 3) == [[0], [1], [2]]  # ties go to the lower index and rank
    assert balance([], 2) == [[], []]
    assert balance([1, 2], 4) == [[1], [0], [], []]


def test_merge_from_copies_intact_entries_only(tmp_path) -> None:
    main = ResponseCache(tmp_path)
    shard = ResponseCache(tmp_path, shard_name(1))
    assert shard.path.name == "responses.rank1.sqlite"
    shard.put_many({"a": 1.5, "b": (2, "x")})
    shard.close()
    with sqlite3.connect(tmp_path / "responses.rank1.sqlite") as db:
        db.execute("UPDATE responses SET payload = ? WHERE key = 'b'", (b"7",))  # checksum fails
    shard = ResponseCache(tmp_path, shard_name(1))
    assert main.merge_from(shard) == 1
    assert main.get_many(["a", "b"]) == {"a": 1.5}
    assert main.rejected == 1
