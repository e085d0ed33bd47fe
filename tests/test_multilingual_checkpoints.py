"""Multilingual checkpoints through one interface: tiny copies of four XLM hub checkpoints' language
fields (xlmaudit.testing.checkpoints), a tiny XLM-R and a tiny mBERT."""

from __future__ import annotations

import json

import pytest
import torch

from xlmaudit.testing import XLM_CHECKPOINTS, tiny_model_dir
from xlmaudit.testing.checkpoints import id2lang, lang2id

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU

CHECKPOINTS = tuple(XLM_CHECKPOINTS)
WITH_LANG_EMB = ("xlm-mlm-enfr-1024", "xlm-mlm-tlm-xnli15-1024")
NO_LANG_EMB = ("xlm-mlm-17-1280", "xlm-mlm-100-1280")


def _json(checkpoint: str, name: str) -> dict:
    return json.loads((tiny_model_dir(checkpoint) / name).read_text())


def test_recorded_fields_are_the_sources_values():
    # ids read off transformers@00e304b tokenization_xlm.py PRETRAINED_INIT_CONFIGURATION
    assert lang2id("xlm-mlm-enfr-1024") == {"en": 0, "fr": 1}
    assert id2lang("xlm-mlm-enfr-1024") == {"0": "en", "1": "fr"}
    xnli, x17, x100 = (lang2id(c) for c in CHECKPOINTS[1:])
    assert (xnli["ar"], xnli["de"], xnli["en"], xnli["fr"], xnli["zh"], len(xnli)) == (
        0, 2, 4, 6, 14, 15)  # fmt: skip
    assert (x17["de"], x17["en"], x17["fr"], x17["zh"], len(x17)) == (1, 2, 4, 16, 17)
    assert (x100["de"], x100["en"], x100["fr"], x100["simple"], x100["zh_yue"]) == (
        21, 23, 30, 76, 99)  # fmt: skip
    assert len(x100) == 100
    # the surprising ones: 17/100 languages but no language embeddings, and cased
    assert [XLM_CHECKPOINTS[c]["use_lang_emb"] for c in CHECKPOINTS] == [True, True, False, False]
    lower = [XLM_CHECKPOINTS[c]["do_lowercase_and_remove_accent"] for c in CHECKPOINTS]
    assert lower == [True, True, False, False]
    for name, spec in XLM_CHECKPOINTS.items():  # lang_id (generate's default) is English's id
        assert spec["n_langs"] == len(spec["languages"])
        assert spec["lang_id"] == lang2id(name)["en"], name


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
def test_tiny_copy_writes_the_checkpoint_fields(checkpoint):
    from transformers import XLMTokenizer

    spec = XLM_CHECKPOINTS[checkpoint]
    config, tok_config = (
        _json(checkpoint, "config.json"),
        _json(checkpoint, "tokenizer_config.json"),
    )
    assert (config["n_langs"], config["use_lang_emb"], config["lang_id"]) == (
        spec["n_langs"], spec["use_lang_emb"], spec["lang_id"])  # fmt: skip
    for fields in (config, tok_config):
        assert fields["lang2id"] == lang2id(checkpoint)
        assert fields["id2lang"] == id2lang(checkpoint)
    assert tok_config["do_lowercase_and_remove_accent"] is spec["do_lowercase_and_remove_accent"]
    tokenizer = XLMTokenizer.from_pretrained(tiny_model_dir(checkpoint))
    assert tokenizer.lang2id == lang2id(checkpoint)
    assert tokenizer.mask_token == "<special1>" and tokenizer.mask_token_id == 5


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
def test_language_embedding_table_exists_only_with_use_lang_emb(checkpoint):
    from transformers import XLMWithLMHeadModel

    model = XLMWithLMHeadModel.from_pretrained(tiny_model_dir(checkpoint)).eval()
    ids = torch.tensor([[0, 40, 41, 5, 42, 1]])
    plain = model(ids).logits
    french = model(ids, langs=torch.full_like(ids, lang2id(checkpoint)["fr"])).logits
    if checkpoint in WITH_LANG_EMB:
        assert (
            model.transformer.lang_embeddings.num_embeddings
            == XLM_CHECKPOINTS[checkpoint]["n_langs"]
        )
        assert not torch.allclose(plain, french)
    else:  # XLMModel ignores langs: a langs tensor is neither needed nor used
        assert not hasattr(model.transformer, "lang_embeddings")
        assert torch.equal(plain, french)


