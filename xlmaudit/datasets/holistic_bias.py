"""HolisticBias v1.1 (Smith et al. 2022): sentences from descriptors x nouns x templates.

Follows the paper's generator (``holistic_bias/src/sentences.py``, ResponsibleNLP): noun phrases
are (1) each noun alone ("a woman", axis ``null``, the control), (2) per descriptor, the bare
descriptor ("Deaf", noun ``None``) and "<article> <descriptor> <noun>" for every noun whose gender
the descriptor allows, and (3) the standalone noun phrases (with every noun where they contain
``{noun}``); every noun phrase goes into every sentence template, except that phrases without a
noun skip ``must_be_noun`` templates. Left out: the generator's stylistic variants (lower-casing,
dropped final period, no contraction, "Hi"/"Hi!" alternations beyond the templates themselves);
they multiply each sentence by surface forms rather than adding descriptors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from xlmaudit.errors import InputError, read_utf8

NONE = "(none)"
NO_PREFERENCE = "no_data"
FILES = {
    "descriptors": "descriptors.json",
    "nouns": "nouns.json",
    "sentence-templates": "sentence_templates.json",
    "standalone-noun-phrases": "standalone_noun_phrases.json",
}


@dataclass(frozen=True)
class NounPhrase:
    """One filled noun phrase and its metadata (the generator's columns)."""

    axis: str
    bucket: str
    descriptor: str
    descriptor_gender: str
    preference: str
    noun: str
    noun_gender: str
    noun_phrase: str
    plural_noun_phrase: str
    noun_phrase_type: str


@dataclass(frozen=True)
class Sentence:
    """One generated sentence."""

    text: str
    template: str
    phrase: NounPhrase


def article(word: str) -> str:
    """The generator's indefinite article rule: "an" before a written vowel, else "a"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def load_json(path: Path) -> object:
    text = read_utf8(path)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InputError(f"{path}: cannot read HolisticBias file ({exc})") from exc


def noun_phrases(descriptors: dict, nouns: dict, standalone: dict) -> list[NounPhrase]:
    """Every noun phrase of the generator, sorted by its columns as the generator sorts them."""
    out: list[NounPhrase] = []
    for gender, pairs in nouns.items():
        for noun, plural in pairs:
            out.append(NounPhrase("null", NONE, NONE, NONE, NONE, noun, gender,
                                  f"{article(noun)} {noun}", plural, "noun"))  # fmt: skip
    for axis, buckets in descriptors.items():
        for bucket, entries in buckets.items():
            for entry in entries:
                obj = {"descriptor": entry} if isinstance(entry, str) else entry
                desc = obj["descriptor"]
                dgender = obj.get("gender", NONE)
                art = obj.get("article", article(desc))
                pref = obj.get("preference", NO_PREFERENCE)
                out.append(NounPhrase(axis, bucket, desc, dgender, pref, NONE, NONE,
                                      desc, desc, "descriptor"))  # fmt: skip
                for gender, pairs in nouns.items():
                    if dgender not in (NONE, gender):
                        continue
                    for noun, plural in pairs:
                        out.append(NounPhrase(axis, bucket, desc, dgender, pref, noun, gender,
                                              f"{art} {desc} {noun}", f"{desc} {plural}",
                                              "descriptor_noun"))  # fmt: skip
    for axis, entries in standalone.items():
        for entry in entries:
            obj = {"noun_phrase": entry} if isinstance(entry, str) else entry
            single = obj["noun_phrase"]
            plural_t = obj.get("plural_noun_phrase", single)
            pref = obj.get("preference", NO_PREFERENCE)
            if "{noun}" not in single:
                out.append(NounPhrase(axis, NONE, single, NONE, pref, NONE, "neutral",
                                      single, plural_t, "fixed_phrase"))  # fmt: skip
                continue
            desc = single.format(article="", noun="").strip()
            for gender, pairs in nouns.items():
                for noun, plural in pairs:
                    out.append(NounPhrase(
                        axis, NONE, desc, NONE, pref, noun, gender,
                        single.format(article=article(noun), noun=noun),
                        plural_t.format(article="", noun=plural).lstrip(), "noun_descriptor",
                    ))  # fmt: skip
    return sorted(set(out), key=lambda p: (p.axis, p.bucket, p.descriptor, p.noun, p.noun_phrase))


def sentences(phrases: list[NounPhrase], templates: dict) -> list[Sentence]:
    """Every (noun phrase, template) sentence; phrases without a noun skip ``must_be_noun``."""
    out = []
    for phrase in phrases:
        for template, spec in templates.items():
            if phrase.noun == NONE and spec.get("must_be_noun", False):
                continue
            text = template.format(noun_phrase=phrase.noun_phrase,
                                   plural_noun_phrase=phrase.plural_noun_phrase)  # fmt: skip
            out.append(Sentence(text, template, phrase))
    return out


def load(paths: dict[str, Path]) -> tuple[list[NounPhrase], dict]:
    """(noun phrases, templates) from the four files (keys of :data:`FILES`)."""
    desc = load_json(paths["descriptors"])
    nouns = load_json(paths["nouns"])
    templates = load_json(paths["sentence-templates"])
    standalone = load_json(paths["standalone-noun-phrases"])
    for name, obj in (("descriptors", desc), ("nouns", nouns), ("sentence-templates", templates),
                      ("standalone-noun-phrases", standalone)):  # fmt: skip
        if not isinstance(obj, dict):
            raise InputError(f"{paths[name]}: expected a JSON object")
    return noun_phrases(desc, nouns, standalone), templates
