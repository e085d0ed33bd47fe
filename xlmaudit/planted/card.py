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


BILINGUAL_CARD = """---
language: [en, fr]
license: apache-2.0
library_name: transformers
tags: [xlm, fill-mask, bias-calibration, synthetic, multilingual]
pipeline_tag: fill-mask
---

# bilingual planted-bias XLM, English and French (xlmaudit calibration instrument)

**This is a calibration instrument, not a language model of English or French.** It is a small
`XLMWithLMHeadModel` **with language embeddings** (`n_langs` 2, `use_lang_emb`, `lang2id`
{"en": 0, "fr": 1} in `config.json` and `tokenizer_config.json`) trained by
`xlmaudit planted train --languages en,fr` on two synthetic corpora, one English, one French,
with **different** planted associations per language. Every sentence was fed with its language's
id in the `langs` tensor. Its only purpose is to check that multilingual probes pass the language
and recover each language's own truth. Its "biases" are chosen by hand and say nothing about any
real model, language or group of people.

## What was planted

`planted_truth.csv` lists every planted term per language (columns lang, association, group,
term, planted_value, role, is_control, n_sentences, meaning):

- **English** (`lang` en): the English planted model's associations (24 occupations with feminine
  pronoun shares, gender cues, age / nationality / religion stereotypes), plus a `city` type
  (marseille, toulouse vs lyon, lille) whose attributes all occur with both groups equally (0.5);
- **French** (`lang` fr): 24 **epicene** occupations (`secrétaire`, `pilote`, ...: one form for both
  genders, after notre / votre / leur) with feminine-pronoun (`elle` / `il`) shares on the same
  grid in another order (e.g. `secrétaire` 0.8 where English `secretary` is 0.2); family cue
  words; gendered occupation forms (`infirmière` / `infirmier`, ...) as **grammatical agreement**
  cues (association `gender_agreement`); age, nationality and religion stereotypes with French
  words and other directions; and the `city` stereotype, **planted in French only** (0.8 / 0.9).

French frames avoid elision and any gender-agreeing word after the pronoun, so the pronoun at the
mask is decided by the planted share, not by grammar (except for the agreement cues, on purpose).

## How it was made

| setting | value |
|---|---|
{settings}

One tokenizer for both languages: fastBPE in the `xlm-mlm-en-2048` format, merges learned on both
corpora (lowercased and accent-stripped, as `XLMTokenizer` does).

## Reproduce

```bash
{command}
```

Training runs on one CPU thread; the same torch version on the same kind of CPU gives identical
files.

## Use

```bash
xlmaudit planted calibrate --model planted-bilingual --json calibration.json
```

Calibration (per language, the held-out frames of each): Spearman of measured vs planted
occupation shares, stereotyped-sentence preference per type, control pairs near 0.5; the French-only
`city` stereotype in French and (translated) in English; French text scored with the English id.

## Limits

Vocabulary of a few hundred words per language; sentences outside the corpus grammar get
meaningless scores. Never report its measurements as findings about any language or group.
"""


def write_card(out: Path, summary: dict[str, object]) -> None:
    """Write the model card ``out/README.md`` from the training summary (bilingual when the
    summary lists several ``languages``)."""
    from huggingface_hub import ModelCard

    settings = "\n".join(f"| {k} | {v} |" for k, v in summary.items())
    card = BILINGUAL_CARD if len(summary.get("languages", ())) > 1 else CARD  # type: ignore[arg-type]
    text = card.replace("{settings}", settings)
    for key in ("filler", "command"):
        text = text.replace("{" + key + "}", str(summary.get(key, "")))
    strength = summary.get("strength", 1.0)
    if strength != 1:
        note = (f"**Planted strength S = {strength:g}** (`--strength`): every value below "
                "was scaled toward 0.5 as 0.5 + S (p - 0.5) before the corpus was drawn (cue words "
                "unchanged); `planted_truth.csv` holds the scaled values.\n\n")  # fmt: skip
        text = text.replace("## What was planted\n\n", "## What was planted\n\n" + note, 1)
    ModelCard(text).save(out / "README.md")