@pytest.mark.parametrize(
    ("checkpoint", "pieces"),
    [
        ("xlm-mlm-enfr-1024", ["l'</w>", "homme</w>", "etait</w>", "medecin</w>"]),
        ("xlm-mlm-tlm-xnli15-1024", ["l'</w>", "homme</w>", "etait</w>", "medecin</w>"]),
        ("xlm-mlm-17-1280", ["L'</w>", "homme</w>", "était</w>", "Médecin</w>"]),
        ("xlm-mlm-100-1280", ["L'</w>", "homme</w>", "était</w>", "Médecin</w>"]),
    ],
)
def test_french_moses_and_casing_per_checkpoint(checkpoint, pieces):
    """Under fr, Moses keeps the elided article whole (``l'`` + ``homme``); under en it splits
    ``l`` from ``'homme``. Lowercasing checkpoints strip accents, cased ones keep them."""
    from transformers import XLMTokenizer

    tokenizer = XLMTokenizer.from_pretrained(tiny_model_dir(checkpoint))
    text = "L'homme était Médecin"
    assert tokenizer._tokenize(text, lang="fr") == pieces
    english = tokenizer._tokenize(text, lang="en")
    assert english[:3] == [pieces[0][0] + "</w>", "'", "homme</w>"]


def test_tiny_xlmr_is_sentencepiece_without_languages():
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir("xlmr"))
    assert tokenizer.tokenize("la femme était Médecin") == [
        "\u2581la", "\u2581femme", "\u2581était", "\u2581Médecin"]  # fmt: skip
    assert (tokenizer.bos_token_id, tokenizer.pad_token_id, tokenizer.eos_token_id) == (0, 1, 2)
    assert tokenizer.mask_token_id == len(tokenizer) - 1  # <mask> is the last id, as in XLM-R
    assert "lang2id" not in _json("xlmr", "config.json")


def test_tiny_mbert_is_cased_multilingual_wordpiece():
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir("mbert"))
    # case and accents kept (mBERT-cased): whole words, then character fallback for MÜDE
    assert tokenizer.tokenize("Die Ärztin war MÜDE") == [
        "Die", "Ärztin", "war", "M", "##Ü", "##D", "##E"]  # fmt: skip
    assert "lang2id" not in _json("mbert", "config.json")


# --- scoring through xlmaudit (issue 15 point 1) --------------------------------------------

from xlmaudit.errors import InputError  # noqa: E402
from xlmaudit.inference import ModelScorer, load_model  # noqa: E402
from xlmaudit.inference.cache import CachedScorer  # noqa: E402
from xlmaudit.inference.languages import language_warnings  # noqa: E402
from xlmaudit.requests import MaskedWordRequest, PLLRequest  # noqa: E402

# same pieces under every language's Moses rules, so only the langs tensor can differ
SAME = {"fr": "la femme est [MASK] .", "de": "die frau ist [MASK] ."}
WORD = {"fr": "fatiguée", "de": "müde"}


def _pieces(checkpoint: str, lang: str) -> tuple[list[str], str]:
    """The pieces of ``SAME[lang]`` and of its candidate, written by hand."""
    lower = XLM_CHECKPOINTS[checkpoint]["do_lowercase_and_remove_accent"]
    words = SAME[lang].split()
    cand = {"fatiguée": "fatiguee", "müde": "mude"}[WORD[lang]] if lower else WORD[lang]
    return [w if w == "[MASK]" else w + "</w>" for w in words], cand + "</w>"


