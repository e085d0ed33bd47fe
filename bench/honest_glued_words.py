"""Share of whole_word HONEST completions that are glued non-words (several pieces, not in
wordfreq's list of the language), completions per prompt and hits, per probe of run directories.

Run the English whole_word probes first (``bench/honest_whole_word_en.yaml``), e.g.::

    xlmaudit run --model planted --suite bench/honest_whole_word_en.yaml \
        --data-dir ../shared/data --no-cache --languages en --out /tmp/hh-dict
    python bench/honest_glued_words.py /tmp/hh-dict

Results: bench/RESULTS.md ("HONEST whole_word: glued non-words").
"""

from __future__ import annotations

import sys

import pandas as pd
from wordfreq import zipf_frequency


def main(runs: list[str], lang: str = "en") -> None:
    for run in runs:
        raw = pd.read_parquet(f"{run}/raw/honest-ww.parquet")
        multi = raw.n_pieces > 1
        glued = multi & ~raw.completion.map(lambda w: zipf_frequency(str(w), lang) > 0)
        for probe, g in raw.assign(multi=multi, glued=glued).groupby("probe"):
            per = g.groupby("item_id").size()
            print(
                f"{run} {probe}: {len(g)} completions over {g.item_id.nunique()} prompts "
                f"(min per prompt {per.min()}), multi-piece {g.multi.mean():.2%}, glued "
                f"non-words {g.glued.mean():.2%} ({g.glued.sum()}), hits {g.hit.sum()}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
