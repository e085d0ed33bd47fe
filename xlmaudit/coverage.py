"""Which suite languages a checkpoint covers (``xlmaudit list --model M``).

Per suite and language, two facts:

- ``language``: whether the language is one of the model's (its ``lang2id``, as
  :func:`xlmaudit.inference.languages.knows` reads it): ``yes``, ``no``, or ``not listed`` for a
  model that lists no languages (XLM-R, mBERT: their tokenizer and weights are shared by every
  language, so only the vocabulary can say);
- ``unknown_share``: the share of the unknown piece (``<unk>``, ``[UNK]``) among the pieces of
  the suite's items in that language, as the model's tokenizer reads them in that language (a
  language the model does not list: as it reads text by default). The
  items are built by the suites' own kinds (``build_items``, then ``requests``: every request's
  text and candidate words), so a new suite or kind is covered with no change here. A probe whose
  data is not found (``--data-dir``) is counted in ``missing`` and contributes no pieces; a text
  longer than the model's positions is counted up to them (``xlmaudit list`` truncates).

``covered``: the language is the model's (or it lists none) and at most :data:`MAX_UNKNOWN` of the
pieces are unknown. Why 1%: a CrowS-Pairs or StereoSet sentence has 10 to 30 pieces, so at 1% most
sentences have no unknown piece; above it, whole words of the language (a script outside the
vocabulary) read as ``<unk>``, which no estimator can score (the pair estimators drop them, the
template kinds flag the candidate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.requests import Encoding, Scorer, WithLanguage
from xlmaudit.spec import SuiteSpec

MAX_UNKNOWN = 0.01  # the largest share of unknown pieces a covered language may have


@dataclass(frozen=True)
class Coverage:
    """One suite language on one model (see the module docstring)."""

    suite: str
    lang: str
    known: bool | None  # the model lists the language (None: it lists none)
    pieces: int  # pieces of the items' texts (specials aside, unknown pieces counted)
    unknown: int  # of them, unknown pieces
    texts: int  # distinct texts read
    missing: int  # probes whose data was not found

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.pieces if self.pieces else float("nan")

    @property
    def covered(self) -> bool | None:
        """True/False; None when nothing could be read (no data) and the language is the
        model's or unlisted."""
        if self.known is False:
            return False
        if not self.pieces:
            return None
        return self.unknown_share <= MAX_UNKNOWN


def request_texts(requests: Iterable) -> list[str]:
    """The texts a list of requests reads: each one's ``text`` and candidate words."""
    out = []
    for req in requests:
        out.append(req.text)
        out.extend(getattr(req, "candidates", ()) or ())
    return out


def count_unknown(
    scorer: Scorer, texts: Iterable[str], lang: str | None, unk: str
) -> tuple[int, int]:
    """(pieces, unknown pieces) of ``texts`` as ``scorer`` tokenizes them in ``lang`` (None: the
    model's default): every non-special piece plus every ``unk`` piece (a special in the core)."""
    pieces = unknown = 0
    for text in texts:
        if not text.strip():
            continue
        enc = scorer.tokenize(text, lang)
        for piece, special in zip(enc.pieces, enc.special, strict=True):
            hit = piece == unk
            pieces += hit or not special
            unknown += hit
    return pieces, unknown


class _Default:
    """``scorer`` read in its default language (a suite language the model does not list: its
    vocabulary is still counted, read as the model reads text by default)."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer, self.fingerprint = scorer, scorer.fingerprint

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        return self.scorer.tokenize(text, None)


def suite_coverage(
    suite: SuiteSpec, scorer: Scorer, *, unk: str, knows: Callable[[str], bool | None],
    ctx: RunContext | None = None,
) -> list[Coverage]:  # fmt: skip
    """One :class:`Coverage` per language of ``suite``; ``ctx.limit`` items per probe."""
    ctx = ctx or RunContext()
    texts: dict[str, set[str]] = {}
    missing: dict[str, int] = {}
    for probe in suite.probes:
        lang = probe.language
        read_as = lang if knows(lang) is not False else None  # not the model's: its default
        texts.setdefault(lang, set())
        missing.setdefault(lang, 0)
        kind = get_kind(probe.kind, where=probe.at("kind"))
        try:
            items = list(kind.build_items(probe, ctx))
        except InputError:
            missing[lang] += 1
            continue
        if ctx.limit is not None and not kind.limits_within_items:
            items = items[: ctx.limit]
        view = WithLanguage(scorer, read_as) if read_as else _Default(scorer)
        asked = kind.requests(probe, items, view)
        lists = asked.requests if hasattr(asked, "requests") else asked
        texts[lang].update(request_texts(r for rs in lists for r in rs))
    out = []
    for lang in suite.languages:
        read_as = lang if knows(lang) is not False else None
        pieces, unknown = count_unknown(scorer, sorted(texts.get(lang, ())), read_as, unk)
        out.append(Coverage(suite.name, lang, knows(lang), pieces, unknown,
                            len(texts.get(lang, ())), missing.get(lang, 0)))  # fmt: skip
    return out


def coverage_line(c: Coverage) -> tuple[str, str, str]:
    """(language, unknown pieces, covered) in words for ``xlmaudit list --model``."""
    language = {True: "yes", False: "no", None: "not listed"}[c.known]
    if c.pieces:
        unknown = f"{100 * c.unknown_share:.2f}% ({c.unknown:,} of {c.pieces:,})"
    else:
        unknown = "no data (--data-dir)" if c.missing else "no text"
    verdict = {True: "yes", False: "no", None: "unknown"}[c.covered]
    return language, unknown, verdict