def _by_hand(loaded, pieces: list[str], word: str, langs: int | None) -> float:
    """log P(word) at the mask: one transformers forward, ``langs`` filled by hand (or none)."""
    tok = loaded.tokenizer
    ids = [0, *tok.convert_tokens_to_ids([p.replace("[MASK]", "<special1>") for p in pieces]), 1]
    x = torch.tensor([ids])
    extra = {} if langs is None else {"langs": torch.full_like(x, langs)}
    with torch.no_grad():
        logp = loaded.model(x, **extra).logits.log_softmax(-1)
    return float(logp[0, ids.index(5), tok.convert_tokens_to_ids(word)])


@pytest.fixture(scope="module")
def loaded_copies():
    return {c: load_model(str(tiny_model_dir(c))) for c in CHECKPOINTS}


# (checkpoint, language, the langs id read off the checkpoint's lang2id; None: no language emb.)
CASES = [
    ("xlm-mlm-enfr-1024", "fr", 1), ("xlm-mlm-tlm-xnli15-1024", "fr", 6),
    ("xlm-mlm-tlm-xnli15-1024", "de", 2), ("xlm-mlm-17-1280", "fr", None),
    ("xlm-mlm-17-1280", "de", None), ("xlm-mlm-100-1280", "fr", None),
    ("xlm-mlm-100-1280", "de", None),
]  # fmt: skip


@pytest.mark.parametrize(("checkpoint", "lang", "langs_id"), CASES)
def test_request_language_reaches_the_model_as_its_lang2id(
    loaded_copies, checkpoint, lang, langs_id
):
    loaded = loaded_copies[checkpoint]
    scorer = ModelScorer(loaded)
    pieces, word = _pieces(checkpoint, lang)
    assert list(scorer.tokenize(SAME[lang], lang).pieces[1:-1]) == [
        p.replace("[MASK]", "<special1>") for p in pieces]  # fmt: skip
    asked, english = scorer.score(
        [MaskedWordRequest(SAME[lang], (WORD[lang],), lang=g) for g in (lang, "en")]
    )
    got, got_en = asked.candidates[0].logprob, english.candidates[0].logprob
    if langs_id is not None:  # the langs tensor of lang2id[lang], and of lang2id["en"]
        assert got == pytest.approx(_by_hand(loaded, pieces, word, langs_id), abs=1e-5)
        english_id = lang2id(checkpoint)["en"]
        assert got_en == pytest.approx(_by_hand(loaded, pieces, word, english_id), abs=1e-5)
        assert abs(got - got_en) > 1e-3
    else:  # no language embeddings: no langs tensor is passed or needed; lang changes nothing
        assert XLM_CHECKPOINTS[checkpoint]["use_lang_emb"] is False
        assert got == pytest.approx(_by_hand(loaded, pieces, word, None), abs=1e-5)
        assert got == got_en


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
def test_moses_pre_tokenisation_follows_the_request_language(loaded_copies, checkpoint):
    scorer = ModelScorer(loaded_copies[checkpoint])
    article = "l'" if XLM_CHECKPOINTS[checkpoint]["do_lowercase_and_remove_accent"] else "L'"
    fr = scorer.tokenize("L'homme est [MASK].", "fr").pieces
    en = scorer.tokenize("L'homme est [MASK].", "en").pieces
    assert fr[1:4] == (article + "</w>", "homme</w>", "est</w>")  # French: l' homme
    assert en[1:4] == (article[0] + "</w>", "'", "homme</w>")  # English: l 'homme
    pll = scorer.score([PLLRequest("L'homme est fatigué.", lang=g) for g in ("fr", "en")])
    assert len(pll[0].logprobs) == len(pll[1].logprobs) - 1  # one piece fewer in French


