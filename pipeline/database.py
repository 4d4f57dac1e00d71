"""Load the pipeline's JSONL output into SQLite or PostgreSQL (SQLAlchemy Core).

Tables: `documents`, `sentences`, `mentions`, `claims`, `stances` and `schema_version`, plus
the view `stances_corpus` (stances summed over documents). Loading is incremental: a
document whose stored `content_hash` equals the new one is left alone unless `force=True`;
otherwise its rows are deleted and re-inserted in one transaction per document.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
BATCH_SIZE = 5000

metadata = MetaData()

documents_table = Table(
    "documents",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("content_hash", Text, nullable=False),
    Column("title", Text),
    Column("date", Text),
    Column("author", Text),
    Column("url", Text),
    Column("speaker", Text),
    Column("n_sentences", Integer),
    Column("n_mentions", Integer),
    Column("n_claims", Integer),
    Column("warnings", Text, nullable=False),  # JSON list of strings
    Column("loaded_at", DateTime(timezone=True), nullable=False),
)

sentences_table = Table(
    "sentences",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.doc_id"), primary_key=True),
    Column("index", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),
    Column("section", Integer),
    Column("paragraph", Integer),
    Column("kind", Text),
    Column("note_refs", Text, nullable=False),  # JSON list of {number, start, end}
)

mentions_table = Table(
    "mentions",
    metadata,
    Column("mention_id", Text, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.doc_id"), nullable=False),
    Column("sentence", Integer),  # NULL: the mention lies outside every sentence
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),
    Column("label", Text),
    Column("actor", Text),
    Column("agent", Text),
    ForeignKeyConstraint(["doc_id", "sentence"], ["sentences.doc_id", "sentences.index"]),
    Index("ix_mentions_doc_id", "doc_id"),
    Index("ix_mentions_actor", "actor"),
)

claims_table = Table(
    "claims",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.doc_id"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text),
    Column("subject", Text, nullable=False),
    Column("subject_agent", Text),
    Column("type", Text, nullable=False),
    Column("object", Text),
    Column("negated", Boolean, nullable=False),
    Column("modality", Text),
    Column("source", Text),
    Column("source_agent", Text),
    Column("topic", Text),
    Column("stance", Text),
    Column("time", Text),
    Column("text", Text),
    Column("confidence", Float),
    ForeignKeyConstraint(["doc_id", "sentence"], ["sentences.doc_id", "sentences.index"]),
    Index("ix_claims_subject_object_type", "subject", "object", "type"),
    Index("ix_claims_doc_id", "doc_id"),
)

stances_table = Table(
    "stances",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.doc_id"), primary_key=True),
    Column("subject", Text, primary_key=True),
    Column("object", Text, primary_key=True),
    Column("cooperative", Integer, nullable=False),
    Column("conflictual", Integer, nullable=False),
    Column("neutral", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("net", Float),
)

schema_version_table = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# Children first: the order rows of one document are deleted in.
DOC_TABLES: tuple[Table, ...] = (
    claims_table, mentions_table, stances_table, sentences_table, documents_table
)
TABLES: dict[str, Table] = {table.name: table for table in metadata.sorted_tables}
JSON_COLUMNS = {"documents": ("warnings",), "sentences": ("note_refs",)}

STANCES_VIEW = "stances_corpus"
STANCES_VIEW_SQL = f"""
CREATE VIEW {STANCES_VIEW} AS
SELECT subject,
       object,
       COUNT(*) AS n_documents,
       SUM(cooperative) AS cooperative,
       SUM(conflictual) AS conflictual,
       SUM(neutral) AS neutral,
       SUM(total) AS total,
       CAST(SUM(cooperative) - SUM(conflictual) AS DOUBLE PRECISION)
           / NULLIF(SUM(total), 0) AS net
