"""load_model: classes, eval mode, mask id, fingerprint, languages, devices, refusals, errors."""

from __future__ import annotations

import json
import shutil

import pytest
import torch

from xlmaudit.errors import InputError, ModelLoadError
from xlmaudit.inference import load_model
from xlmaudit.inference import loader as loader_mod
from xlmaudit.inference.languages import lang_id
from xlmaudit.testing import make_tiny_xlm, tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU


def test_xlm_loads_xlm_classes_in_eval_mode_with_mask_5():
    loaded = load_model(str(tiny_model_dir("xlm")), device="cpu")
    assert type(loaded.model).__name__ == "XLMWithLMHeadModel"
    assert type(loaded.tokenizer).__name__ == "XLMTokenizer"
    assert loaded.is_xlm and not loaded.model.training
    assert loaded.mask_id == 5 != loaded.model.config.mask_token_id
    assert loaded.langs_id is None and loaded.max_positions == 128
    assert loaded.fingerprint.startswith("sha256:") and loaded.device == "cpu"


def test_bert_goes_through_auto_classes():
    loaded = load_model(str(tiny_model_dir("bert")))
    assert type(loaded.model).__name__ == "BertForMaskedLM" and not loaded.is_xlm
    assert not loaded.model.training


def test_fingerprint_follows_the_weights(tmp_path):
    src = tiny_model_dir("xlm")
    copy = shutil.copytree(src, tmp_path / "copy")
    assert load_model(str(copy)).fingerprint == load_model(str(src)).fingerprint
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1
    weights.write_bytes(bytes(data))
    assert load_model(str(copy)).fingerprint != load_model(str(src)).fingerprint


def test_dtype_bfloat16():
    loaded = load_model(str(tiny_model_dir("xlm")), dtype="bfloat16")
    assert loaded.model.dtype == torch.bfloat16 and loaded.dtype == "bfloat16"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"device": "tpu"}, "unknown device 'tpu'; choose one of auto, cpu, cuda, mps"),
        ({"dtype": "int8"}, "unknown dtype 'int8'; choose one of float32, bfloat16, float16"),
    ],
)
def test_bad_device_or_dtype_names_the_value(kwargs, message):
    with pytest.raises(InputError) as err:
        load_model(str(tiny_model_dir("xlm")), **kwargs)
    assert str(err.value) == message


def test_cuda_requested_without_cuda():
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(InputError, match="CUDA is not available"):
        load_model(str(tiny_model_dir("xlm")), device="cuda")


def test_multilingual_language_choice_and_errors():
    path = str(tiny_model_dir("xlm", n_langs=2))
    assert load_model(path, language="en").langs_id == 0
    with pytest.raises(InputError, match=r"has no language 'de'; it has: en, fr"):
        load_model(path, language="de")
    loaded = load_model(path)  # no default: each request names its language (suite `language:`)
    assert loaded.language is None and loaded.uses_langs and loaded.lang2id == {"en": 0, "fr": 1}
    with pytest.raises(InputError, match=r"is multilingual \(languages: en, fr\): give the suite"):
        lang_id(loaded, None)
    assert lang_id(loaded, "fr") == 1
    with pytest.raises(InputError, match=r"has no language 'de'; it has: en, fr"):
        lang_id(loaded, "de")


def test_language_is_recorded_for_non_xlm():
    loaded = load_model(str(tiny_model_dir("bert")), language="fr")
    assert loaded.language == "fr" and loaded.lang2id == {} and not loaded.uses_langs
    assert lang_id(loaded, "de") is None  # a model without a language input: nothing to send


def test_unreachable_hub_gives_one_message(monkeypatch):
    monkeypatch.setattr(loader_mod, "_offline", lambda: True)
    with pytest.raises(ModelLoadError) as err:
        load_model("no-such-org/no-such-model-xyz")
    msg = str(err.value)
    assert "not an existing local directory, not in the Hugging Face cache" in msg
    assert "hf download no-such-org/no-such-model-xyz" in msg
    assert "--model DIR" in msg and "\n" not in msg


def test_planted_resolves_inside_the_package(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no local directory called "planted"
    monkeypatch.setattr(loader_mod, "PLANTED_DIR", tmp_path / "missing")
    with pytest.raises(ModelLoadError, match="planted model is missing from the package"):
        load_model("planted")
    monkeypatch.setattr(loader_mod, "PLANTED_DIR", tiny_model_dir("xlm"))
    assert load_model("planted").source == str(tiny_model_dir("xlm"))
    # planted-ness comes from the directory read, not the name typed
    assert load_model("planted").is_planted and load_model(str(tiny_model_dir("xlm"))).is_planted


def test_existing_local_path_wins_over_planted(monkeypatch, tmp_path):
    make_tiny_xlm(tmp_path / "planted")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loader_mod, "PLANTED_DIR", tmp_path / "missing")
    assert load_model("planted").source == str((tmp_path / "planted").resolve())
    assert not load_model("planted").is_planted  # a local folder named planted is not it


def test_remote_code_is_refused(tmp_path):
    path = shutil.copytree(tiny_model_dir("xlm"), tmp_path / "remote")
    config = json.loads((path / "config.json").read_text())
    config["auto_map"] = {"AutoModelForMaskedLM": "modeling_evil.Evil"}
    (path / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelLoadError, match="refuses trust_remote_code"):
        load_model(str(path))


def test_pickle_weights_load_through_weights_only(tmp_path, monkeypatch):
    path = make_tiny_xlm(tmp_path / "pickled")
    model = load_model(str(path)).model
    (path / "model.safetensors").unlink()
    torch.save(model.state_dict(), path / "pytorch_model.bin")
    calls = []
    real_load = torch.load

    def spy(*args, **kwargs):
        calls.append(kwargs.get("weights_only"))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", spy)
    reloaded = load_model(str(path))
    assert calls and all(flag is True for flag in calls)
    assert torch.equal(
        reloaded.model.transformer.embeddings.weight, model.transformer.embeddings.weight
    )


def test_directory_without_config_is_an_error(tmp_path):
    with pytest.raises(ModelLoadError, match="has no config.json"):
        load_model(str(tmp_path))


def test_a_cached_hub_model_loads_without_the_network(tmp_path, monkeypatch):
    from huggingface_hub import constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--someone--tiny-xlm"
    shutil.copytree(tiny_model_dir("xlm"), repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(loader_mod, "_offline", lambda: False)  # network allowed, but not needed

    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    import huggingface_hub.file_download as fd

    monkeypatch.setattr(fd, "get_hf_file_metadata", no_network)
    loaded = load_model("someone/tiny-xlm")
    assert loaded.fingerprint == f"hub:someone/tiny-xlm@{commit}"
    assert loaded.mask_id == 5 and loaded.source == "someone/tiny-xlm"
