"""Load a masked LM (hub id, local directory or ``planted``) into a ``LoadedModel``.

XLM configs load ``XLMWithLMHeadModel`` + ``XLMTokenizer``; any other masked LM goes through the
Auto classes. The model is always in ``eval()`` mode, the mask id comes from the tokenizer (never
from ``config.mask_token_id``, which is ``<s>`` = 0 on the XLM hub config), remote code is refused
and pickled weights are only read through ``weights_only`` loading. Weights the checkpoint did not
provide (missing or shape-mismatched, tied weights excepted) are recorded as ``newly_initialized``:
such a model, or one whose config carries ``xlmaudit_random_weights: true`` (the tiny test and
bench models), has ``random_weights`` and its scores are meaningless.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import torch

from xlmaudit.errors import InputError, ModelLoadError
from xlmaudit.inference.cpu import warn_if_slow_dtype
from xlmaudit.inference.hub import (
    hub_fingerprint,
    hub_unreachable,
    looks_like_path,
    unreachable_error,
)
from xlmaudit.inference.hub import offline as _offline  # tests patch loader._offline
from xlmaudit.inference.languages import is_multilingual, monolingual_language
from xlmaudit.inference.loaded import (
    DTYPES,
    RANDOM_MARKER,
    LoadedModel,
    newly_initialized,
    random_weights_warning,
)

__all__ = [
    "DTYPES", "RANDOM_MARKER", "LoadedModel", "load_model", "newly_initialized",
    "random_weights_warning",
]  # fmt: skip

DEFAULT_MODEL = "xlm-mlm-en-2048"
DEVICES: tuple[str, ...] = ("auto", "cpu", "cuda", "mps")
PLANTED_DIR = Path(__file__).resolve().parents[1] / "planted" / "model"
PLANTED_BILINGUAL_DIR = PLANTED_DIR.with_name("model-bilingual")  # `planted-bilingual` (en, fr)
_FINGERPRINT_FILES = (
    "config.json",
    "vocab.json",
    "merges.txt",
    "vocab.txt",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "sentencepiece.bpe.model",
    "spiece.model",
)
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth")


def resolve_device(device: str) -> str:
    """``auto`` -> cuda, mps or cpu; validates explicit names (``cuda:1`` allowed)."""
    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if not re.fullmatch(r"cpu|mps|cuda(:\d+)?", device):
        raise InputError(f"unknown device {device!r}; choose one of {', '.join(DEVICES)}")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise InputError(f"device {device!r} requested but CUDA is not available here")
    if device == "mps" and not torch.backends.mps.is_available():
        raise InputError("device 'mps' requested but MPS is not available here")
    return device


def check_dtype(dtype: str) -> str:
    if dtype not in DTYPES:
        raise InputError(f"unknown dtype {dtype!r}; choose one of {', '.join(DTYPES)}")
    return dtype


def resolve_source(name_or_path: str) -> tuple[str, bool]:
    """Return (source, is_local): an existing path wins, then ``planted`` or
    ``planted-bilingual``, else a hub id."""
    path = Path(name_or_path).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelLoadError(f"--model {name_or_path}: is a file, not a model directory")
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"model directory {path} has no config.json")
        return str(path.resolve()), True
    if name_or_path == "planted":
        if not (PLANTED_DIR / "config.json").is_file():
            raise ModelLoadError(
                f"the planted model is missing from the package ({PLANTED_DIR}); "
                "rebuild it with `xlmaudit planted` or reinstall xlmaudit"
            )
        return str(PLANTED_DIR), True
    if name_or_path == "planted-bilingual":
        if not (PLANTED_BILINGUAL_DIR / "config.json").is_file():
            raise ModelLoadError(
                "the bilingual planted model is missing from the package "
                f"({PLANTED_BILINGUAL_DIR}); rebuild it with "
                "`xlmaudit planted train --languages en,fr` or reinstall xlmaudit"
            )
        return str(PLANTED_BILINGUAL_DIR), True
    if looks_like_path(name_or_path):
        raise ModelLoadError(
            f"no such model directory: {path.absolute()} (--model {name_or_path!r} is a path, "
            "not a hub id; hub ids look like org/name)"
        )
    return name_or_path, False


_FINGERPRINTS: dict[tuple, str] = {}  # (name, size, mtime) of each file -> digest


def fingerprint_dir(path: Path) -> str:
    """sha256 over the config, tokenizer and weight files of a model directory (names + bytes).

    Remembered within the process while no file's size or modification time changes.
    """
    files = sorted(
        p
        for p in path.iterdir()
        if p.is_file() and (p.name in _FINGERPRINT_FILES or p.suffix in _WEIGHT_SUFFIXES)
    )
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    if stamp not in _FINGERPRINTS:
        digest = hashlib.sha256()
        for p in files:
            digest.update(p.name.encode() + b"\0")
            with p.open("rb") as fh:
                while block := fh.read(1 << 22):
                    digest.update(block)
        _FINGERPRINTS[stamp] = "sha256:" + digest.hexdigest()
    return _FINGERPRINTS[stamp]


def _read_config_json(source: str) -> dict[str, Any]:
    path = Path(source) / "config.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelLoadError(
            f"{path}:{exc.lineno}: invalid JSON ({exc.msg}); the model's config.json is damaged: "
            "restore it or download the model again"
        ) from exc
    except UnicodeDecodeError as exc:
        raise ModelLoadError(
            f"{path}: not a UTF-8 text file; the model's config.json is damaged: restore it or "
            "download the model again"
        ) from exc
    if not isinstance(raw, dict):
        raise ModelLoadError(f"{path}: not a JSON object; restore it or download the model again")
    return raw


def _refuse_remote_code(source: str, name: str) -> None:
    raw = _read_config_json(source)
    if "auto_map" in raw:
        raise ModelLoadError(
            f"model {name!r} needs custom code (auto_map in config.json); "
            "xlmaudit refuses trust_remote_code"
        )


def _load_config(source: str, *, name: str, revision: str | None, local_only: bool) -> Any:
    from transformers import AutoConfig

    try:
        return AutoConfig.from_pretrained(
            source, revision=revision, trust_remote_code=False, local_files_only=local_only
        )
    except ValueError as exc:
        if "trust_remote_code" in str(exc):
            raise ModelLoadError(
                f"model {name!r} needs custom code; xlmaudit refuses trust_remote_code"
            ) from exc
        raise ModelLoadError(f"could not read the config of {name!r}: {exc}") from exc


def _load_weights(
    source: str, config: Any, *, revision: str | None, dtype: str, local_only: bool
) -> tuple:
    """(config, model, tokenizer, is_xlm, newly_initialized): XLM classes for XLM configs, Auto
    classes otherwise."""
    from transformers import AutoModelForMaskedLM, AutoTokenizer, XLMTokenizer, XLMWithLMHeadModel
    from transformers.models.auto.modeling_auto import MODEL_FOR_MASKED_LM_MAPPING
    from transformers.utils import logging as hf_logging

    is_xlm = config.model_type == "xlm"
    if not is_xlm and type(config) not in MODEL_FOR_MASKED_LM_MAPPING:
        raise ModelLoadError(
            f"{source}: not a masked language model: {type(config).__name__} (model_type "
            f"{config.model_type!r}); xlmaudit scores masked LMs such as XLM, BERT or RoBERTa"
        )
    model_cls = XLMWithLMHeadModel if is_xlm else AutoModelForMaskedLM
    tok_cls = XLMTokenizer if is_xlm else AutoTokenizer
    common = {"revision": revision, "trust_remote_code": False, "local_files_only": local_only}
    tokenizer = tok_cls.from_pretrained(source, **common)
    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # the per-tensor "Loading weights" bar is noise
    try:
        model, info = model_cls.from_pretrained(
            source,
            config=config,
            dtype=DTYPES[dtype],
            weights_only=True,
            output_loading_info=True,
            **common,
        )
    finally:
        if bar:
            hf_logging.enable_progress_bar()
    return config, model.eval(), tokenizer, is_xlm, newly_initialized(model, info)


def _load_all(source: str, *, is_local: bool, name: str, revision: str | None, dtype: str):
    """(config, model, tokenizer, is_xlm, newly_initialized): local files or cache, then hub."""
    if is_local:
        _refuse_remote_code(source, name)
    from safetensors import SafetensorError

    attempts = [True] if is_local or _offline() else [True, False]
    last: Exception = OSError("unknown error")
    for local_only in attempts:
        if not local_only and (why := hub_unreachable()):
            raise unreachable_error(name, source, OSError(why))
        try:
            config = _load_config(source, name=name, revision=revision, local_only=local_only)
            return _load_weights(
                source, config, revision=revision, dtype=dtype, local_only=local_only
            )
        except SafetensorError as exc:
            weights = ", ".join(p.name for p in sorted(Path(source).glob("*.safetensors")))
            raise ModelLoadError(
                f"{source}/{weights or '*.safetensors'}: cannot read the weights ({exc}); the "
                "file is damaged or truncated: download the model again"
            ) from exc
        except OSError as exc:
            last = exc
    if is_local:
        first = str(last).strip().splitlines()[0] if str(last).strip() else type(last).__name__
        raise ModelLoadError(f"could not load model {name!r} from {source}: {first}")
    raise unreachable_error(name, source, last)


def _language(config: Any, tokenizer: Any, *, name: str, is_xlm: bool, language: str | None):
    """The model's language fields: ``langs_id`` and ``language`` (the default for requests
    without one), ``lang2id``, ``uses_langs`` and ``multilingual`` (see ``languages.py``)."""
    model_type = str(getattr(config, "model_type", ""))
    if not is_xlm:
        multi = is_multilingual(is_xlm=False, lang2id={}, name=name, model_type=model_type)
        return {"language": language, "multilingual": multi}
    lang2id = dict(getattr(tokenizer, "lang2id", None) or getattr(config, "lang2id", None) or {})
    uses_langs = config.n_langs > 1 and bool(config.use_lang_emb)
    if uses_langs and not lang2id:
        raise ModelLoadError(f"multilingual XLM {name!r} has no lang2id in its config/tokenizer")
    if language is not None and lang2id and language not in lang2id:
        known = ", ".join(sorted(lang2id))
        raise InputError(f"model {name!r} has no language {language!r}; it has: {known}")
    if language is None and not lang2id:
        language = monolingual_language(name, str(getattr(config, "_name_or_path", "")))
    return {
        "langs_id": int(lang2id[language]) if uses_langs and language else None,
        "language": language,
        "lang2id": {str(k): int(v) for k, v in lang2id.items()},
        "uses_langs": uses_langs,
        "multilingual": is_multilingual(
            is_xlm=True, lang2id=lang2id, name=name, model_type=model_type
        ),
    }


def _max_positions(config: Any, tokenizer: Any) -> int:
    limits = [getattr(config, "max_position_embeddings", None)]
    limits.append(getattr(tokenizer, "model_max_length", None))
    return min(int(x) for x in limits if x is not None and 0 < x < 1_000_000)


def load_model(
    name_or_path: str = DEFAULT_MODEL,
    *,
    revision: str | None = None,
    device: str = "auto",
    dtype: str = "float32",
    language: str | None = None,
) -> LoadedModel:
    """Load a masked LM by hub id, local directory or ``planted``, in eval mode.

    Raises ``InputError`` for a bad device, dtype or language and ``ModelLoadError`` when the
    model cannot be found, needs remote code or lacks a mask token. Weights the checkpoint did not
    provide are listed in ``newly_initialized`` (see ``LoadedModel.random_weights``).
    """
    check_dtype(dtype)
    device = resolve_device(device)
    warn_if_slow_dtype(device, dtype)
    source, is_local = resolve_source(name_or_path)
    config, model, tokenizer, is_xlm, newly = _load_all(
        source, is_local=is_local, name=name_or_path, revision=revision, dtype=dtype
    )
    if tokenizer.mask_token_id is None:
        raise ModelLoadError(f"tokenizer of {name_or_path!r} has no mask token: not a masked LM")
    languages = _language(config, tokenizer, name=name_or_path, is_xlm=is_xlm, language=language)
    fingerprint = fingerprint_dir(Path(source)) if is_local else hub_fingerprint(source, revision)
    return LoadedModel(
        model=model.to(device),
        tokenizer=tokenizer,
        mask_id=int(tokenizer.mask_token_id),
        fingerprint=fingerprint,
        name=name_or_path,
        device=device,
        dtype=dtype,
        is_xlm=is_xlm,
        **languages,
        max_positions=_max_positions(config, tokenizer),
        source=source,
        newly_initialized=newly,
        is_planted=_is_planted(source, is_local),
    )


def _is_planted(source: str, is_local: bool) -> bool:
    """The model was read from a shipped planted model's directory (``planted`` or
    ``planted-bilingual``, however it was named)."""
    planted = (Path(PLANTED_DIR).resolve(), Path(PLANTED_BILINGUAL_DIR).resolve())
    return is_local and Path(source).resolve() in planted


def loaded_from_objects(model: Any, tokenizer: Any, *, name: str = "") -> LoadedModel:
    """A :class:`LoadedModel` of a model and tokenizer already in memory (a notebook's), in
    eval mode, on the device and in the dtype of its weights. The fingerprint hashes the weights
    (so the response cache never serves another model's answers)."""
    if getattr(tokenizer, "mask_token_id", None) is None:
        raise InputError(f"model: the tokenizer of {name or type(model).__name__} has no mask "
                         "token: not a masked LM")  # fmt: skip
    config = model.config
    is_xlm = config.model_type == "xlm"
    source = str(getattr(config, "_name_or_path", "") or "")
    name = name or source or type(model).__name__
    digest = hashlib.sha256()
    for key, tensor in sorted(model.state_dict().items()):
        digest.update(key.encode())
        digest.update(tensor.detach().to("cpu").contiguous().view(torch.uint8).numpy().tobytes())
    weight = next(model.parameters())
    dtype = {v: k for k, v in DTYPES.items()}.get(weight.dtype, "float32")
    return LoadedModel(
        model=model.eval(), tokenizer=tokenizer, mask_id=int(tokenizer.mask_token_id),
        fingerprint=f"sha256:{digest.hexdigest()}", name=name, device=str(weight.device),
        dtype=dtype, is_xlm=is_xlm,
        **_language(config, tokenizer, name=name, is_xlm=is_xlm, language=None),
        max_positions=_max_positions(config, tokenizer), source=source,
        is_planted=bool(source) and _is_planted(source, Path(source).is_dir()),
    )  # fmt: skip
