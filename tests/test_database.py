"""Tests for pipeline.database on SQLite and, when reachable, PostgreSQL.

PostgreSQL runs when IRCLAIMS_TEST_POSTGRES_URL is set (see .ci/start-postgres.sh); each test
gets a fresh schema there, dropped afterwards.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from pipeline import database
from pipeline.database import (
    SCHEMA_VERSION,
    LoadReport,
    SchemaVersionError,
    connect,
    create_schema,
    load_output_dir,
    load_records,
    normalize_url,
    read_table,
    stored_hashes,
)

PG_ENV = "IRCLAIMS_TEST_POSTGRES_URL"
FILES = ("documents", "sentences", "mentions", "claims", "stances")
STANCE_OF = {"cooperative", "conflictual", "neutral"}

# Each document: sentences (joined by one space), mentions (sentence, surface, label, actor,
# agent) and claims (sentence, subject, type, object, stance, time, extra fields).
DOC_SPECS: list[dict[str, Any]] = [
    {
        "doc_id": "ru-cn-2014",
        "meta": {"title": "Russia and China", "date": "2014-05-20", "author": "A. Writer",
                 "url": "https://example.org/ru-cn", "speaker": None},
        "sentences": [
            "Russia criticized China over the border talks in 2014.",
            "Moscow remains wary of Beijing.",
            "Russia wants closer ties with China.",
        ],
        "mentions": [
            (0, "Russia", "STATE", "RUS", None), (0, "China", "STATE", "CHN", None),
            (1, "Moscow", "STATE", "RUS", None), (1, "Beijing", "STATE", "CHN", None),
            (2, "Russia", "STATE", "RUS", None), (2, "China", "STATE", "CHN", None),
        ],
        "claims": [
            (0, "RUS", "OPPOSE", "CHN", "conflictual", "2014", {}),
            (1, "RUS", "CONCERN", "CHN", "conflictual", None, {}),
            (2, "RUS", "SEEK_COOPERATION", "CHN", "cooperative", None, {"modality": "normative"}),
        ],
    },
    {
        "doc_id": "jp-ru-2011",
        "meta": {"title": "Drills", "date": "2011-06-01", "author": None, "url": None,
                 "speaker": None},
        "sentences": [
            "Russia held naval drills near Japan in May 2011.",
            "Lavrov accused China of bad faith in May 2011.",
            "Japan and Russia signed an energy deal.",
        ],
        "mentions": [
            (0, "Russia", "STATE", "RUS", None), (0, "Japan", "STATE", "JPN", None),
            (1, "Lavrov", "PERSON", "RUS", "Lavrov"), (1, "China", "STATE", "CHN", None),
            (2, "Japan", "STATE", "JPN", None), (2, "Russia", "STATE", "RUS", None),
        ],
        "claims": [
            (0, "RUS", "MILITARY_ACTION", "JPN", "conflictual", "2011-05", {"topic": "MARITIME"}),
            (1, "RUS", "OPPOSE", "CHN", "conflictual", "2011-05",
             {"subject_agent": "Lavrov", "source": "RUS", "source_agent": "Lavrov"}),
            (2, "JPN", "AGREE", "RUS", "cooperative", None, {"topic": "ENERGY"}),
        ],
        "warnings": ["no date in header"],
    },
    {
        "doc_id": "POL_78_2023",
        "meta": {"title": None, "date": "2023", "author": None, "url": None, "speaker": "POL"},
        "sentences": [
            "Russia may seek to contain China, as it has since 2012.1",
            "We do not support Russia.",
            "Poland and Japan cooperate on energy.",
        ],
        "note_refs": {0: [{"number": 1}]},
        "mentions": [
            (0, "Russia", "STATE", "RUS", None), (0, "China", "STATE", "CHN", None),
            (1, "Russia", "STATE", "RUS", None),
            (2, "Poland", "STATE", "POL", None), (2, "Japan", "STATE", "JPN", None),
        ],
        "claims": [
            (0, "RUS", "CONTAIN", "CHN", "conflictual", "2012", {"modality": "hedged"}),
            (1, "POL", "SUPPORT", "RUS", "cooperative", None, {"negated": True}),
            (2, "POL", "COOPERATE", "JPN", "cooperative", None, {"topic": "ENERGY"}),
        ],
    },
]


def sha(*parts: Any) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def build_records(specs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Turn DOC_SPECS into the five record lists `irclaims extract` writes."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in FILES}
    for spec in specs:
        doc_id = spec["doc_id"]
        doc_text = " ".join(spec["sentences"])
        spans, offset = [], 0
        for index, sentence in enumerate(spec["sentences"]):
            spans.append((offset, offset + len(sentence)))
            refs = []
            for ref in spec.get("note_refs", {}).get(index, []):
                end = offset + len(sentence)
                refs.append({"number": ref["number"], "start": end - 1, "end": end})
            out["sentences"].append({
                "doc_id": doc_id, "index": index, "start": spans[-1][0], "end": spans[-1][1],
                "text": sentence, "section": 0, "paragraph": index // 2, "kind": "body",
                "note_refs": refs,
            })
            offset += len(sentence) + 1
        for sent, surface, label, actor, agent in spec["mentions"]:
            start = spans[sent][0] + spec["sentences"][sent].index(surface)
            out["mentions"].append({
                "doc_id": doc_id, "sentence": sent, "start": start, "end": start + len(surface),
                "text": surface, "label": label, "actor": actor, "agent": agent,
            })
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(
            lambda: dict.fromkeys(STANCE_OF, 0)
        )
        doc_claims = []
        for sent, subject, type_, obj, stance, time, extra in spec["claims"]:
            start, end = spans[sent]
            record = {
                "claim_id": sha(doc_id, start, end, subject, type_, obj),
                "doc_id": doc_id, "sentence": sent, "start": start, "end": end,
                "evidence": doc_text[start:end], "subject": subject, "subject_agent": None,
                "type": type_, "object": obj, "negated": False, "modality": "asserted",
                "source": "AUTHOR", "source_agent": None, "topic": "DIPLOMACY",
                "stance": stance, "time": time, "text": f"{subject} {type_} {obj}",
                "confidence": 0.75,
            }
            record.update(extra)
            doc_claims.append(record)
            counts[(subject, obj)][stance] += 1
        out["claims"].extend(doc_claims)
        for (subject, obj), c in sorted(counts.items()):
            total = sum(c.values())
            out["stances"].append({
                "doc_id": doc_id, "subject": subject, "object": obj, **c, "total": total,
                "net": (c["cooperative"] - c["conflictual"]) / total,
            })
        out["documents"].append({
            "doc_id": doc_id, **spec["meta"],
            "content_hash": hashlib.sha256(doc_text.encode()).hexdigest(),
            "n_sentences": len(spec["sentences"]), "n_mentions": len(spec["mentions"]),
            "n_claims": len(doc_claims), "warnings": spec.get("warnings", []),
        })
    return out


def write_output(out_dir: Path, specs: list[dict[str, Any]]) -> dict[str, list[dict]]:
    records = build_records(specs)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in records.items():
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
        (out_dir / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")
    return records


def line_count(out_dir: Path, name: str) -> int:
    return sum(1 for line in (out_dir / f"{name}.jsonl").read_text().splitlines() if line)


def count(engine: Engine, table: str, where: str = "") -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT COUNT(*) FROM {table} {where}")).scalar_one()


def column(engine: Engine, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), params).scalars())


# ---- backends -------------------------------------------------------------------------------


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = connect(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_output(out, DOC_SPECS)
    return out


# ---- loading --------------------------------------------------------------------------------


def test_load_counts_match_jsonl(out_dir: Path, db_url: str, engine: Engine) -> None:
    report = load_output_dir(out_dir, db_url)
    assert report.new == [spec["doc_id"] for spec in DOC_SPECS]
    assert report.changed == [] and report.unchanged == []
    assert report.summary() == "3 new, 0 changed, 0 unchanged"
    for name in FILES:
        assert count(engine, name) == line_count(out_dir, name), name
    if engine.dialect.name == "postgresql":
        assert column(engine, "SELECT current_schema()")[0].startswith("irclaims_test_")


def test_second_load_is_unchanged(out_dir: Path, db_url: str, engine: Engine) -> None:
    load_output_dir(out_dir, db_url)
    before = {name: count(engine, name) for name in FILES}
    stamps = column(engine, "SELECT loaded_at FROM documents ORDER BY doc_id")
    report = load_output_dir(out_dir, db_url)
    assert report.unchanged == [spec["doc_id"] for spec in DOC_SPECS]
    assert report.summary() == "0 new, 0 changed, 3 unchanged"
    assert {name: count(engine, name) for name in FILES} == before
    assert column(engine, "SELECT loaded_at FROM documents ORDER BY doc_id") == stamps


def test_changed_document_is_replaced(
    out_dir: Path, tmp_path: Path, db_url: str, engine: Engine
) -> None:
    old = build_records(DOC_SPECS)
    load_output_dir(out_dir, db_url)
    stamps = dict(
        zip(column(engine, "SELECT doc_id FROM documents ORDER BY doc_id"),
            column(engine, "SELECT loaded_at FROM documents ORDER BY doc_id"), strict=True)
    )
    specs = copy.deepcopy(DOC_SPECS)
    changed = specs[1]
    changed["sentences"][2] = "Japan and Russia cooperated on an energy project."
    changed["claims"][2] = (2, "JPN", "COOPERATE", "RUS", "cooperative", "2011", {})
    new = write_output(tmp_path / "out2", specs)

    report = load_output_dir(tmp_path / "out2", db_url)
    assert report.changed == ["jp-ru-2011"]
    assert report.new == [] and report.unchanged == ["ru-cn-2014", "POL_78_2023"]

    def ids(records: dict[str, list[dict]], doc_id: str) -> set[str]:
        return {c["claim_id"] for c in records["claims"] if c["doc_id"] == doc_id}

    stored = set(column(engine, "SELECT claim_id FROM claims WHERE doc_id = :d", d="jp-ru-2011"))
    assert stored == ids(new, "jp-ru-2011") != ids(old, "jp-ru-2011")
    assert column(engine, "SELECT type FROM claims WHERE doc_id = 'jp-ru-2011' AND sentence = 2") \
        == ["COOPERATE"]
    assert column(engine, "SELECT content_hash FROM documents WHERE doc_id = 'jp-ru-2011'") == [
        d["content_hash"] for d in new["documents"] if d["doc_id"] == "jp-ru-2011"
    ]
    assert column(engine, 'SELECT text FROM sentences WHERE doc_id = \'jp-ru-2011\' '
                          'AND "index" = 2') == [changed["sentences"][2]]
    for doc_id in ("ru-cn-2014", "POL_78_2023"):
        assert set(column(engine, "SELECT claim_id FROM claims WHERE doc_id = :d", d=doc_id)) \
            == ids(old, doc_id)
        assert column(engine, "SELECT loaded_at FROM documents WHERE doc_id = :d", d=doc_id) \
            == [stamps[doc_id]]
    for name in FILES:
        assert count(engine, name) == line_count(tmp_path / "out2", name), name


def test_force_reloads_everything(out_dir: Path, db_url: str, engine: Engine) -> None:
    load_output_dir(out_dir, db_url)
    report = load_output_dir(out_dir, db_url, force=True)
    assert report.changed == [spec["doc_id"] for spec in DOC_SPECS]
    assert report.summary() == "0 new, 3 changed, 0 unchanged"
    for name in FILES:
        assert count(engine, name) == line_count(out_dir, name), name


def test_missing_stances_file_and_documents_outside_the_load(
    out_dir: Path, tmp_path: Path, db_url: str, engine: Engine
) -> None:
    load_output_dir(out_dir, db_url)
    partial = tmp_path / "partial"
    write_output(partial, [DOC_SPECS[0]])
    (partial / "stances.jsonl").unlink()
    report = load_output_dir(partial, db_url, force=True)
    assert report.summary() == "0 new, 1 changed, 0 unchanged"
    assert count(engine, "documents") == 3  # documents not in the load stay
    assert count(engine, "stances", "WHERE doc_id = 'ru-cn-2014'") == 0
    assert count(engine, "stances") > 0


def test_stored_hashes(out_dir: Path, db_url: str, engine: Engine) -> None:
    assert stored_hashes(engine) == {}
    load_output_dir(out_dir, db_url)
    expected = {d["doc_id"]: d["content_hash"] for d in build_records(DOC_SPECS)["documents"]}
    assert stored_hashes(engine) == expected


# ---- integrity and schema -------------------------------------------------------------------


def test_foreign_keys_are_enforced(out_dir: Path, db_url: str, engine: Engine) -> None:
    load_output_dir(out_dir, db_url)
    claim = dict(build_records(DOC_SPECS)["claims"][0], claim_id="orphan", sentence=99)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(database.claims_table), [claim])
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(database.sentences_table), [{
            "doc_id": "nowhere", "index": 0, "start": 0, "end": 1, "note_refs": "[]"}])
    assert count(engine, "claims", "WHERE claim_id = 'orphan'") == 0


def test_failed_document_rolls_back(db_url: str, engine: Engine) -> None:
    records = build_records(DOC_SPECS)
    bad = [dict(c) for c in records["claims"]]
    bad[-1]["sentence"] = 42  # the last document's claim points to a missing sentence
    with pytest.raises(ValueError, match="POL_78_2023"):
        load_records(engine, records["documents"], records["sentences"], records["mentions"],
                     bad, records["stances"])
    assert sorted(stored_hashes(engine)) == ["jp-ru-2011", "ru-cn-2014"]
    for name in ("sentences", "mentions", "claims", "stances"):
        assert count(engine, name, "WHERE doc_id = 'POL_78_2023'") == 0, name


def test_record_for_unknown_document(db_url: str, engine: Engine) -> None:
    records = build_records(DOC_SPECS[:1])
    stray = dict(records["claims"][0], doc_id="ghost")
    with pytest.raises(ValueError, match="ghost"):
        load_records(engine, records["documents"], records["sentences"], [], [stray], [])


def test_duplicate_claim_id_keeps_first(
    db_url: str, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    records = build_records(DOC_SPECS)
    first = records["claims"][0]
    duplicate = dict(first, text="a second record with the same claim_id")
    with caplog.at_level(logging.WARNING, logger="pipeline.database"):
        load_records(engine, records["documents"], records["sentences"], records["mentions"],
                     [*records["claims"], duplicate], records["stances"])
    assert "duplicate" in caplog.text and first["claim_id"] in caplog.text
    assert count(engine, "claims") == len(records["claims"])
    assert column(engine, "SELECT text FROM claims WHERE claim_id = :c", c=first["claim_id"]) \
        == [first["text"]]


def test_schema_version(db_url: str, engine: Engine) -> None:
    create_schema(engine)
    create_schema(engine)  # idempotent
    assert column(engine, "SELECT version FROM schema_version") == [SCHEMA_VERSION]
    with engine.begin() as conn:
        conn.execute(update(database.schema_version_table).values(version=99))
    with pytest.raises(SchemaVersionError, match="version 99.*needs version 1"):
        create_schema(engine)


def test_foreign_tables_are_refused(db_url: str, engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE documents (id INTEGER PRIMARY KEY)"))
    with pytest.raises(SchemaVersionError, match="no schema_version"):
        create_schema(engine)


def test_indexes_exist(db_url: str, engine: Engine) -> None:
    create_schema(engine)
    found = inspect(engine)

    def indexes(table: str) -> dict[str, list[str]]:
        return {ix["name"]: ix["column_names"] for ix in found.get_indexes(table)}

    assert indexes("claims") == {
        "ix_claims_subject_object_type": ["subject", "object", "type"],
        "ix_claims_doc_id": ["doc_id"],
    }
    assert indexes("mentions") == {"ix_mentions_doc_id": ["doc_id"],
                                   "ix_mentions_actor": ["actor"]}
    assert found.get_pk_constraint("sentences")["constrained_columns"] == ["doc_id", "index"]
    assert found.get_pk_constraint("stances")["constrained_columns"] == [
        "doc_id", "subject", "object"]
    fks = {tuple(fk["constrained_columns"]): fk["referred_table"]
           for fk in found.get_foreign_keys("claims")}
    assert fks == {("doc_id",): "documents", ("doc_id", "sentence"): "sentences"}
    assert "stances_corpus" in found.get_view_names()


# ---- analysis -------------------------------------------------------------------------------


def test_stances_corpus_view(out_dir: Path, db_url: str, engine: Engine) -> None:
    load_output_dir(out_dir, db_url)
    expected: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in build_records(DOC_SPECS)["stances"]:
        sums = expected[(row["subject"], row["object"])]
        for key in ("cooperative", "conflictual", "neutral", "total"):
            sums[key] += row[key]
        sums["n_documents"] += 1
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT subject, object, n_documents, cooperative, conflictual, neutral, total, net "
            "FROM stances_corpus ORDER BY subject, object")).mappings().all()
    assert [(r["subject"], r["object"]) for r in rows] == sorted(expected)
    for r in rows:
        sums = expected[(r["subject"], r["object"])]
        for key in ("n_documents", "cooperative", "conflictual", "neutral", "total"):
            assert r[key] == sums[key], (r, key)
        net = (sums["cooperative"] - sums["conflictual"]) / sums["total"]
        assert r["net"] == pytest.approx(net)
    rus_chn = next(r for r in rows if (r["subject"], r["object"]) == ("RUS", "CHN"))
    assert (rus_chn["n_documents"], rus_chn["cooperative"], rus_chn["conflictual"]) == (3, 1, 4)
    assert rus_chn["net"] == pytest.approx(-0.6)
    assert isinstance(rus_chn["net"], float)


ANALYST_QUERY = """
SELECT doc_id, sentence, type, time, evidence
FROM claims
WHERE subject = 'RUS' AND object = 'CHN' AND stance = 'conflictual'
  AND (time IS NULL OR time >= '2012')
