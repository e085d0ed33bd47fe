"""Broken model folders, path-like --model values and an offline hub: one line, fast, with a fix."""

from __future__ import annotations

import shutil
import socket

import pytest

from xlmaudit.cli import build_parser, main
from xlmaudit.errors import ModelLoadError
from xlmaudit.inference import load_model
from xlmaudit.inference import loader as loader_mod
from xlmaudit.testing import tiny_model_dir


@pytest.fixture
def model_copy(tmp_path):
    return shutil.copytree(tiny_model_dir("xlm"), tmp_path / "model")


def _cli_error(argv: list[str], capsys) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err.strip()


def test_corrupt_config_json_names_file_line_and_fix(model_copy, capsys):
    (model_copy / "config.json").write_text('{\n  "model_type": "xlm",\n  "n_layers": 2,,\n}')
    err = _cli_error(["fill", "--model", str(model_copy), "he was [MASK]."], capsys)
    assert f"{model_copy / 'config.json'}:3: invalid JSON (Expecting property name" in err
    assert "download the model again" in err


def test_truncated_safetensors_names_the_file(model_copy, capsys):
    weights = model_copy / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    err = _cli_error(["fill", "--model", str(model_copy), "he was [MASK]."], capsys)
    assert f"{model_copy}/model.safetensors: cannot read the weights (" in err
    assert "damaged or truncated: download the model again" in err


def test_a_gpt2_folder_is_not_a_masked_language_model(tmp_path, capsys):
    from transformers import GPT2Config

    GPT2Config(n_layer=1, n_embd=8, n_head=2, vocab_size=10).save_pretrained(tmp_path / "gpt2")
    err = _cli_error(["fill", "--model", str(tmp_path / "gpt2"), "he was [MASK]."], capsys)
    assert "not a masked language model: GPT2Config (model_type 'gpt2')" in err
    assert "AlbertConfig" not in err  # not the 40-class list of transformers


@pytest.mark.parametrize("value", ["/no/such/dir", "./nope", "~/nope-xlmaudit", "a/b/c", "tests/x"])
def test_path_like_model_values_are_no_such_directory(value, capsys, monkeypatch):
    monkeypatch.setattr(loader_mod, "hub_unreachable", lambda: pytest.fail("asked the hub"))
    err = _cli_error(["fill", "--model", value, "he was [MASK]."], capsys)
    assert "no such model directory:" in err and f"--model {value!r} is a path" in err
    assert "hf download" not in err and "huggingface-cli" not in err


def test_hub_ids_are_not_paths_and_a_file_is_not_a_directory(tmp_path):
    assert not loader_mod.looks_like_path("FacebookAI/xlm-roberta-base")
    assert not loader_mod.looks_like_path("xlm-mlm-en-2048")
    (tmp_path / "weights.bin").write_bytes(b"x")
    with pytest.raises(ModelLoadError, match="is a file, not a model directory"):
        load_model(str(tmp_path / "weights.bin"))


def test_offline_hub_fails_after_one_probe_without_download_retries(monkeypatch):
    attempts = []
    real = loader_mod._load_config

    def spy(source, **kwargs):
        attempts.append(kwargs["local_only"])
        return real(source, **kwargs)

    monkeypatch.setattr(loader_mod, "_offline", lambda: False)
    monkeypatch.setattr(loader_mod, "hub_unreachable", lambda: "https://hub unreachable: no DNS")
    monkeypatch.setattr(loader_mod, "_load_config", spy)
    with pytest.raises(ModelLoadError) as err:
        load_model("no-such-org/no-such-model-xyz")
    assert attempts == [True]  # the local cache only: no download, so no retries
    assert "hub could not provide it (https://hub unreachable: no DNS)" in str(err.value)
    assert "`hf download no-such-org/no-such-model-xyz --local-dir DIR`" in str(err.value)


def test_hub_probe_is_one_short_request(monkeypatch):
    from huggingface_hub import constants

    with socket.socket() as sock:  # a port that was free a moment ago: connection refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{port}")
    calls = []

    class Session:
        def head(self, url, timeout):
            calls.append((url, timeout))
            raise ConnectionError("refused")

    monkeypatch.setattr("huggingface_hub.get_session", lambda: Session())
    assert loader_mod.hub_unreachable() == f"http://127.0.0.1:{port} unreachable: refused"
    assert calls == [(f"http://127.0.0.1:{port}", 2.0)]
    monkeypatch.undo()
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{port}")
    assert f"http://127.0.0.1:{port} unreachable" in loader_mod.hub_unreachable()  # real client


def test_help_shows_the_default_model(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # no line wrapping inside the default
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["fill", "--help"])
    text = capsys.readouterr().out
    assert "hub id, local directory or 'planted' (default: xlm-mlm-en-2048)" in text
