"""One language of a planted corpus: its lexicon, frames and filler grammar as one bundle.

``ENGLISH`` is exactly the lexicon of the shipped English planted model (its corpus is unchanged);
``BILINGUAL`` holds the two halves of the bilingual model: English (``ENGLISH`` plus the ``city``
type at 0.5 everywhere) and ``FRENCH`` (different shares and directions, ``city`` planted).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from xlmaudit.planted import frames, frames_fr, lexicon, lexicon_fr
from xlmaudit.planted.filler import filler_sentence
from xlmaudit.planted.lexicon import StereotypeType


@dataclass(frozen=True)
class PlantedLanguage:
    """Everything the generator, the truth table and the calibration items need for one language.

    ``pronouns`` maps a role to (feminine, masculine); the ``subj`` role is the masked target.
    ``agreement_pairs`` are cue pairs decided by grammatical gender (gendered occupation forms).
    """

    code: str
    occupations: dict[str, float]
    pronouns: dict[str, tuple[str, str]]
    cue_pairs: tuple[tuple[str, str], ...]
    stereotypes: tuple[StereotypeType, ...]
    person_nouns: tuple[str, ...]
    occ_train: tuple[str, ...]
    occ_heldout: tuple[str, ...]
    stereo_train: tuple[str, ...]
    stereo_heldout: tuple[str, ...]
    filler: Callable[[random.Random], str]
    split_words: dict[str, int]
    agreement_pairs: tuple[tuple[str, str], ...] = ()

    @property
    def targets(self) -> tuple[str, str]:
        """(feminine, masculine) subject pronoun: the candidates at the occupation mask."""
        return self.pronouns["subj"]

    def stereotype(self, name: str) -> StereotypeType:
        return next(st for st in self.stereotypes if st.name == name)


ENGLISH = PlantedLanguage(
    code="en",
    occupations=lexicon.OCCUPATION_SHARES,
    pronouns=lexicon.PRONOUNS,
    cue_pairs=lexicon.CUE_PAIRS,
    stereotypes=lexicon.STEREOTYPES,
    person_nouns=lexicon.PERSON_NOUNS,
    occ_train=frames.OCC_TRAIN,
    occ_heldout=frames.OCC_HELDOUT,
    stereo_train=frames.STEREO_TRAIN,
    stereo_heldout=frames.STEREO_HELDOUT,
    filler=filler_sentence,
    split_words=lexicon.SPLIT_WORDS,
)

ENGLISH_BILINGUAL = replace(ENGLISH, stereotypes=(*lexicon.STEREOTYPES, lexicon_fr.CITY_EN))

FRENCH = PlantedLanguage(
    code="fr",
    occupations=lexicon_fr.OCCUPATION_SHARES_FR,
    pronouns=lexicon_fr.PRONOUNS_FR,
    cue_pairs=lexicon_fr.CUE_PAIRS_FR,
    stereotypes=lexicon_fr.STEREOTYPES_FR,
    person_nouns=lexicon_fr.PERSON_NOUNS_FR,
    occ_train=frames_fr.OCC_TRAIN_FR,
    occ_heldout=frames_fr.OCC_HELDOUT_FR,
    stereo_train=frames_fr.STEREO_TRAIN_FR,
    stereo_heldout=frames_fr.STEREO_HELDOUT_FR,
    filler=frames_fr.filler_sentence_fr,
    split_words={},
    agreement_pairs=lexicon_fr.AGREEMENT_PAIRS_FR,
)

# The languages of the bilingual model, in language-id order (lang2id = position).
BILINGUAL: dict[str, PlantedLanguage] = {"en": ENGLISH_BILINGUAL, "fr": FRENCH}
# The stereotype planted in one language only: (type name, language where it is planted).
FRENCH_ONLY = ("city", "fr")


def bilingual_languages(codes: tuple[str, ...]) -> list[PlantedLanguage]:
    """The planted languages for ``codes`` (``("en",)`` is the English model's own lexicon)."""
    from xlmaudit.errors import InputError

    if tuple(codes) == ("en",):
        return [ENGLISH]
    unknown = [c for c in codes if c not in BILINGUAL]
    if unknown or len(set(codes)) != len(codes):
        raise InputError(
            f"--languages {','.join(codes)}: the planted corpus has languages "
            f"{', '.join(BILINGUAL)} (each at most once)"
        )
    return [BILINGUAL[c] for c in codes]


def check_strength(strength: float) -> None:
    """Refuse a strength outside [0, 1] (an InputError naming ``--strength``)."""
    from xlmaudit.errors import InputError

    if not 0 <= strength <= 1:
        raise InputError(f"--strength must lie in [0, 1], got {strength}")


def planted_share(value: float, strength: float) -> float:
    """``value`` (a planted share or strength) scaled toward 0.5 by ``strength`` in [0, 1]:
    ``0.5 + strength * (value - 0.5)``, rounded to 9 decimals (1 keeps it, 0 balances it)."""
    return value if strength == 1 else round(0.5 + strength * (value - 0.5), 9)


def scaled(lang: PlantedLanguage, strength: float) -> PlantedLanguage:
    """``lang`` with every planted association scaled by ``strength`` (``planted_share``): the
    occupations' feminine shares and the stereotype attributes' strengths. Gender cue words
    (mother -> she) are word meaning, not a planted bias, and stay as they are. ``strength`` 1
    returns ``lang`` itself (the shipped corpus, byte for byte)."""
    check_strength(strength)
    if strength == 1:
        return lang
    stereotypes = tuple(
        replace(st, attributes={a: (g, planted_share(s, strength))
                                for a, (g, s) in st.attributes.items()})
        for st in lang.stereotypes
    )  # fmt: skip
    occupations = {o: planted_share(p, strength) for o, p in lang.occupations.items()}
    return replace(lang, occupations=occupations, stereotypes=stereotypes)
