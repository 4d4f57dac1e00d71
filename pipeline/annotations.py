"""Check hand annotation files, and fill claims' `sentence` from the segmenter."""

from __future__ import annotations

import re
from pathlib import Path

from .dataset import read_jsonl, write_jsonl
from .model import CLAIM_TYPES, MENTION_LABELS, MODALITIES, STANCES, TOPICS, UNARY_TYPES

TIME = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
CODE = re.compile(r"[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*")


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def claim_problems(claim: dict, text: str) -> list[str]:
    problems = []
    if text[claim["start"]:claim["end"]] != claim["evidence"]:
        problems.append("evidence != text[start:end]")
    if claim["type"] not in CLAIM_TYPES:
        problems.append(f"unknown type {claim['type']}")
    if claim.get("modality") not in MODALITIES:
        problems.append(f"bad modality {claim.get('modality')}")
    if claim.get("stance") not in STANCES:
        problems.append(f"bad stance {claim.get('stance')}")
    if claim.get("topic") not in TOPICS:
        problems.append(f"bad topic {claim.get('topic')}")
    if not CODE.fullmatch(claim.get("subject") or ""):
        problems.append(f"bad subject {claim.get('subject')}")
    if claim.get("object") is None and claim["type"] not in UNARY_TYPES:
        problems.append(f"null object for {claim['type']}")
    if claim.get("time") is not None and not TIME.fullmatch(claim["time"]):
        problems.append(f"bad time {claim['time']}")
    if not isinstance(claim.get("negated"), bool):
        problems.append("negated is not a boolean")
    return problems


def mention_problems(mention: dict, text: str) -> list[str]:
    problems = []
    if text[mention["start"]:mention["end"]] != mention["text"]:
        problems.append("text != text[start:end]")
    if mention["label"] not in MENTION_LABELS:
        problems.append(f"bad label {mention['label']}")
    if (mention["label"] == "LOC") != (mention.get("actor") is None):
        problems.append("LOC must have a null actor, other labels an actor")
    return problems


def check(gold: Path, corpus: Path) -> list[str]:
    """Every problem in every annotation file, one line each."""
    problems = []
    for path in sorted(gold.glob("*.jsonl")):
        doc_id, kind = path.name.rsplit(".", 2)[0], path.name.rsplit(".", 2)[1]
        text_path = corpus / f"{doc_id}.txt"
        if not text_path.exists():
            problems.append(f"{path}: no text {text_path}")
            continue
        text = read_text(text_path)
        for number, record in enumerate(read_jsonl(path), start=1):
            if record.get("doc_id") != doc_id:
                problems.append(f"{path}:{number}: doc_id {record.get('doc_id')} != {doc_id}")
            found = (claim_problems if kind == "claims" else mention_problems)(record, text)
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

