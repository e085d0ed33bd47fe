"""WinoBias (Zhao et al. 2018) pro/anti sentence files, read as pairs for a cloze adaptation.

Each line is ``<n> <sentence>``; square brackets mark the coreferent mentions: first the occupation
noun phrase, then one or more pronouns referring to it. The pro and anti files of a type and split
hold the same sentences line by line with the pronoun's gender swapped.

Policy: every line is checked (running number, balanced and unnested brackets, an occupation from
the occupation lists first, then only gendered pronouns of one gender). Problems are collected
and raised as one InputError naming ``file:line`` for each; nothing is loaded from a bad file.
Pairs whose two sentences are not a clean swap (real quirks of the published files, e.g. a
second pronoun in one side only, or different sentences on the same line) are loaded but marked:
``cloze_ok`` / ``pll_ok`` False with the reason in ``problem`` (counted in every summary).

The cloze masking (ours; the official evaluation is coreference resolution): the first pronoun
referring to the occupation becomes ``[MASK]``; the pair is one cloze item when the masked texts
of the pro and the anti sentence are identical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlmaudit.errors import InputError, read_utf8
from xlmaudit.requests import MASK

MALE = ("he", "him", "his", "himself")
FEMALE = ("she", "her", "hers", "herself")
GENDER = {**dict.fromkeys(MALE, "male"), **dict.fromkeys(FEMALE, "female")}
CLOZE_PRONOUNS = ("he", "him", "his", "she", "her")  # candidate words at the mask
TYPES = (1, 2)
SPLITS = ("dev", "test")
ARTICLES = re.compile(r"^((the|a|an)\s+)+", re.IGNORECASE)
LINE_RE = re.compile(r"^(\d+) (.+)$")
PRONOUN_WORD = re.compile(r"\b(" + "|".join(GENDER) + r")\b", re.IGNORECASE)
MAX_LISTED = 20

COLUMNS = (
    "type",
    "split",
    "line",
    "occupation",
    "stereo_gender",
    "pro_pronoun",
    "anti_pronoun",
    "n_pronouns_pro",
    "n_pronouns_anti",
    "cloze_ok",
    "pll_ok",
    "problem",
    "masked_text",
    "pro_text",
    "anti_text",
)


@dataclass(frozen=True)
class Sentence:
    """One annotated line: ``text`` without brackets; ``pronouns`` as (start, end) in ``text``."""

    file: str
    line: int
    text: str
    occupation: str
    pronouns: tuple[tuple[int, int], ...]

    @property
    def pronoun_words(self) -> tuple[str, ...]:
        return tuple(self.text[a:b].lower() for a, b in self.pronouns)

    @property
    def gender(self) -> str:
        return GENDER[self.pronoun_words[0]]

    def masked(self) -> str:
        """``text`` with the first referring pronoun replaced by ``[MASK]``."""
        a, b = self.pronouns[0]
        return self.text[:a] + MASK + self.text[b:]

    def template(self) -> str:
        """``text`` with every gendered pronoun (annotated or not) replaced by one placeholder."""
        return PRONOUN_WORD.sub("<P>", self.text)


def file_name(kind: str, type_: int, split: str) -> str:
    """``pro_stereotyped_type1.txt.dev`` etc. (``kind``: pro | anti)."""
    return f"{kind}_stereotyped_type{type_}.txt.{split}"


def load_occupations(path: str | Path) -> list[str]:
    """One occupation per line; blank lines and duplicates are errors with file:line."""
    path = Path(path)
    out: list[str] = []
    for i, raw in enumerate(read_utf8(path).splitlines(), 1):
        word = raw.strip()
        if not word:
            raise InputError(f"{path}:{i}: empty line in an occupation list")
        if word in out:
            raise InputError(f"{path}:{i}: duplicate occupation {word!r}")
        out.append(word)
    if not out:
        raise InputError(f"{path}: no occupations")
    return out


def parse_line(
    raw: str, file: str, line: int, occupations: set[str]
) -> tuple[Sentence | None, list[str]]:
    """Parse line ``line`` of ``file``; returns (sentence or None, problems)."""
    m = LINE_RE.match(raw)
    if not m:
        return None, ["expected '<number> <sentence>'"]
    body, problems = m.group(2), []
    text, mentions, start, depth = [], [], -1, 0
    for ch in body:
        if ch == "[":
            if depth:
                problems.append("nested '['")
            depth, start = 1, len("".join(text))
        elif ch == "]":
            if not depth:
                problems.append("']' without '['")
            else:
                mentions.append((start, len("".join(text))))
            depth = 0
        else:
            text.append(ch)
    if depth:
        problems.append("'[' not closed")
    if problems:
        return None, problems
    plain = "".join(text)
    # strip spaces inside a mention ("[ physician]"), then collapse runs of spaces
    spans = []
    for a, b in mentions:
        seg = plain[a:b]
        spans.append((a + len(seg) - len(seg.lstrip()), b - len(seg) + len(seg.rstrip())))
    if len(spans) < 2:
        return None, [f"expected an occupation and a pronoun in brackets, found {len(spans)}"]
    occ = ARTICLES.sub("", plain[spans[0][0] : spans[0][1]]).strip()
    if occ not in occupations:
        problems.append(f"first mention {plain[slice(*spans[0])]!r} is not a listed occupation")
    words = [plain[a:b].lower() for a, b in spans[1:]]
    bad = [w for w in words if w not in GENDER]
    if bad:
        problems.append(f"mention(s) {bad} after the occupation are not gendered pronouns")
    elif len({GENDER[w] for w in words}) > 1:
        problems.append(f"pronouns {words} mix genders")
    if problems:
        return None, problems
    squeezed, pronouns = _squeeze(plain, spans[1:])
    return Sentence(file, line, squeezed, occ, pronouns), []


def _squeeze(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Collapse runs of whitespace and strip them at the ends, remapping the spans."""
    keep = [
        i for i, c in enumerate(text) if not (c.isspace() and (i == 0 or text[i - 1].isspace()))
    ]
    index = {old: new for new, old in enumerate(keep)}
    out = "".join(" " if text[i].isspace() else text[i] for i in keep)
    mapped = tuple((index[a], index[b - 1] + 1) for a, b in spans)
    return out.rstrip(), mapped


