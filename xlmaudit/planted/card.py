"""The model card of the planted-bias model (``README.md`` beside its weights)."""

from __future__ import annotations

from pathlib import Path

CARD = """---
language: en
license: apache-2.0
library_name: transformers
tags: [xlm, fill-mask, bias-calibration, synthetic]
pipeline_tag: fill-mask
---

# planted-bias XLM (xlmaudit calibration instrument)

**This is a calibration instrument, not a language model of English.** It is a small
`XLMWithLMHeadModel` trained by `xlmaudit planted train` on a synthetic corpus of short English
sentences into which associations of known direction and strength were planted. Its only purpose is
to check that bias probes, benchmarks and attribution methods recover what was planted. Its
"biases" are chosen by hand and say nothing about any real model, language or group of people.

## What was planted

`planted_truth.csv` lists every planted term (columns association, group, term, planted_value,
role, is_control, n_sentences, meaning):

- **gender x occupation**: 24 occupations; `planted_value` is the exact share of feminine pronouns
  (she / her) among the pronouns in that occupation's sentences, on a grid 0.1 .. 0.9 (four neutral
  ones at 0.5), deliberately not in real-world order;
- **gender cues**: mother, sister, aunt, girl, queen always take feminine pronouns, their
  counterparts always masculine: the cue word alone decides the pronoun;
- **age, nationality, religion**: two groups each (two terms per group); each attribute word occurs
  with its stereotyped group in exactly `planted_value` of its sentences (0.8 or 0.9), control
  attributes in exactly half. The directions are arbitrary;
- **neutral filler**: about {filler} sentences of a small grammar (many frames, no planted word).

Counts are exact, not sampled. Probe templates used for calibration (`xlmaudit.planted`, held-out
frames) never occur in the corpus.

## How it was made

| setting | value |
|---|---|
{settings}

Tokenizer: fastBPE in the exact `xlm-mlm-en-2048` format (special ids 0..13, mask `<special1>` = 5,
`</w>` word-final pieces, lowercasing and accent stripping), merges learned on the corpus. Every
single ASCII letter, digit and common punctuation mark is a piece, so any lowercase ASCII word
tokenizes without `<unk>`. Some probe words split on purpose (electrician, receptionist,
hairdresser, firefighter, brazilian, buddhist) to exercise multi-piece scoring.

## Reproduce

```bash
{command}
```

regenerates the corpus, tokenizer and weights from the settings above. Training runs on one CPU
thread, so the result does not depend on the thread count; the same torch version on the same kind
of CPU gives identical files (`model.safetensors` included).

## Use

```bash
xlmaudit fill --model planted "the nurse said that [MASK] was tired ." --targets he she
xlmaudit planted calibrate --model planted --json calibration.json
```

## Limits

Vocabulary of a few hundred words; sentences outside the corpus grammar get meaningless scores.
Never report its measurements as findings about English or about any group.
"""


def write_card(out: Path, summary: dict[str, object]) -> None:
    """Write the model card ``out/README.md`` from the training summary."""
    from huggingface_hub import ModelCard

    settings = "\n".join(f"| {k} | {v} |" for k, v in summary.items())
    text = CARD.replace("{settings}", settings)
    for key in ("filler", "command"):
        text = text.replace("{" + key + "}", str(summary.get(key, "")))
    ModelCard(text).save(out / "README.md")
