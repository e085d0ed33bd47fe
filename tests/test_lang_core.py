"""Issue 15 point 1: language as a field, from the suite file to the model's ``langs`` tensor."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
import torch

from xlmaudit.commands._languages import parse_languages, select_languages
from xlmaudit.errors import InputError
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.languages import language_warnings
from xlmaudit.requests import MaskedWordRequest, PLLRequest
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, only_languages
from xlmaudit.testing import tiny_model_dir
from xlmaudit.testing.fake import FakeScorer

CARD = 'version: "1"\ncard: {summary: s, measures: m, limits: l, references: [r], calibration: c}\n'
PROBE = """\
  - id: {pid}
    kind: target_preference
    templates: ["the nurse said [MASK] was late."]
    groups: {{female: [she], male: [he]}}
"""


def suite(tmp_path: Path, name: str, *, language: str | None, probes: dict[str, str | None]):
    """A suite file with one template probe per entry of ``probes`` (id -> its language)."""
    head = f"name: {name}\n" + (f"language: {language}\n" if language else "") + CARD
    body = ""
    for pid, lang in probes.items():
        body += PROBE.format(pid=pid) + (f"    language: {lang}\n" if lang else "")
    path = tmp_path / f"{name}.yaml"
    path.write_text(head + "probes:\n" + body, "utf-8")
    return path


class LangScorer(FakeScorer):
    """FakeScorer that records the language of every tokenize call."""

    def __init__(self) -> None:
        super().__init__()
        self.tokenized: list[str | None] = []

    def tokenize(self, text, lang=None):
        self.tokenized.append(lang)
        return super().tokenize(text, lang)


def test_request_key_includes_lang_and_keeps_old_keys_without_one():
    req = PLLRequest("she was late.")
    old = json.dumps({"kind": "pll", "text": "she was late.", "estimator": "original",
                      "positions": None}, sort_keys=True)  # fmt: skip
    assert req.key() == hashlib.sha256(old.encode()).hexdigest()  # caches made before languages
    keys = {PLLRequest("she was late.", lang=g).key() for g in (None, "en", "fr")}
    assert len(keys) == 3


def test_suite_language_default_probe_override_and_bad_code(tmp_path):
    spec = load_suite(suite(tmp_path, "s", language=None, probes={"a": None, "b": "fr"}))
    assert spec.language == "en" and [p.language for p in spec.probes] == ["en", "fr"]
    assert spec.languages == ("en", "fr")
    spec = load_suite(suite(tmp_path, "t", language="de", probes={"a": None}))
    assert spec.probes[0].language == "de"
    bad = suite(tmp_path, "u", language="French", probes={"a": None})
    with pytest.raises(InputError, match=r"u\.yaml:2: language 'French': write an ISO 639-1"):
        load_suite(bad)


def test_runner_sets_lang_on_requests_tokenize_and_frames(tmp_path):
    spec = load_suite(suite(tmp_path, "s", language="fr", probes={"a": None, "b": "en"}))
    scorer = LangScorer()
    (res,) = run_suites([spec], scorer)
    langs = {r.lang for r in scorer.calls}
    assert langs == {"fr", "en"}
    assert all(isinstance(r, MaskedWordRequest) for r in scorer.calls)
    assert list(res.raw.columns[:3]) == ["suite", "probe", "lang"]
    assert res.raw.groupby("probe")["lang"].unique().map(list).to_dict() == {
        "a": ["fr"], "b": ["en"]}  # fmt: skip
    assert set(res.summary.loc[res.summary.probe == "a", "lang"]) == {"fr"}
    cols = list(res.summary.columns)
    assert cols.index("lang") == cols.index("level") + 1
    assert res.meta["probes"]["a"]["language"] == "fr" and res.meta["languages"] == ["fr", "en"]


def test_the_same_text_in_two_languages_is_scored_twice(tmp_path):
    spec = load_suite(suite(tmp_path, "s", language="en", probes={"a": None, "b": "fr"}))
    scorer = FakeScorer()
    run_suites([spec], scorer)
    assert len(scorer.calls) == 2  # identical text and candidates, two languages


@pytest.fixture(scope="module")
def bilingual():
    return load_model(str(tiny_model_dir("xlm", n_langs=2)))


def _direct(loaded, text: str, word: str, lang_id: int) -> float:
    """log P(word) at the mask by hand: one forward with langs = lang_id everywhere."""
    tok = loaded.tokenizer
    ids = [0, *tok.convert_tokens_to_ids(text.replace("[MASK]", "<special1>").split()), 1]
    x = torch.tensor([ids])
    with torch.no_grad():
        logp = loaded.model(x, langs=torch.full_like(x, lang_id)).logits.log_softmax(-1)
    return float(logp[0, ids.index(loaded.mask_id), tok.convert_tokens_to_ids(word)])


def test_langs_tensor_of_the_request_language_reaches_the_model(bilingual):
    scorer = ModelScorer(bilingual)
    text = "the</w> nurse</w> said</w> [MASK] was</w> late</w>"
    plain = "the nurse said [MASK] was late"
    en, fr = scorer.score([MaskedWordRequest(plain, ("she",), lang=g) for g in ("en", "fr")])
    assert scorer.tokenize(plain, "fr").ids == scorer.tokenize(plain, "en").ids
    assert en.candidates[0].logprob == pytest.approx(
        _direct(bilingual, text, "she</w>", 0), abs=1e-5
    )
    assert fr.candidates[0].logprob == pytest.approx(
        _direct(bilingual, text, "she</w>", 1), abs=1e-5
    )
    assert abs(en.candidates[0].logprob - fr.candidates[0].logprob) > 1e-3
    mixed = scorer.score([PLLRequest(plain.replace("[MASK]", "he"), lang=g) for g in ("fr", "en")])
    assert not np.allclose(mixed[0].logprobs, mixed[1].logprobs)  # one batch, two languages


def test_unknown_or_missing_language_is_an_error_naming_them(bilingual):
    scorer = ModelScorer(bilingual)
    with pytest.raises(InputError, match=r"has no language 'de'; it has: en, fr"):
        scorer.score([PLLRequest("she was late", lang="de")])
    with pytest.raises(InputError, match=r"is multilingual \(languages: en, fr\)"):
        scorer.score([PLLRequest("she was late")])


def test_moses_pre_tokenisation_follows_the_language(bilingual):
    scorer = ModelScorer(bilingual)
    fr = scorer.tokenize("l'homme", "fr").pieces
    en = scorer.tokenize("l'homme", "en").pieces
    assert fr[1:3] == ("l", "'</w>")  # French Moses: l' homme
    assert en[1] == "l</w>" and en[2] != "'</w>"  # English Moses: l 'homme
    assert bilingual.tokenizer("l'homme")["input_ids"] == list(scorer.tokenize("l'homme", "en").ids)


def test_multi_language_suite_keeps_the_model_languages(tmp_path, bilingual, capsys):
    multi = load_suite(
        suite(tmp_path, "m", language="en", probes={"a": None, "b": "fr", "c": "it"})
    )
    kept, skipped = select_languages([multi], bilingual, ())
    assert [p.id for p in kept[0].probes] == ["a", "b"] and skipped == {"m": ["it"]}
    assert "note: suite m: skipping the probes in it (not languages of the model)" in (
        capsys.readouterr().err)  # fmt: skip
    kept, skipped = select_languages([multi], bilingual, ("fr",))
    assert [p.id for p in kept[0].probes] == ["b"] and skipped == {"m": ["en", "it"]}
    with pytest.raises(InputError, match=r"has no language 'it'; it has: en, fr"):
        select_languages([multi], bilingual, ("it",))
    with pytest.raises(InputError, match=r"--languages de: no probe of the suites is in 'de'"):
        select_languages([multi], bilingual, ("de",))
    italian = load_suite(suite(tmp_path, "i", language="it", probes={"a": None}))
    with pytest.raises(InputError, match=r"suite 'i' is in 'it', which model .* it has: en, fr"):
        select_languages([italian], bilingual, ())
    with pytest.raises(InputError, match=r"'EN' is not a language code"):
        parse_languages("fr,EN")


def test_monolingual_checkpoint_warns_on_other_languages(tmp_path, capsys):
    mono = load_model(str(tiny_model_dir("xlm")))
    assert mono.multilingual is False and mono.lang2id == {}
    french = load_suite(suite(tmp_path, "f", language="fr", probes={"a": None}))
    kept, _ = select_languages([french], mono, ())
    assert kept[0].probes[0].language == "fr"  # runs, with a warning
    err = capsys.readouterr().err
    assert "is monolingual (en); probes in fr measure text in a language" in err
    assert language_warnings(mono, ["en"]) == []
    bert = load_model(str(tiny_model_dir("bert")))
    assert "not known to be multilingual" in language_warnings(bert, ["de"])[0]


def test_only_languages_without_a_model_list_runs_everything(tmp_path):
    multi = load_suite(suite(tmp_path, "m", language="en", probes={"a": None, "b": "fr"}))
    kept, skipped = only_languages([multi], known=lambda g: None)
    assert kept == [multi] and skipped == {"m": []}