FROM stances
GROUP BY subject, object
"""

# Keys a record must have (the rest default to null); the order files are loaded in.
REQUIRED: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "content_hash"),
    "sentences": ("doc_id", "index", "start", "end"),
    "mentions": ("doc_id", "start", "end"),
    "claims": ("claim_id", "doc_id", "sentence", "start", "end", "subject", "type"),
    "stances": ("doc_id", "subject", "object"),
}
OPTIONAL_FILES = frozenset({"stances"})


class SchemaVersionError(ValueError):
    """The database holds an irclaims schema of another version (or foreign tables)."""


@dataclass
class LoadReport:
    """Which documents a load inserted, replaced or skipped."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line such as '12 new, 3 changed, 185 unchanged'."""
        return f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged"


def normalize_url(url: str) -> str:
    """Turn a database argument into a SQLAlchemy URL; a bare path means a SQLite file."""
    url = str(url).strip()
    if not url:
        raise ValueError("empty database URL")
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    scheme, rest = url.split("://", 1)
    dialect = scheme.split("+", 1)[0].lower()
    if dialect in ("postgresql", "postgres"):
        driver = scheme.split("+", 1)[1] if "+" in scheme else "psycopg"
        return f"postgresql+{driver}://{rest}"
    if dialect == "sqlite":
        return url
    if dialect == "duckdb":
        if importlib.util.find_spec("duckdb_engine") is None:
            raise ValueError(
                f"database URL {url!r} needs the duckdb_engine package "
                "(pip install duckdb-engine); use sqlite:///PATH or postgresql://... instead"
            )
        return url
    raise ValueError(
        f"unsupported database URL scheme {scheme!r}: use sqlite:///PATH, a file path, "
        "postgresql://USER:PASSWORD@HOST/DB or duckdb:///PATH"
    )


def connect(url: str) -> Engine:
    """Create an engine for `url`; SQLite connections enforce foreign keys."""
    sa_url = make_url(normalize_url(url))
    if sa_url.get_backend_name() == "sqlite" and sa_url.database not in (None, "", ":memory:"):
        db_path = Path(sa_url.database)
        if not str(sa_url.database).startswith("file:"):
            db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(sa_url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_schema(engine: Engine) -> None:
    """Create missing tables, indexes and the view; check and record the schema version."""
    table_names = set(inspect(engine).get_table_names())
    if "schema_version" in table_names:
        with engine.connect() as conn:
            found = conn.execute(select(func.max(schema_version_table.c.version))).scalar()
        if found is not None and found != SCHEMA_VERSION:
            raise SchemaVersionError(
                f"database {_safe_url(engine)} has irclaims schema version {found}, but this "
                f"irclaims needs version {SCHEMA_VERSION}; load into a new database"
            )
    elif table_names & {t.name for t in DOC_TABLES}:
        raise SchemaVersionError(
            f"database {_safe_url(engine)} has tables named like irclaims tables "
            f"({', '.join(sorted(table_names & {t.name for t in DOC_TABLES}))}) but no "
            "schema_version table; use another database"
        )
    with engine.begin() as conn:
        metadata.create_all(conn, checkfirst=True)
        if conn.execute(select(func.count()).select_from(schema_version_table)).scalar() == 0:
            conn.execute(
                insert(schema_version_table),
                [{"version": SCHEMA_VERSION, "applied_at": datetime.now(timezone.utc)}],
            )
        if STANCES_VIEW not in inspect(conn).get_view_names():
            conn.execute(text(STANCES_VIEW_SQL))


def stored_hashes(engine: Engine) -> dict[str, str]:
    """Map each stored doc_id to its content_hash ({} when nothing was loaded yet)."""
    if not inspect(engine).has_table("documents"):
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(documents_table.c.doc_id, documents_table.c.content_hash))
        return {doc_id: content_hash for doc_id, content_hash in rows}


