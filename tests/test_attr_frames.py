"""The pure attribution layer: tidy frame, word sums, top words, pair slots, HTML (no torch)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xlmaudit.attributions import Explanations, slot_contrast, to_html, token_frame
from xlmaudit.attributions.aggregate import bootstrap_interval
from xlmaudit.attributions.pairs import pair_request
from xlmaudit.errors import InputError
from xlmaudit.requests import AttributionRequest, AttributionResponse, Encoding

PIECES = ("<s>", "the</w>", "engin", "eer</w>", "said</w>", "<special1>", "left</w>", "</s>")
WORDS = (-1, 0, 1, 1, 2, -1, 3, -1)
SPECIAL = (True, False, False, False, False, True, False, True)


def response(attr, *, value=1.0, base=0.25, delta=0.0075, method="lig") -> AttributionResponse:
    enc = Encoding(tuple(range(len(PIECES))), PIECES, WORDS, SPECIAL)
    return AttributionResponse(
        encoding=enc,
        attributions=np.array(attr, dtype=float),
        method=method,
        value=value,
        target_pieces=("she</w>",),
        contrast_pieces=("he</w>",),
        baseline_value=base,
        delta=delta,
        n_steps=50,
        mask_position=5,
    )


A = [0.0, 0.1, 0.5, 0.25, -0.2, 0.0, 0.1, 0.0]


def test_token_frame_has_contract_columns_and_relative_delta():
    frame = token_frame([response(A)], item_ids=["x1"], targets=["she"], contrasts=["he"])
    assert list(frame.columns[:8]) == [
        "item_id", "token", "word", "position", "method", "target", "attribution", "delta",
    ]  # fmt: skip
    assert len(frame) == 8 and set(frame["item_id"]) == {"x1"}
    assert frame.loc[2, "word"] == "engineer" and frame.loc[5, "word"] == "[MASK]"
    assert frame.loc[5, "is_mask"] and not frame.loc[5, "special"] and frame.loc[0, "special"]
    assert frame["relative_delta"].iloc[0] == pytest.approx(0.0075 / 0.75)


def test_word_frame_sums_pieces_and_drops_specials():
    words = Explanations(token_frame([response(A)], item_ids=["x1"])).words()
    got = dict(zip(words["word"], words["attribution"], strict=True))
    expected = {"the": 0.1, "engineer": 0.75, "said": -0.2, "[MASK]": 0.0, "left": 0.1}
    assert got == pytest.approx(expected)
    assert words["word"].tolist() == ["the", "engineer", "said", "[MASK]", "left"]
    assert words["attribution"].sum() == pytest.approx(sum(A))  # completeness carries to words


def test_top_words_means_over_items_that_contain_the_word_with_sign_per_group():
    b = [0.0, 0.3, 0.1, 0.1, -0.6, 0.0, -0.1, 0.0]
    frame = token_frame(
        [response(A), response(b)], item_ids=["x1", "x2"], targets=["she"] * 2, contrasts=["he"] * 2
    )
    top = Explanations(frame).top_words(top=5, seed=1)
    she = top[top["group"] == "she"].set_index("word")
    he = top[top["group"] == "he"].set_index("word")
    # engineer: (0.75 + 0.2) / 2; the: (0.1 + 0.3) / 2; said toward he: (0.2 + 0.6) / 2
    assert she.loc["engineer", "value"] == pytest.approx(0.475)
    assert she.loc["the", "value"] == pytest.approx(0.2)
    assert she.index.tolist() == ["engineer", "the"]  # ranked; "left" has mean 0: in neither
    assert he.index.tolist() == ["said"] and he.loc["said", "value"] == pytest.approx(0.4)
    assert he.loc["said", "n"] == 2 and he.loc["said", "rank"] == 1
    assert 0.2 - 1e-12 <= he.loc["said", "ci_low"] <= 0.4 <= he.loc["said", "ci_high"] <= 0.6


def test_bootstrap_interval_edge_cases():
    assert np.isnan(bootstrap_interval(np.array([1.0]))[0])
    assert bootstrap_interval(np.array([2.0, 2.0])) == (2.0, 2.0)
    lo, hi = bootstrap_interval(np.arange(20.0), seed=0)
    assert 6.0 < lo < 9.5 < hi < 13.0  # mean 9.5, standard error 1.29


def test_html_escapes_every_text_and_colours_by_sign():
    evil = ("<s>", "<b>x</b></w>", "<special1>", "</s>")
    enc = Encoding((0, 20, 5, 1), evil, (-1, 0, -1, -1), (True, False, True, True))
    r = AttributionResponse(
        enc, np.array([0, -1.0, 0, 0]), "saliency", 0.1, ("s&p</w>",), mask_position=2
    )
    out = to_html(token_frame([r], item_ids=["<i>"], targets=["s&p"], contrasts=[None]))
    assert "<b>" not in out and "&lt;b&gt;x&lt;/b&gt;" in out and "&lt;i&gt;" in out
    assert "s&amp;p" in out and "rgba(31,119,180,1.000)" in out  # negative, the largest
    ex = Explanations.from_responses([AttributionRequest("[MASK] x", "s&p")], [r])
    assert ex._repr_html_().count("class='xa-exp'") == 1 and len(ex) == 1


def test_slot_contrast_finds_the_one_differing_slot():
    got = slot_contrast("The nurse said that she was tired.", "The nurse said that he was tired.")
    assert got == ("The nurse said that [MASK] was tired.", "she", "he")
    assert slot_contrast("the African American man", "the White man") == (
        "the [MASK] man", "African American", "White",
    )  # fmt: skip
    req = pair_request("Poor people are lazy.", "Rich people are lazy.", method="ablation")
    assert (req.text, req.target, req.contrast) == ("[MASK] people are lazy.", "Poor", "Rich")
    assert req.method == "ablation"
    with pytest.raises(InputError, match="item 7: the sentences differ in 2 slots"):
        slot_contrast("the nurse said she", "the doctor said he", item="7")
    with pytest.raises(InputError, match="differ in 0 slots"):
        slot_contrast("same", "same")
    with pytest.raises(InputError, match="only adds words"):
        slot_contrast("the old man", "the man")


def test_empty_frame_keeps_columns():
    assert isinstance(token_frame([]), pd.DataFrame) and "attribution" in token_frame([]).columns
