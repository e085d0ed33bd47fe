"""The Hugging Face hub side of loading: path-like values, offline mode, a quick reachability
probe, the error message with its `hf download` hint, and the fingerprint of a cached hub model."""

from __future__ import annotations

from pathlib import Path

from xlmaudit.errors import ModelLoadError


def looks_like_path(value: str) -> bool:
    """``value`` names a local path, not a hub id: it starts with ``.``, ``/`` or ``~``, has more
    than one ``/``, or its part before ``/`` is an existing local directory."""
    if value.startswith((".", "/", "~")) or value.count("/") > 1 or "\\" in value:
        return True
    return "/" in value and Path(value.split("/")[0]).is_dir()


def hub_fingerprint(source: str, revision: str | None) -> str:
    from transformers.utils import cached_file

    config_path = Path(cached_file(source, "config.json", revision=revision, local_files_only=True))
    return f"hub:{source}@{config_path.parent.name}"


def unreachable_error(name: str, source: str, exc: Exception) -> ModelLoadError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ModelLoadError(
        f"could not load model {name!r}: not an existing local directory, not in the Hugging Face "
        f"cache, and the hub could not provide it ({reason}). Download it where the hub is "
        f"reachable (e.g. `hf download {source} --local-dir DIR`) and pass "
        "--model DIR, or set HF_HOME to a cache that holds it"
    )


def offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


HUB_PROBE_TIMEOUT_S = 2.0


def hub_unreachable() -> str | None:
    """Why the hub (``HF_ENDPOINT``) cannot be reached, or None: one request, no retries.

    Asked before downloading, so an offline machine fails in seconds instead of after the
    download's retries (about 25 s).
    """
    from huggingface_hub import constants, get_session

    try:
        get_session().head(constants.ENDPOINT, timeout=HUB_PROBE_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001 - any failure means: not reachable now
        return f"{constants.ENDPOINT} unreachable: {str(exc).strip() or type(exc).__name__}"
    return None
