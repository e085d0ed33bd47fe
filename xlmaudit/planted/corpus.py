"""Seeded generator of the planted corpus (pure python) and its truth table.

Counts are exact, not sampled: an occupation with share 0.7 gets exactly ``round(0.7 * n)``
feminine-pronoun sentences out of ``n``, an attribute with strength 0.9 toward a group gets exactly
``round(0.9 * n)`` sentences with that group; only the order, frames and fillers are random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from xlmaudit.planted.language import ENGLISH, PlantedLanguage
from xlmaudit.planted.lexicon import StereotypeType


@dataclass(frozen=True)
class CorpusSize:
    """Sentences per planted term and filler sentences in total."""

    per_occupation: int = 300
    per_cue: int = 300
    per_attribute: int = 400
    filler: int = 4000


def _pronoun_slots(feminine: bool, lang: PlantedLanguage) -> dict[str, str]:
    return {role: forms[0 if feminine else 1] for role, forms in lang.pronouns.items()}


def _exact_flags(n: int, share: float, rng: random.Random) -> list[bool]:
    k = round(share * n)
    flags = [True] * k + [False] * (n - k)
    rng.shuffle(flags)
    return flags


def occupation_sentences(
    word: str, share: float, n: int, rng: random.Random, lang: PlantedLanguage = ENGLISH
) -> list[str]:
    """``n`` sentences about ``word`` whose pronoun is feminine in exactly ``round(share*n)``."""
    out = []
    for i, fem in enumerate(_exact_flags(n, share, rng)):
        frame = lang.occ_train[i % len(lang.occ_train)]
        out.append(frame.format(occ=word, **_pronoun_slots(fem, lang)))
    return out


def attribute_sentences(
    st: StereotypeType,
    attr: str,
    toward: str,
    strength: float,
    n: int,
    rng: random.Random,
    lang: PlantedLanguage = ENGLISH,
) -> list[str]:
    """``n`` sentences with ``attr``; exactly ``round(strength*n)`` name group ``toward``."""
    other = st.less if toward == st.more else st.more
    terms = {st.more: st.more_terms, st.less: st.less_terms}
    out, seen = [], {st.more: 0, st.less: 0}
    for i, hit in enumerate(_exact_flags(n, strength, rng)):
        group = toward if hit else other
        k = seen[group]  # the k-th sentence of this group: terms and person nouns take turns
        seen[group] += 1
        nouns, frames = lang.person_nouns, lang.stereo_train
        g, person = terms[group][k % len(terms[group])], nouns[k % len(nouns)]
        out.append(frames[i % len(frames)].format(g=g, p=person, a=attr))
    return out


def generate_corpus(
    *, seed: int = 0, size: CorpusSize | None = None, lang: PlantedLanguage = ENGLISH
) -> list[str]:
    """The whole training corpus of one language, shuffled, one sentence per entry."""
    size = size or CorpusSize()
    rng = random.Random(seed)
    sents: list[str] = []
    for word, share in lang.occupations.items():
        sents += occupation_sentences(word, share, size.per_occupation, rng, lang)
    for fem, masc in lang.cue_pairs + lang.agreement_pairs:
        sents += occupation_sentences(fem, 1.0, size.per_cue, rng, lang)
        sents += occupation_sentences(masc, 0.0, size.per_cue, rng, lang)
    for st in lang.stereotypes:
        for attr, (toward, strength) in st.attributes.items():
            sents += attribute_sentences(st, attr, toward, strength, size.per_attribute, rng, lang)
        for attr in st.controls:
            sents += attribute_sentences(st, attr, st.more, 0.5, size.per_attribute, rng, lang)
    sents += [lang.filler(rng) for _ in range(size.filler)]
    rng.shuffle(sents)
    return sents


def heldout_filler(
    *,
    seed: int = 0,
    n: int = 300,
    exclude: set[str] | None = None,
    lang: PlantedLanguage = ENGLISH,
) -> list[str]:
    """Filler sentences that do not occur in ``exclude`` (the training corpus), for perplexity."""
    rng = random.Random(seed + 7919)
    out: list[str] = []
    seen = set(exclude or ())
    while len(out) < n:
        s = lang.filler(rng)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out
