"""Prose cannot drift: every caveat and citation line of the report and the model card comes from
the suite's own declaration (its YAML card, read here from the file, not from meta.json) or from
a fact computed from the run; a partial run says so everywhere. Runs every shipped suite at
``--limit 3``: the English and French suites on the bilingual planted model, the German,
Spanish, Dutch, Russian and ten-language S_JSD ones on a tiny random xlm-mlm-17-1280 copy (the
planted models know only en/fr; its languages that XLM pre-tokenises with a package xlmaudit does
not require, zh and th, left out), the Japanese one on a tiny XLM-R (no pre-tokenisation)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from huggingface_hub import ModelCard

from xlmaudit.cli import main
from xlmaudit.report.card import CAVEATS_INTRO
from xlmaudit.report.numbers import decimals, estimate, scale
from xlmaudit.report.render import md_escape
from xlmaudit.report.statements import NO_CAVEATS, NO_CITATIONS
from xlmaudit.spec import shipped_suites

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# suites in languages the planted models lack
OTHER = ("-de", "-es", "-nl", "-ru", "-sjsd", "rubia")
SENTENCEPIECE = ("-ja",)  # XLM's ja pre-tokenisation needs Mykytea: run on a tiny XLM-R
XLM17_LANGUAGES = "ar,de,en,es,fr,ko,nl,ru,vi"  # the suites' languages xlm-mlm-17 runs here
# the sentences statements.run_facts computes (nothing else may stand beside the caveats)
FACTS = (
    r"This is a partial run \(--limit \d+\): at most \d+ items per probe\.",
    r"Languages measured in this run: .+\.",
    r"Not measured in this run: .+\.",
    r"\d+ categories in this run \(\w+, items per category in [\w-]+\): .+\.",
    r"Under the minimum number of items the probe's kind declares, so never called a finding: .+",
    r"Modified data: .+\.",
    r".+: \d+ of \d+ rows excluded as bad rows, never scored \(listed with file:line in "
    r"meta\.json\)\.",
)


def _declared(suite: str, key: str) -> list[str]:
    path = next(p for p in shipped_suites() if p.stem == suite)
    card = yaml.safe_load(path.read_text(encoding="utf-8"))["card"]
    return [" ".join(str(c).split()) for c in card.get(key) or []]


def _bullets(text: str) -> list[str]:
    """The ``- `` lines of a Markdown block, up to its first blank line after them."""
    out, started = [], False
    for line in text.splitlines():
        if line.startswith("- "):
            out.append(line[2:])
            started = True
        elif started and not line.strip():
            break
    return out


def _sections(md: str, heading: str) -> dict[str, str]:
    """``heading`` level text per suite: the report's ``## Suite: x`` or the card's ``### x``."""
    parts = re.split(rf"^{heading} ", md, flags=re.M)[1:]
    return {p.split("\n", 1)[0].strip(): p for p in parts}


def _plain(line: str) -> str:
    """A Markdown line as text (backslash escapes and entities undone)."""
    text = re.sub(r"\\(.)", r"\1", line)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _check_fact(line: str) -> None:
    text = _plain(line)
    assert any(re.fullmatch(f, text) for f in FACTS), f"not declared nor a run fact: {text}"


def _suite_of(title: str) -> str:
    return title.removeprefix("Suite: ").split(" (")[0].replace("\\", "")


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> list[Path]:
    if not DATA.is_dir():
        pytest.fail(f"benchmark data not found at {DATA} (CI keeps ../shared beside the clone)")
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like, make_tiny_xlmr

    root = tmp_path_factory.mktemp("drift")
    names = [p.stem for p in shipped_suites()]
    common = ["--limit", "3", "--data-dir", str(DATA), "--no-cache", "--seed", "0"]
    planted = [a for s in names if not s.endswith(OTHER + SENTENCEPIECE) for a in ("--suite", s)]
    assert main(["run", "--model", "planted-bilingual", *planted, *common,
                 "--out", str(root / "planted")]) == 0  # fmt: skip
    model = make_tiny_xlm_like(root / "xlm17", "xlm-mlm-17-1280", positions=512)
    other = [a for s in names if s.endswith(OTHER) for a in ("--suite", s)]
    assert main(["run", "--model", str(model), *other, *common, "--languages", XLM17_LANGUAGES,
                 "--out", str(root / "other")]) == 0  # fmt: skip
    xlmr = make_tiny_xlmr(root / "xlmr-model")
    piece = [a for s in names if s.endswith(SENTENCEPIECE) for a in ("--suite", s)]
    assert main(["run", "--model", str(xlmr), *piece, *common, "--out", str(root / "piece")]) == 0
    return [root / "planted", root / "other", root / "piece"]


