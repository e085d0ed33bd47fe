"""Neutral filler: a small English grammar with many syntactic frames and no planted word.

Filler never uses an occupation, cue word, group term or attribute word, and uses ``she`` and ``he``
equally often, so it teaches the model syntax without touching any planted association.
"""

from __future__ import annotations

import random

SUBJECTS = (
    "the dog",
    "a cat",
    "my friend",
    "the children",
    "our neighbours",
    "the students",
    "she",
    "he",
    "they",
    "we",
    "i",
    "you",
    "the brown dog",
    "a small bird",
    "the visitors",
    "the team",
)
TRANSITIVE = (
    "saw",
    "found",
    "bought",
    "carried",
    "painted",
    "cleaned",
    "watched",
    "opened",
    "moved",
    "sold",
    "washed",
    "dropped",
    "picked up",
    "fixed",
    "shared",
    "borrowed",
)
INTRANSITIVE = ("slept", "waited", "walked home", "ran away", "laughed", "sang", "danced", "left")
OBJECTS = (
    "the book",
    "a red box",
    "the green door",
    "some bread",
    "the torn map",
    "a heavy chair",
    "the blue bicycle",
    "two apples",
    "the garden gate",
    "a warm coat",
    "the kitchen table",
    "three letters",
    "a wooden spoon",
    "the river boat",
    "some fresh fish",
    "the picture",
)
PLACES = (
    "in the park",
    "at the station",
    "near the river",
    "on the hill",
    "in the kitchen",
    "at the market",
    "behind the house",
    "under the bridge",
    "in the village",
    "at school",
)
TIMES = (
    "in the morning",
    "at night",
    "on monday",
    "last week",
    "after dinner",
    "in 2019",
    "at 6 pm",
)
ADVERBS = ("quickly", "slowly", "quietly", "together", "again", "carefully")
WEATHER = ("it rains", "it is cold", "the sun shines", "it snows", "the wind blows")

FRAMES = (
    "{S} {VT} {O} {L} .",
    "{S} {VI} {T} .",
    "{S} {VT} {O} {ADV} .",
    "{T} , {S} {VT} {O} .",
    "{S} {VT} {O} and {S2} {VI} .",
    "if {W} , {S} will stay {L} .",
    "when {W} , {S} {VI} {ADV} .",
    "there was {O} {L} .",
    "did you see {O} {L} ?",
    "where is {O} ?",
    "{S} {VI} because {W} .",
    "{O} was {L} {T} .",
    "{S} never {VT} {O} !",
    "nobody knows why {S} {VI} .",
    "{S} {VT} {O} ; then {S2} {VT2} {O2} .",
    '" {W} , " said {S} .',
)


def filler_sentence(rng: random.Random) -> str:
    """One random filler sentence (``she``/``he`` arise only through the balanced subject list)."""
    frame = rng.choice(FRAMES)
    return frame.format(
        S=rng.choice(SUBJECTS),
        S2=rng.choice(SUBJECTS),
        VT=rng.choice(TRANSITIVE),
        VT2=rng.choice(TRANSITIVE),
        VI=rng.choice(INTRANSITIVE),
        O=rng.choice(OBJECTS),
        O2=rng.choice(OBJECTS),
        L=rng.choice(PLACES),
        T=rng.choice(TIMES),
        ADV=rng.choice(ADVERBS),
        W=rng.choice(WEATHER),
    )