def mention_id(doc_id: str, start: int, end: int, actor: str | None) -> str:
    """Stable mention id: a hash of doc_id, start, end and actor."""
    key = "\x1f".join([doc_id, str(start), str(end), actor or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def load_records(
    engine: Engine,
    documents: Sequence[Mapping[str, Any]],
    sentences: Iterable[Mapping[str, Any]] = (),
    mentions: Iterable[Mapping[str, Any]] = (),
    claims: Iterable[Mapping[str, Any]] = (),
    stances: Iterable[Mapping[str, Any]] = (),
    force: bool = False,
) -> LoadReport:
    """Load pipeline records, replacing each new or changed document in one transaction.

    Documents whose stored content_hash equals the new one are skipped unless `force`.
    Stored documents absent from `documents` are left as they are. A record that breaks a
    constraint raises ValueError; documents loaded before it stay committed.
    """
    create_schema(engine)
    groups = _group(
        documents,
        {"sentences": sentences, "mentions": mentions, "claims": claims, "stances": stances},
    )
    hashes = stored_hashes(engine)
    report = LoadReport()
    loaded_at = datetime.now(timezone.utc)
    for doc_id, rows in groups.items():
        new_hash = rows["documents"][0]["content_hash"]
        old_hash = hashes.get(doc_id)
        if old_hash == new_hash and not force:
            report.unchanged.append(doc_id)
            continue
        rows["documents"][0]["loaded_at"] = loaded_at
        try:
            with engine.begin() as conn:
                for table in DOC_TABLES:
                    conn.execute(delete(table).where(table.c.doc_id == doc_id))
                for table in reversed(DOC_TABLES):
                    for batch in _batches(rows[table.name]):
                        conn.execute(insert(table), batch)
        except (IntegrityError, DataError) as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ValueError(f"document {doc_id!r} violates a database constraint: {reason}") \
                from exc
        (report.new if old_hash is None else report.changed).append(doc_id)
    return report


def load_output_dir(out_dir: Path, url: str, force: bool = False) -> LoadReport:
    """Read the JSONL files written by `irclaims extract` from `out_dir` and load them."""
    out_dir = Path(out_dir)
    records: dict[str, list[dict[str, Any]]] = {}
    for name in REQUIRED:
        path = out_dir / f"{name}.jsonl"
        if not path.is_file():
            if name in OPTIONAL_FILES:
                records[name] = []
                continue
            raise ValueError(f"{path}: file not found (is {out_dir} an extract output folder?)")
        records[name] = list(_read_jsonl(path, name))
    doc_ids = {record["doc_id"] for record in records["documents"]}
    for name, rows in records.items():
        for record in rows:
            if record["doc_id"] not in doc_ids:
                raise ValueError(
                    f"{out_dir / (name + '.jsonl')} line {record['_line']}: doc_id "
                    f"{record['doc_id']!r} is not in documents.jsonl"
                )
    engine = connect(url)
    try:
        return load_records(
            engine,
            records["documents"],
            records["sentences"],
            records["mentions"],
            records["claims"],
            records["stances"],
            force=force,
        )
    finally:
        engine.dispose()


def read_table(url: str, table: str) -> pd.DataFrame:
    """Read one table or the stances_corpus view into a DataFrame (JSON columns decoded)."""
    import pandas as pd

    if table not in TABLES and table != STANCES_VIEW:
        raise ValueError(
            f"unknown table {table!r}; choose one of {', '.join([*TABLES, STANCES_VIEW])}"
        )
    engine = connect(url)
    try:
        with engine.connect() as conn:
            found = inspect(conn)
            if not (found.has_table(table) or table in found.get_view_names()):
                raise ValueError(f"{_safe_url(engine)} has no {table!r}; load data first")
            query = select(TABLES[table]) if table in TABLES else text(
                f"SELECT * FROM {STANCES_VIEW}"
            )
            frame = pd.read_sql_query(query, conn)
    finally:
        engine.dispose()
    for column in JSON_COLUMNS.get(table, ()):
        frame[column] = frame[column].map(lambda value: json.loads(value) if value else [])
    return frame


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for offset in range(0, len(rows), BATCH_SIZE):
        yield rows[offset:offset + BATCH_SIZE]


def _missing(name: str, record: Any) -> str | None:
    """Why `record` cannot be a `name` record, or None when it can."""
    if not isinstance(record, Mapping):
        return f"expected a JSON object, got {type(record).__name__}"
    missing = [key for key in REQUIRED[name] if record.get(key) is None]
    if missing:
        return f"missing {', '.join(missing)}"
    return None


def _read_jsonl(path: Path, name: str) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path} line {number}: malformed JSON ({exc.msg})") from None
            problem = _missing(name, record)
            if problem:
                raise ValueError(f"{path} line {number}: {problem}")
            yield {**record, "_line": number}


def _group(
    documents: Sequence[Mapping[str, Any]], children: Mapping[str, Iterable[Mapping[str, Any]]]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Convert records to rows grouped by doc_id; duplicate keys keep the first record."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for number, record in enumerate(documents, start=1):
        _check("documents", number, record)
        if record["doc_id"] in groups:
            log.warning("documents: duplicate doc_id %r ignored", record["doc_id"])
            continue
        groups[record["doc_id"]] = {table.name: [] for table in DOC_TABLES}
        groups[record["doc_id"]]["documents"].append(_document_row(record))
    converters = {
        "sentences": _sentence_row,
        "mentions": _mention_row,
        "claims": _claim_row,
        "stances": _stance_row,
    }
    keys = {
        "sentences": ("doc_id", "index"),
        "mentions": ("mention_id",),
        "claims": ("claim_id",),
        "stances": ("doc_id", "subject", "object"),
    }
    for name, records in children.items():
        seen: set[tuple[Any, ...]] = set()
        for number, record in enumerate(records, start=1):
            _check(name, number, record)
            if record["doc_id"] not in groups:
                raise ValueError(
                    f"{name} record {number}: doc_id {record['doc_id']!r} has no documents record"
                )
            row = converters[name](record)
            key = tuple(row[column] for column in keys[name])
            if key in seen:
                log.warning("%s: duplicate key %s ignored (kept the first record)", name, key)
                continue
            seen.add(key)
            groups[record["doc_id"]][name].append(row)
    return groups


def _check(name: str, number: int, record: Any) -> None:
    problem = _missing(name, record)
    if problem:
        line = record.get("_line", number) if isinstance(record, Mapping) else number
        raise ValueError(f"{name} record {line}: {problem}")


def _json_list(value: Any) -> str:
    return json.dumps(list(value or []), ensure_ascii=False)


def _document_row(r: Mapping[str, Any]) -> dict[str, Any]:
    row = {key: r.get(key) for key in ("doc_id", "content_hash", "title", "date", "author",
                                       "url", "speaker", "n_sentences", "n_mentions",
                                       "n_claims")}
    row["warnings"] = _json_list(r.get("warnings"))
    row["loaded_at"] = None
    return row


def _sentence_row(r: Mapping[str, Any]) -> dict[str, Any]:
    row = {key: r.get(key) for key in ("doc_id", "index", "start", "end", "text", "section",
                                       "paragraph", "kind")}
    row["note_refs"] = _json_list(r.get("note_refs"))
    return row


def _mention_row(r: Mapping[str, Any]) -> dict[str, Any]:
    sentence = r.get("sentence")
    return {
        "mention_id": mention_id(r["doc_id"], r["start"], r["end"], r.get("actor")),
        "doc_id": r["doc_id"],
        "sentence": sentence if sentence is not None and sentence >= 0 else None,
        **{key: r.get(key) for key in ("start", "end", "text", "label", "actor", "agent")},
    }


def _claim_row(r: Mapping[str, Any]) -> dict[str, Any]:
    row = {column.name: r.get(column.name) for column in claims_table.columns}
    row["negated"] = bool(r.get("negated", False))
    if row["confidence"] is not None:
        row["confidence"] = float(row["confidence"])
    return row


def _stance_row(r: Mapping[str, Any]) -> dict[str, Any]:
    row = {column.name: r.get(column.name) for column in stances_table.columns}
    for key in ("cooperative", "conflictual", "neutral", "total"):
        row[key] = int(row[key] or 0)
    return row
