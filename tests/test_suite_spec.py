"""Suite files: every shipped suite loads; malformed files fail with file:line in the message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from xlmaudit.errors import InputError
from xlmaudit.suites import load_suite, resolve_suite, shipped_suites
from xlmaudit.templates import article, expand, fill

HEADER = """\
name: t
version: "1"
card:
  summary: s
  measures: m
  limits: l
  references: [r]
  calibration: c
"""

GOOD_PROBE = """\
lexicons:
  occ: [nurse, engineer]
probes:
  - id: p
    kind: target_preference
    templates:
      - "the {occ} said that [MASK] was tired."
    groups:
      female: [she]
      male: [he]
"""


def write(tmp_path: Path, body: str, name: str = "suite.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_suite(path)
    return str(info.value)


@pytest.mark.parametrize("path", shipped_suites(), ids=lambda p: p.stem)
def test_every_shipped_suite_loads(path: Path) -> None:
    suite = load_suite(path)
    assert suite.name == path.stem
    assert suite.probes
    for key in ("summary", "measures", "limits", "references", "calibration"):
        assert str(suite.card[key]).strip(), key


def test_template_suites_have_five_templates_of_different_syntax() -> None:
    for path in shipped_suites():
        suite = load_suite(path)
        for probe in suite.probes:
            if probe.templates:
                texts = [t.text for t in probe.templates]
                assert len(set(texts)) >= 5, (suite.name, probe.id)


def test_occupations_lexicon_has_40_occupations_with_shares_and_planted_ones() -> None:
    lex = load_suite(resolve_suite("occupations")).lexicons["occupation"]
    assert len(lex.entries) >= 40
    assert all(0 <= e.attrs["women_share"] <= 100 for e in lex.entries)
    planted = [
        "nurse",
        "secretary",
        "receptionist",
        "hairdresser",
        "librarian",
        "teacher",
        "cashier",
        "baker",
        "writer",
        "designer",
        "accountant",
        "editor",
        "lawyer",
        "doctor",
        "manager",
        "chef",
        "scientist",
        "pilot",
        "engineer",
        "mechanic",
        "carpenter",
        "plumber",
        "firefighter",
        "electrician",
    ]
    assert set(planted) <= set(lex.terms)
    assert "Table 11" in lex.source and "aa2022/cpsaat11" in lex.source
    assert "2026-11-25" in lex.note and "economist" in lex.note
    shares = {e.term: e.attrs["women_share"] for e in lex.entries}
    # Published 2022 "Women" percents (BLS CPS Table 11), read off the table by hand.
    assert (shares["nurse"], shares["editor"], shares["electrician"]) == (87.9, 66.0, 2.2)


def test_good_suite_loads_and_expands(tmp_path: Path) -> None:
    suite = load_suite(write(tmp_path, GOOD_PROBE))
    probe = suite.probes[0]
    items = expand(probe)
    assert [i.text for i in items] == [
        "the nurse said that [MASK] was tired.",
        "the engineer said that [MASK] was tired.",
    ]
    assert len({i.id for i in items}) == 2
    # ids derive from content: a second load gives the same ids
    assert [i.id for i in expand(load_suite(suite.path).probes[0])] == [i.id for i in items]


def test_articles_and_fill() -> None:
    assert article("engineer") == "an" and article("nurse") == "a"
    assert article("university") == "a" and article("hour") == "an"
    assert fill("{a:x} and {y}", {"x": "owl"}) == "an owl and {y}"


def test_unknown_suite_key_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PROBE + "colour: red\n")
    msg = error_of(path)
    assert f"{path}:19:" in msg and "unknown key 'colour'" in msg


def test_unknown_probe_key_names_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace(
        "    kind: target_preference\n", "    kind: target_preference\n    mask: x\n"
    )
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:14:" in msg and "unknown key 'mask'" in msg


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("      male: [he]\n", "      male: [he]\n      female: [her]\n")
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:19:" in msg and "duplicate key 'female'" in msg and "line 17" in msg


def test_undefined_slot_names_template_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("the {occ} said", "the {job} said")
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:15:" in msg and "{job}" in msg and "no lexicon 'job'" in msg


def test_undefined_lexicon_file_names_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("  occ: [nurse, engineer]", "  occ: lexicons/missing.yaml")
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:10:" in msg and "missing.yaml" in msg and "not found" in msg


def test_undefined_lexicon_in_group_names_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("      male: [he]", "      male: {lexicon: pronouns}")
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:18:" in msg and "undefined lexicon 'pronouns'" in msg


@pytest.mark.parametrize(
    "text, found", [("the {occ} was tired.", 0), ("[MASK] said [MASK] was tired of {occ}.", 2)]
)
def test_template_needs_exactly_one_mask(tmp_path: Path, text: str, found: int) -> None:
    body = GOOD_PROBE.replace("the {occ} said that [MASK] was tired.", text)
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:15:" in msg and "exactly one [MASK]" in msg and f"found {found}" in msg


def test_counterfactual_template_must_not_have_a_mask(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("kind: target_preference", "kind: counterfactual_pll").replace(
        "the {occ} said that [MASK] was tired.", "{target} said the {occ} was [MASK]."
    )
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:15:" in msg and "must not contain [MASK]" in msg


def test_empty_candidate_group_names_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace("      male: [he]", "      male: []")
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:18:" in msg and "candidate group 'male' is empty" in msg


def test_wrong_type_names_line(tmp_path: Path) -> None:
    body = GOOD_PROBE.replace(
        '    templates:\n      - "the {occ} said that [MASK] was tired."\n',
        '    templates: "the {occ} said that [MASK] was tired."\n',
    )
    path = write(tmp_path, body)
    msg = error_of(path)
    assert f"{path}:14:" in msg and "templates must be a list" in msg


def test_wrong_option_type_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PROBE + "    contrast: female\n")
    msg = error_of(path)
    assert f"{path}:19:" in msg and "contrast must be list" in msg


def test_unknown_kind_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PROBE.replace("kind: target_preference", "kind: magic"))
    msg = error_of(path)
    assert f"{path}:13:" in msg and "unknown probe kind 'magic'" in msg


def test_code_tags_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PROBE.replace("[nurse, engineer]", "!!python/name:os.system"))
    msg = error_of(path)
    assert f"{path}:10:" in msg and "not allowed" in msg


def test_lexicon_file_errors_name_the_lexicon_file(tmp_path: Path) -> None:
    (tmp_path / "lex.yaml").write_text(
        "name: occ\nattributes: [share]\nentries:\n  - {term: nurse, share: 87}\n"
        "  - {term: pilot, shaer: 6}\n",
        encoding="utf-8",
    )
    path = write(tmp_path, GOOD_PROBE.replace("[nurse, engineer]", "lex.yaml"))
    msg = error_of(path)
    assert f"{tmp_path / 'lex.yaml'}:5:" in msg and "unknown key 'shaer'" in msg


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PROBE + "  - id: [unclosed\n")
    msg = error_of(path)
    assert str(path) in msg and "YAML syntax error" in msg


def test_missing_card_field(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEADER.replace("  calibration: c\n", "") + GOOD_PROBE, encoding="utf-8")
    msg = error_of(path)
    assert f"{path}:3:" in msg and "missing required key 'calibration'" in msg


def test_resolve_suite_by_name_and_path(tmp_path: Path) -> None:
    assert resolve_suite("occupations").name == "occupations.yaml"
    path = write(tmp_path, GOOD_PROBE)
    assert resolve_suite(str(path)) == path
    with pytest.raises(InputError, match="unknown suite 'nope'.*occupations"):
        resolve_suite("nope")


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ("      male: [he]\n", "      male: [he]\n    contrast: [female, other]\n", 19, "contrast"),
        ("      male: [he]\n", "      male: [he]\n    by: colour\n", 19, "attribute 'colour'"),
        ("      male: [he]", "      male: [she]", 16, "in groups 'female' and 'male'"),
        ("kind: target_preference", "kind: increased_log_prob\n    attribute: job", 14, "'job'"),
    ],
)
def test_kind_options_are_validated(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    path = write(tmp_path, GOOD_PROBE.replace(old, new))
    msg = error_of(path)
    assert f"{path}:{line}:" in msg and message in msg


@pytest.mark.parametrize(
    "text, extra, message",
    [
        ("{target} met {target} and the {occ}.", "", "exactly one {target}"),
        ("the {occ} was tired.", "", "exactly one {target}"),
        ("{target} met the {occ}.", "    estimator: fancy\n", "estimator must be one of"),
        ("{target} met the {occ}.", "    score: loud\n", "score must be one of"),
    ],
)
def test_counterfactual_options_are_validated(
    tmp_path: Path, text: str, extra: str, message: str
) -> None:
    body = GOOD_PROBE.replace("kind: target_preference", "kind: counterfactual_pll")
    body = body.replace("the {occ} said that [MASK] was tired.", text) + extra
    msg = error_of(write(tmp_path, body))
    assert message in msg and "suite.yaml:" in msg
