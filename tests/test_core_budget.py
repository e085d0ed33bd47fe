"""The default token budget follows the device (measured best on CPU: bench/RESULTS.md)."""

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.kernel import CPU_BATCH_TOKENS, default_batch_tokens
from xlmaudit.testing import tiny_model_dir


def test_default_budget_is_the_cpu_one_on_cpu() -> None:
    loaded = load_model(str(tiny_model_dir("xlm")), device="cpu")
    assert ModelScorer(loaded).batch_tokens == CPU_BATCH_TOKENS == 1024
    assert ModelScorer(loaded, batch_tokens=77).batch_tokens == 77


def test_accelerators_keep_a_larger_budget() -> None:
    assert default_batch_tokens("cuda") > default_batch_tokens("cpu")
