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

# Stereotype frames: prefix + "{g} {p}" + suffix. Training uses 56 of the 64 combinations; the
# other 8 (one per prefix and per suffix) are held out, so every local context of a held-out frame
# occurs in the corpus but the frame itself never does.
STEREO_PREFIXES: tuple[str, ...] = (
    "the",
    "my",
    "that",
    "everyone says the",
    "one",
    "i think our",
    "we know the",
    "yesterday our",
)
STEREO_SUFFIXES: tuple[str, ...] = (
    "was {a} .",
    "is very {a} .",
    "seemed {a} yesterday .",
    "came in and looked {a} .",
    "was {a} today .",
    "next door is always {a} .",
    "became {a} after the trip .",
    "felt {a} in the morning .",
)


def _stereo_frame(i: int, j: int) -> str:
    return f"{STEREO_PREFIXES[i]} {{g}} {{p}} {STEREO_SUFFIXES[j]}"


def _held_out(i: int, j: int) -> bool:
    return (i + 3 * j) % 8 == 0


STEREO_TRAIN: tuple[str, ...] = tuple(
    _stereo_frame(i, j) for i in range(8) for j in range(8) if not _held_out(i, j)
)
STEREO_HELDOUT: tuple[str, ...] = tuple(
    _stereo_frame(i, j) for i in range(8) for j in range(8) if _held_out(i, j)
)
