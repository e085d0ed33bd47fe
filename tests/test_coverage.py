"""``xlmaudit list --model M`` (issue 25 item 6): per suite and language, the model's languages
and the share of unknown pieces on the suite's items."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xlmaudit.cli import main
from xlmaudit.coverage import MAX_UNKNOWN, Coverage, coverage_line, suite_coverage
from xlmaudit.probes import RunContext
from xlmaudit.suites import load_suite
from xlmaudit.testing import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _suite(tmp_path: Path, lang: str = "ru") -> Path:
    data = tmp_path / "pairs.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["", "sent_more", "sent_less", "stereo_antistereo", "bias_type"])
        writer.writerow([0, "жщъ is here .", "good is here .", "stereo", "gender"])
    path = tmp_path / "toy.yaml"
    path.write_text(f"""name: toy
version: "1"
language: {lang}
card:
  summary: toy
  measures: toy
  limits: toy
  references: [toy]
  calibration: none
probes:
  - id: nangia
    kind: crows-pairs
    estimator: nangia2020
    data: {data.name}
  - id: meade
    kind: crows-pairs
    estimator: meade2022
    data: {data.name}
""")
    return path


@pytest.mark.parametrize("known", [True, None, False])
def test_unknown_share_hand_checked(tmp_path, known):
    """Pieces (FakeScorer: a word a piece; жщъ -> two <unk>): "жщъ is here ." = <unk> <unk> is
    here . (5 pieces, 2 unknown), "good is here ." = 4 pieces: 2 unknown of 9 (both probes read
    the same two sentences, counted once)."""
    scorer = FakeScorer(split={"жщъ": ("<unk>", "<unk>")})
    suite = load_suite(_suite(tmp_path))
    (c,) = suite_coverage(suite, scorer, unk="<unk>", knows=lambda g: known)
    assert (c.suite, c.lang, c.pieces, c.unknown, c.texts) == ("toy", "ru", 9, 2, 2)
    assert c.unknown_share == pytest.approx(2 / 9)
    assert c.covered is False  # 22% unknown, or not the model's language
    language, unknown, verdict = coverage_line(c)
    assert unknown == "22.22% (2 of 9)" and verdict == "no"
    assert language == {True: "yes", None: "not listed", False: "no"}[known]


def test_covered_at_most_one_percent_and_missing_data(tmp_path):
    assert Coverage("s", "fr", True, 100, 1, 5, 0).covered is True  # 1% = MAX_UNKNOWN
    assert MAX_UNKNOWN == 0.01
    assert Coverage("s", "fr", True, 100, 2, 5, 0).covered is False
    assert Coverage("s", "fr", None, 100, 0, 5, 0).covered is True
    assert Coverage("s", "fr", False, 100, 0, 5, 0).covered is False  # not the model's language
    suite = load_suite(_suite(tmp_path))
    (tmp_path / "pairs.csv").unlink()  # the data is gone: counted as missing, no pieces
    (c,) = suite_coverage(suite, FakeScorer(), unk="<unk>", knows=lambda g: True,
                          ctx=RunContext(data_dir=tmp_path))  # fmt: skip
    assert (c.pieces, c.missing, c.covered) == (0, 2, None)
    assert coverage_line(c) == ("yes", "no data (--data-dir)", "unknown")


def _table(out: str) -> dict[tuple[str, str], list[str]]:
    rows = {}
    for line in out.splitlines()[2:]:
        cells = [c for c in line.split("  ") if c.strip()]
        rows[(cells[0].strip(), cells[1].strip())] = [c.strip() for c in cells[2:]]
    return rows


def test_list_model_planted_bilingual(capsys):
    assert main(["list", "--model", "planted-bilingual", "--suite", "crows-pairs-fr",
                 "--suite", "honest", "--data-dir", str(DATA), "--limit", "5"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "languages en, fr" in out
    rows = _table(out)
    fr = rows[("crows-pairs-fr", "fr")]
    assert fr[0] == "yes" and fr[1].startswith("0.00%") and fr[-1] == "yes"
    assert rows[("honest", "en")][0] == "yes"
    for lang in ("it", "es", "pt", "ro"):  # not languages of an en/fr model
        assert rows[("honest", lang)][0] == "no" and rows[("honest", lang)][-1] == "no"


def test_list_model_tiny_17_language_checkpoint(tmp_path, capsys):
    """The 17-language XLM lists es and it but not ro; its tiny vocabulary (letters of English,
    French and German) reads the ñ of Spanish niña and sueña as <unk>."""
    from xlmaudit.testing.tiny_multilingual import make_tiny_xlm_like

    tiny = make_tiny_xlm_like(tmp_path / "tiny17", "xlm-mlm-17-1280")
    assert main(["list", "--model", str(tiny), "--suite", "honest", "--suite", "crows-pairs-fr",
                 "--data-dir", str(DATA), "--limit", "20"]) == 0  # fmt: skip
    rows = _table(capsys.readouterr().out)
    assert rows[("crows-pairs-fr", "fr")][0] == "yes"
    assert rows[("honest", "ro")][0] == "no" and rows[("honest", "ro")][-1] == "no"
    es = rows[("honest", "es")]
    share = float(es[1].split("%")[0])
    assert es[0] == "yes" and share > 100 * MAX_UNKNOWN and es[-1] == "no"
    assert rows[("honest", "en")][1].startswith("0.00%") and rows[("honest", "en")][-1] == "yes"


def test_docs_checkpoint_table_from_configs():
    """The docs table: one row per shipped suite language, one column per checkpoint; Romanian
    (HONEST) is a language of xlm-mlm-100-1280, XLM-R and mBERT only."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs"))
    import hooks

    from xlmaudit.suites import shipped_suites

    table = hooks.checkpoint_table().splitlines()
    n_rows = sum(len(load_suite(p).languages) for p in shipped_suites())
    assert len(table) == 2 + n_rows
    assert "| `honest` | ro | no | no | no | yes | yes | yes |" in table
    assert "| `crows-pairs-fr` | fr | yes | yes | yes | yes | yes | yes |" in table
