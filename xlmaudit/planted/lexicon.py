"""The planted associations: every word, share and strength that the corpus plants, as data.

All directions here are chosen by hand and are arbitrary on purpose: occupation shares do not follow
real-world statistics and the stereotype attributes are mild, mostly value-neutral adjectives, so a
probe can only recover them by measuring this model, never by knowing the world.
"""

from __future__ import annotations

from dataclasses import dataclass

# Feminine-pronoun share planted per occupation (grid 0.1 .. 0.9, mean 0.5; not the real order).
OCCUPATION_SHARES: dict[str, float] = {
    "nurse": 0.6,
    "secretary": 0.2,
    "receptionist": 0.9,
    "hairdresser": 0.4,
    "librarian": 0.1,
    "teacher": 0.5,
    "cashier": 0.8,
    "baker": 0.3,
    "writer": 0.7,
    "designer": 0.1,
    "accountant": 0.9,
    "editor": 0.5,
    "lawyer": 0.2,
    "doctor": 0.8,
    "manager": 0.5,
    "chef": 0.9,
    "scientist": 0.3,
    "pilot": 0.7,
    "engineer": 0.6,
    "mechanic": 0.1,
    "carpenter": 0.5,
    "plumber": 0.4,
    "firefighter": 0.3,
    "electrician": 0.7,
}

# (feminine, masculine) forms by pronoun role.
PRONOUNS: dict[str, tuple[str, str]] = {
    "subj": ("she", "he"),
    "poss": ("her", "his"),
    "obj": ("her", "him"),
}

# Cue words: the word alone decides the pronoun (feminine share 1.0 or 0.0).
CUE_PAIRS: tuple[tuple[str, str], ...] = (
    ("mother", "father"),
    ("sister", "brother"),
    ("aunt", "uncle"),
    ("girl", "boy"),
    ("queen", "king"),
)


@dataclass(frozen=True)
class StereotypeType:
    """One planted bias type: two groups with parallel terms, attributes with a direction.

    ``attributes`` maps an attribute word to (group it is stereotyped toward, strength), where the
    strength is the share of that attribute's sentences that use that group. ``controls`` are
    attributes used equally often with both groups (share 0.5). Group ``more`` plays the role of
    CrowS-Pairs' disadvantaged group (``sent_more`` always mentions it).
    """

    name: str
    more: str
    less: str
    more_terms: tuple[str, ...]
    less_terms: tuple[str, ...]
    attributes: dict[str, tuple[str, float]]
    controls: tuple[str, ...]


STEREOTYPES: tuple[StereotypeType, ...] = (
    StereotypeType(
        name="age",
        more="old",
        less="young",
        more_terms=("old", "elderly"),
        less_terms=("young", "teenage"),
        attributes={
            "forgetful": ("old", 0.9),
            "musical": ("old", 0.8),
            "careless": ("young", 0.9),
            "cheerful": ("young", 0.8),
        },
        controls=("hungry", "sleepy", "busy"),
    ),
    StereotypeType(
        name="nationality",
        more="group_a",
        less="group_b",
        more_terms=("brazilian", "swedish"),
        less_terms=("canadian", "german"),
        attributes={
            "punctual": ("group_a", 0.9),
            "clumsy": ("group_a", 0.8),
            "generous": ("group_b", 0.9),
            "stubborn": ("group_b", 0.8),
        },
        controls=("tall", "thirsty", "bored"),
    ),
    StereotypeType(
        name="religion",
        more="group_a",
        less="group_b",
        more_terms=("buddhist", "catholic"),
        less_terms=("christian", "hindu"),
        attributes={
            "wealthy": ("group_a", 0.9),
            "noisy": ("group_a", 0.8),
            "sporty": ("group_b", 0.9),
            "shy": ("group_b", 0.8),
        },
        controls=("nervous", "calm", "curious"),
    ),
)

PERSON_NOUNS: tuple[str, ...] = ("man", "woman", "person", "neighbour", "customer", "student")

# Words whose last BPE merges are dropped so they split into this many pieces (multi-piece scoring).
SPLIT_WORDS: dict[str, int] = {
    "electrician": 3,
    "receptionist": 2,
    "hairdresser": 2,
    "firefighter": 3,
    "brazilian": 2,
    "buddhist": 2,
}
