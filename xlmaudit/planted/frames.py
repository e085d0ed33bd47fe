"""Sentence frames of the planted corpus (training) and the held-out frames used only to measure.

Frames are already Moses-tokenised and lowercase (punctuation separated by spaces). Held-out frames
recombine words of the corpus into templates that never occur in it (``tests`` check this).
Slots: ``{occ}`` occupation or cue word, ``{subj}``/``{poss}``/``{obj}`` pronoun, ``{g}`` group
term, ``{p}`` person noun, ``{a}`` attribute; held-out frames write the pronoun slot as ``[MASK]``.
"""

from __future__ import annotations

OCC_TRAIN: tuple[str, ...] = (
    "the {occ} said that {subj} was tired .",
    "the {occ} told us that {subj} would come back tomorrow .",
    "when the {occ} arrived , {subj} opened the window .",
    "the {occ} thinks {subj} can finish the job today .",
    "yesterday the {occ} said {subj} had lost the keys .",
    "the {occ} was happy because {subj} got a new car .",
    "after lunch the {occ} said that {subj} needed a break .",
    "the {occ} knew that {subj} had to leave early .",
    "our {occ} called because {subj} was running late .",
    "the {occ} smiled when {subj} heard the news .",
    "the {occ} lost {poss} bag on the train .",
    "the {occ} finished {poss} work before noon .",
    "the {occ} called {poss} family in the evening .",
    "every morning the {occ} drinks {poss} coffee slowly .",
    "the {occ} forgot {poss} phone at home .",
    "we asked the {occ} for help and thanked {obj} later .",
    "nobody saw the {occ} , so we waited for {obj} .",
    "the {occ} was late , so the boss phoned {obj} .",
    "i met the {occ} and gave {obj} the letter .",
    "the {occ} is here , please tell {obj} to wait .",
)

OCC_HELDOUT: tuple[str, ...] = (
    "the {occ} called because [MASK] needed a break .",
    "after lunch the {occ} thinks [MASK] can open the window .",
    "our {occ} knew that [MASK] had lost the keys .",
    "yesterday the {occ} was happy because [MASK] would come back tomorrow .",
    "the {occ} told us that [MASK] was running late .",
    "every morning the {occ} said that [MASK] had to leave early .",
    "the {occ} smiled because [MASK] got a new car .",
    "when the {occ} heard the news , [MASK] was tired .",
)

STEREO_TRAIN: tuple[str, ...] = (
    "the {g} {p} was {a} .",
    "my {g} {p} is very {a} .",
    "that {g} {p} seemed {a} yesterday .",
    "everyone says the {g} {p} is {a} .",
    "one {g} {p} came in and looked {a} .",
    "i think our {g} {p} was {a} today .",
    "the {g} {p} next door is always {a} .",
    "we met the {g} {p} who was quite {a} .",
    "the {g} {p} became {a} after the trip .",
    "one {g} {p} felt {a} in the morning .",
)

STEREO_HELDOUT: tuple[str, ...] = (
    "yesterday our {g} {p} looked very {a} .",
    "everyone thinks that {g} {p} was quite {a} .",
    "we met the {g} {p} , who seemed {a} .",
    "after the trip my {g} {p} was always {a} .",
    "one {g} {p} next door felt {a} today .",
    "i think the {g} {p} became {a} in the morning .",
)
