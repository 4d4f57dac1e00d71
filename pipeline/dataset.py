"""Stage 4, dataset: records as JSONL, Parquet and a Hugging Face dataset, written atomically.

The record layout is explicit twice over: `FEATURES` (a `datasets.Features` schema) and
`schemas/records.schema.json` (JSON Schema, used by the tests to validate outputs).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .model import CLAIM_FIELDS, Document

NON_STRING_DTYPES = {"sentence": "int32", "start": "int32", "end": "int32", "negated": "bool",
                     "confidence": "float32"}
CLAIM_DTYPES = {name: NON_STRING_DTYPES.get(name, "string") for name in CLAIM_FIELDS}
SCHEMA_PATH = Path(__file__).parent / "schemas" / "records.schema.json"


def features():  # noqa: ANN201 - datasets is imported lazily (slow import)
    """The claim table's `datasets.Features`."""
    from datasets import Features, Value

    return Features({name: Value(dtype) for name, dtype in CLAIM_DTYPES.items()})


def stance_features():  # noqa: ANN201
    from datasets import Features, Value

    return Features({"doc_id": Value("string"), "subject": Value("string"),
                     "object": Value("string"), "cooperative": Value("int32"),
                     "conflictual": Value("int32"), "neutral": Value("int32"),
                     "total": Value("int32"), "net": Value("float32")})


# ---------------------------------------------------------------- records
def document_record(doc: Document) -> dict[str, Any]:
    meta = doc.metadata
    return {"doc_id": doc.doc_id, "title": meta.get("title"), "date": meta.get("date"),
            "author": meta.get("author"), "url": meta.get("url"), "speaker": meta.get("speaker"),
            "content_hash": doc.content_hash, "n_sentences": len(doc.sentences),
            "n_mentions": len(doc.mentions), "n_claims": len(doc.claims),
            "n_notes": len(doc.notes), "warnings": list(doc.warnings)}


def sentence_records(doc: Document) -> list[dict[str, Any]]:
    return [{"doc_id": doc.doc_id, "index": s.index, "start": s.start, "end": s.end,
             "text": s.text, "section": s.section, "paragraph": s.paragraph, "kind": s.kind,
             "note_refs": [{"number": r.number, "start": r.start, "end": r.end}
                           for r in s.note_refs]} for s in doc.sentences]


def mention_records(doc: Document) -> list[dict[str, Any]]:
    return [{"doc_id": doc.doc_id, "sentence": m.sentence, "start": m.start, "end": m.end,
             "text": m.text, "label": m.label, "actor": m.actor, "agent": m.agent}
            for m in doc.mentions]


def claim_records(doc: Document) -> list[dict[str, Any]]:
    return [c.record() for c in doc.claims]


def note_records(doc: Document) -> list[dict[str, Any]]:
    return [{"doc_id": doc.doc_id, **asdict(n)} for n in doc.notes]


def stance_records(docs: Iterable[Document]) -> list[dict[str, Any]]:
    """Per-document actor-pair table: counts by stance and a net score in [-1, 1]."""
    rows = []
    for doc in docs:
        table: dict[tuple[str, str], dict[str, int]] = defaultdict(
            lambda: {"cooperative": 0, "conflictual": 0, "neutral": 0})
        for claim in doc.claims:
            if claim.object is None or claim.negated:
                continue
            table[(claim.subject, claim.object)][claim.stance] += 1
        for (subject, obj), counts in sorted(table.items()):
            total = sum(counts.values())
            net = (counts["cooperative"] - counts["conflictual"]) / total
            rows.append({"doc_id": doc.doc_id, "subject": subject, "object": obj, **counts,
                         "total": total, "net": round(net, 4)})
    return rows


def corpus_stances(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stance rows summed over documents (doc_id `*`)."""
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"cooperative": 0, "conflictual": 0, "neutral": 0})
    for row in rows:
        for stance in ("cooperative", "conflictual", "neutral"):
            table[(row["subject"], row["object"])][stance] += row[stance]
    out = []
    for (subject, obj), counts in sorted(table.items()):
        total = sum(counts.values())
        out.append({"doc_id": "*", "subject": subject, "object": obj, **counts, "total": total,
                    "net": round((counts["cooperative"] - counts["conflictual"]) / total, 4)})
    return out


# ---------------------------------------------------------------- tables
def to_pandas(docs: Iterable[Document]):  # noqa: ANN201
    import pandas as pd

    rows = [r for doc in docs for r in claim_records(doc)]
    return pd.DataFrame(rows, columns=list(CLAIM_FIELDS))


def to_dataset(docs: Iterable[Document]):  # noqa: ANN201
    from datasets import Dataset

    rows = [r for doc in docs for r in claim_records(doc)]
    columns = {name: [r[name] for r in rows] for name in CLAIM_FIELDS}
    return Dataset.from_dict(columns, features=features())


# ---------------------------------------------------------------- atomic writing
@contextmanager
def atomic_path(path: Path):  # noqa: ANN201
    """Yield a temporary path beside `path`; rename it into place only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_parquet(path: Path, claims: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(claims, schema=features().arrow_schema)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)


def write_dataset(path: Path, claims: list[dict[str, Any]],
                  stances: list[dict[str, Any]]) -> None:
    """`save_to_disk` a DatasetDict with `claims` and `stances` splits, atomically.

    An empty table gets no split: `datasets` cannot load a saved split of zero rows.
    """
    from datasets import Dataset, DatasetDict, disable_progress_bars

    disable_progress_bars()
    splits = {}
    if claims:
        splits["claims"] = Dataset.from_list(claims, features=features())
    if stances:
        splits["stances"] = Dataset.from_list(stances, features=stance_features())
    data = DatasetDict(splits)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        data.save_to_disk(str(tmp / "data"))
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp / "data", path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


OUTPUT_FILES = ("documents.jsonl", "sentences.jsonl", "mentions.jsonl", "claims.jsonl",
                "notes.jsonl", "stances.jsonl")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}, line {number}: malformed JSON ({err.msg})") from None
    return records


def read_output(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Records of an earlier run, keyed by file stem (documents, sentences, ...)."""
    return {name.removesuffix(".jsonl"): read_jsonl(out / name) if (out / name).exists()
            else [] for name in OUTPUT_FILES}


def write_output(out: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write every output file of a run; each file appears whole or not at all."""
    out.mkdir(parents=True, exist_ok=True)
    for name in OUTPUT_FILES:
        write_jsonl(out / name, tables.get(name.removesuffix(".jsonl"), []))
    write_parquet(out / "claims.parquet", tables.get("claims", []))
    corpus = corpus_stances(tables.get("stances", []))
    write_dataset(out / "dataset", tables.get("claims", []), tables.get("stances", []) + corpus)


def document_tables(doc: Document) -> dict[str, list[dict[str, Any]]]:
    return {"documents": [document_record(doc)], "sentences": sentence_records(doc),
            "mentions": mention_records(doc), "claims": claim_records(doc),
            "notes": note_records(doc), "stances": stance_records([doc])}