ORDER BY doc_id, sentence
"""

TOP_PAIRS_QUERY = """
SELECT subject, object, n_documents, total, net
FROM stances_corpus
WHERE total >= :min_total
ORDER BY net ASC, total DESC, subject, object
LIMIT 10
"""


def test_analyst_query(out_dir: Path, db_url: str, engine: Engine) -> None:
    load_output_dir(out_dir, db_url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(text(ANALYST_QUERY))]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("POL_78_2023", 0, "CONTAIN", "2012"),
        ("ru-cn-2014", 0, "OPPOSE", "2014"),
        ("ru-cn-2014", 1, "CONCERN", None),
    ]
    assert rows[2][4] == "Moscow remains wary of Beijing."
    with engine.connect() as conn:
        top = [tuple(r) for r in conn.execute(text(TOP_PAIRS_QUERY), {"min_total": 1})]
    assert [(r[0], r[1]) for r in top[:2]] == [("RUS", "JPN"), ("RUS", "CHN")]
    assert top[1][2:] == (3, 5, pytest.approx(-0.6))
    with engine.connect() as conn:
        top = [tuple(r) for r in conn.execute(text(TOP_PAIRS_QUERY), {"min_total": 2})]
    assert [(r[0], r[1]) for r in top] == [("RUS", "CHN")]


def test_read_table(out_dir: Path, db_url: str) -> None:
    load_output_dir(out_dir, db_url)
    claims = read_table(db_url, "claims")
    assert isinstance(claims, pd.DataFrame)
    assert len(claims) == line_count(out_dir, "claims")
    assert list(claims.columns) == [c.name for c in database.claims_table.columns]
    assert claims["negated"].dtype == bool and claims["negated"].sum() == 1
    docs = read_table(db_url, "documents").set_index("doc_id")
    assert docs.loc["jp-ru-2011", "warnings"] == ["no date in header"]
    sentences = read_table(db_url, "sentences")
    refs = sentences.loc[sentences["doc_id"] == "POL_78_2023", "note_refs"].iloc[0]
    assert refs[0]["number"] == 1
    corpus = read_table(db_url, "stances_corpus")
    assert {"subject", "object", "net"} <= set(corpus.columns)
    with pytest.raises(ValueError, match="unknown table"):
        read_table(db_url, "claims; DROP TABLE claims")


# ---- files and URLs (no database server needed) ---------------------------------------------


def test_report_summary() -> None:
    report = LoadReport(new=["a"] * 12, changed=["b"] * 3, unchanged=["c"] * 185)
    assert report.summary() == "12 new, 3 changed, 185 unchanged"


def test_normalize_url(monkeypatch: pytest.MonkeyPatch) -> None:
    assert normalize_url("postgresql://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalize_url("out/claims.db") == "sqlite:///out/claims.db"
    assert normalize_url("/tmp/claims.db") == "sqlite:////tmp/claims.db"
    monkeypatch.setattr(database.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ValueError, match="duckdb_engine"):
        normalize_url("duckdb:///x.duckdb")
    with pytest.raises(ValueError, match="unsupported"):
        normalize_url("mysql://u@h/db")


def test_bare_path_creates_sqlite_file(out_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "new" / "claims.db"
    assert load_output_dir(out_dir, str(path)).summary() == "3 new, 0 changed, 0 unchanged"
    assert path.is_file()


def test_missing_documents_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"documents\.jsonl: file not found"):
        load_output_dir(tmp_path, f"sqlite:///{tmp_path / 'x.db'}")


@pytest.mark.parametrize(
    ("line", "problem"),
    [("{not json", "malformed JSON"), ("[1, 2]", "expected a JSON object"),
     ('{"doc_id": "ru-cn-2014", "claim_id": "x"}', "missing sentence")],
)
def test_malformed_line(out_dir: Path, tmp_path: Path, line: str, problem: str) -> None:
    path = out_dir / "claims.jsonl"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], line, *lines[1:]]) + "\n")
    with pytest.raises(ValueError) as info:
        load_output_dir(out_dir, f"sqlite:///{tmp_path / 'x.db'}")
    message = str(info.value)
    assert "claims.jsonl line 2" in message and problem in message and "\n" not in message
    assert not (tmp_path / "x.db").exists()  # nothing is written for a malformed output


def test_unknown_doc_id_in_file(out_dir: Path, tmp_path: Path) -> None:
    path = out_dir / "mentions.jsonl"
    record = json.loads(path.read_text().splitlines()[0])
    with path.open("a") as handle:
        handle.write(json.dumps(dict(record, doc_id="ghost")) + "\n")
    with pytest.raises(ValueError, match=r"mentions\.jsonl line \d+: doc_id 'ghost'"):
        load_output_dir(out_dir, f"sqlite:///{tmp_path / 'x.db'}")


def test_mention_outside_sentences_is_stored_with_null_sentence(tmp_path: Path) -> None:
    records = build_records(DOC_SPECS[:1])
    records["mentions"][0]["sentence"] = -1
    engine = connect(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        load_records(engine, records["documents"], records["sentences"], records["mentions"],
                     records["claims"], records["stances"])
        with engine.connect() as conn:
            nulls = conn.execute(select(database.mentions_table.c.mention_id).where(
                database.mentions_table.c.sentence.is_(None))).all()
        assert len(nulls) == 1
    finally:
        engine.dispose()