def read_file(path: str | Path, occupations: set[str]) -> list[Sentence]:
    """All sentences of one pro/anti file; one InputError lists every bad line as file:line."""
    path = Path(path)
    sentences, errors = [], []
    for i, raw in enumerate(read_utf8(path).splitlines(), 1):
        sent, problems = parse_line(raw, str(path), i, occupations)
        m = LINE_RE.match(raw)
        if m and int(m.group(1)) != i:
            problems.append(f"running number {m.group(1)} on line {i}")
        errors.extend(f"{path}:{i}: {p}" for p in problems)
        if sent is not None and not problems:
            sentences.append(sent)
    if errors:
        listed = "\n  ".join(errors[:MAX_LISTED])
        more = f"\n  ... and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise InputError(f"{path}: {len(errors)} bad line(s); nothing loaded:\n  {listed}{more}")
    if not sentences:
        raise InputError(f"{path}: no sentences")
    return sentences


def pair_row(pro: Sentence, anti: Sentence, type_: int, split: str, stereo: dict) -> dict:
    """One pair: what it is and whether it is a clean swap for each variant."""
    problems = []
    if pro.occupation != anti.occupation:
        problems.append(f"occupations differ ({pro.occupation!r} vs {anti.occupation!r})")
    if pro.gender == anti.gender:
        problems.append("pro and anti pronouns have the same gender")
    expected = stereo[pro.occupation]
    if pro.gender != expected:
        problems.append(f"pro pronoun is {pro.gender}, the occupation list says {expected}")
    pll_ok = not problems and pro.template() == anti.template()
    if not problems and not pll_ok:
        problems.append("sentences differ beyond the pronouns")
    masked = pro.masked()
    cloze_ok = pll_ok and masked == anti.masked()
    if pll_ok and not cloze_ok:
        problems.append("masked texts differ (another gendered pronoun outside the mask)")
    first = (pro.pronoun_words[0], anti.pronoun_words[0])
    if cloze_ok and not all(w in CLOZE_PRONOUNS for w in first):
        cloze_ok = False
        problems.append(f"masked pronouns {first} not among {CLOZE_PRONOUNS}")
    return {
        "type": type_,
        "split": split,
        "line": pro.line,
        "occupation": pro.occupation,
        "stereo_gender": expected,
        "pro_pronoun": first[0],
        "anti_pronoun": first[1],
        "n_pronouns_pro": len(pro.pronouns),
        "n_pronouns_anti": len(anti.pronouns),
        "cloze_ok": cloze_ok,
        "pll_ok": pll_ok,
        "problem": f"{'; '.join(problems)} ({Path(pro.file).name}:{pro.line})" if problems else "",
        "masked_text": masked if cloze_ok else "",
        "pro_text": pro.text,
        "anti_text": anti.text,
    }


def load_winobias(
    files: dict[str, Path], *, types: tuple[int, ...] = TYPES, splits: tuple[str, ...] = SPLITS
) -> pd.DataFrame:
    """Pairs of the pro/anti files as a frame (columns :data:`COLUMNS`).

    ``files`` maps each needed file name (:func:`file_name`, ``male_occupations.txt``,
    ``female_occupations.txt``) to its path. ``stereo_gender`` comes from the occupation lists.
    """
    male = load_occupations(files["male_occupations.txt"])
    female = load_occupations(files["female_occupations.txt"])
    both = sorted(set(male) & set(female))
    if both:
        raise InputError(f"{files['male_occupations.txt']}: occupations in both lists: {both}")
    stereo = {**dict.fromkeys(male, "male"), **dict.fromkeys(female, "female")}
    rows = []
    for type_ in types:
        for split in splits:
            pro_path, anti_path = (files[file_name(k, type_, split)] for k in ("pro", "anti"))
            pro, anti = (read_file(p, set(stereo)) for p in (pro_path, anti_path))
            if len(pro) != len(anti):
                raise InputError(
                    f"{anti_path}: {len(anti)} lines, but {pro_path} has {len(pro)}; "
                    "the files must pair line by line"
                )
            rows += [pair_row(p, a, type_, split, stereo) for p, a in zip(pro, anti, strict=True)]
    return pd.DataFrame(rows, columns=list(COLUMNS))
