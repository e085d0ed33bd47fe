"""French sentence frames (training and held-out) and the French neutral filler grammar.

Same slots and rules as the English ``frames`` module: frames are Moses-tokenised and lowercase,
held-out frames never occur in the corpus. French-specific rules: no elision (no ``qu'``, ``l'``,
``j'``), occupations and people follow the gender-neutral determiners notre / votre / leur /
chaque, and nothing after the pronoun agrees in gender with it (``avoir`` tenses, no adjective on
the subject), so the right context of the mask does not reveal the pronoun.
"""

from __future__ import annotations

import random

OCC_TRAIN_FR: tuple[str, ...] = (
    "notre {occ} a téléphoné car {subj} avait du retard .",
    "quand notre {occ} a vu la lettre , {subj} a souri .",
    "votre {occ} a dit que demain {subj} reviendra .",
    "hier notre {occ} a appelé et {subj} a perdu les clés .",
    "notre {occ} pense que ce soir {subj} pourra finir le travail .",
    "leur {occ} a souri quand {subj} a entendu la nouvelle .",
    "après le repas , notre {occ} a dit que lundi {subj} partira tôt .",
    "votre {occ} a pris le train , puis {subj} a ouvert la fenêtre .",
    "notre {occ} travaille beaucoup et {subj} dort mal .",
    "leur {occ} a acheté une voiture car {subj} habite loin .",
    "ce matin notre {occ} a bu un café , puis {subj} a travaillé .",
    "notre {occ} a oublié le téléphone , alors {subj} a attendu .",
    "votre {occ} a fini le travail avant midi , puis {subj} a mangé .",
    "quand notre {occ} a faim , {subj} mange une pomme .",
    "leur {occ} a lu le journal , puis {subj} a écrit une lettre .",
    "nous avons attendu notre {occ} et nous avons parlé avec {obj} .",
    "votre {occ} est ici , nous avons un cadeau pour {obj} .",
    "notre {occ} avait du retard , alors nous avons téléphoné chez {obj} .",
    "nous avons vu votre {occ} et nous avons donné la lettre à {obj} .",
    "leur {occ} part demain , nous allons au cinéma sans {obj} .",
)

OCC_HELDOUT_FR: tuple[str, ...] = (
    "notre {occ} a téléphoné car [MASK] a perdu les clés .",
    "quand notre {occ} a entendu la nouvelle , [MASK] a souri .",
    "votre {occ} a dit que lundi [MASK] reviendra .",
    "leur {occ} a souri car [MASK] avait du retard .",
    "ce matin notre {occ} a bu un café , puis [MASK] a ouvert la fenêtre .",
    "notre {occ} pense que demain [MASK] partira tôt .",
    "votre {occ} a lu le journal , puis [MASK] a mangé .",
    "leur {occ} travaille beaucoup et [MASK] habite loin .",
)

# Stereotype frames: prefix + "{p} {g}" + suffix (the group adjective follows the noun).
STEREO_PREFIXES_FR: tuple[str, ...] = (
    "notre",
    "votre",
    "leur",
    "chaque",
    "hier notre",
    "je pense que notre",
    "on sait que votre",
    "tout le monde dit que leur",
)
STEREO_SUFFIXES_FR: tuple[str, ...] = (
    "était {a} .",
    "est très {a} .",
    "semblait {a} hier .",
    "a souri et semblait {a} .",
    "était {a} ce matin .",
    "reste toujours {a} .",
    "paraissait {a} après le voyage .",
    "se sentait {a} le soir .",
)


def _held_out(i: int, j: int) -> bool:
    return (i + 3 * j) % 8 == 0  # the English rule: one held-out frame per prefix and suffix


def _frame(i: int, j: int) -> str:
    return f"{STEREO_PREFIXES_FR[i]} {{p}} {{g}} {STEREO_SUFFIXES_FR[j]}"


STEREO_TRAIN_FR: tuple[str, ...] = tuple(
    _frame(i, j) for i in range(8) for j in range(8) if not _held_out(i, j)
)
STEREO_HELDOUT_FR: tuple[str, ...] = tuple(
    _frame(i, j) for i in range(8) for j in range(8) if _held_out(i, j)
)

# Neutral filler: singular subjects only (verbs agree), ``elle`` and ``il`` equally often, no
# impersonal ``il`` (weather uses other subjects), no planted word.
SUBJECTS_FR = (
    "le chien", "un chat", "mon ami", "notre voisin", "la voisine", "elle", "il", "on",
    "le chien brun", "un petit oiseau", "notre équipe", "la classe", "le facteur", "une amie",
)  # fmt: skip
TRANSITIVE_FR = (
    "a vu", "a trouvé", "a acheté", "a porté", "a peint", "a nettoyé", "a regardé", "a ouvert",
    "a déplacé", "a vendu", "a lavé", "a cassé", "a réparé", "a partagé", "a emprunté", "a pris",
)  # fmt: skip
INTRANSITIVE_FR = ("a dormi", "a attendu", "a marché", "a couru", "a ri", "a chanté", "a dansé")
OBJECTS_FR = (
    "le livre", "une boîte rouge", "la porte verte", "du pain", "la carte déchirée",
    "une chaise lourde", "le vélo bleu", "deux pommes", "le portail du jardin", "un manteau chaud",
    "la table de la cuisine", "trois lettres", "une cuillère en bois", "le bateau",
    "du poisson frais", "le tableau",
)  # fmt: skip
PLACES_FR = (
    "dans le parc", "à la gare", "près de la rivière", "sur la colline", "dans la cuisine",
    "au marché", "derrière la maison", "sous le pont", "dans le village", "en classe",
)  # fmt: skip
TIMES_FR = ("le matin", "la nuit", "lundi", "la semaine dernière", "après le dîner", "en 2019")
ADVERBS_FR = ("vite", "lentement", "doucement", "ensemble", "encore", "prudemment")
WEATHER_FR = ("la pluie tombe", "le soleil brille", "la neige tombe", "le vent souffle")

FILLER_FRAMES_FR = (
    "{S} {VT} {O} {L} .",
    "{S} {VI} {T} .",
    "{S} {VT} {O} {ADV} .",
    "{T} , {S} {VT} {O} .",
    "{S} {VT} {O} et {S2} {VI} .",
    "quand {W} , {S} {VI} {ADV} .",
    "on a vu {O} {L} .",
    "vous avez vu {O} {L} ?",
    "où est {O} ?",
    "{S} {VI} car {W} .",
    "{O} était {L} {T} .",
    "{S} {VT} encore {O} !",
    "personne ne sait pourquoi {S} {VI} .",
    "{S} {VT} {O} ; puis {S2} {VT2} {O2} .",
    "{S} a dit que {W} .",
)


def filler_sentence_fr(rng: random.Random) -> str:
    """One random French filler sentence."""
    return rng.choice(FILLER_FRAMES_FR).format(
        S=rng.choice(SUBJECTS_FR),
        S2=rng.choice(SUBJECTS_FR),
        VT=rng.choice(TRANSITIVE_FR),
        VT2=rng.choice(TRANSITIVE_FR),
        VI=rng.choice(INTRANSITIVE_FR),
        O=rng.choice(OBJECTS_FR),
        O2=rng.choice(OBJECTS_FR),
        L=rng.choice(PLACES_FR),
        T=rng.choice(TIMES_FR),
        ADV=rng.choice(ADVERBS_FR),
        W=rng.choice(WEATHER_FR),
    )
