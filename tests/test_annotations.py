"""The annotation checker: shipped gold is clean, and bad records are caught."""

from __future__ import annotations

import json

from pipeline.annotations import check

from .conftest import ROOT


def test_shipped_annotations_are_valid():
    assert check(ROOT / "annotations", ROOT / "corpus") == []
    assert check(ROOT / "annotations" / "heldout", ROOT / "corpus" / "heldout") == []
    assert list((ROOT / "annotations" / "heldout").glob("*.claims.jsonl"))


def test_bad_records_are_reported(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus" / "d.txt").write_text("Russia criticized Japan.", encoding="utf-8")
    good = {"doc_id": "d", "sentence": None, "start": 0, "end": 24,
            "evidence": "Russia criticized Japan.", "subject": "RUS", "subject_agent": None,
            "type": "OPPOSE", "object": "JPN", "negated": False, "modality": "asserted",
            "source": "AUTHOR", "source_agent": None, "topic": "OTHER",
            "stance": "conflictual", "time": None}
    bad = [{**good, "type": "HUG"}, {**good, "object": None}, {**good, "end": 20},
           {**good, "time": "May 2013"}, {**good, "negated": "no"}]
    lines = [json.dumps(r) for r in [good, *bad]]
    (tmp_path / "gold" / "d.claims.jsonl").write_text("\n".join(lines) + "\n")
    mention = {"doc_id": "d", "start": 0, "end": 6, "text": "Russia", "label": "LOC",
               "actor": "RUS", "agent": None}
    (tmp_path / "gold" / "d.mentions.jsonl").write_text(json.dumps(mention) + "\n")
    problems = check(tmp_path / "gold", tmp_path / "corpus")
    lines_with_problems = {p.split(": ")[0].rsplit(":", 1)[1] for p in problems
                           if "claims.jsonl" in p}
    assert lines_with_problems == {"2", "3", "4", "5", "6"}
    assert any("evidence != text[start:end]" in p for p in problems)
    assert any("d.mentions.jsonl:1" in p for p in problems)