@pytest.mark.slow
def test_every_caveat_and_citation_line_is_declared_or_computed(runs):
    seen = set()
    for run in runs:
        md = (run / "report.md").read_text(encoding="utf-8")
        for title, part in _sections(md, "## Suite:").items():
            suite = _suite_of(title)
            seen.add(suite)
            declared = [md_escape(c) for c in _declared(suite, "caveats")] or [NO_CAVEATS]
            caveats = part[part.index("### Caveats (declared by the suite)") :]
            assert _bullets(caveats) == declared, suite
            if "### This run" in part:
                for line in _bullets(part[part.index("### This run") :]):
                    _check_fact(line)
        refs = md[md.index("## References (declared by each suite)") :]
        for block in refs.split("\n\n")[1:]:
            if block.endswith(":") and not block.startswith("- "):
                suite = _suite_of(block[:-1])
                continue
            if block.startswith("- "):
                wanted = [md_escape(c) for c in _declared(suite, "references")] or [NO_CITATIONS]
                assert _bullets(block) == wanted, suite
        card = (run / "model_card.md").read_text(encoding="utf-8")
        body = card[card.index("## Bias, Risks") : card.index("## Evaluation")]
        for title, part in _sections(body, "###").items():
            if CAVEATS_INTRO not in part:
                continue  # across languages, calibration
            suite = title.replace("\\", "")
            declared = [md_escape(c) for c in _declared(suite, "caveats")] or [NO_CAVEATS]
            lines = _bullets(part[part.index(CAVEATS_INTRO) :])
            assert lines[: len(declared)] == declared, suite  # the declared caveats, in order
            for line in lines[len(declared) :]:  # then only computed facts of the run
                _check_fact(line)
        cites = _bullets(card[card.index("### Citations (declared by the suites)") :])
        suites = list(_sections(md, "## Suite:"))
        every = {md_escape(c) for s in suites for c in _declared(_suite_of(s), "references")}
        assert cites and set(cites) <= every
    assert seen == {p.stem for p in shipped_suites()}  # every shipped suite was checked


@pytest.mark.slow
def test_a_partial_run_says_so_in_title_card_and_every_model_index_entry(runs):
    run = runs[0]
    md = (run / "report.md").read_text(encoding="utf-8")
    assert md.splitlines()[0] == "# Bias audit report: planted-bilingual (partial run (--limit 3))"
    findings = md[md.index("## Findings") :].split("\n\n")[1]
    assert findings.startswith("> **Warning:** This is a partial run (--limit 3)")
    card = (run / "model_card.md").read_text(encoding="utf-8")
    body = card[card.index("## Bias, Risks") :].splitlines()
    assert "partial run (--limit 3)" in body[2]  # the card's first line after its heading
    results = ModelCard(card).data.eval_results
    assert results and all(r.metric_args["limit"] == 3 for r in results)
    assert all("(partial run (--limit 3))" in r.dataset_name for r in results)
    # no finding rests on fewer items than the kind declares: 3 CrowS pairs are never one
    sections = _sections(card[card.index("## Bias, Risks") :], "###")
    crows = [part for title, part in sections.items() if title.startswith("crows")]
    assert len(crows) == 3 and not any("Categories that are findings" in p for p in crows)


