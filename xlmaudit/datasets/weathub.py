"""WEATHub (Mukherjee et al. 2023) test files, read at run time (GPL-3.0: never shipped).

Files and known defects: ../shared/data/weathub/SOURCE.md. Each ``data/<folder>/<test>.json`` is
one JSON object with the four WEAT sets of the SEAT format (``targ1`` X, ``targ2`` Y, ``attr1`` A,
``attr2`` B; ``{"category", "examples"}``), written one example per line, so every example has a
``file:line``. Folders: ``<lang>_<variant>`` (:data:`VARIANTS`); English's ``human`` is the original
``en`` folder, cut to the six tests the other languages translate (:data:`TRANSLATED`).

Policy (strict, as the other loaders):

- the literal word ``"nan"`` (a pandas NaN written as text) at the lines SOURCE.md lists
  (:data:`KNOWN_NAN`) is dropped and returned in ``dropped`` with ``file:line``; a ``"nan"``
  anywhere else, an empty or space-padded example, a non-string, an empty category or a set
  left empty is an InputError naming ``file:line``;
- a repeated example within a set (SOURCE.md: 2,342 in 530 files; translation collapses distinct
  English words) is dropped, its first occurrence kept, each drop returned with ``file:line``: the
  test is set-based, as sent-bias's (which keys encodings by text);
- an example in both target sets or both attribute sets (146 files) is kept and listed in
  ``notes``; target sets of unequal sizes are kept (the permutation test splits X u Y into sets
  of the sizes of X and Y, :mod:`xlmaudit.metrics.seat`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from xlmaudit.datasets.seat import SETS, SeatTest, WordSet
from xlmaudit.errors import InputError, read_utf8

VARIANTS = ("human", "gt", "all", "new", "india")
TRANSLATED = ("weat1", "weat2", "weat6", "weat7", "weat8", "weat9")  # the *_human/_gt/_all tests
NAN = "nan"
# folder/test -> lines of the literal "nan" entries (SOURCE.md "Known problems")
KNOWN_NAN: dict[str, tuple[int, ...]] = {
    "el_new/weat12": (28, 29, 38, 39),
    "el_new/weat12b": (28, 29, 38, 39),
    "mr_gt/weat2": (59,),
    "vi_gt/weat6": (26,),
}
_SET_LINE = re.compile(r'^\s*"(targ1|targ2|attr1|attr2)"\s*:\s*\{\s*$')
_EXAMPLES_LINE = re.compile(r'^\s*"examples"\s*:\s*\[\s*$')
_CATEGORY_LINE = re.compile(r'^\s*"category"\s*:\s*(".*")\s*,?\s*$')
_TEST = re.compile(r"weat(\d+)(b?)")


@dataclass(frozen=True)
class Dropped:
    """An example left out of a test: ``code`` ``nan`` (known bad row) or ``duplicate``."""

    set: str
    category: str
    word: str
    where: str  # <folder>/<test>.json:<line>
    code: str
    reason: str


@dataclass(frozen=True)
class WeathubTest:
    """One loaded test: the SEAT test (named ``<variant>-<test>``), the ``file:line`` of each kept
    example per set, the dropped examples and the notes on kept quirks."""

    test: SeatTest
    lang: str
    variant: str
    key: str  # <folder>/<test>
    lines: dict[str, tuple[str, ...]]
    dropped: tuple[Dropped, ...]
    notes: tuple[str, ...]


def folder(lang: str, variant: str) -> str:
    """The data folder of ``lang`` in ``variant`` (English ``human``: the original ``en``)."""
    return "en" if (lang, variant) == ("en", "human") else f"{lang}_{variant}"


def weathub_order(name: str) -> tuple[int, str]:
    """weat1 < weat2 < ... < weat12 < weat12b (numeric, then the suffix)."""
    match = _TEST.fullmatch(name)
    return (int(match.group(1)), match.group(2)) if match else (10**6, name)


def weathub_tests(lang: str, variant: str) -> list[str]:
    """The test names of ``lang`` in ``variant``, from the pinned file list (none: empty)."""
    from xlmaudit.datasets.weathub_files import WEATHUB_FILES

    where = folder(lang, variant)
    names = [k.split("/", 1)[1] for k in WEATHUB_FILES if k.split("/", 1)[0] == where]
    if where == "en":
        names = [n for n in names if n in TRANSLATED]
    return sorted(names, key=weathub_order)


def load_weathub_test(path: str | Path, lang: str, variant: str) -> WeathubTest:
    """Load and check one WEATHub file (``data/<folder>/<test>.json``) by the module's policy."""
    path = Path(path)
    key = f"{path.parent.name}/{path.stem}"
    text = read_utf8(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not one JSON object ({exc.msg})") from None
    if not isinstance(data, dict) or set(data) != set(SETS):
        got = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise InputError(f"{path}: expected one object with keys {', '.join(SETS)}, got {got}")
    placed = _placed(text, path)
    for k in SETS:
        node = data[k]
        if not isinstance(node, dict) or set(node) != {"category", "examples"}:
            raise InputError(f"{path}:{placed[k][0]}: {k} must have exactly category, examples")
        if [w for w, _ in placed[k][2]] != node["examples"]:
            raise InputError(f"{path}:{placed[k][0]}: {k}.examples not one example per line")
    return _checked(path, key, lang, variant, placed)


def _placed(text: str, path: Path) -> dict[str, tuple[int, object, list[tuple[object, int]]]]:
    """Per set: (its line, its category, [(example, line)]), read line by line."""
    out: dict[str, tuple[int, object, list[tuple[object, int]]]] = {}
    current, examples, category = None, None, None
    for no, line in enumerate(text.splitlines(), start=1):
        if m := _SET_LINE.match(line):
            current, examples, category = m.group(1), None, None
            out[current] = (no, None, [])
        elif current and (m := _CATEGORY_LINE.match(line)):
            category = json.loads(m.group(1))
            out[current] = (out[current][0], category, out[current][2])
        elif current and _EXAMPLES_LINE.match(line):
            examples = out[current][2]
        elif examples is not None and line.strip().startswith("]"):
            examples = None
        elif examples is not None:
            try:
                examples.append((json.loads(line.strip().removesuffix(",")), no))
            except json.JSONDecodeError:
                raise InputError(f"{path}:{no}: not one JSON value per line") from None
    missing = [k for k in SETS if k not in out]
    if missing:
        raise InputError(f"{path}: set(s) {missing} not found one key per line")
    return out


def _checked(path: Path, key: str, lang: str, variant: str, placed: dict) -> WeathubTest:
    sets, lines, dropped = {}, {}, []
    known = KNOWN_NAN.get(key, ())
    for k in SETS:
        at, category, examples = placed[k]
        if not isinstance(category, str) or not category.strip():
            raise InputError(f"{path}:{at}: {k}.category must be a non-empty string")
        first: dict[str, int] = {}
        kept: list[tuple[str, int]] = []
        for word, no in examples:
            where = f"{key}.json:{no}"
            if not isinstance(word, str) or not word or word != word.strip():
                raise InputError(f"{path}:{no}: {k} example {word!r}: not a trimmed non-empty word")
            if word == NAN:
                if no not in known:
                    raise InputError(f"{path}:{no}: {k} example 'nan' (a pandas NaN written as "
                                     "text) is not a known bad row of SOURCE.md")  # fmt: skip
                why = "the word 'nan' (a pandas NaN written as text)"
                dropped.append(Dropped(k, category, word, where, "nan", why))
            elif word in first:
                dropped.append(Dropped(k, category, word, where, "duplicate",
                                       f"repeats line {first[word]} of the same set"))  # fmt: skip
            else:
                first[word] = no
                kept.append((word, no))
        if not kept:
            raise InputError(f"{path}:{at}: {k} has no example left")
        sets[k] = WordSet(category, tuple(w for w, _ in kept))
        lines[k] = tuple(f"{key}.json:{no}" for _, no in kept)
    notes = _overlaps(key, sets, lines)
    test = SeatTest(f"{variant}-{path.stem}", **sets)
    return WeathubTest(test, lang, variant, key, lines, tuple(dropped), notes)


def _overlaps(key: str, sets: dict[str, WordSet], lines: dict) -> tuple[str, ...]:
    """An example in both target sets or both attribute sets: kept, one note each."""
    notes = []
    for a, b in (("targ1", "targ2"), ("attr1", "attr2")):
        both = set(sets[b].examples)
        for word, where in zip(sets[a].examples, lines[a], strict=True):
            if word not in both:
                continue
            notes.append(f"{where}: {word!r} is in both {a} and {b} (kept; it adds to both)")
    return tuple(notes)
