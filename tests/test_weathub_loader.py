"""WEATHub loader (issue 25): the known bad rows of weathub/SOURCE.md found at their file:line
(hand-checked in the files), unknown ones refused at file:line, every file pinned by sha256, and
one tiny test's WEAT effect size through the seat kind, derived by hand."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from xlmaudit.datasets.check import check_data_file
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.datasets.weathub import KNOWN_NAN, load_weathub_test, weathub_tests
from xlmaudit.datasets.weathub_files import MANIFEST_SHA256, WEATHUB_FILES
from xlmaudit.errors import InputError
from xlmaudit.probes import RunContext
from xlmaudit.probes.seat import Seat
from xlmaudit.probes.seat_weathub import weathub_item
from xlmaudit.responses import Encoding, HiddenStates
from xlmaudit.suites import load_suite, resolve_suite

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "weathub"
DATA = ROOT / "data"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/weathub not present")


def _load(key: str):
    folder, _ = key.split("/")
    lang, _, variant = folder.partition("_")
    return load_weathub_test(DATA / f"{key}.json", lang, variant or "human")


@pytest.fixture(scope="module")
def every_file() -> dict:
    if not DATA.is_dir():
        pytest.skip("../shared/data/weathub not present")
    return {key: _load(key) for key in WEATHUB_FILES}


@needs_data
def test_every_file_is_pinned_by_sha256_and_is_the_published_one():
    manifest = (ROOT / "MANIFEST.tsv").read_bytes()
    assert hashlib.sha256(manifest).hexdigest() == MANIFEST_SHA256
    assert len(WEATHUB_FILES) == 694 == len(list(DATA.glob("*/*.json")))
    for key, (sha, _, size) in WEATHUB_FILES.items():
        data = (DATA / f"{key}.json").read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha, size), key
        source = SOURCES["weathub-" + key.replace("/", "-")]
        assert source.relpath == f"weathub/data/{key}.json" and source.license.startswith("GPL")
    path = DATA / "de_human" / "weat6.json"
    assert check_data_file("weathub-de_human-weat6", path)["status"] == "published"


def test_the_nan_rows_are_dropped_at_the_lines_source_md_lists(every_file):
    found = sorted(d.where for t in every_file.values() for d in t.dropped if d.code == "nan")
    # SOURCE.md "Known problems", checked with grep -n '"nan"' data/*/*.json
    assert found == [
        "el_new/weat12.json:28", "el_new/weat12.json:29", "el_new/weat12.json:38",
        "el_new/weat12.json:39", "el_new/weat12b.json:28", "el_new/weat12b.json:29",
        "el_new/weat12b.json:38", "el_new/weat12b.json:39", "mr_gt/weat2.json:59",
        "vi_gt/weat6.json:26",
    ]  # fmt: skip
    assert {d.set for t in every_file.values() for d in t.dropped if d.code == "nan"} == {"targ2"}
    assert all("nan" not in w.examples for t in every_file.values()
               for w in t.test.sets().values())  # fmt: skip


def test_repeats_are_dropped_at_their_line_and_counted(every_file):
    dups = [d for t in every_file.values() for d in t.dropped if d.code == "duplicate"]
    # SOURCE.md: 2,342 repeated entries; 6 of them are the repeated "nan" of el_new/weat12(b)
    assert len(dups) == 2342 - 6
    assert len({d.where.split(":")[0] for d in dups}) == 530
    de = every_file["de_human/weat6"]  # lines 49 and 50: "Hochzeit" (wedding, marriage)
    assert [(d.set, d.word, d.where, d.reason) for d in de.dropped] == [
        ("attr2", "Hochzeit", "de_human/weat6.json:50", "repeats line 49 of the same set")
    ]
    assert de.test.attr2.examples.count("Hochzeit") == 1
    assert de.lines["attr2"][de.test.attr2.examples.index("Hochzeit")].endswith(":49")


def test_words_in_both_lists_are_kept_with_a_note(every_file):
    # attr1 (MaleTerms) lines 35 "সে", 37 "তার"; attr2 (FemaleTerms) lines 48 "সে", 49 "তার",
    # 50 "তার" again, 51 "মেয়ে" (line 46 again)
    bn = every_file["bn_human/weat7"]
    assert [(d.where, d.reason) for d in bn.dropped] == [
        ("bn_human/weat7.json:50", "repeats line 49 of the same set"),
        ("bn_human/weat7.json:51", "repeats line 46 of the same set"),
    ]
    assert bn.notes == (
        "bn_human/weat7.json:35: 'সে' is in both attr1 and attr2 (kept; it adds to both)",
        "bn_human/weat7.json:37: 'তার' is in both attr1 and attr2 (kept; it adds to both)",
    )
    assert {"সে", "তার"} <= set(bn.test.attr1.examples) & set(bn.test.attr2.examples)


def test_unequal_target_lists_are_kept(every_file):
    sizes = [(len(t.test.targ1.examples), len(t.test.targ2.examples))
             for t in every_file.values()]  # fmt: skip
    assert sum(a != b for a, b in sizes) == 326  # 118 files in the raw lists, more after repeats


def test_tests_per_language_and_variant():
    assert weathub_tests("en", "human") == ["weat1", "weat2", "weat6", "weat7", "weat8", "weat9"]
    assert weathub_tests("de", "new") == ["weat11", "weat12", "weat12b", "weat13", "weat13b",
                                     "weat14", "weat15"]  # fmt: skip
    assert len(weathub_tests("hi", "india")) == 11 and weathub_tests("de", "india") == []
    assert set(KNOWN_NAN) <= set(WEATHUB_FILES)


def _write(path: Path, sets: dict[str, tuple[str, list]], indent: int = 4) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    obj = {k: {"category": c, "examples": ex} for k, (c, ex) in sets.items()}
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def _sets(**over) -> dict:
    base = {"targ1": ("X", ["x1", "x2"]), "targ2": ("Y", ["y1", "y2"]),
            "attr1": ("A", ["a"]), "attr2": ("B", ["b"])}  # fmt: skip
    return {**base, **over}


@pytest.mark.parametrize(
    ("over", "message"),
    [
        (
            {"targ2": ("Y", ["y1", "nan"])},
            r"de_human/weat6.json:13: targ2 example 'nan'.*not a "
            r"known bad row",
        ),
        ({"targ2": ("Y", ["y1", ""])}, r"weat6.json:13: targ2 example '': not a trimmed"),
        ({"attr1": ("A", [" a"])}, r"weat6.json:19: attr1 example ' a': not a trimmed"),
        ({"attr2": ("B", ["b", 3])}, r"weat6.json:26: attr2 example 3: not a trimmed"),
        ({"attr2": ("", ["b"])}, r"weat6.json:22: attr2.category must be a non-empty string"),
        ({"attr2": ("B", [])}, r"weat6.json:22: attr2 has no example left"),
    ],
)
def test_an_unknown_bad_row_is_an_input_error_at_file_line(tmp_path, over, message):
    path = _write(tmp_path / "de_human" / "weat6.json", _sets(**over))
    with pytest.raises(InputError, match=message):
        load_weathub_test(path, "de", "human")


def test_a_file_not_one_example_per_line_is_refused(tmp_path):
    path = tmp_path / "de_human" / "weat6.json"
    path.parent.mkdir()
    path.write_text(json.dumps({k: {"category": c, "examples": e}
                                for k, (c, e) in _sets().items()}))  # fmt: skip
    with pytest.raises(InputError, match=r"weat6.json: set\(s\) .* not found one key per line"):
        load_weathub_test(path, "de", "human")
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"weat6.json:1: not one JSON object"):
        load_weathub_test(path, "de", "human")


class _Vectors:
    """Hand-made word encodings: every word one piece, its vector from ``table``."""

    fingerprint = "hand"

    def __init__(self, table: dict[str, tuple[float, float]]) -> None:
        self.table = table

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        known = text in self.table
        return Encoding((0, 5, 1), ("<s>", text, "</s>"), (-1, 0, -1), (True, not known, True))

    def score(self, requests):
        return [HiddenStates(self.tokenize(r.text), np.array(self.table[r.text])) for r in requests]


def test_a_tiny_test_s_weat_effect_size_by_hand(tmp_path):
    # X = {x1, x2}, Y = {y1, y2} (y1 repeated in the file: dropped), A = {a}, B = {b}; z is a
    # word the model reads as <unk> only (dropped too). a = (1, 0), b = (0, 1):
    # s(x1 = (1, 0)) = 1 - 0 = 1; s(x2 = (1, 1)) = cos 45 - cos 45 = 0; s(y1 = (0, 1)) = -1;
    # s(y2 = (2, 2)) = 0. d = (mean(1, 0) - mean(-1, 0)) / std(1, 0, -1, 0; ddof=1)
    #   = 1 / sqrt(2 / 3) = sqrt(1.5). One-sided p: of the C(4, 2) = 6 splits of {1, 0, -1, 0},
    # sum_Xi >= 1 in 2 ({1, 0} twice): p = 1/3.
    sets = _sets(targ2=("Y", ["y1", "y2", "y1"]), attr1=("A", ["a", "z"]))
    loaded = load_weathub_test(_write(tmp_path / "de_human" / "weat6.json", sets), "de", "human")
    item = weathub_item(loaded, RunContext())
    scorer = _Vectors({"x1": (1, 0), "x2": (1, 1), "y1": (0, 1), "y2": (2, 2), "a": (1, 0),
                       "b": (0, 1)})  # fmt: skip
    probe = next(p for p in load_suite(resolve_suite("weathub")).probes if p.id == "de-first")
    kind = Seat()
    asked = kind.requests(probe, [item], scorer)
    answers = [scorer.score(rs) for rs in asked.requests]
    raw = kind.raw_frame(probe, [item], answers, asked.notes)
    summary = kind.summarize(probe, raw, seed=0)
    row = summary[summary.metric == "effect_size"].iloc[0]
    assert row["value"] == pytest.approx(np.sqrt(1.5))
    assert row["p_value"] == pytest.approx(1 / 3)
    assert (row["group"], row["domain"], row["n"], row["n_excluded"]) == ("human-weat6", "human",
                                                                          4, 2)  # fmt: skip
    bad = raw[raw.excluded != ""].set_index("sentence")
    # the file (json.dumps, indent 4): lines 5-6 x1, x2; 12-14 y1, y2, y1; 20-21 a, z; 27 b
    assert bad.loc["y1", "source_line"] == "de_human/weat6.json:14"
    assert bad.loc["z", "source_line"] == "de_human/weat6.json:21"
    assert bad.loc["z", "excluded"].startswith("every piece of the word is unknown")
    scored = raw[raw.excluded == ""]
    assert list(scored.source_line.str.split(":").str[1].astype(int)) == [5, 6, 12, 13, 20, 27]
