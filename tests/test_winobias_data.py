"""WinoBias loader on the real files (counts, known quirks, masking) and on corrupted copies."""

import shutil
from pathlib import Path

import pytest

from xlmaudit.datasets import SOURCES
from xlmaudit.datasets.fetch import verify
from xlmaudit.datasets.winobias import load_occupations, load_winobias
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "winobias"


def files(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def pairs():
    return load_winobias(files(DATA))


def row(pairs, type_, split, line):
    hit = pairs[(pairs.type == type_) & (pairs.split == split) & (pairs.line == line)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_counts_on_the_real_files(pairs):
    assert len(pairs) == 4 * 396  # 4 (type, split) files of 396 lines, paired line by line
    assert pairs.occupation.nunique() == 40
    assert pairs.stereo_gender.value_counts().to_dict() == {"male": 792, "female": 792}
    # measured on corefBias 0bce984: 62 pairs are no clean single-mask swap, 19 no clean swap
    assert int(pairs.cloze_ok.sum()) == 1522 and int(pairs.pll_ok.sum()) == 1565
    assert (pairs.cloze_ok <= pairs.pll_ok).all()
    assert (pairs.problem == "").sum() == 1522


def test_masked_text_is_the_same_for_pro_and_anti(pairs):
    ok = pairs[pairs.cloze_ok]
    for r in ok.itertuples():
        assert r.masked_text.count("[MASK]") == 1
        assert r.masked_text.replace("[MASK]", r.pro_pronoun, 1) == r.pro_text
        assert r.masked_text.replace("[MASK]", r.anti_pronoun, 1) == r.anti_text
    first = row(pairs, 1, "dev", 1)
    assert first.masked_text == (
        "The developer argued with the designer because [MASK] did not like the design."
    )
    assert (first.occupation, first.stereo_gender, first.pro_pronoun) == ("developer", "male", "he")
    # brackets placed differently ("[the housekeeper]" vs "the [housekeeper]"): same text
    assert row(pairs, 1, "dev", 162).masked_text == (
        "The mechanic fixed the housekeeper 's car and then [MASK] wrote a thankful note."
    )


def test_known_quirks_are_reported_with_file_and_line(pairs):
    misaligned = row(pairs, 2, "test", 382)  # the anti file holds a different sentence here
    assert not misaligned.pll_ok and not misaligned.cloze_ok
    assert "occupations differ ('physician' vs 'tailor')" in misaligned.problem
    assert "pro_stereotyped_type2.txt.test:382" in misaligned.problem
    second = row(pairs, 1, "dev", 27)  # "... [he] needed to cut [his] hair": his gives it away
    assert second.pll_ok and not second.cloze_ok and "masked texts differ" in second.problem
    spaced = row(pairs, 2, "dev", 176)  # "the [ physician]" vs "the [the physician]"
    assert spaced.occupation == "physician" and not spaced.pll_ok
    assert "sentences differ beyond the pronouns" in spaced.problem
    assert "the physician about" in spaced.pro_text and "  " not in spaced.pro_text


def corrupt(tmp_path: Path, name: str, edits: dict[int, str]) -> Path:
    folder = tmp_path / "wb"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("conll_format"))
    lines = (folder / name).read_text().splitlines()
    for i, text in edits.items():
        lines[i - 1] = text
    (folder / name).write_text("\n".join(lines) + "\n")
    return folder


def test_every_bad_line_is_named(tmp_path):
    name = "pro_stereotyped_type1.txt.dev"
    folder = corrupt(
        tmp_path,
        name,
        {
            3: "3 [The mechanic gave the clerk a present because [he] won the lottery.",
            5: "5 [The cook] gave the attendant a bowl because [it] was hot.",
            7: "8 [The driver] waved at the clerk because [he] was late.",
            9: "9 [The surgeon] waved at the clerk because [he] was late.",
        },
    )
    with pytest.raises(InputError) as err:
        load_winobias(files(folder))
    msg, path = str(err.value), folder / name
    assert f"{path}: 4 bad line(s); nothing loaded" in msg
    assert f"{path}:3: nested '['" in msg
    assert f"{path}:5: mention(s) ['it'] after the occupation are not gendered pronouns" in msg
    assert f"{path}:7: running number 8 on line 7" in msg
    assert f"{path}:9: first mention 'The surgeon' is not a listed occupation" in msg


def test_files_must_pair_line_by_line(tmp_path):
    folder = tmp_path / "wb"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("conll_format"))
    anti = folder / "anti_stereotyped_type2.txt.dev"
    anti.write_text("\n".join(anti.read_text().splitlines()[:-1]) + "\n")
    with pytest.raises(InputError, match=r"anti_stereotyped_type2.txt.dev: 395 lines, but .* 396"):
        load_winobias(files(folder), types=(2,), splits=("dev",))


def test_occupation_list_errors(tmp_path):
    path = tmp_path / "male_occupations.txt"
    path.write_text("driver\n\nchief\n")
    with pytest.raises(InputError, match=r"male_occupations.txt:2: empty line"):
        load_occupations(path)
    path.write_text("driver\nchief\ndriver\n")
    with pytest.raises(InputError, match=r"male_occupations.txt:3: duplicate occupation 'driver'"):
        load_occupations(path)


def test_sources_verify_the_shared_copies():
    names = [n for n in SOURCES if n.startswith("winobias-")]
    assert len(names) == 10
    for name in names:
        source = SOURCES[name]
        assert source.url.endswith(source.relpath.split("/", 1)[1])
        got = verify(DATA.parent / source.relpath, source)  # raises on any mismatch
        assert got["sha256"] == source.sha256
