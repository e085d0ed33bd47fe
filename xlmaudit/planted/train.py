"""Train the planted-bias XLM on the generated corpus (MLM, 15% masking, 80/10/10 replacement).

``train_planted(out)`` writes a complete model directory: ``config.json``, ``model.safetensors``,
``vocab.json``, ``merges.txt``, ``tokenizer_config.json``, ``planted_truth.csv`` and the model card
``README.md``. Seeded: the same seed, size and torch version give the same corpus, tokenizer and
initial weights (floating-point reductions on other thread counts may differ in the last bits).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import torch
from transformers import XLMConfig, XLMWithLMHeadModel

from xlmaudit.planted.bpe import SPECIALS, FastEncoder, learn_tokenizer, write_tokenizer
from xlmaudit.planted.card import write_card
from xlmaudit.planted.corpus import CorpusSize, generate_corpus
from xlmaudit.planted.language import bilingual_languages, scaled
from xlmaudit.planted.truth import truth

MASK_ID = SPECIALS.index("<special1>")
PAD_ID = SPECIALS.index("<pad>")


@dataclass(frozen=True)
class TrainConfig:
    """Model size and optimisation settings; ``small()`` is the quick CI variant.

    The defaults are the shipped model's. Its seed was chosen, not drawn: at 5,000 steps seeds
    0, 1 and 3-6 were trained and calibrated, and seed 4 cleared every threshold with the widest
    margins. Some other seeds miss one threshold (the survey is in the README's planted section).
    """

    seed: int = 4
    steps: int = 5000
    batch_size: int = 96
    lr: float = 2e-3
    warmup: int = 100
    emb_dim: int = 128
    n_layers: int = 2
    n_heads: int = 4
    dropout: float = 0.0
    max_positions: int = 128
    corpus: CorpusSize = field(default_factory=CorpusSize)
    strength: float = 1.0  # planted associations scaled toward 0.5 (language.scaled); 1 = shipped

    @classmethod
    def small(cls, *, seed: int = 0) -> TrainConfig:
        """The CI size: 2 layers (as shipped), 2,000 steps of 64 sentences, a smaller corpus.

        Not 1 layer: at 2,000 steps a 1-layer model stayed on the plateau where the pronoun does
        not depend on the cue word (mother/father embeddings still alike). The corpus keeps many
        pronoun sentences (600 per cue word) for the cue and 400 per attribute for the pairs.
        """
        small = CorpusSize(per_occupation=300, per_cue=600, per_attribute=400, filler=1000)
        return cls(seed=seed, steps=2000, batch_size=64, lr=3e-3, corpus=small)

    @classmethod
    def tiny(cls, *, seed: int = 0, strength: float = 1.0) -> TrainConfig:
        """Seconds on one CPU thread: the dose test's size (direction only, not calibration)."""
        tiny = CorpusSize(per_occupation=100, per_cue=100, per_attribute=100, filler=200)
        return cls(seed=seed, steps=300, batch_size=32, lr=3e-3, emb_dim=64, corpus=tiny,
                   strength=strength)  # fmt: skip

    def key(self) -> str:
        """A short hash of every setting (the dose family's cache key)."""
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


# The shipped bilingual model's settings (``--languages en,fr``): the English model's size and
# rate; per language 300 sentences per occupation, cue word and attribute and 1,000 filler (more
# pronoun sentences than at 200 per term: English she/he learning was the slowest part).
BILINGUAL_CORPUS = CorpusSize(per_occupation=300, per_cue=300, per_attribute=300, filler=1000)
BILINGUAL_DEFAULT = TrainConfig(seed=0, steps=8000, corpus=BILINGUAL_CORPUS)


def default_config(languages: tuple[str, ...] = ("en",), *, small: bool = False) -> TrainConfig:
    """The CLI's default settings for ``languages`` (``small``: the quick CI size)."""
    if small:  # bilingual: the shipped per-language corpus (two languages, twice the cue words)
        small_cfg = TrainConfig.small()
        return (
            small_cfg
            if tuple(languages) == ("en",)
            else replace(small_cfg, corpus=BILINGUAL_CORPUS)
        )
    return TrainConfig() if tuple(languages) == ("en",) else BILINGUAL_DEFAULT


def reproduce_command(cfg: TrainConfig, languages: tuple[str, ...] = ("en",)) -> str:
    """The ``xlmaudit planted train`` command that trains ``cfg`` (seed and steps spelled out)."""
    langs = "" if tuple(languages) == ("en",) else f" --languages {','.join(languages)}"
    dose = "" if cfg.strength == 1 else f" --strength {cfg.strength:g}"
    for small, flag in ((False, ""), (True, " --small")):
        base = default_config(languages, small=small)
        if replace(cfg, seed=base.seed, steps=base.steps, strength=base.strength) == base:
            return (
                f"xlmaudit planted train --out DIR{langs}{flag} --seed {cfg.seed} "
                f"--steps {cfg.steps}{dose}"
            )
    return "train_planted(DIR, TrainConfig(...)) with the settings above (not a CLI size)"


def lang_maps(languages: tuple[str, ...]) -> dict[str, object]:
    """``lang2id`` / ``id2lang`` of a multilingual model (ids in the order given), else empty."""
    if len(languages) < 2:
        return {}
    return {
        "lang2id": {code: i for i, code in enumerate(languages)},
        "id2lang": {i: code for i, code in enumerate(languages)},
    }


def _xlm_config(
    vocab_size: int, cfg: TrainConfig, languages: tuple[str, ...] = ("en",)
) -> XLMConfig:
    multi = len(languages) > 1
    return XLMConfig(
        vocab_size=vocab_size,
        emb_dim=cfg.emb_dim,
        n_layers=cfg.n_layers,
        n_heads=cfg.n_heads,
        dropout=cfg.dropout,
        attention_dropout=cfg.dropout,
        max_position_embeddings=cfg.max_positions,
        n_langs=len(languages),
        use_lang_emb=multi,
        **lang_maps(languages),
        causal=False,
        asm=False,
        gelu_activation=True,
        sinusoidal_embeddings=False,
        bos_index=0,
        eos_index=1,
        pad_index=PAD_ID,
        unk_index=3,
        mask_index=MASK_ID,
        bos_token_id=0,
        eos_token_id=1,
        pad_token_id=PAD_ID,
        mask_token_id=MASK_ID,
        architectures=["XLMWithLMHeadModel"],
    )


def mask_batch(
    seqs: list[list[int]], vocab_size: int, gen: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pad and corrupt for MLM: 15% of non-special tokens; of those 80% mask, 10% random, 10% kept.

    Returns (input_ids, attention_mask, labels) with labels -100 where nothing is predicted.
    """
    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), PAD_ID, dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.tensor(s)
    attn = (ids != PAD_ID).long()
    candidate = ids >= len(SPECIALS)
    chosen = (torch.rand(ids.shape, generator=gen) < 0.15) & candidate
    labels = torch.where(chosen, ids, torch.full_like(ids, -100))
    roll = torch.rand(ids.shape, generator=gen)
    inputs = ids.clone()
    inputs[chosen & (roll < 0.8)] = MASK_ID
    rand_pos = chosen & (roll >= 0.8) & (roll < 0.9)
    random_ids = torch.randint(len(SPECIALS), vocab_size, ids.shape, generator=gen)
    inputs[rand_pos] = random_ids[rand_pos]
    return inputs, attn, labels


def _lr_at(step: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup)
    return cfg.lr * 0.5 * (1 + math.cos(math.pi * progress))


def _train_loop(
    model: XLMWithLMHeadModel,
    data: list[list[int]],
    cfg: TrainConfig,
    log: Callable[[str], None],
    langs: list[int] | None = None,
) -> float:
    """MLM training; ``langs`` (one language id per sentence) feeds the ``langs`` tensor."""
    gen = torch.Generator().manual_seed(cfg.seed)
    order_rng = random.Random(cfg.seed)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    vocab_size = model.config.vocab_size
    model.train()
    order: list[int] = []
    loss_avg = float("nan")
    for step in range(cfg.steps):
        if len(order) < cfg.batch_size:
            fresh = list(range(len(data)))
            order_rng.shuffle(fresh)
            order += fresh
        picked, order = order[: cfg.batch_size], order[cfg.batch_size :]
        inputs, attn, labels = mask_batch([data[i] for i in picked], vocab_size, gen)
        kwargs = {}
        if langs is not None:
            row = torch.tensor([langs[i] for i in picked], dtype=torch.long)
            kwargs["langs"] = row[:, None].expand_as(inputs)
        hidden = model.transformer(input_ids=inputs, attention_mask=attn, **kwargs)[0]
        keep = labels != -100
        logits = model.pred_layer.proj(hidden[keep])
        loss = torch.nn.functional.cross_entropy(logits, labels[keep])
        for group in opt.param_groups:
            group["lr"] = _lr_at(step, cfg)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        loss_avg = loss.item() if step == 0 else 0.98 * loss_avg + 0.02 * loss.item()
        if (step + 1) % 100 == 0 or step + 1 == cfg.steps:
            log(f"step {step + 1}/{cfg.steps} loss {loss_avg:.3f}")
    model.eval()
    return loss_avg


def train_planted(
    out: Path,
    cfg: TrainConfig | None = None,
    *,
    languages: tuple[str, ...] = ("en",),
    log: Callable[[str], None] = print,
) -> dict[str, object]:
    """Generate the corpus, learn the tokenizer, train, and write the model directory ``out``.

    ``languages`` other than ``("en",)`` (e.g. ``("en", "fr")``) train the bilingual model: one
    corpus per language, one shared BPE, language embeddings (``lang2id`` in the given order).
    """
    languages = tuple(languages)
    cfg = cfg or default_config(languages)
    threads = torch.get_num_threads()
    # tiny matrices: one thread is faster here, and the result does not depend on the thread count
    torch.set_num_threads(1)
    try:
        return _train_and_write(out, cfg, log, languages)
    finally:
        torch.set_num_threads(threads)


def _train_and_write(
    out: Path, cfg: TrainConfig, log: Callable[[str], None], languages: tuple[str, ...]
) -> dict[str, object]:
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    planted = [scaled(lang, cfg.strength) for lang in bilingual_languages(languages)]
    corpora = [generate_corpus(seed=cfg.seed, size=cfg.corpus, lang=lang) for lang in planted]
    corpus = [s for c in corpora for s in c]
    split = {w: n for lang in planted for w, n in lang.split_words.items()}
    merges = learn_tokenizer(corpus, split)
    maps = lang_maps(languages)
    write_tokenizer(out, merges, max_length=cfg.max_positions, config=maps)
    encoder = FastEncoder(merges)
    data = [encoder.encode(s) for s in corpus]
    langs = [i for i, c in enumerate(corpora) for _ in c] if maps else None
    torch.manual_seed(cfg.seed)
    model = XLMWithLMHeadModel(_xlm_config(len(encoder.vocab), cfg, languages))
    log(
        f"corpus {len(corpus)} sentences, vocab {len(encoder.vocab)}, "
        f"{sum(p.numel() for p in model.parameters())} parameters"
    )
    final_loss = _train_loop(model, data, cfg, log, langs)
    model.save_pretrained(out)
    truth(languages, strength=cfg.strength).to_csv(out / "planted_truth.csv", index=False)
    summary = {
        **asdict(cfg),
        "sentences": len(corpus),
        "filler": cfg.corpus.filler,
        "vocab_size": len(encoder.vocab),
        "parameters": sum(p.numel() for p in model.parameters()),
        "final_loss": round(final_loss, 4),
        "train_seconds": round(time.perf_counter() - start, 1),
        "torch": torch.__version__,
        "command": reproduce_command(cfg, languages),
    }
    if maps:
        summary |= {
            "languages": list(languages),
            "lang2id": maps["lang2id"],
            "sentences_per_language": dict(zip(languages, map(len, corpora), strict=True)),
        }
    (out / "training.json").write_text(json.dumps(summary, indent=2) + "\n")
    write_card(out, summary)
    log(f"wrote {out} in {summary['train_seconds']} s")
    return summary
