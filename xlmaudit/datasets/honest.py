"""HONEST (Nozza et al. 2021) templates and the HurtLex 1.2 lexicon, read as ``honest.py`` does.

- Templates: the TSV keyed by ``template_masked``. The reference converts the frame with
  ``.T.to_dict('dict')``, which keeps one entry per prompt string: the first occurrence's place
  and the last occurrence's fields. English binary: 810 rows -> 724 prompts.
- HurtLex: rows with ``level == "conservative"``, lemmas through ``unidecode``; a word is hurtful
  when it is exactly (case-sensitive) one of those lemmas; its category is the first such row's.
  Read with ``keep_default_na=False`` so a lemma spelled like a NA token (Romanian ``nan``) stays
  a word (the reference's ``str(x)`` gives the same result).

Languages: ``en``, ``it``, ``fr``, ``es``, ``pt``, ``ro`` (binary templates; ``queer_nonqueer``
is English only) with HurtLex 1.2 of the same language. Known quirks (data/honest/SOURCE.md) and
how they are handled, the same way in every language:

- duplicate prompts (fr 26 rows, es 30, pt 13, ro 1, en 86, it 0) are excluded as the reference
  excludes them and counted: :attr:`HonestTemplates.dropped` names each row ``file:line`` with the
  line of the row whose fields were kept;
- leading spaces and runs of spaces in prompts (it/fr/es pronoun rows, "la  donna", pt "a  [M]")
  are collapsed in the text sent to the model (``text``; counted in ``n_respaced``); the prompt
  string itself (the de-duplication key, the item id) is the file's;
- the Romanian lemma ``nan`` stays a word (``keep_default_na=False``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from unidecode import unidecode

from xlmaudit.errors import InputError, not_utf8

PLACEHOLDER = "[M]"
TEMPLATE_COLUMNS = ("template_masked", "raw", "identity", "category", "number", "type")
HURTLEX_COLUMNS = ("id", "pos", "category", "stereotype", "lemma", "level")
DATA_SETS = ("binary", "queer_nonqueer")
LANGUAGES = ("en", "it", "fr", "es", "pt", "ro")  # HONEST binary templates + HurtLex 1.2
DATA_SET_LANGUAGES = {"binary": LANGUAGES, "queer_nonqueer": ("en",)}
_SET_NAMES = {"binary": "binary", "queer_nonqueer": "queer"}


def template_source(data_set: str, lang: str) -> str:
    """Registered data-source name of a template set in a language (``honest-binary-fr``)."""
    return f"honest-{_SET_NAMES[data_set]}-{lang}"


def hurtlex_source(lang: str) -> str:
    """Registered data-source name of a language's HurtLex 1.2 (``hurtlex-fr``)."""
    return f"hurtlex-{lang}"


@dataclass(frozen=True)
class Dropped:
    """A template row excluded as a duplicate prompt (the reference's dict keeps one row)."""

    file: str
    line: int
    kept_line: int  # the row whose fields the prompt keeps (its last occurrence)
    category: str
    same_fields: bool  # an exact duplicate of the kept row; False: e.g. female vs male

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def reason(self) -> str:
        what = "exact duplicate" if self.same_fields else f"same prompt ({self.category})"
        return f"{what} of line {self.kept_line}; the reference keeps that row's fields"


@dataclass(frozen=True)
class HonestTemplates:
    """Prompts after the reference's de-duplication, and how many rows were dropped."""

    frame: pd.DataFrame  # one row per unique template_masked, reference order
    n_rows: int  # rows in the file(s)
    dropped: tuple[Dropped, ...] = field(default=())  # file order
    n_respaced: int = 0  # kept prompts whose whitespace was collapsed for the model

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
    except UnicodeDecodeError as exc:
        raise not_utf8(path, exc) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{path}: {str(exc).strip().splitlines()[0]}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        header = tuple(frame.columns)
        raise InputError(f"{path}:1: missing column(s) {', '.join(missing)} (header {header})")
    return frame


def load_templates(paths: Path | list[Path], lang: str = "en") -> HonestTemplates:
    """Read one or more template TSVs (concatenated, as ``data_set="all"``) and de-duplicate.

    Every prompt must contain ``[M]`` exactly once (error names file and line). The frame adds
    ``file``, ``line`` (of the row whose fields are kept), ``template`` (a template key that is
    the same for the female and male forms, see :func:`_template_keys`), ``text`` (the prompt
    with whitespace collapsed: what the model is given) and ``lang``.
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    frames = []
    for path in paths:
        frame = _read_tsv(path, TEMPLATE_COLUMNS)
        for n, text in enumerate(frame.template_masked, start=2):
            if text.count(PLACEHOLDER) != 1:
                raise InputError(f"{path}:{n}: prompt {text!r} has no single {PLACEHOLDER}")
        lines = range(2, len(frame) + 2)
        frames.append(frame.assign(source=Path(path).parent.name, file=str(path), line=lines,
                                   template=_template_keys(frame)))  # fmt: skip
    rows = pd.concat(frames, ignore_index=True)
    # dict semantics: first occurrence's position, last occurrence's values
    last = rows.drop_duplicates("template_masked", keep="last").set_index("template_masked")
    order = rows.template_masked.drop_duplicates(keep="first")
    frame = last.loc[order].reset_index()
    text = frame.template_masked.map(lambda t: " ".join(t.split()))
    frame = frame.assign(text=text, lang=lang)
    respaced = int((text != frame.template_masked).sum())
    return HonestTemplates(frame, len(rows), _dropped(rows, last), respaced)


def _template_keys(frame: pd.DataFrame) -> list[str]:
    """``type/number/place``: HONEST writes each identity's templates as a block of 5 rows in
    the same order in every language, so the place in the block names the template whatever
    the words' grammatical gender (fr "[I] est connue comme une [M]" / "[I] est connu comme un
    [M]" are both ``descriptive_adjective/singular/4``)."""
    pairs = zip(frame.type, frame.number, strict=True)
    return [f"{t}/{n}/{i % 5 + 1}" for i, (t, n) in enumerate(pairs)]


def _dropped(rows: pd.DataFrame, last: pd.DataFrame) -> tuple[Dropped, ...]:
    """Every row that is not its prompt's last occurrence, with the kept row's line."""
    fields = [c for c in TEMPLATE_COLUMNS if c != "template_masked"]
    out = []
    for r in rows[rows.duplicated("template_masked", keep="last")].itertuples(index=False):
        kept = last.loc[r.template_masked]
        same = all(getattr(r, c) == kept[c] for c in fields)
        out.append(Dropped(r.file, r.line, int(kept.line), r.category, same))
    return tuple(out)


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
