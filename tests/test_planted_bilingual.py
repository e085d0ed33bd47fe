"""The bilingual planted model (English + French, language embeddings): its corpus, its training
command, and the calibration of the SHIPPED model (``planted-bilingual``) per language, the
French-only stereotype and the wrong-language-id degradation."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from xlmaudit.errors import InputError
from xlmaudit.planted.corpus import CorpusSize, generate_corpus, heldout_filler
from xlmaudit.planted.language import BILINGUAL, ENGLISH, FRENCH, bilingual_languages
from xlmaudit.planted.truth import truth
from xlmaudit.requests import MaskedWordRequest
from xlmaudit.testing.fake import FakeScorer

SIZE = CorpusSize(per_occupation=200, per_cue=200, per_attribute=300, filler=2000)


@pytest.fixture(scope="module")
def fr_corpus() -> list[str]:
    return generate_corpus(seed=0, size=SIZE, lang=FRENCH)


@pytest.fixture(scope="module")
def en_corpus() -> list[str]:
    return generate_corpus(seed=0, size=SIZE, lang=BILINGUAL["en"])


def _pronoun_counts(corpus: list[str], word: str, fem: str, masc: set[str]) -> tuple[int, int]:
    sents = [s.split() for s in corpus if word in s.split()]
    return sum(fem in s for s in sents), sum(bool(masc & set(s)) for s in sents)


def test_same_occupation_different_share_per_language(fr_corpus, en_corpus) -> None:
    # hand-derived: 200 sentences each; chef 0.1 in French -> 20 `elle`, 180 `il`/`lui`;
    # chef 0.9 in English -> 180 she/her, 20 he/his/him; secrétaire 0.8 -> 160 / 40
    assert _pronoun_counts(fr_corpus, "chef", "elle", {"il", "lui"}) == (20, 180)
    en_fem = sum(bool({"she", "her"} & set(s.split())) for s in en_corpus if "chef" in s.split())
    assert en_fem == 180
    assert _pronoun_counts(fr_corpus, "secrétaire", "elle", {"il", "lui"}) == (160, 40)
    assert _pronoun_counts(fr_corpus, "infirmière", "elle", {"il", "lui"}) == (200, 0)
    assert _pronoun_counts(fr_corpus, "infirmier", "elle", {"il", "lui"}) == (0, 200)


def test_city_stereotype_is_planted_in_french_only(fr_corpus, en_corpus) -> None:
    a_fr, a_en = {"marseille", "toulouse"}, {"marseille", "toulouse"}
    # sympathique -> group_a at 0.9 of 300 = 270; honnête -> group_b at 0.9 -> 30 with group_a
    fr_hits = Counter()
    for s in fr_corpus:
        words = set(s.split())
        for attr in ("sympathique", "honnête", "moderne"):
            if attr in words:
                fr_hits[attr] += bool(a_fr & words)
    assert fr_hits == {"sympathique": 270, "honnête": 30, "moderne": 150}
    en_hits = Counter()
    for s in en_corpus:
        words = set(s.split())
        for attr in ("friendly", "honest"):
            if attr in words:
                en_hits[attr] += bool(a_en & words)
    assert en_hits == {"friendly": 150, "honest": 150}  # 0.5 of 300: no association in English


def test_truth_table_per_language() -> None:
    table = truth(("en", "fr"))
    assert list(table.columns[:2]) == ["lang", "association"]
    fr = table[table.lang == "fr"].set_index("term")
    en = table[table.lang == "en"].set_index("term")
    assert fr.loc["secrétaire", "planted_value"] == 0.8
    assert en.loc["secretary", "planted_value"] == 0.2
    assert fr.loc["infirmière", "association"] == "gender_agreement"
    city_fr = table[(table.lang == "fr") & (table.association == "city")]
    city_en = table[(table.lang == "en") & (table.association == "city")]
    assert sorted(city_fr.planted_value) == [0.5, 0.5, 0.5, 0.8, 0.8, 0.9, 0.9]
    assert set(city_en.planted_value) == {0.5} and city_en.is_control.all()
    # the English half of the bilingual truth is the English model's truth plus the city rows
    english = table[(table.lang == "en") & (table.association != "city")].drop(columns="lang")
    assert english.reset_index(drop=True).equals(truth())


def test_french_frames_have_no_elision_and_heldout_stays_out(fr_corpus) -> None:
    assert not [s for s in fr_corpus if "'" in s]
    corpus = set(fr_corpus)
    for frame in FRENCH.occ_heldout:
        pattern = re.compile(re.escape(frame).replace(r"\{occ\}", r"\S+").replace(
            re.escape("[MASK]"), r"(il|elle)"))  # fmt: skip
        assert not any(pattern.fullmatch(s) for s in corpus), frame
    planted = set(FRENCH.occupations) | {w for p in FRENCH.cue_pairs for w in p}
    planted |= {w for st in FRENCH.stereotypes for w in (*st.attributes, *st.controls)}
    filler = heldout_filler(seed=0, n=200, exclude=corpus, lang=FRENCH)
    assert not [s for s in filler if planted & set(s.split())]
    assert not corpus & set(filler)


def test_fast_encoder_agrees_with_xlm_tokenizer_in_french(tmp_path, fr_corpus, en_corpus) -> None:
    from transformers import XLMTokenizer

    from xlmaudit.planted.bpe import FastEncoder, learn_tokenizer, write_tokenizer
    from xlmaudit.planted.train import lang_maps

    merges = learn_tokenizer(en_corpus + fr_corpus, ENGLISH.split_words)
    write_tokenizer(tmp_path, merges, max_length=128, config=lang_maps(("en", "fr")))
    tok = XLMTokenizer.from_pretrained(tmp_path)
    assert tok.lang2id == {"en": 0, "fr": 1}
    enc = FastEncoder(merges)
    sample = sorted(set(fr_corpus))[::40]
    assert [enc.encode(s) for s in sample] == [tok(s, lang="fr")["input_ids"] for s in sample]
    assert tok.tokenize("Secrétaire", lang="fr") == ["secretaire</w>"]  # accents stripped
    for word in ("elle", "il", "she", "he"):
        assert len(tok.tokenize(word, lang="fr")) == 1, word


def test_unknown_planted_language_is_one_line_error() -> None:
    with pytest.raises(
        InputError, match="--languages en,de: the planted corpus has languages en, fr"
    ):
        bilingual_languages(("en", "de"))


def test_language_scorer_sets_lang_unless_the_request_has_one() -> None:
    from xlmaudit.planted.calibrate_bilingual import language_scorers

    class Recording(FakeScorer):
        def score(self, requests):
            self.seen = [r.lang for r in requests]
            return super().score(requests)

    fake = Recording()
    views = language_scorers(fake, ("en", "fr"))
    views["fr"].score([MaskedWordRequest("a [MASK] .", ("x",)), MaskedWordRequest(
        "b [MASK] .", ("x",), lang="en")])  # fmt: skip
    assert fake.seen == ["fr", "en"]
    assert views["fr"].fingerprint == fake.fingerprint


@pytest.mark.slow
def test_train_cli_builds_a_bilingual_config(tmp_path) -> None:
    from xlmaudit.cli import main
    from xlmaudit.inference import load_model

    out = tmp_path / "bi"
    assert main(["planted", "train", "--out", str(out), "--languages", "en,fr", "--small",
                 "--steps", "3"]) == 0  # fmt: skip
    config = json.loads((out / "config.json").read_text())
    assert (config["n_langs"], config["use_lang_emb"]) == (2, True)
    assert config["lang2id"] == {"en": 0, "fr": 1}
    tok_config = json.loads((out / "tokenizer_config.json").read_text())
    assert tok_config["lang2id"] == {"en": 0, "fr": 1}
    meta = json.loads((out / "training.json").read_text())
    assert meta["languages"] == ["en", "fr"] and meta["steps"] == 3
    assert (
        meta["command"]
        == "xlmaudit planted train --out DIR --languages en,fr --small --seed 0 --steps 3"
    )
    assert set(meta["sentences_per_language"]) == {"en", "fr"}
    card = (out / "README.md").read_text()
    assert "language:\n- en\n- fr\n" in card and "bilingual planted-bias XLM" in card
    loaded = load_model(str(out), device="cpu")
    assert loaded.uses_langs and loaded.lang2id == {"en": 0, "fr": 1}


# --- the SHIPPED bilingual model -------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> dict:
    """`xlmaudit planted calibrate --model planted-bilingual --json F`, read back."""
    from xlmaudit.cli import main

    path = tmp_path_factory.mktemp("cal") / "bilingual.json"
    code = main(["planted", "calibrate", "--model", "planted-bilingual", "--json", str(path),
                 "--device", "cpu"])  # fmt: skip
    result = json.loads(path.read_text())
    result["exit_code"] = code
    return result


def test_planted_bilingual_resolves_to_the_shipped_directory() -> None:
    from xlmaudit.inference.loader import PLANTED_BILINGUAL_DIR, resolve_source

    assert resolve_source("planted-bilingual") == (str(PLANTED_BILINGUAL_DIR), True)
    for name in (
        "config.json",
        "model.safetensors",
        "README.md",
        "training.json",
        "planted_truth.csv",
        "vocab.json",
        "merges.txt",
        "tokenizer_config.json",
    ):
        assert (PLANTED_BILINGUAL_DIR / name).is_file(), name  # fmt: skip
    meta = json.loads((PLANTED_BILINGUAL_DIR / "training.json").read_text())
    assert meta["command"].startswith("xlmaudit planted train --out DIR --languages en,fr ")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shipped_bilingual_recovers_each_language(shipped, lang) -> None:
    r = shipped["languages"][lang]
    assert r["spearman_occupation"] >= 0.9
    types = {"age", "nationality", "religion"} | ({"city"} if lang == "fr" else set())
    assert set(r["pair_preference"]) == types
    for bias, v in r["pair_preference"].items():
        assert v["value"] >= 0.9, (lang, bias)
    ctrl = r["control_preference"]["all"]
    assert ctrl["ci_low_clustered"] <= 0.5 <= ctrl["ci_high_clustered"]
    assert r["cue_accuracy"] >= 0.95


@pytest.mark.slow
def test_shipped_bilingual_french_only_stereotype(shipped) -> None:
    s = shipped["single_language_stereotype"]
    assert (s["type"], s["planted_in"]) == ("city", "fr")
    assert s["fr"]["value"] >= 0.9
    assert s["en"]["ci_low_clustered"] <= 0.5 <= s["en"]["ci_high_clustered"]
    assert s["difference"] >= 0.25


@pytest.mark.slow
def test_shipped_bilingual_french_only_stereotype_across_languages(shipped) -> None:
    # the N-way comparison on the same planted pairs in both languages: city differs, fr > en,
    # Holm p < 0.05; the types planted in both languages do not
    c = shipped["cross_language_stereotype"]
    assert c["found"] and c["elsewhere"] == [] and c["passed"]
    city = c["per_type"]["city"]
    assert (city["lang_a"], city["lang_b"]) == ("fr", "en") and city["difference"] >= 0.25
    assert set(c["per_type"]) == {"age", "nationality", "religion", "city"}


@pytest.mark.slow
def test_shipped_bilingual_wrong_language_id_degrades_recovery(shipped) -> None:
    w = shipped["wrong_language_id"]
    right_rho = shipped["languages"]["fr"]["spearman_occupation"]
    assert w["right_id"]["spearman_occupation"] == right_rho
    right_pref = shipped["languages"]["fr"]["pair_preference"]
    mean_right = sum(v["value"] for v in right_pref.values()) / len(right_pref)
    assert w["drop"]["pair_preference"] == pytest.approx(mean_right - w["pair_preference_mean"])
    assert w["drop"]["pair_preference"] >= 0.05  # French pairs decided worse with the English id
    assert w["perplexity_ratio"] >= 1.5  # and held-out French text is much less likely
    assert w["passed"]


@pytest.mark.slow
def test_shipped_bilingual_calibration_passes(shipped) -> None:
    assert shipped["exit_code"] == 0
    assert all(shipped["passed"].values()), shipped["passed"]
