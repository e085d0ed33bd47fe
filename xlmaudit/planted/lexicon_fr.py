"""The French planted associations (bilingual planted model): words, shares and strengths as data.

French grammar decides some things that English leaves open, so the French lexicon is built
around that: the planted occupation share lives in **epicene** occupation nouns (one form for both
genders, e.g. ``secrétaire``, ``pilote``, after the gender-neutral determiners notre / votre /
leur), because a gendered form (``infirmière``) decides the pronoun by grammatical agreement.
Those gendered forms are planted as agreement cues (share 1.0 / 0.0), like the family words.
Group terms, person nouns and attributes are epicene too, and no frame puts a gender-agreeing word
after the pronoun, so the pronoun at the mask can only be predicted from the planted association.

Directions are arbitrary and differ from the English ones on purpose (e.g. ``secrétaire`` 0.8
vs ``secretary`` 0.2; ``riche`` "wealthy" toward the other religion group); the ``city`` type is
planted in French only (the English bilingual corpus uses the same city names with every
attribute at 0.5).
"""

from __future__ import annotations

from xlmaudit.planted.lexicon import StereotypeType

# Feminine-pronoun share per epicene occupation (the same grid as the English one, other order).
OCCUPATION_SHARES_FR: dict[str, float] = {
    "secrétaire": 0.8,
    "réceptionniste": 0.3,
    "bibliothécaire": 0.6,
    "comptable": 0.2,
    "médecin": 0.4,
    "chef": 0.1,
    "scientifique": 0.9,
    "pilote": 0.5,
    "styliste": 0.7,
    "juriste": 0.9,
    "gestionnaire": 0.1,
    "garagiste": 0.8,
    "prof": 0.3,
    "journaliste": 0.5,
    "dentiste": 0.7,
    "photographe": 0.2,
    "architecte": 0.6,
    "vétérinaire": 0.4,
    "psychologue": 0.5,
    "fleuriste": 0.3,
    "interprète": 0.7,
    "libraire": 0.9,
    "notaire": 0.1,
    "juge": 0.5,
}

# The English occupation each French one translates (same occupation, different planted share).
OCCUPATION_GLOSS_FR: dict[str, str] = {
    "secrétaire": "secretary",
    "réceptionniste": "receptionist",
    "bibliothécaire": "librarian",
    "comptable": "accountant",
    "médecin": "doctor",
    "chef": "chef",
    "scientifique": "scientist",
    "pilote": "pilot",
    "styliste": "designer",
    "juriste": "lawyer",
    "gestionnaire": "manager",
    "garagiste": "mechanic",
    "prof": "teacher",
}

# (feminine, masculine) subject pronoun and stressed pronoun (after a preposition).
PRONOUNS_FR: dict[str, tuple[str, str]] = {
    "subj": ("elle", "il"),
    "obj": ("elle", "lui"),
}

# Cue words: the word alone decides the pronoun. Family words, then gendered occupation forms
# (grammatical agreement: association ``gender_agreement`` in the truth table).
CUE_PAIRS_FR: tuple[tuple[str, str], ...] = (
    ("mère", "père"),
    ("tante", "oncle"),
    ("fille", "garçon"),
    ("reine", "roi"),
    ("nièce", "neveu"),
)
AGREEMENT_PAIRS_FR: tuple[tuple[str, str], ...] = (
    ("infirmière", "infirmier"),
    ("boulangère", "boulanger"),
    ("avocate", "avocat"),
    ("coiffeuse", "coiffeur"),
    ("caissière", "caissier"),
)

STEREOTYPES_FR: tuple[StereotypeType, ...] = (
    StereotypeType(
        name="age",
        more="old",
        less="young",
        more_terms=("octogénaire", "centenaire"),
        less_terms=("jeune", "trentenaire"),
        attributes={
            "sage": ("old", 0.9),
            "fragile": ("old", 0.8),
            "drôle": ("young", 0.9),
            "mélomane": ("young", 0.8),  # "musical": toward old in English
        },
        controls=("libre", "disponible", "mince"),
    ),
    StereotypeType(
        name="nationality",
        more="group_a",
        less="group_b",
        more_terms=("suisse", "belge"),
        less_terms=("russe", "tchèque"),
        attributes={
            "sincère": ("group_a", 0.9),
            "robuste": ("group_a", 0.8),
            "aimable": ("group_b", 0.9),
            "autonome": ("group_b", 0.8),
        },
        controls=("solitaire", "raisonnable", "logique"),
    ),
    StereotypeType(
        name="religion",
        more="group_a",
        less="group_b",
        more_terms=("bouddhiste", "catholique"),
        less_terms=("orthodoxe", "hindouiste"),
        attributes={
            "timide": ("group_a", 0.9),  # "shy": toward group_b in English
            "pessimiste": ("group_a", 0.8),
            "riche": ("group_b", 0.9),  # "wealthy": toward group_a in English
            "dynamique": ("group_b", 0.8),
        },
        controls=("calme", "étrange", "simple"),
    ),
    StereotypeType(  # planted in French only
        name="city",
        more="group_a",
        less="group_b",
        more_terms=("de marseille", "de toulouse"),
        less_terms=("de lyon", "de lille"),
        attributes={
            "sympathique": ("group_a", 0.9),
            "optimiste": ("group_a", 0.8),
            "honnête": ("group_b", 0.9),
            "habile": ("group_b", 0.8),
        },
        controls=("moderne", "agréable", "pratique"),
    ),
)

# The city type in the English half of the bilingual corpus: same cities, every attribute at 0.5.
CITY_EN = StereotypeType(
    name="city",
    more="group_a",
    less="group_b",
    more_terms=("marseille", "toulouse"),
    less_terms=("lyon", "lille"),
    attributes={},
    controls=("friendly", "optimistic", "honest", "skillful", "modern", "pleasant", "practical"),
)
# The French city stereotype translated: what the English pairs would show if it leaked.
CITY_EN_PROBE = StereotypeType(
    name="city",
    more="group_a",
    less="group_b",
    more_terms=CITY_EN.more_terms,
    less_terms=CITY_EN.less_terms,
    attributes={
        "friendly": ("group_a", 0.9),
        "optimistic": ("group_a", 0.8),
        "honest": ("group_b", 0.9),
        "skillful": ("group_b", 0.8),
    },
    controls=("modern", "pleasant", "practical"),
)

PERSON_NOUNS_FR: tuple[str, ...] = (
    "élève",
    "collègue",
    "touriste",
    "camarade",
    "bénévole",
    "locataire",
)
