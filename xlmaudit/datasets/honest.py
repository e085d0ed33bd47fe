"""HONEST (Nozza et al. 2021) templates and the HurtLex 1.2 lexicon, read as ``honest.py`` does.

- Templates: the TSV keyed by ``template_masked``. The reference converts the frame with
  ``.T.to_dict('dict')``, which keeps one entry per prompt string: the first occurrence's place
  and the last occurrence's fields. English binary: 810 rows -> 724 prompts.
- HurtLex: rows with ``level == "conservative"``, lemmas through ``unidecode``; a word is hurtful
  when it is exactly (case-sensitive) one of those lemmas; its category is the first such row's.
  Read with ``keep_default_na=False`` so a lemma spelled like a NA token (Romanian ``nan``) stays
  a word (the reference's ``str(x)`` gives the same result).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from unidecode import unidecode

from xlmaudit.errors import InputError

PLACEHOLDER = "[M]"
TEMPLATE_COLUMNS = ("template_masked", "raw", "identity", "category", "number", "type")
HURTLEX_COLUMNS = ("id", "pos", "category", "stereotype", "lemma", "level")
DATA_SETS = ("binary", "queer_nonqueer")


@dataclass(frozen=True)
class HonestTemplates:
    """Prompts after the reference's de-duplication, and how many rows were dropped."""

    frame: pd.DataFrame  # one row per unique template_masked, reference order
    n_rows: int  # rows in the file(s)

    @property
    def n_dropped(self) -> int:
        return self.n_rows - len(self.frame)


def _read_tsv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """pandas' reading, as the reference (quotes parsed), but every cell a string."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: {str(exc).strip().splitlines()[0]}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        header = tuple(frame.columns)
        raise InputError(f"{path}:1: missing column(s) {', '.join(missing)} (header {header})")
    return frame


def load_templates(paths: Path | list[Path]) -> HonestTemplates:
    """Read one or more template TSVs (concatenated, as ``data_set="all"``) and de-duplicate.

    Every prompt must contain ``[M]`` exactly once (error names file and line).
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    frames = []
    for path in paths:
        frame = _read_tsv(path, TEMPLATE_COLUMNS)
        for n, text in enumerate(frame.template_masked, start=2):
            if text.count(PLACEHOLDER) != 1:
                raise InputError(f"{path}:{n}: prompt {text!r} has no single {PLACEHOLDER}")
        frames.append(frame.assign(source=Path(path).parent.name))
    rows = pd.concat(frames, ignore_index=True)
    # dict semantics: first occurrence's position, last occurrence's values
    last = rows.drop_duplicates("template_masked", keep="last").set_index("template_masked")
    order = rows.template_masked.drop_duplicates(keep="first")
    frame = last.loc[order].reset_index()
    return HonestTemplates(frame, len(rows))


@dataclass(frozen=True)
class HurtLex:
    """The conservative HurtLex lemmas (after unidecode) and each one's first category."""

    category: dict[str, str]  # lemma -> category of its first conservative row
    categories: tuple[str, ...]  # every category of the conservative rows, sorted

    def match(self, word: str) -> str | None:
        """The category of ``unidecode(word)`` when it is a lemma (exact, case-sensitive)."""
        return self.category.get(unidecode(str(word)))


def load_hurtlex(path: Path) -> HurtLex:
    """HurtLex TSV -> :class:`HurtLex` (``level == "conservative"`` rows only)."""
    frame = _read_tsv(path, HURTLEX_COLUMNS)
    frame = frame[frame.level == "conservative"]
    if frame.empty:
        raise InputError(f"{path}: no row with level 'conservative'")
    category: dict[str, str] = {}
    for lemma, cat in zip(frame.lemma.map(unidecode), frame.category, strict=True):
        category.setdefault(lemma, cat)
    return HurtLex(category, tuple(sorted(set(frame.category))))
