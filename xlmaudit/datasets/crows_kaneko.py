"""CrowS-Pairs gender pairs in Japanese and Russian (Kaneko et al. 2022), ``japanese.json`` and
``russian.json``; known defects: ../shared/data/crows_pairs_ja_ru_kaneko/SOURCE.md.

The files carry no ids: object *k* is the *k*-th ``bias_type == gender`` row of the original
CrowS-Pairs file, so ids come from that file, and every object's ``direction`` must equal its
row's (a mismatch is an InputError at ``file:line``). ``sent_more`` / ``sent_less`` are
``stereotype`` / ``anti-stereotype``; the line of a pair is its ``"stereotype"`` line. The
Russian file is Moses-tokenised (spaces around punctuation, ``@-@``, ``&quot;``): every Russian
sentence is detokenised with sacremoses ``MosesDetokenizer("ru")`` (which also undoes the
escapes), and the rows that held an escape are listed in ``notes``.
"""

from __future__ import annotations

import json
from pathlib import Path

from xlmaudit.datasets.crows_multilingual import CrowsMultilingual
from xlmaudit.datasets.crows_pack import Known, Sorter, original_rows
from xlmaudit.errors import InputError, utf8_errors

FILES = {"japanese.json": "ja", "russian.json": "ru"}
KEYS = {"direction", "bias_type", "stereotype", "anti-stereotype", "bias_score"}
DETOKENISER = 'sacremoses MosesDetokenizer("ru") on every Russian sentence'
_ESCAPES = ("@-@", "&quot;")
_ESCAPED = "Moses escapes (@-@, &quot;) undone by detokenising"
KNOWN: dict[str, dict[int, Known]] = {  # language -> line -> known row (SOURCE.md)
    "ja": {383: Known("251", "rephrased", "anti-stereotype is re-phrased, not a minimal edit "
                      "(the English original is odd too); kept", keep=True),
           1279: Known("1035", "translation", "'glassed man' translated as 'glass-walled man' "
                       "(ガラス張りの男); kept", keep=True)},
}  # fmt: skip


def load_crows_kaneko(path: str | Path, original: str | Path) -> CrowsMultilingual:
    """Load ``japanese.json`` or ``russian.json``; ``original`` is
    ``crows_pairs_anonymized.csv`` (the ids and directions of its gender rows)."""
    path = Path(path)
    language = FILES.get(path.name)
    if language is None:
        raise InputError(f"{path}: expected japanese.json or russian.json (Kaneko et al. 2022)")
    with utf8_errors(path):
        text = path.read_text(encoding="utf-8")
    try:
        objects = json.loads(text)
    except ValueError as e:
        raise InputError(f"{path}: not JSON ({e})") from None
    lines = [n for n, s in enumerate(text.splitlines(), 1) if s.lstrip().startswith('"stereotype"')]
    gender = [(pid, r) for pid, r in original_rows(original).items() if r["bias_type"] == "gender"]
    if not isinstance(objects, list) or len(objects) != len(gender) or len(lines) != len(gender):
        raise InputError(f"{path}: expected a JSON list of {len(gender)} objects, one per "
                         f"gender row of {Path(original).name}, each with a stereotype "
                         "line")  # fmt: skip
    sorter = Sorter(path, language, dict(KNOWN.get(language, {})))
    detok = _detokenizer() if language == "ru" else None
    for obj, line, (pid, orig) in zip(objects, lines, gender, strict=True):
        if not isinstance(obj, dict) or set(obj) != KEYS:
            sorter.errors.append(f"{path}:{line}: expected the keys {sorted(KEYS)}")
            continue
        if obj["direction"] != orig["direction"]:
            sorter.errors.append(f"{path}:{line}: direction {obj['direction']!r} differs from "
                                 f"the original's {orig['direction']!r} (id {pid}): the "
                                 "objects no longer follow the gender rows")  # fmt: skip
            continue
        more, less = str(obj["stereotype"]), str(obj["anti-stereotype"])
        if detok is not None:
            if any(e in more + less for e in _ESCAPES):
                sorter.known.setdefault(line, Known(pid, "moses", _ESCAPED, keep=True))
            more, less = detok(more), detok(less)
        sorter.add({"pair_id": pid, "sent_more": more, "sent_less": less,
                    "direction": obj["direction"], "bias_type": obj["bias_type"]},
                   line)  # fmt: skip
    return sorter.result()


def _detokenizer():
    from sacremoses import MosesDetokenizer

    moses = MosesDetokenizer("ru")
    return lambda text: moses.detokenize(text.split())
