"""The truth table of the planted corpus: what was planted, in which direction, how strongly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlmaudit.planted.corpus import CorpusSize
from xlmaudit.planted.lexicon import CUE_PAIRS, OCCUPATION_SHARES, STEREOTYPES

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


def truth_rows(size: CorpusSize | None = None) -> list[dict[str, object]]:
    """One row per planted term (plain dicts; ``truth()`` wraps them in a frame)."""
    size = size or CorpusSize()
    fem = "share of feminine pronouns (she/her) in the term's sentences"
    rows: list[dict[str, object]] = []
    for occ, share in OCCUPATION_SHARES.items():
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
    for f, m in CUE_PAIRS:
        for word, value in ((f, 1.0), (m, 0.0)):
            rows.append(
                dict(
                    association="gender_cue",
                    group="feminine",
                    term=word,
                    planted_value=value,
                    role="cue",
                    is_control=False,
                    n_sentences=size.per_cue,
                    meaning=fem,
                )
            )
    for st in STEREOTYPES:
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


def truth() -> pd.DataFrame:
    """The planted truth table (columns ``TRUTH_COLUMNS``), as shipped in ``planted_truth.csv``."""
    import pandas as pd

    return pd.DataFrame(truth_rows(), columns=list(TRUTH_COLUMNS))


def group_terms() -> pd.DataFrame:
    """Group terms of each stereotype type (columns association, group, term, side)."""
    import pandas as pd

    rows = [
        dict(association=st.name, group=g, term=t, side=side)
        for st in STEREOTYPES
        for g, terms, side in ((st.more, st.more_terms, "more"), (st.less, st.less_terms, "less"))
        for t in terms
    ]
    return pd.DataFrame(rows, columns=["association", "group", "term", "side"])
