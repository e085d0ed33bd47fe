"""The truth table of the planted corpus: what was planted, in which direction, how strongly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlmaudit.planted.corpus import CorpusSize
from xlmaudit.planted.language import ENGLISH, PlantedLanguage, bilingual_languages, scaled

if TYPE_CHECKING:
    import pandas as pd

TRUTH_COLUMNS: tuple[str, ...] = (
    "association",
    "group",
    "term",
    "planted_value",
    "role",
    "is_control",
    "n_sentences",
    "meaning",
)


def truth_rows(
    size: CorpusSize | None = None, lang: PlantedLanguage = ENGLISH
) -> list[dict[str, object]]:
    """One row per planted term (plain dicts; ``truth()`` wraps them in a frame)."""
    size = size or CorpusSize()
    forms = "/".join(dict.fromkeys(f for f, _ in lang.pronouns.values()))
    fem = f"share of feminine pronouns ({forms}) in the term's sentences"
    rows: list[dict[str, object]] = []
    for occ, share in lang.occupations.items():
        rows.append(
            dict(
                association="gender_occupation",
                group="feminine",
                term=occ,
                planted_value=share,
                role="occupation",
                is_control=share == 0.5,
                n_sentences=size.per_occupation,
                meaning=fem,
            )
        )
    cues = [(p, "gender_cue") for p in lang.cue_pairs]
    cues += [(p, "gender_agreement") for p in lang.agreement_pairs]
    for (f, m), association in cues:
        for word, value in ((f, 1.0), (m, 0.0)):
            rows.append(
                dict(
                    association=association,
                    group="feminine",
                    term=word,
                    planted_value=value,
                    role="cue",
                    is_control=False,
                    n_sentences=size.per_cue,
                    meaning=fem,
                )
            )
    for st in lang.stereotypes:
        for attr, (toward, strength) in st.attributes.items():
            rows.append(
                dict(
                    association=st.name,
                    group=toward,
                    term=attr,
                    planted_value=strength,
                    role="attribute",
                    is_control=False,
                    n_sentences=size.per_attribute,
                    meaning=f"share of its sentences naming group {toward}",
                )
            )
        for attr in st.controls:
            rows.append(
                dict(
                    association=st.name,
                    group=st.more,
                    term=attr,
                    planted_value=0.5,
                    role="control",
                    is_control=True,
                    n_sentences=size.per_attribute,
                    meaning=f"share of its sentences naming group {st.more}",
                )
            )
    return rows


def truth(languages: tuple[str, ...] = ("en",), *, strength: float = 1.0) -> pd.DataFrame:
    """The planted truth table (columns ``TRUTH_COLUMNS``), as shipped in ``planted_truth.csv``.

    For several ``languages`` (the bilingual model): each language's table, a ``lang`` column first.
    ``strength`` scales every planted value toward 0.5 (``language.scaled``; 1: as shipped).
    """
    import pandas as pd

    langs = [scaled(lang, strength) for lang in bilingual_languages(languages)]
    if tuple(languages) == ("en",):
        return pd.DataFrame(truth_rows(lang=langs[0]), columns=list(TRUTH_COLUMNS))
    return pd.concat(
        [language_truth(lang).assign(lang=lang.code) for lang in langs],
        ignore_index=True,
    )[["lang", *TRUTH_COLUMNS]]


def language_truth(lang: PlantedLanguage) -> pd.DataFrame:
    """The truth table of one planted language (columns ``TRUTH_COLUMNS``)."""
    import pandas as pd

    return pd.DataFrame(truth_rows(lang=lang), columns=list(TRUTH_COLUMNS))


def group_terms(lang: PlantedLanguage = ENGLISH) -> pd.DataFrame:
    """Group terms of each stereotype type (columns association, group, term, side)."""
    import pandas as pd

    rows = [
        dict(association=st.name, group=g, term=t, side=side)
        for st in lang.stereotypes
        for g, terms, side in ((st.more, st.more_terms, "more"), (st.less, st.less_terms, "less"))
        for t in terms
    ]
    return pd.DataFrame(rows, columns=["association", "group", "term", "side"])
