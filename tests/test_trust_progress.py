"""Issue 12 item 11: with stderr redirected, long work prints a progress line every 30 s."""

import io

import torch

from xlmaudit import progress
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.progress import LineProgress
from xlmaudit.requests import PLLRequest
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)


class Clock:
    """A clock the test moves by hand (no sleeping)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_line_at_most_every_30_seconds_with_rate_and_eta():
    clock, out = Clock(), io.StringIO()
    bar = LineProgress(1000, clock=clock, stream=out)
    assert bar.interval == 30.0
    for t, n in ((10, 100), (29.9, 100)):
        clock.now = t
        bar.update(n)
    assert out.getvalue() == ""  # under 30 s: quiet
    clock.now = 31
    bar.update(100)
    # 300 in 31 s = 9.677/s; 700 left / 9.677 = 72.3 s = 01:12
    assert out.getvalue() == "scoring: 300/1000 seq (30%), 9.68 seq/s, ETA 01:12, 00:31 elapsed\n"
    clock.now = 50
    bar.update(100)  # 19 s after the last line: quiet
    clock.now = 61
    bar.update(200)  # 600 in 61 s = 9.836/s; 400 left: 40.7 s
    assert out.getvalue().splitlines()[1] == (
        "scoring: 600/1000 seq (60%), 9.84 seq/s, ETA 00:40, 01:01 elapsed"
    )
    clock.now = 70
    bar.close()  # a closing line, since lines were printed
    assert out.getvalue().splitlines()[2].startswith("scoring: 600/1000 seq (60%)")


def test_short_work_prints_nothing():
    clock, out = Clock(), io.StringIO()
    bar = LineProgress(10, clock=clock, stream=out)
    clock.now = 5
    bar.update(10)
    bar.close()
    assert out.getvalue() == ""


def test_scorer_prints_lines_when_stderr_is_not_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(progress, "INTERVAL_S", 0.0)  # every batch "30 s" later
    reqs = [PLLRequest("The doctor said that he was late."), PLLRequest("She was tired.")]
    ModelScorer(load_model(str(tiny_model_dir("xlm")))).score(reqs)
    lines = capsys.readouterr().err.splitlines()  # pytest's captured stderr is not a tty
    assert lines and all(line.startswith("scoring: ") for line in lines)
    assert lines[-1].startswith("scoring: 12/12 seq (100%)")  # 8 + 4 masked copies
