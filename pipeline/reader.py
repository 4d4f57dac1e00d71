"""Read input documents: text files, folders, JSONL records and standard input.

Each input becomes a `RawDocument` (doc_id, text, metadata) or an `InputError` with a
one-line message. Reading never strips or normalizes the text: offsets count from the
file's first character (spec section 1).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
METADATA_FIELDS = ("title", "date", "author", "url", "speaker")
HEADER_KEYS = frozenset(
    {"id", "url", "section", "title", "author", "published", "date", "keywords", "source",
     "speaker", "language", "lang"}
)
HEADER_LINE = re.compile(r"([A-Za-z_][\w-]*): ?(.*)")
UNGD_NAME = re.compile(r"([A-Z]{3})_(\d+)_(\d{4})")


class InputError(Exception):
    """An input that cannot be processed; the message is one line naming the input."""


@dataclass
class RawDocument:
    doc_id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    origin: str = ""


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes, refusing empty, binary and non-UTF-8 input."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 first"
        ) from None
    return text  # a byte-order mark stays: offsets count every decoded character


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Split a leading block of `key: value` lines ended by a blank line.

    Returns the header fields and the offset of the first body character (0 if none).
    Only known keys count, so an opening sentence such as "Note: ..." stays text.
    """
    fields: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.strip():
            if len(fields) >= 2:
                return fields, offset + len(line)
            break
        match = HEADER_LINE.fullmatch(line.rstrip("\r\n"))
        if not match or match.group(1).lower() not in HEADER_KEYS:
            break
        fields[match.group(1).lower()] = match.group(2).strip()
        offset += len(line)
    return {}, 0


def metadata_from_header(fields: dict[str, str]) -> dict[str, Any]:
    meta: dict[str, Any] = {k: v for k, v in fields.items() if k in METADATA_FIELDS and v}
    published = fields.get("published")
    if published and "date" not in meta:
        match = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", published)
        if match:
            meta["date"] = match.group(0)
    extra = {k: v for k, v in fields.items() if k not in METADATA_FIELDS and k != "published"}
    if extra:
        meta["extra"] = extra
    return meta


def metadata_from_name(stem: str) -> dict[str, Any]:
    """UN General Debate files (`POL_78_2023`): speaker and year from the name."""
    match = UNGD_NAME.fullmatch(stem)
    if not match:
        return {}
    return {"speaker": match.group(1), "date": match.group(3)}


def raw_document(doc_id: str, text: str, origin: str,
                 metadata: dict[str, Any] | None = None) -> RawDocument:
    fields, body_start = parse_header(text)
    meta = metadata_from_name(doc_id)
    meta.update(metadata_from_header(fields))
    meta.update(metadata or {})
    return RawDocument(doc_id, text, meta, body_start, origin)


def read_text_file(path: Path) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return raw_document(path.stem, decode(data, str(path)), str(path))


def read_jsonl(lines: Iterator[bytes] | list[bytes], name: str
               ) -> Iterator[RawDocument | InputError]:
    """Yield one document per JSONL record, or an error naming the bad line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}, line {number}"
        try:
            record = json.loads(decode(raw, where))
        except InputError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield InputError(f"{where}: malformed JSON ({err.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: a record must be a JSON object")
            continue
        missing = [key for key in ("id", "text") if key not in record]
        if missing:
            yield InputError(f"{where}: record has no {' or '.join(repr(k) for k in missing)}")
            continue
        if not isinstance(record["text"], str) or not record["text"].strip():
            yield InputError(f"{where}: 'text' must be a non-empty string")
            continue
        meta = {k: str(record[k]) for k in METADATA_FIELDS if record.get(k) is not None}
        yield raw_document(str(record["id"]), record["text"], where, meta)


def iter_inputs(inputs: list[str]) -> Iterator[RawDocument | InputError]:
    """Expand CLI inputs into documents, yielding an `InputError` for each bad one."""
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            try:
                yield raw_document("stdin", decode(data, "<stdin>"), "<stdin>")
            except InputError as err:
                yield err
            continue
        path = Path(item)
        if not path.exists():
            yield InputError(f"{path}: no such file or folder")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield InputError(f"{path}: folder holds no .txt or .md file")
            for file in files:
                try:
                    yield read_text_file(file)
                except InputError as err:
                    yield err
        elif path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    lines = handle.readlines()
            except OSError as err:
                yield InputError(f"{path}: cannot read ({err.strerror})")
                continue
            if not any(line.strip() for line in lines):
                yield InputError(f"{path}: empty file")
                continue
            yield from read_jsonl(lines, str(path))
        elif path.suffix.lower() in TEXT_SUFFIXES:
            try:
                yield read_text_file(path)
            except InputError as err:
                yield err
        else:
            yield InputError(
                f"{path}: unknown format '{path.suffix or '(none)'}' (use .txt, .md or .jsonl)"
            )
