"""Check hand annotation files, and fill claims' `sentence` from the segmenter."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from .dataset import SCHEMA_PATH, read_jsonl, write_jsonl

# Gold files may leave out what the pipeline computes (spec section 5).
GOLD_DEFAULTS = {"claims": {"claim_id": "gold", "text": "", "confidence": 1.0},
                 "mentions": {"sentence": -1}}
SCHEMA_DEF = {"claims": "claim", "mentions": "mention"}
SPAN_FIELD = {"claims": "evidence", "mentions": "text"}


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


@lru_cache(maxsize=2)
def validator(kind: str) -> jsonschema.Draft202012Validator:
    """The output records' JSON Schema: gold records obey the same contract."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{SCHEMA_DEF[kind]}"})


def record_problems(record: dict, kind: str, text: str) -> list[str]:
    """Schema violations (enums, codes, null objects, time format) and inexact offsets."""
    full = {**GOLD_DEFAULTS[kind], **record}
    if kind == "claims" and full.get("sentence") is None:
        full["sentence"] = 0  # filled later by fix-sentences
    problems = [f"{'/'.join(map(str, e.path)) or 'record'}: {e.message}"
                for e in validator(kind).iter_errors(full)]
    field = SPAN_FIELD[kind]
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int) and \
            text[record["start"]:record["end"]] != record.get(field):
        problems.append(f"{field} != text[start:end]")
    return problems


def check(gold: Path, corpus: Path) -> list[str]:
    """Every problem in every annotation file, one line each."""
    problems = []
    for path in sorted(gold.glob("*.jsonl")):
        doc_id, kind = path.name.rsplit(".", 2)[0], path.name.rsplit(".", 2)[1]
        if kind not in SCHEMA_DEF:
            problems.append(f"{path}: name must end in .claims.jsonl or .mentions.jsonl")
            continue
        text_path = corpus / f"{doc_id}.txt"
        if not text_path.exists():
            problems.append(f"{path}: no text {text_path}")
            continue
        text = read_text(text_path)
        for number, record in enumerate(read_jsonl(path), start=1):
            if record.get("doc_id") != doc_id:
                problems.append(f"{path}:{number}: doc_id {record.get('doc_id')} != {doc_id}")
            found = record_problems(record, kind, text)
            problems += [f"{path}:{number}: {p}" for p in found]
    return problems


def fix_sentences(gold: Path, corpus: Path) -> None:
    """Set each gold claim's `sentence` to the index of the pipeline sentence it overlaps most."""
    from .pipeline import Pipeline, load_spacy
    from .reader import read_text_file

    pipeline = Pipeline(load_spacy())
    for path in sorted(gold.glob("*.claims.jsonl")):
        doc_id = path.name[: -len(".claims.jsonl")]
        doc = pipeline.process([read_text_file(corpus / f"{doc_id}.txt")])[0]
        claims = read_jsonl(path)
        for claim in claims:
            best = max(doc.sentences, key=lambda s: min(s.end, claim["end"]) -
                       max(s.start, claim["start"]))
            claim["sentence"] = best.index
        write_jsonl(path, claims)
        print(f"{path}: {len(claims)} claims")

