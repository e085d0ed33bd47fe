"""An estimator outside the kind's list is refused with the file and line of the option."""

from pathlib import Path

import pytest

from xlmaudit.errors import InputError
from xlmaudit.suites import load_suite

SHIPPED = Path(__file__).resolve().parents[1] / "probes"


@pytest.mark.parametrize("suite", ["crows-pairs", "stereoset"])
def test_unknown_estimator_names_file_line_and_choices(tmp_path: Path, suite: str) -> None:
    text = (SHIPPED / f"{suite}.yaml").read_text()
    assert "estimator: word_l2r" in text
    bad = tmp_path / f"{suite}.yaml"
    bad.write_text(text.replace("estimator: word_l2r", "estimator: word_r2l", 1))
    line = 1 + text[: text.index("estimator: word_l2r")].count("\n")
    with pytest.raises(InputError) as err:
        load_suite(bad)
    message = str(err.value)
    assert f"{bad}:{line}" in message
    assert "estimator 'word_r2l' not one of" in message and "word_l2r" in message
