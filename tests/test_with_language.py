"""One language view of a scorer (``requests.WithLanguage``), shared by the suite runner and the
bilingual calibration (issue 22 point 6: one wrapper instead of two near-copies)."""

from __future__ import annotations

from pathlib import Path

from xlmaudit.planted import calibrate_bilingual
from xlmaudit.probes import get_kind
from xlmaudit.requests import PLLRequest, WithLanguage
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite
from xlmaudit.testing.fake import FakeScorer

SUITE = """\
name: s
language: fr
version: "1"
card: {summary: s, measures: m, limits: l, references: [r], calibration: c}
probes:
  - id: a
    kind: target_preference
    templates: ["the nurse said [MASK] was late."]
    groups: {female: [she], male: [he]}
"""


class LangScorer(FakeScorer):
    """Records the language of every tokenize call."""

    def __init__(self) -> None:
        super().__init__()
        self.tokenized: list[str | None] = []

    def tokenize(self, text, lang=None):
        self.tokenized.append(lang)
        return super().tokenize(text, lang)


def test_view_sets_lang_on_tokenize_and_on_requests_without_one() -> None:
    fake = LangScorer()
    view = WithLanguage(fake, "fr")
    view.tokenize("a b")
    view.tokenize("a b", "en")
    view.score([PLLRequest("a b"), PLLRequest("c d", lang="en")])
    assert fake.tokenized[:2] == ["fr", "en"]
    assert [r.lang for r in fake.calls] == ["fr", "en"]
    assert view.fingerprint == "fake"


def test_runner_and_calibration_use_the_one_view() -> None:
    views = calibrate_bilingual.language_scorers(FakeScorer(), ("en", "fr"))
    assert {type(v) for v in views.values()} == {WithLanguage}


def test_a_kind_that_scores_while_asking_gets_the_probe_language(tmp_path: Path, monkeypatch):
    """A kind may score through the view it is handed (CrowS' ``score_pairs`` does): those
    requests are in the probe's language too, not the model default (the runner's old copy
    only bound ``tokenize``)."""
    kind = type(get_kind("target_preference"))
    real = kind.requests

    def asking(self, probe, items, scorer):
        scorer.score([PLLRequest("the nurse was late.")])
        return real(self, probe, items, scorer)

    monkeypatch.setattr(kind, "requests", asking)
    path = tmp_path / "s.yaml"
    path.write_text(SUITE, "utf-8")
    fake = LangScorer()
    run_suites([load_suite(path)], fake)
    assert {r.lang for r in fake.calls} == {"fr"}
