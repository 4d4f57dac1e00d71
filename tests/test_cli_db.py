"""extract --db and load: idempotent, incremental, claim rows equal claims.jsonl lines."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pipeline.cli import main
from pipeline.database import connect

from .conftest import SEED

TABLES = ("documents", "sentences", "mentions", "claims", "stances")


def counts(url: str) -> dict[str, int]:
    engine = connect(url)
    with engine.connect() as conn:
        result = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}
    engine.dispose()
    return result


def extract(*args: str) -> int:
    return main(["extract", *args, "--quiet", "--no-classifier"])


def test_two_runs_on_seed_change_nothing(tmp_path, db_url, capsys):
    out = tmp_path / "out"
    assert extract(str(SEED), "--out", str(out), "--db", db_url) == 0
    first = counts(db_url)
    claims_lines = len((out / "claims.jsonl").read_text(encoding="utf-8").splitlines())
    assert first["claims"] == claims_lines > 0
    assert first["documents"] == 1 and first["sentences"] > 100
    capsys.readouterr()
    assert extract(str(SEED), "--out", str(out), "--db", db_url) == 0
    assert "0 new, 0 changed, 1 unchanged" in capsys.readouterr().out
    assert counts(db_url) == first


def test_changing_one_of_ten_reprocesses_only_it(tmp_path, db_url, capsys, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(10):
        (folder / f"doc{i}.txt").write_text(f"Russia criticized Japan in 20{10 + i}.",
                                            encoding="utf-8")
    out = tmp_path / "out"
    assert extract(str(folder), "--out", str(out), "--db", db_url) == 0
    (folder / "doc3.txt").write_text("China supported Vietnam and criticized India.",
                                     encoding="utf-8")
    processed: list[str] = []
    from pipeline.pipeline import Pipeline

    original = Pipeline.process

    def spy(self, raws):
        processed.extend(r.doc_id for r in raws)
        return original(self, raws)

    monkeypatch.setattr(Pipeline, "process", spy)
    capsys.readouterr()
    assert extract(str(folder), "--out", str(out), "--db", db_url) == 0
    assert processed == ["doc3"]
    output = capsys.readouterr()
    assert "0 new, 1 changed, 9 unchanged" in output.out
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert counts(db_url)["claims"] == len(claims)
    assert ("CHN", "SUPPORT", "VNM") in {(c["subject"], c["type"], c["object"]) for c in claims}


def test_load_command(tmp_path, db_url, capsys):
    out = tmp_path / "out"
    assert extract(str(SEED), "--out", str(out)) == 0
    capsys.readouterr()
    assert main(["load", str(out), "--db", db_url]) == 0
    assert "1 new, 0 changed, 0 unchanged" in capsys.readouterr().out
    assert main(["load", str(out), "--db", db_url]) == 0
    assert "0 new, 0 changed, 1 unchanged" in capsys.readouterr().out
    assert main(["load", str(Path(tmp_path / "missing")), "--db", db_url]) != 0
