"""SEAT / WEAT test files (May et al. 2019, sent-bias ``tests/*.jsonl``).

Despite the extension each file is ONE JSON object (read with ``json.load``)::

    {"targ1": {"category": str, "examples": [str, ...]}, "targ2": ..., "attr1": ..., "attr2": ...}

X = targ1, Y = targ2, A = attr1, B = attr2; |X| = |Y| (the permutation test needs it). The loader is
strict: any other key, a missing or empty set, a non-string example or a duplicate example within
a set is an error naming the file and the key. (The reference keys encodings by sentence text, so
a duplicate would silently shrink a set.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from xlmaudit.errors import InputError, read_utf8

SETS = ("targ1", "targ2", "attr1", "attr2")

# bias-bench's test groups (batch_jobs/_experiment_configuration.sh; seat/SOURCE.md)
DOMAINS: dict[str, tuple[str, ...]] = {
    "gender": (
        "sent-weat6",
        "sent-weat6b",
        "sent-weat7",
        "sent-weat7b",
        "sent-weat8",
        "sent-weat8b",
    ),
    "race": (
        "sent-angry_black_woman_stereotype",
        "sent-angry_black_woman_stereotype_b",
        "sent-weat3",
        "sent-weat3b",
        "sent-weat4",
        "sent-weat5",
        "sent-weat5b",
    ),
    "religion": ("sent-religion1", "sent-religion1b", "sent-religion2", "sent-religion2b"),
}


def domain_of(test: str) -> str:
    """The bias-bench domain of ``test`` ("" when it is in none)."""
    return next((d for d, tests in DOMAINS.items() if test in tests), "")


@dataclass(frozen=True)
class WordSet:
    category: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class SeatTest:
    """One test: ``name`` (the file stem) and its four sets."""

    name: str
    targ1: WordSet
    targ2: WordSet
    attr1: WordSet
    attr2: WordSet

    def sets(self) -> dict[str, WordSet]:
        return {k: getattr(self, k) for k in SETS}

    def head(self, n: int) -> SeatTest:
        """The test with the first ``n`` examples of each of its four sets (``--limit``): the
        target sets stay equal in size, and the test keeps all four sets."""
        cut = {k: WordSet(w.category, w.examples[:n]) for k, w in self.sets().items()}
        return SeatTest(self.name, **cut)


def load_seat_test(path: str | Path) -> SeatTest:
    """Load and validate one SEAT test file."""
    path = Path(path)
    text = read_utf8(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not one JSON object ({exc})") from None
    return seat_test(data, path.name.removesuffix(".jsonl"), str(path))


def seat_test(data: object, name: str, where: str) -> SeatTest:
    """Validate a test given as a mapping (a file's object or a suite's inline test).

    ``where`` prefixes every error (a path, or ``file:line`` of a suite).
    """
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected one JSON object with keys {', '.join(SETS)}")
    unknown = sorted(set(data) - set(SETS))
    if unknown:
        raise InputError(f"{where}: unknown key(s) {unknown}; expected {', '.join(SETS)}")
    sets = {key: _word_set(where, key, data.get(key)) for key in SETS}
    n_x, n_y = len(sets["targ1"].examples), len(sets["targ2"].examples)
    if n_x != n_y:
        raise InputError(f"{where}: targ1 has {n_x} examples, targ2 {n_y}; they must be equal")
    return SeatTest(name, **sets)


def _word_set(path: str, key: str, node: object) -> WordSet:
    if node is None:
        raise InputError(f"{path}: missing key {key!r}")
    if not isinstance(node, dict) or set(node) != {"category", "examples"}:
        got = sorted(node) if isinstance(node, dict) else type(node).__name__
        raise InputError(f"{path}: {key} must have exactly 'category' and 'examples', got {got}")
    category, examples = node["category"], node["examples"]
    if not isinstance(category, str) or not category.strip():
        raise InputError(f"{path}: {key}.category must be a non-empty string, got {category!r}")
    if not isinstance(examples, list) or not examples:
        raise InputError(f"{path}: {key}.examples must be a non-empty list")
    seen: set[str] = set()
    for i, ex in enumerate(examples):
        if not isinstance(ex, str) or not ex.strip():
            raise InputError(f"{path}: {key}.examples[{i}] must be a non-empty string, got {ex!r}")
        if ex in seen:
            raise InputError(f"{path}: {key}.examples[{i}] {ex!r} is a duplicate")
        seen.add(ex)
    return WordSet(category, tuple(examples))