@pytest.mark.parametrize(("checkpoint", "unknown"), [
    ("xlm-mlm-enfr-1024", "de"), ("xlm-mlm-tlm-xnli15-1024", "it"), ("xlm-mlm-17-1280", "ro"),
    ("xlm-mlm-100-1280", "qq"),
])  # fmt: skip
def test_unknown_language_names_it_and_the_checkpoint_languages(loaded_copies, checkpoint, unknown):
    scorer = ModelScorer(loaded_copies[checkpoint])
    known = ", ".join(sorted(lang2id(checkpoint)))
    with pytest.raises(InputError, match=f"has no language '{unknown}'; it has: {known}$"):
        scorer.score([PLLRequest("la femme est fatiguée.", lang=unknown)])
    with pytest.raises(InputError, match=f"has no language '{unknown}'"):
        load_model(str(tiny_model_dir(checkpoint)), language=unknown)


def test_checkpoints_without_language_embeddings_need_no_language(loaded_copies):
    """17/100 list languages but take no langs: a request without a language is scored (English
    Moses rules), while enfr/xnli15 ask for one."""
    for checkpoint in NO_LANG_EMB:
        loaded = loaded_copies[checkpoint]
        assert (loaded.uses_langs, loaded.langs_id, loaded.multilingual) == (False, None, True)
        scorer = ModelScorer(loaded)
        text = "la femme est fatiguée."
        plain, english = scorer.score([PLLRequest(text), PLLRequest(text, lang="en")])
        assert plain.logprobs.tolist() == english.logprobs.tolist()
    for checkpoint in WITH_LANG_EMB:
        with pytest.raises(InputError, match=r"is multilingual \(languages: "):
            ModelScorer(loaded_copies[checkpoint]).score([PLLRequest("la femme est fatiguée.")])


def test_multilingual_checkpoints_do_not_warn_on_french_and_monolingual_ones_do(
    loaded_copies, tmp_path
):
    for checkpoint in CHECKPOINTS:
        assert language_warnings(loaded_copies[checkpoint], ["fr", "de"]) == [], checkpoint
    xlmr = load_model(str(tiny_model_dir("xlmr")))
    assert xlmr.multilingual is True and language_warnings(xlmr, ["fr"]) == []
    from xlmaudit.testing import make_tiny_mbert

    mbert = load_model(str(make_tiny_mbert(tmp_path / "bert-base-multilingual-cased")))
    assert mbert.multilingual is True and language_warnings(mbert, ["fr"]) == []
    mono = load_model(str(tiny_model_dir("xlm")))
    (warning,) = language_warnings(mono, ["en", "fr"])
    assert "is monolingual (en); probes in fr measure text" in warning


@pytest.mark.parametrize("kind", ["xlmr", "mbert"])
def test_models_without_language_ids_accept_record_and_ignore_lang(kind, tmp_path):
    loaded = load_model(str(tiny_model_dir(kind)))
    assert (loaded.lang2id, loaded.uses_langs, loaded.langs_id) == ({}, False, None)
    scorer = CachedScorer(ModelScorer(loaded), tmp_path / "cache")
    text = "la femme est [MASK]."
    reqs = [MaskedWordRequest(text, ("fatiguée", "médecin"), lang=g) for g in ("fr", "en", None)]
    fr, en, none = scorer.score(reqs)
    assert scorer.tokenize(text, "fr").ids == scorer.tokenize(text, "en").ids
    for other in (en, none):
        assert [c.logprob for c in other.candidates] == [c.logprob for c in fr.candidates]
    assert len({r.key() for r in reqs}) == 3  # recorded: three cache entries, no hit
    assert scorer.scorer.stats["requests"] == 3 and scorer.stats["cache_hits"] == 0
    again = CachedScorer(ModelScorer(loaded), tmp_path / "cache")
    again.score(reqs[:1])
    assert again.stats["cache_hits"] == 1


def test_cache_keeps_languages_apart_for_xlm(tmp_path):
    """The cache key includes the language: French then English on one cache computes both."""
    path = str(tiny_model_dir("xlm-mlm-enfr-1024"))
    req = {
        g: MaskedWordRequest("la femme est [MASK] .", ("fatiguée",), lang=g) for g in ("fr", "en")
    }
    first = CachedScorer(ModelScorer(load_model(path)), tmp_path)
    fr = first.score([req["fr"]])[0].candidates[0].logprob
    second = CachedScorer(ModelScorer(load_model(path)), tmp_path)
    en, fr_again = (r.candidates[0].logprob for r in second.score([req["en"], req["fr"]]))
    assert second.stats["cache_hits"] == 1 and fr_again == fr and en != fr