NUM = r"-?\d+(?:\.\d+)?"
TRIPLE = re.compile(rf"({NUM})%?(?: [A-Za-z]+){{0,2}} \\?\[({NUM}), ({NUM})\\?\]")


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _close(printed: str, true: float) -> bool:
    """``printed`` is ``true`` rounded to the decimals it shows."""
    return abs(float(printed) - true) <= 0.5 * 10 ** -_places(printed) + 1e-9


INTERVAL = ("ci_low", "ci_high")
ADJUSTED = ("ci_low_adjusted", "ci_high_adjusted")  # the decision rule's interval (issue 24)


def _round_trips(text: str, r, interval: tuple[str, str] = INTERVAL) -> int:
    """Check each ``x [a, b]`` of ``text`` against the findings row ``r``: the value and its
    ``interval`` (the 95% one, or the multiplicity-adjusted one), or the distance from the no-bias
    value and its (flipped) interval; one precision."""
    k = scale(str(r["unit"] or ""))
    v, lo, hi = (float(r[c]) * k for c in ("value", *interval))
    ref = float(r["reference"]) * k if r["reference"] is not None else 0.0
    found = 0
    for m in TRIPLE.finditer(text):
        a, b, c = m.groups()
        assert _places(a) == _places(b) == _places(c) == decimals(v, lo, hi), (text, r["probe"])
        as_value = _close(a, v) and _close(b, lo) and _close(c, hi)
        d_lo, d_hi = (lo - ref, hi - ref) if v >= ref else (ref - hi, ref - lo)
        as_distance = _close(a, abs(v - ref)) and _close(b, d_lo) and _close(c, d_hi)
        assert as_value or as_distance, (text, v, lo, hi, ref)
        found += 1
    return found


@pytest.mark.slow
def test_every_sentence_number_round_trips_to_its_summary_row(runs):
    from xlmaudit.report.findings import findings
    from xlmaudit.report.load import load_run

    root = Path(__file__).resolve().parents[1] / "reports"
    checked = set()
    for run_dir in [*runs, root / "planted", root / "planted-bilingual"]:
        table = findings(load_run(run_dir))
        for _, r in table.iterrows():
            finite = all(isinstance(r[c], float) and r[c] == r[c]
                         for c in ("value", "ci_low", "ci_high"))  # fmt: skip
            if not finite or r["ci_low"] == r["ci_high"]:
                continue
            shown = estimate(r["value"], r["ci_low"], r["ci_high"], str(r["unit"] or ""))
            assert _round_trips(shown, r) == 1
            if r["direction"]:
                assert _round_trips(str(r["direction"]), r) >= 1, r["direction"]
            checked.add((r["suite"], r["metric"]))
    kinds = {p.stem for p in shipped_suites()}
    # gest: the first 3 rows hold one sample per stereotype, so g_s has no interval at --limit 3
    assert {s for s, _ in checked} >= kinds - {"holistic-bias", "bec-pro-en", "bec-pro-de", "gest"}


@pytest.mark.slow
def test_every_summary_number_round_trips_to_its_findings_row(runs):
    """The summary's sentences (issue 24): each ``x [a, b]`` they print is the estimate of the
    findings row the sentence cites, in order, with the decision rule's (adjusted) interval."""
    from xlmaudit.report.findings import findings
    from xlmaudit.report.load import load_run
    from xlmaudit.report.summary_text import run_summaries

    root = Path(__file__).resolve().parents[1] / "reports"
    quoted = 0
    for run_dir in [*runs, root / "planted", root / "planted-bilingual"]:
        run = load_run(run_dir)
        table = findings(run)
        for summary in run_summaries(run, table):
            for sentence in summary.sentences:
                triples = list(TRIPLE.finditer(sentence.text))
                assert len(triples) == len(sentence.rows), sentence.text
                for m, idx in zip(triples, sentence.rows, strict=True):
                    row = table.loc[idx]
                    assert _round_trips(m.group(0), row, ADJUSTED) == 1, sentence.text
                    quoted += 1
    assert quoted > 10
