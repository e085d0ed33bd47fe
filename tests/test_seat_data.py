"""SEAT test files: strict loader, recorded checksums, sizes as in seat/SOURCE.md."""

import json
from pathlib import Path

import pytest

from xlmaudit.datasets import file_digests
from xlmaudit.datasets.seat import DOMAINS, domain_of, load_seat_test
from xlmaudit.datasets.seat_files import SEAT_FILES
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GOOD = {
    "targ1": {"category": "X", "examples": ["a one.", "a two."]},
    "targ2": {"category": "Y", "examples": ["b one.", "b two."]},
    "attr1": {"category": "A", "examples": ["good."]},
    "attr2": {"category": "B", "examples": ["bad.", "awful."]},
}


def _write(tmp_path, obj, name="t.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj))
    return path


def test_every_shared_file_loads_and_matches_its_checksum():
    assert len(SEAT_FILES) == 50
    for test, (sha256, blob, n_bytes) in SEAT_FILES.items():
        path = DATA / SOURCES[f"seat-{test}"].relpath
        assert file_digests(path) == {"sha256": sha256, "git_blob": blob}
        assert path.stat().st_size == n_bytes
        t = load_seat_test(path)
        assert t.name == test and len(t.targ1.examples) == len(t.targ2.examples)
    # sizes from seat/SOURCE.md
    t = load_seat_test(DATA / "seat" / "sent-weat6.jsonl")
    sizes = [len(s.examples) for s in t.sets().values()]
    assert sizes == [64, 64, 101, 112]
    assert (t.targ1.category, t.attr1.category) == ("MaleNames", "Career")
    assert [len(s.examples) for s in load_seat_test(DATA / "seat/weat9.jsonl").sets().values()] == [
        6,
        6,
        7,
        7,
    ]


def test_domains_are_bias_bench_groups():
    assert {d: len(t) for d, t in DOMAINS.items()} == {"gender": 6, "race": 7, "religion": 4}
    assert domain_of("sent-weat7b") == "gender" and domain_of("weat7b") == ""
    assert all(f"{t}" in SEAT_FILES for tests in DOMAINS.values() for t in tests)


def test_good_file_loads(tmp_path):
    t = load_seat_test(_write(tmp_path, GOOD))
    assert t.name == "t" and t.attr2.examples == ("bad.", "awful.")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("attr2"), "t.jsonl: missing key 'attr2'"),
        (lambda d: d.update(extra=1), r"t.jsonl: unknown key\(s\) \['extra'\]"),
        (lambda d: d["targ2"]["examples"].pop(), "targ1 has 2 examples, targ2 1"),
        (lambda d: d["attr1"].update(examples=[]), "attr1.examples must be a non-empty list"),
        (lambda d: d["attr1"].update(examples=["ok", 3]), r"attr1.examples\[1\] must be a non"),
        (lambda d: d["targ1"].update(examples=["a", "a"]), r"targ1.examples\[1\] 'a' is a dup"),
        (lambda d: d["targ1"].pop("category"), "targ1 must have exactly 'category' and 'exa"),
        (lambda d: d["attr2"].update(category=""), "attr2.category must be a non-empty string"),
    ],
)
def test_bad_files_name_file_and_key(tmp_path, change, message):
    data = json.loads(json.dumps(GOOD))
    change(data)
    with pytest.raises(InputError, match=message):
        load_seat_test(_write(tmp_path, data))


def test_not_one_json_object(tmp_path):
    lines = json.dumps(GOOD) + "\n" + json.dumps(GOOD)  # JSON lines, not one object
    with pytest.raises(InputError, match="t.jsonl: not one JSON object"):
        load_seat_test(_write(tmp_path, lines))
    with pytest.raises(InputError, match="t.jsonl: expected one JSON object"):
        load_seat_test(_write(tmp_path, [GOOD]))
    with pytest.raises(InputError, match="missing.jsonl: cannot read"):
        load_seat_test(tmp_path / "missing.jsonl")


def test_sources_point_at_the_pinned_commits():
    src = SOURCES["seat-sent-weat6"]
    assert src.relpath == "seat/sent-weat6.jsonl" and "CC BY-NC" in src.license
    assert src.url.endswith(
        "sent-bias/e3559fb669ca4832743b42fee715994c15c7f1af/tests/sent-weat6.jsonl"
    )
    assert "McGill-NLP/bias-bench" in SOURCES["seat-sent-religion2b"].url