def test_cache_key_of_a_request_without_language_is_the_model_default_language(tmp_path):
    """A request with no lang is read in the model's default language (``--language``): the
    same request under fr and en defaults must not share a cache entry."""
    path = str(tiny_model_dir("xlm-mlm-enfr-1024"))
    req = MaskedWordRequest("la femme est [MASK] .", ("fatiguée",))
    fresh = {g: ModelScorer(load_model(path, language=g)).score([req])[0] for g in ("fr", "en")}
    cached = {}
    for g in ("fr", "en"):
        scorer = CachedScorer(ModelScorer(load_model(path, language=g)), tmp_path)
        cached[g] = scorer.score([req])[0]
        assert scorer.stats["cache_hits"] == 0, g
    for g in ("fr", "en"):
        assert cached[g].candidates[0].logprob == fresh[g].candidates[0].logprob
    assert fresh["fr"].candidates[0].logprob != fresh["en"].candidates[0].logprob


@pytest.mark.parametrize(("lang", "module"), [("zh", "rjieba"), ("th", "pythainlp")])
def test_language_needing_an_extra_segmenter_is_a_one_line_error(loaded_copies, lang, module):
    """XLM segments Chinese and Thai with rjieba / pythainlp (not xlmaudit dependencies): without
    them a request is an InputError naming the language and the package, not an ImportError."""
    import importlib.util

    scorer = ModelScorer(loaded_copies["xlm-mlm-tlm-xnli15-1024"])
    if importlib.util.find_spec(module) is not None:  # installed: the segmenter is used
        assert scorer.tokenize("la femme est fatiguée.", lang).ids[0] == 0
        return
    with pytest.raises(InputError, match=f"'{lang}'.* needs the {module} package") as err:
        scorer.score([PLLRequest("la femme est fatiguée.", lang=lang)])
    assert "\n" not in str(err.value) and "la femme" in str(err.value)


TWO = """\
name: two
language: fr
version: "1"
card: {summary: s, measures: m, limits: l, references: [r], calibration: c}
probes:
  - id: fr
    kind: target_preference
    templates: ["la femme dit que [MASK] est fatiguée ."]
    groups: {female: [elle], male: [il]}
  - id: en
    kind: target_preference
    language: en
    templates: ["la femme dit que [MASK] est fatiguée ."]
    groups: {female: [elle], male: [il]}
"""


@pytest.mark.parametrize("kind", ["xlm-mlm-tlm-xnli15-1024", "xlm-mlm-17-1280", "xlmr"])
def test_a_french_suite_runs_through_the_runner_in_its_language(kind, tmp_path):
    """The same template in a French and an English probe: the raw lang column, and logprobs
    equal to the scorer's for that language (which differ only with language embeddings)."""
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite

    (tmp_path / "two.yaml").write_text(TWO, "utf-8")
    scorer = ModelScorer(load_model(str(tiny_model_dir(kind))))
    (res,) = run_suites([load_suite(tmp_path / "two.yaml")], scorer)
    raw = res.raw.set_index(["lang", "candidate"])["logprob"]
    assert raw.index.get_level_values("lang").unique().tolist() == ["fr", "en"]
    text = "la femme dit que [MASK] est fatiguée ."
    for lang in ("fr", "en"):
        (direct,) = scorer.score([MaskedWordRequest(text, ("elle", "il"), lang=lang)])
        for c in direct.candidates:  # batched with other rows: float32 rounding apart
            assert raw[lang, c.word] == pytest.approx(c.logprob, abs=1e-5)
    differs = kind == "xlm-mlm-tlm-xnli15-1024"  # the only one of the three with langs
    assert bool(abs(raw["fr", "elle"] - raw["en", "elle"]) > 1e-3) is differs
