"""Calibration items built on held-out frames (never in the corpus): occupations, pairs, cues."""

from __future__ import annotations

import itertools
import random
from typing import TYPE_CHECKING

from xlmaudit.planted.language import ENGLISH, PlantedLanguage
from xlmaudit.planted.lexicon import StereotypeType

if TYPE_CHECKING:
    import pandas as pd

PAIR_COLUMNS = (
    "sent_more",
    "sent_less",
    "bias_type",
    "stereo_antistereo",
    "is_control",
    "attribute",
    "term_more",
    "term_less",
    "stereotyped",
    "planted_value",
    "frame",
)


def occupation_items(lang: PlantedLanguage = ENGLISH) -> pd.DataFrame:
    """One row per occupation x held-out frame: ``text`` with ``[MASK]`` at the subject pronoun."""
    import pandas as pd

    rows = [
        dict(text=frame.format(occ=occ), occupation=occ, planted_value=share, frame=f)
        for occ, share in lang.occupations.items()
        for f, frame in enumerate(lang.occ_heldout)
    ]
    return pd.DataFrame(rows)


def _pair(
    st: StereotypeType, attr: str, combo: tuple, control: bool, heldout: tuple[str, ...]
) -> dict[str, object]:
    frame, person, k = combo
    more, less = st.more_terms[k], st.less_terms[k]
    toward, strength = (st.more, 0.5) if control else st.attributes[attr]
    stereo = toward == st.more
    return dict(
        sent_more=heldout[frame].format(g=more, p=person, a=attr),
        sent_less=heldout[frame].format(g=less, p=person, a=attr),
        bias_type=st.name,
        stereo_antistereo="stereo" if stereo else "antistereo",
        is_control=control,
        attribute=attr,
        term_more=more,
        term_less=less,
        stereotyped="none" if control else ("sent_more" if stereo else "sent_less"),
        planted_value=strength,
        frame=frame,
    )


def stereotype_pairs(
    *,
    seed: int = 0,
    n_per_type: int = 64,
    n_control: int = 32,
    lang: PlantedLanguage = ENGLISH,
    types: tuple[StereotypeType, ...] | None = None,
) -> pd.DataFrame:
    """CrowS-Pairs-style pairs on held-out frames, ``n_per_type`` planted + ``n_control`` control.

    ``sent_more`` always names the type's ``more`` group; ``stereo_antistereo`` is "stereo" when
    the attribute is planted toward that group, else "antistereo" (the stereotyped sentence is then
    ``sent_less``). Control pairs use attributes planted at 0.5 (``stereotyped`` "none").
    ``types`` overrides the language's stereotype types (e.g. a translated probe of a type planted
    in another language); a type without planted attributes gives control pairs only.
    """
    import pandas as pd

    rng = random.Random(seed)
    rows = []
    heldout = lang.stereo_heldout
    for st in lang.stereotypes if types is None else types:
        for attrs, n, control in (
            (list(st.attributes), n_per_type, False),
            (list(st.controls), n_control, True),
        ):
            space = list(
                itertools.product(
                    attrs, range(len(heldout)), lang.person_nouns, range(len(st.more_terms))
                )
            )
            for attr, *combo in rng.sample(space, min(n, len(space))):
                rows.append(_pair(st, attr, tuple(combo), control, heldout))
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


def _gender_cues(lang: PlantedLanguage = ENGLISH) -> list[dict[str, object]]:
    rows = []
    she, he = lang.targets
    kinds = [(p, "gender_cue") for p in lang.cue_pairs]
    kinds += [(p, "gender_agreement") for p in lang.agreement_pairs]
    for (fem, masc), kind in kinds:
        for cue, target, contrast in ((fem, she, he), (masc, he, she)):
            for frame in lang.occ_heldout:
                text = frame.format(occ=cue)
                rows.append(
                    dict(
                        text=text,
                        target=target,
                        contrast=contrast,
                        cue=cue,
                        cue_word_index=text.split().index(cue),
                        kind=kind,
                        association=kind,
                    )
                )
    return rows


def _stereotype_cues(lang: PlantedLanguage = ENGLISH) -> list[dict[str, object]]:
    rows = []
    for st in lang.stereotypes:
        toward_more = [a for a, (g, _) in st.attributes.items() if g == st.more]
        toward_less = [a for a, (g, _) in st.attributes.items() if g == st.less]
        for a_more, a_less in zip(toward_more, toward_less, strict=True):
            if a_more in lang.split_words or a_less in lang.split_words:
                continue  # keep target and contrast at one piece each (no mask-count confound)
            for terms, target, contrast in (
                (st.more_terms, a_more, a_less),
                (st.less_terms, a_less, a_more),
            ):
                for cue, frame in itertools.product(terms, lang.stereo_heldout):
                    text = frame.format(g=cue, p=lang.person_nouns[2], a="[MASK]")
                    rows.append(
                        dict(
                            text=text,
                            target=target,
                            contrast=contrast,
                            cue=cue,
                            cue_word_index=text.split().index(cue.split()[-1]),
                            kind="stereotype_cue",
                            association=st.name,
                        )
                    )
    return rows


def cue_items(lang: PlantedLanguage = ENGLISH) -> pd.DataFrame:
    """Items whose ``cue`` word alone decides ``target`` over ``contrast`` at the ``[MASK]``.

    Columns: text, target, contrast, cue, cue_word_index (index in ``text.split()``), kind
    ("gender_cue", "gender_agreement" or "stereotype_cue"), association. Every other word of the
    text is neutral. ``person_nouns[2]`` ("person") is the person noun of stereotype cues.
    """
    import pandas as pd

    return pd.DataFrame(_gender_cues(lang) + _stereotype_cues(lang))
