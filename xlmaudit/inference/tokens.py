"""Text -> ``Encoding``: mask substitution, special tokens, word boundaries, length limits.

Word boundaries come from the tokenizer's own markers: ``</w>`` closes a word (XLM fastBPE),
``##`` continues one (WordPiece), ``▁`` / ``Ġ`` open one (sentencepiece / byte-level BPE).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from xlmaudit.errors import InputError
from xlmaudit.inference.languages import check_language, lang_id
from xlmaudit.requests import MASK, Encoding

SCHEMES = ("xlm", "wordpiece", "sentencepiece", "bytebpe", "none")


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def detect_scheme(tokenizer: Any, *, is_xlm: bool) -> str:
    """Which word-boundary marker the vocabulary uses."""
    if is_xlm:
        return "xlm"
    vocab = tokenizer.get_vocab()
    for scheme, test in (
        ("wordpiece", lambda t: t.startswith("##")),
        ("sentencepiece", lambda t: t.startswith("\u2581")),
        ("bytebpe", lambda t: t.startswith("\u0120")),
    ):
        if sum(1 for tok in vocab if test(tok)) >= min(10, len(vocab) // 20 + 1):
            return scheme
    return "none"


def word_index(pieces: list[str], special: list[bool], *, scheme: str) -> tuple[int, ...]:
    """Word number of each piece (-1 for special tokens); a special token ends a word."""
    out, word, open_word = [], -1, False
    for piece, is_special in zip(pieces, special, strict=True):
        if is_special:
            out.append(-1)
            open_word = False
            continue
        starts = not open_word
        if scheme == "wordpiece":
            starts = starts or not piece.startswith("##")
        elif scheme in ("sentencepiece", "bytebpe"):
            starts = starts or piece[:1] in ("\u2581", "\u0120")
        elif scheme == "none":
            starts = True
        word += starts
        out.append(word)
        open_word = not (scheme == "xlm" and piece.endswith("</w>"))
    return tuple(out)


def xlm_ids(tokenizer: Any, text: str, lang: str) -> list[int]:
    """XLM token ids of ``text`` (specials added) with the Moses pre-tokenisation of ``lang``.

    transformers 5's ``PythonBackend.tokenize`` drops its keyword arguments before calling
    ``XLMTokenizer._tokenize(text, lang=...)``, so ``tokenizer(text, lang="fr")`` silently
    tokenizes French with the English Moses rules (``l'homme`` -> ``l 'homme``, not
    ``l' homme``). This splits on special tokens as ``tokenize`` does and calls ``_tokenize``
    with the language itself.
    """
    specials = set(tokenizer.all_special_tokens)
    pieces: list[str] = []
    for part in tokenizer.tokens_trie.split(text):
        if part in specials:
            pieces.append(part)
        elif part.strip():
            try:  # zh, th, ja segment with rjieba, pythainlp, Mykytea
                pieces.extend(tokenizer._tokenize(part, lang=lang))
            except ImportError as exc:
                raise InputError(
                    f"text {_short(text)}: XLM's {lang!r} pre-tokenisation needs the "
                    f"{exc.name or exc} package (pip install it), which is not installed"
                ) from exc
    ids = tokenizer.convert_tokens_to_ids(pieces)
    return list(tokenizer.build_inputs_with_special_tokens(ids))


class Codec:
    """Encodes texts in one language for one loaded model (mask substitution, truncation).

    ``lang`` None is the model's default language. ``lang_id`` is the ``langs`` id rows of this
    language carry (None for models without language embeddings); an unknown language is an
    InputError when the codec is made.
    """

    def __init__(self, loaded: Any, *, truncate: bool = False, lang: str | None = None) -> None:
        self.tokenizer = loaded.tokenizer
        self.mask_id = loaded.mask_id
        self.max_positions = loaded.max_positions
        self.truncate = truncate
        self.scheme = detect_scheme(loaded.tokenizer, is_xlm=loaded.is_xlm)
        self._loaded, self._lang = loaded, lang
        check_language(loaded, lang)
        self.lang = lang or getattr(loaded, "language", None)
        self._xlm_lang = self.lang if loaded.is_xlm else None
        self.special_ids = frozenset(int(i) for i in loaded.tokenizer.all_special_ids)
        self.unk_id = loaded.tokenizer.unk_token_id
        self._seen: dict[str, tuple[int, ...]] = {}  # each distinct text is tokenized once
        self._encoded: dict[str, Encoding] = {}

    @cached_property
    def lang_id(self) -> int | None:
        """The ``langs`` id of this codec's rows (InputError: a multilingual model and no
        language, asked only when rows are scored)."""
        return lang_id(self._loaded, self._lang)

    def raw_ids(self, text: str) -> list[int]:
        """Token ids with specials, ``[MASK]`` -> the model's mask token, no length check."""
        ids = self._seen.get(text)
        if ids is None:
            sub = text.replace(MASK, self.tokenizer.mask_token)
            if self._xlm_lang:
                ids = tuple(xlm_ids(self.tokenizer, sub, self._xlm_lang))
            else:
                ids = tuple(self.tokenizer(sub, add_special_tokens=True)["input_ids"])
            self._seen[text] = ids
        return list(ids)

    def encoding(self, ids: list[int]) -> Encoding:
        pieces = self.tokenizer.convert_ids_to_tokens(ids)
        special = [bool(s) for s in self.tokenizer.get_special_tokens_mask(
            ids, already_has_special_tokens=True)]  # fmt: skip
        words = word_index(pieces, special, scheme=self.scheme)
        return Encoding(tuple(ids), tuple(pieces), words, tuple(special))

    def fit(self, ids: list[int], *, text: str, keep: int = 0, what: str = "") -> list[int]:
        """Check the length against the model's positions; cut (keeping the last special token)
        only when ``truncate`` is on and the first ``keep`` positions survive."""
        if len(ids) <= self.max_positions:
            return ids
        if not self.truncate or keep > self.max_positions - 1:
            raise InputError(
                f"text {_short(text)}{what} is {len(ids)} tokens, longer than the model's "
                f"{self.max_positions} positions"
                + (
                    ""
                    if self.truncate
                    else " (xlmaudit fill --truncate or ModelScorer(..., "
                    "truncate=True) cut it; xlmaudit run never scores a cut text: use a model "
                    "with more positions)"
                )
            )
        return ids[: self.max_positions - 1] + ids[-1:]

    def encode(self, text: str) -> Encoding:
        """Encode ``text`` (``[MASK]`` becomes the model's mask token)."""
        found = self._encoded.get(text)
        if found is None:
            if not text.strip():
                raise InputError(f"empty text {text!r}")
            found = self._encoded[text] = self.encoding(self.fit(self.raw_ids(text), text=text))
        return found

    def read_as(self, word: str, pieces: Sequence[str]) -> str | None:
        """What the model reads for ``word`` when the tokenizer's normalisation changed it
        (accents stripped, lowercased: ``shé`` -> ``she``); None when unchanged (spacing aside)
        or when pieces are unknown (flagged as such)."""
        seen = self.tokenizer.convert_tokens_to_string(list(pieces))
        unk = self.tokenizer.unk_token
        if not pieces or (unk and unk in seen) or "".join(seen.split()) == "".join(word.split()):
            return None
        return seen.strip()

    def unknown_words(self, text: str) -> list[str]:
        """Words of ``text`` (``[MASK]`` aside) that encode to unknown pieces: the model sees
        ``<unk>`` for them (emoji, a script outside the vocabulary)."""
        if self.unk_id is None:
            return []
        words = dict.fromkeys(text.replace(MASK, " ").split())
        return [w for w in words if self.unk_id in self.raw_ids(w)]

    def mask_position(self, text: str, ids: list[int] | tuple[int, ...]) -> int:
        """The single mask position of ``text`` (error naming the text otherwise)."""
        if not text.strip():
            raise InputError(f"empty text {text!r}")
        count = text.count(MASK)
        if count != 1:
            raise InputError(f"text {_short(text)} has {count} {MASK} slots; exactly one is needed")
        found = [i for i, t in enumerate(ids) if t == self.mask_id]
        if len(found) != 1:
            raise InputError(f"text {_short(text)} encodes to {len(found)} mask tokens, not one")
        return found[0]

    def candidate_span(
        self, text: str, candidate: str, ids: list[int], pos: int
    ) -> tuple[list[int], list[int], list[int]]:
        """(left, pieces, right): the filled text's ids split around ``candidate``.

        The text with the candidate in the slot is tokenized; the ids it shares with the masked
        text's start and end are the context, the rest are the candidate's pieces (so a leading
        space marker, ``Ġhe`` or ``▁he``, is part of the piece, as it is in the sentence).
        """
        if not candidate.strip():
            return ids[:pos], [], ids[pos + 1 :]
        filled = self.raw_ids(text.replace(MASK, candidate))
        p = 0
        while p < min(pos, len(filled)) and filled[p] == ids[p]:
            p += 1
        s = 0
        while s < min(len(ids) - pos - 1, len(filled) - p) and filled[-1 - s] == ids[-1 - s]:
            s += 1
        return filled[:p], filled[p : len(filled) - s], filled[len(filled) - s :]
