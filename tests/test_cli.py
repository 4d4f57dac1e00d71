"""The extract command: outputs, bad input, atomic writes, incremental re-runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline.cli import main

from .conftest import ROOT, SEED

SCHEMA = json.loads((ROOT / "pipeline" / "schemas" / "records.schema.json").read_text())


def run(*args: str) -> int:
    return main(["extract", *args, "--quiet", "--no-classifier"])


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    assert run(str(SEED), "--out", str(out)) == 0
    return out


def test_every_output_written(seed_out):
    for name in ("documents.jsonl", "sentences.jsonl", "mentions.jsonl", "claims.jsonl",
                 "stances.jsonl", "notes.jsonl", "claims.parquet"):
        assert (seed_out / name).stat().st_size > 0, name
    assert (seed_out / "dataset" / "dataset_dict.json").exists()
    assert not list(seed_out.glob(".*")), "temporary files left behind"


def test_records_match_schema_and_text(seed_out):
    text = SEED.read_text(encoding="utf-8")
    validator = {k: jsonschema.Draft202012Validator({**SCHEMA, "$ref": f"#/$defs/{k}"})
                 for k in ("sentence", "mention", "claim")}
    for name, kind, field in (("sentences", "sentence", "text"), ("mentions", "mention", "text"),
                              ("claims", "claim", "evidence")):
        records = lines(seed_out / f"{name}.jsonl")
        assert records
        for record in records:
            validator[kind].validate(record)
            assert text[record["start"]:record["end"]] == record[field]


def test_schema_rejects_bad_records():
    validator = jsonschema.Draft202012Validator({**SCHEMA, "$ref": "#/$defs/claim"})
    good = {"claim_id": "x", "doc_id": "d", "sentence": 0, "start": 0, "end": 5,
            "evidence": "Hello", "subject": "RUS", "subject_agent": None, "type": "OPPOSE",
            "object": "JPN", "negated": False, "modality": "asserted", "source": "AUTHOR",
            "source_agent": None, "topic": "OTHER", "stance": "conflictual", "time": "2013-07",
            "text": "Russia opposes Japan", "confidence": 0.5}
    validator.validate(good)
    for change in ({"type": "HUG"}, {"object": None}, {"time": "July 2013"},
                   {"subject": "russia"}, {"modality": "sure"}):
        assert not validator.is_valid({**good, **change}), change


def test_documents_record_and_metadata(tmp_path):
    voa = ROOT / "corpus" / "8011117.txt"
    ungd = ROOT / "corpus" / "KOR_78_2023.txt"
    assert run(str(voa), str(ungd), "--out", str(tmp_path)) == 0
    docs = {d["doc_id"]: d for d in lines(tmp_path / "documents.jsonl")}
    assert docs["8011117"]["date"] == "2025-03-14"
    assert docs["8011117"]["author"] == "Sirwan Kajjo"
    assert docs["8011117"]["title"].startswith("Analysts see flaws")
    assert docs["KOR_78_2023"]["speaker"] == "KOR"
    sentences = lines(tmp_path / "sentences.jsonl")
    text = voa.read_text(encoding="utf-8")
    body = text.index("Syria’s newly adopted")
    assert min(s["start"] for s in sentences if s["doc_id"] == "8011117") == body


def test_jsonl_input_keeps_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 7, "text": "Russia criticized Japan.", "date": "2020-01-02"})
                   + "\n", encoding="utf-8")
    assert run(str(src), "--out", str(tmp_path / "out")) == 0
    docs = lines(tmp_path / "out" / "documents.jsonl")
    assert docs[0]["doc_id"] == "7" and docs[0]["date"] == "2020-01-02"


def bad_input(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG", "binary file"),
    ("latin.txt", "Café in Moscow".encode("latin-1"), "not valid UTF-8"),
    ("table.csv", b"a,b\n", "unknown format"),
    ("bad.jsonl", b'{"id": 1, "text": "ok"}\n{oops\n', "line 2: malformed JSON"),
    ("noid.jsonl", b'{"text": "Russia"}\n', "line 1: record has no 'id'"),
])
def test_bad_input_one_line_error(tmp_path, capsys, name, data, message):
    path = bad_input(tmp_path, name, data)
    code = run(str(path), "--out", str(tmp_path / "out"))
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    if name != "bad.jsonl":  # bad.jsonl still has one good record
        assert code != 0
        assert not (tmp_path / "out" / "claims.jsonl").exists()


def test_missing_path(tmp_path, capsys):
    assert run(str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")) != 0
    assert "no such file or folder" in capsys.readouterr().err


def test_one_bad_document_does_not_stop_the_rest(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("Russia criticized Japan.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    assert run(str(folder), "--out", str(tmp_path / "out")) == 0
    err = capsys.readouterr().err
    assert "bad.txt" in err and "failed" in err
    assert [d["doc_id"] for d in lines(tmp_path / "out" / "documents.jsonl")] == ["good"]


def test_incremental_rerun(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.txt").write_text(f"Russia criticized Japan {i} times.",
                                          encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out)) == 0
    first = (out / "claims.jsonl").read_text()
    capsys.readouterr()
    assert run(str(folder), "--out", str(out)) == 0
    assert "0 new, 0 changed, 3 unchanged" in capsys.readouterr().out
    assert (out / "claims.jsonl").read_text() == first
    (folder / "d1.txt").write_text("China supported Japan.", encoding="utf-8")
    assert run(str(folder), "--out", str(out)) == 0
    assert "0 new, 1 changed, 2 unchanged" in capsys.readouterr().out
    docs = {d["doc_id"] for d in lines(out / "documents.jsonl")}
    assert docs == {"d0", "d1", "d2"}
    assert ("CHN", "SUPPORT", "JPN") in {(c["subject"], c["type"], c["object"])
                                        for c in lines(out / "claims.jsonl")}


def test_stdin_and_module_entry(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "--out",
                           str(tmp_path), "--quiet", "--no-classifier"],
                          input=b"Japan and Russia signed an agreement.",
                          capture_output=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "1 documents" in proc.stdout.decode()
    assert lines(tmp_path / "documents.jsonl")[0]["doc_id"] == "stdin"


def test_nothing_processable_exits_nonzero_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "x.txt"),
                           "--out", str(tmp_path / "o")], capture_output=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode != 0
    err = proc.stderr.decode().strip().splitlines()
    assert "Traceback" not in proc.stderr.decode()
    assert err[0].startswith("irclaims: error:")


def test_unreadable_classifier_is_one_line_error(tmp_path, capsys, monkeypatch):
    import shutil

    import pipeline.classifier as classifier

    broken = tmp_path / "classifier"
    shutil.copytree(classifier.CLASSIFIER_DIR, broken)
    weights = broken / "weights.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])  # a truncated download, say
    monkeypatch.setattr(classifier, "CLASSIFIER_DIR", broken)
    out = tmp_path / "out"
    assert main(["extract", str(SEED), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("irclaims: error:") and "classifier" in err[0]
    assert not out.exists()
